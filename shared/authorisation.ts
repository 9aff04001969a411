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
 * Each answer the rule gives, under `matching.values.reasons.`: whether the person may work
 * then (`allowed`), and whether an employer's application for an authorisation is what it
 * takes (`employerApplication`: the file says the employer must apply, or the employer may
 * apply for the gap).
 */
export const AUTHORISATION_VERDICTS = {
  authorisation_eu_citizen: { allowed: true, employerApplication: false },
  authorisation_employer_must_apply: { allowed: true, employerApplication: true },
  authorisation_not_recorded: { allowed: false, employerApplication: false },
  authorisation_none: { allowed: false, employerApplication: false },
  authorisation_asylum_certificate: { allowed: false, employerApplication: false },
  authorisation_asylum_certificate_wait: { allowed: false, employerApplication: false },
  authorisation_asylum_certificate_may_apply: { allowed: false, employerApplication: true },
  authorisation_asylum_certificate_pmsmp: { allowed: true, employerApplication: false },
  authorisation_asylum_certificate_ends_before_end: { allowed: false, employerApplication: false },
  authorisation_not_yet_valid: { allowed: false, employerApplication: false },
  authorisation_expiry_not_recorded: { allowed: false, employerApplication: false },
  authorisation_expired: { allowed: false, employerApplication: false },
  authorisation_ends_before_start: { allowed: false, employerApplication: false },
  authorisation_valid_through_contract: { allowed: true, employerApplication: false },
  authorisation_ends_days_before_end: { allowed: false, employerApplication: true },
  authorisation_ends_weeks_before_end: { allowed: false, employerApplication: true },
  authorisation_ends_months_before_end: { allowed: false, employerApplication: true },
  authorisation_valid_at_start_ends_soon: { allowed: true, employerApplication: false },
  authorisation_valid_at_start: { allowed: true, employerApplication: false },
} as const satisfies Record<string, { allowed: boolean; employerApplication: boolean }>;

export type AuthorisationCode = keyof typeof AUTHORISATION_VERDICTS;

/** The finding: the rule's answer (`code`), what it says (`allowed`, `employerApplication`), and its parameters. */
export interface AuthorisationFinding {
  allowed: boolean;
  code: AuthorisationCode;
  params?: Record<string, string | number>;
  employerApplication: boolean;
}

/** The day the employer of an asylum seeker registered on `asylumRegisteredOn` may apply. */
const asylumApplyFrom = (asylumRegisteredOn: string) => addMonths(asylumRegisteredOn, ASYLUM_WAIT_MONTHS);

/** Days from the document's expiry to the last day to cover. */
const uncoveredDays = (expiry: string, authorisationEnd: string) => daysBetween(expiry, authorisationEnd);

/** The document's own dates on the start: null when it is valid then, else the refusal. */
function refusedOnStart(start: string | null, expiry: string | null, period: AuthorisationPeriod): AuthorisationCode | null {
  if (start !== null && start > period.start) return 'authorisation_not_yet_valid';
  if (expiry === null) return 'authorisation_expiry_not_recorded';
  if (expiry < period.today) return 'authorisation_expired';
  if (expiry < period.start) return 'authorisation_ends_before_start';
  return null;
}

/**
 * The rule: its answer alone, without its parameters. Matching asks it for every class of
 * files; `authorisationFinding` adds the parameters of the answer to show or to record.
 */
export function authorisationCode(holder: AuthorisationHolder, period: AuthorisationPeriod, activity: AuthorisedActivity = 'employment'): AuthorisationCode {
  const { authorisationDocument: document, authorisationStart, authorisationExpiry: expiry, asylumRegisteredOn } = holder;

  if (document === 'eu_citizen') return 'authorisation_eu_citizen';
  if (document === 'asylum_certificate' && activity === 'pmsmp') {
    const refused = refusedOnStart(authorisationStart, expiry, period);
    if (refused !== null) return refused;
    return period.authorisationEnd !== null && (expiry as string) < period.authorisationEnd
      ? 'authorisation_asylum_certificate_ends_before_end'
      : 'authorisation_asylum_certificate_pmsmp';
  }
  if (holder.employerMustApply) return 'authorisation_employer_must_apply';
  if (document === null) return 'authorisation_not_recorded';
  if (document === 'none') return 'authorisation_none';
  if (document === 'asylum_certificate') {
    if (asylumRegisteredOn === null) return 'authorisation_asylum_certificate';
    return asylumApplyFrom(asylumRegisteredOn) > period.today ? 'authorisation_asylum_certificate_wait' : 'authorisation_asylum_certificate_may_apply';
  }
  const refused = refusedOnStart(authorisationStart, expiry, period);
  if (refused !== null) return refused;
  const validUntil = expiry as string;
  if (period.authorisationEnd !== null) {
    if (validUntil >= period.authorisationEnd) return 'authorisation_valid_through_contract';
    // The document ends during the work: the employer may apply for an authorisation covering the rest.
    const days = uncoveredDays(validUntil, period.authorisationEnd);
    if (days < 14) return 'authorisation_ends_days_before_end';
    if (days < 60) return 'authorisation_ends_weeks_before_end';
    return 'authorisation_ends_months_before_end';
  }
  return validUntil < period.renewalWarningBefore ? 'authorisation_valid_at_start_ends_soon' : 'authorisation_valid_at_start';
}

