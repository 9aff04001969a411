import { addMonths, daysBetween } from './dates';
import type { AuthorisationDocument } from './domain';

/**
 * The work-authorisation rule, in one place: matching uses it to say whether a person can take
 * a job, and the main process applies it when a contract or a placement is recorded. Pure:
 * today is an input.
 *
 * - An EU, EEA or Swiss citizen needs none.
 * - "The employer must apply" on the file: the employer asks for the authorisation.
 * - An asylum certificate alone does not allow work; after 6 months without a decision the
 *   employer may apply (CESEDA L554-1). It does allow a PMSMP while valid: an immersion is not
 *   employment (DGEFP instruction of 17 May 2018).
 * - No document, or none recorded, fails: someone must check.
 * - A document that starts after the start, has no expiry recorded, or ends before the start
 *   or the end to cover fails, with the gap. Ending on the last day passes; the day before fails.
 */

/** After this long without a decision, the employer of an asylum seeker may apply for an authorisation. */
export const ASYLUM_WAIT_MONTHS = 6;
/** An authorisation ending this soon after the start of an open-ended job passes with a warning. */
export const EXPIRY_WARNING_MONTHS = 6;

export interface AuthorisationHolder {
  authorisationDocument: AuthorisationDocument | null;
  authorisationStart: string | null;
  authorisationExpiry: string | null;
  employerMustApply: boolean;
  asylumRegisteredOn: string | null;
}

/** The days the authorisation must cover: the start, and through `end` when it is set. */
export interface AuthorisationPeriod {
  today: string;
  start: string;
  /** The last day the authorisation must cover; null: only the start (a CDI). */
  authorisationEnd: string | null;
  /** An authorisation only checked on the start that ends before this day passes with a warning. */
  renewalWarningBefore: string;
}

/** What the work is: employment, or a PMSMP (not employment). */
export type AuthorisedActivity = 'employment' | 'pmsmp';

/**
 * The finding: whether the person may work then (`allowed`), why (`code`, under
 * `matching.values.reasons.`, and its parameters), and whether an employer's application for an
 * authorisation is what it takes (`employerApplication`: the file says the employer must
 * apply, or the employer may apply for the gap).
 */
export interface AuthorisationFinding {
  allowed: boolean;
  code: string;
  params?: Record<string, string | number>;
  employerApplication: boolean;
}

const allowed = (code: string, params?: AuthorisationFinding['params'], employerApplication = false): AuthorisationFinding =>
  params ? { allowed: true, code, params, employerApplication } : { allowed: true, code, employerApplication };
const refused = (code: string, params?: AuthorisationFinding['params'], employerApplication = false): AuthorisationFinding =>
  params ? { allowed: false, code, params, employerApplication } : { allowed: false, code, employerApplication };

/** The document's own dates on the start: its expiry when it is valid then, else the refusal. */
function validOnStart(start: string | null, expiry: string | null, period: AuthorisationPeriod): string | AuthorisationFinding {
  if (start !== null && start > period.start) return refused('authorisation_not_yet_valid', { validFromDate: start, jobStartDate: period.start });
  if (expiry === null) return refused('authorisation_expiry_not_recorded');
  if (expiry < period.today) return refused('authorisation_expired', { expiryDate: expiry });
  if (expiry < period.start) return refused('authorisation_ends_before_start', { expiryDate: expiry, jobStartDate: period.start });
  return expiry;
}

export function authorisationFinding(
  holder: AuthorisationHolder,
  period: AuthorisationPeriod,
  activity: AuthorisedActivity = 'employment',
): AuthorisationFinding {
  const { authorisationDocument: document, authorisationStart, authorisationExpiry: expiry, asylumRegisteredOn } = holder;

  if (document === 'eu_citizen') return allowed('authorisation_eu_citizen');
  if (document === 'asylum_certificate' && activity === 'pmsmp') {
    const validUntil = validOnStart(authorisationStart, expiry, period);
    if (typeof validUntil !== 'string') return validUntil;
    if (period.authorisationEnd !== null && validUntil < period.authorisationEnd) {
      return refused('authorisation_asylum_certificate_ends_before_end', { expiryDate: validUntil, contractEndDate: period.authorisationEnd });
    }
    return allowed('authorisation_asylum_certificate_pmsmp', { expiryDate: validUntil });
  }
  if (holder.employerMustApply) return allowed('authorisation_employer_must_apply', undefined, true);
  if (document === null) return refused('authorisation_not_recorded');
  if (document === 'none') return refused('authorisation_none');
  if (document === 'asylum_certificate') {
    if (asylumRegisteredOn === null) return refused('authorisation_asylum_certificate');
    const applyFromDate = addMonths(asylumRegisteredOn, ASYLUM_WAIT_MONTHS);
    return applyFromDate > period.today
      ? refused('authorisation_asylum_certificate_wait', { applyFromDate })
      : refused('authorisation_asylum_certificate_may_apply', { asylumRegisteredOn }, true);
  }
  const validUntil = validOnStart(authorisationStart, expiry, period);
  if (typeof validUntil !== 'string') return validUntil;
  if (period.authorisationEnd !== null) {
    if (validUntil >= period.authorisationEnd) return allowed('authorisation_valid_through_contract', { expiryDate: validUntil });
    // The document ends during the work: the employer may apply for an authorisation covering the rest.
    const params = { expiryDate: validUntil, contractEndDate: period.authorisationEnd };
    const days = daysBetween(validUntil, period.authorisationEnd);
    if (days < 14) return refused('authorisation_ends_days_before_end', { ...params, count: days }, true);
    if (days < 60) return refused('authorisation_ends_weeks_before_end', { ...params, count: Math.round(days / 7) }, true);
    return refused('authorisation_ends_months_before_end', { ...params, count: Math.round(days / 30.44) }, true);
  }
  return validUntil < period.renewalWarningBefore
    ? allowed('authorisation_valid_at_start_ends_soon', { expiryDate: validUntil })
    : allowed('authorisation_valid_at_start', { expiryDate: validUntil });
}

/** The period a recorded contract or placement asks the authorisation to cover: all of it. */
export function recordedPeriod(startDate: string, endDate: string | null): AuthorisationPeriod {
  // What is recorded may have begun already: the document is judged on the work's own days.
  return { today: startDate, start: startDate, authorisationEnd: endDate, renewalWarningBefore: addMonths(startDate, EXPIRY_WARNING_MONTHS) };
}

/**
 * Whether recording this work needs the employer's application, or is refused, as a
 * translation key under `matching.errors.` (null: it may be recorded as it is).
 * `employerApplying` is the staffer's answer "the employer is applying for the authorisation".
 */
export function authorisationRecordingError(finding: AuthorisationFinding, employerApplying: boolean): string | null {
  if (finding.employerApplication) return employerApplying ? null : 'matching.errors.authorisationEmployerApplying';
  if (finding.allowed) return null;
  switch (finding.code) {
    case 'authorisation_not_recorded':
    case 'authorisation_none':
      return 'matching.errors.authorisationMissing';
    case 'authorisation_asylum_certificate':
    case 'authorisation_asylum_certificate_wait':
      return 'matching.errors.authorisationAsylumWait';
    default:
      return 'matching.errors.authorisationNotCovering';
  }
}