/**
 * What the rule reads of a holder for employment, as one text: holders with the same text get
 * the same finding for every period (tested). An EU citizen's or an employer-must-apply file's
 * dates are not read, nor an asylum certificate's own dates: matching puts such files in one
 * class and asks the rule once for all of them.
 */
export function authorisationReads(holder: AuthorisationHolder): string {
  const { authorisationDocument: document } = holder;
  if (document === 'eu_citizen') return document;
  if (holder.employerMustApply) return 'employer_must_apply';
  if (document === 'asylum_certificate') return `${document}|${holder.asylumRegisteredOn}`;
  return `${document}|${holder.authorisationStart}|${holder.authorisationExpiry}`;
}

/** Whether the rule lets the person work then: its answer's verdict, nothing built. */
export function authorisationAllowed(holder: AuthorisationHolder, period: AuthorisationPeriod, activity: AuthorisedActivity = 'employment'): boolean {
  return AUTHORISATION_VERDICTS[authorisationCode(holder, period, activity)].allowed;
}

/** What an answer names: the dates (and the count) its words show. */
function authorisationParams(code: AuthorisationCode, holder: AuthorisationHolder, period: AuthorisationPeriod): AuthorisationFinding['params'] {
  const expiryDate = holder.authorisationExpiry as string;
  const contractEndDate = period.authorisationEnd as string;
  switch (code) {
    case 'authorisation_eu_citizen':
    case 'authorisation_employer_must_apply':
    case 'authorisation_not_recorded':
    case 'authorisation_none':
    case 'authorisation_asylum_certificate':
    case 'authorisation_expiry_not_recorded':
      return undefined;
    case 'authorisation_asylum_certificate_wait':
      return { applyFromDate: asylumApplyFrom(holder.asylumRegisteredOn as string) };
    case 'authorisation_asylum_certificate_may_apply':
      return { asylumRegisteredOn: holder.asylumRegisteredOn as string };
    case 'authorisation_not_yet_valid':
      return { validFromDate: holder.authorisationStart as string, jobStartDate: period.start };
    case 'authorisation_ends_before_start':
      return { expiryDate, jobStartDate: period.start };
    case 'authorisation_asylum_certificate_ends_before_end':
      return { expiryDate, contractEndDate };
    case 'authorisation_ends_days_before_end':
      return { expiryDate, contractEndDate, count: uncoveredDays(expiryDate, contractEndDate) };
    case 'authorisation_ends_weeks_before_end':
      return { expiryDate, contractEndDate, count: Math.round(uncoveredDays(expiryDate, contractEndDate) / 7) };
    case 'authorisation_ends_months_before_end':
      return { expiryDate, contractEndDate, count: Math.round(uncoveredDays(expiryDate, contractEndDate) / 30.44) };
    case 'authorisation_expired':
    case 'authorisation_asylum_certificate_pmsmp':
    case 'authorisation_valid_through_contract':
    case 'authorisation_valid_at_start_ends_soon':
    case 'authorisation_valid_at_start':
      return { expiryDate };
  }
}

/** The rule's answer with its verdict and its parameters. */
export function authorisationFinding(
  holder: AuthorisationHolder,
  period: AuthorisationPeriod,
  activity: AuthorisedActivity = 'employment',
): AuthorisationFinding {
  const code = authorisationCode(holder, period, activity);
  const { allowed, employerApplication } = AUTHORISATION_VERDICTS[code];
  const params = authorisationParams(code, holder, period);
  return params ? { allowed, code, params, employerApplication } : { allowed, code, employerApplication };
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
