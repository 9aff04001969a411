import { z } from 'zod';
import { AUDIT_RETENTION_MONTHS } from './audit';
import { addDays } from './dates';
import { reads, writes } from './method';
import { betweenFields, optionalText, uuid } from './validation';

/**
 * How long personal data is kept, and what happens then: one definition the server applies
 * and the screens (Settings, the home card, the register of processing) show.
 */

/**
 * Social-support data: 2 years after the last contact with the person (CNIL deliberation
 * 2023-095; Les emplois de l'inclusion applies the same 730 days). An association may set a
 * shorter period; a longer one only with a stated reason, which is recorded.
 */
export const CANDIDATE_RETENTION_DAYS = 730;
/** No period shorter than this: a file must survive a quiet half-year of a person's search. */
export const CANDIDATE_RETENTION_MIN_DAYS = 180;
/** Even with a reason, no more than 5 years. */
export const CANDIDATE_RETENTION_MAX_DAYS = 1825;
/** Files appear on the home screen this many days before their date (Les emplois de l'inclusion: 30 days). */
export const RETENTION_NOTICE_DAYS = 30;
/**
 * A presentation refused by the employer, or left without an answer: its personal details (the
 * notes and authors of its changes) go 2 years after its last change (CNIL, recruitment: a
 * candidate not retained, 2 years); the presentation, its state and refusal reason stay counted.
 */
export const PRESENTATION_DETAILS_DAYS = 730;
/** The presentations' states whose details expire: refused, or never answered. */
export const EXPIRING_PRESENTATION_STATES = ['refused', 'proposed', 'presented'] as const;

/** Every period, for the README, Settings and the register of processing (art. 30). */
export const RETENTION_RULES = [
  { subject: 'candidates', days: CANDIDATE_RETENTION_DAYS, afterwards: 'anonymised' },
  { subject: 'refusedPresentations', days: PRESENTATION_DETAILS_DAYS, afterwards: 'detailsRemoved' },
  { subject: 'unansweredPresentations', days: PRESENTATION_DETAILS_DAYS, afterwards: 'detailsRemoved' },
  { subject: 'audit', months: AUDIT_RETENTION_MONTHS, afterwards: 'deleted' },
] as const;
export type RetentionSubject = (typeof RETENTION_RULES)[number]['subject'];

/** Why a file is kept past its date: a closed list, so the audit log holds no free text. */
export const KEEP_REASONS = ['supportOngoing', 'personAsked', 'legalObligation', 'pendingClaim'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

export interface RetentionSettings {
  /** Days after the last contact before a file is anonymised. */
  candidateDays: number;
  /** Why the period is longer than the legal default (required then, null otherwise). */
  reasonForLonger: string | null;
}

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = { candidateDays: CANDIDATE_RETENTION_DAYS, reasonForLonger: null };

export const retentionSettingsSchema = z
  .strictObject({
    candidateDays: z
      .int({ error: 'common.errors.number' })
      .min(CANDIDATE_RETENTION_MIN_DAYS, { error: 'retention.errors.periodTooShort' })
      .max(CANDIDATE_RETENTION_MAX_DAYS, { error: 'retention.errors.periodTooLong' }),
    reasonForLonger: optionalText(500),
  })
  .check(
    betweenFields(['candidateDays', 'reasonForLonger'], (settings) =>
      settings.candidateDays > CANDIDATE_RETENTION_DAYS && !settings.reasonForLonger ? { reasonForLonger: 'retention.errors.reasonRequired' } : {},
    ),
  )
  .transform((settings) => (settings.candidateDays > CANDIDATE_RETENTION_DAYS ? settings : { ...settings, reasonForLonger: null }));

/**
 * The day a file's data is due: one period after its last contact, or after the day an
 * administrator last decided to keep it, whichever is later. "Last contact" is the latest entry
 * of its timeline (a call, a meeting, a drop-in visit, a message, a note: `last_contact_on`), else
 * the day the file was created.
 */
export function retentionDueOn(file: { lastContactOn: string | null; createdAt: string; retentionKeptOn: string | null }, days: number): string {
  const contact = file.lastContactOn ?? file.createdAt.slice(0, 10);
  const from = file.retentionKeptOn && file.retentionKeptOn > contact ? file.retentionKeptOn : contact;
  return addDays(from, days);
}

/** A file whose date is near (or past: it is anonymised at the next start). */
export interface RetentionDueItem {
  candidateId: string;
  firstName: string;
  lastName: string;
  lastContactOn: string;
  dueOn: string;
}

export interface RetentionDueList {
  items: RetentionDueItem[];
  total: number;
  /** The period applied, for the card's explanation. */
  candidateDays: number;
}

export interface AnonymiseResult {
  anonymisedIds: string[];
  anonymisedAt: string;
}

/** What an automatic run did: files past their date anonymised, presentations' details removed. */
export interface RetentionRunResult {
  anonymised: number;
  presentationsCleared: number;
}

export interface ProcessingRegisterFile {
  fileName: string;
  /** The PDF, base64. */
  content: string;
}

export const retentionMethods = {
  'retention.due': reads<RetentionDueList>('rights')(
    z.strictObject({ offset: z.int().min(0).default(0), limit: z.int().min(1).max(200).default(50) }),
  ),
  'retention.keep': writes<{ candidateId: string; dueOn: string }>('rights')(
    z.strictObject({ candidateId: uuid, reason: z.enum(KEEP_REASONS, { error: 'common.errors.choice' }) }),
  ),
  'retention.anonymise': writes<AnonymiseResult>('rights')(z.strictObject({ candidateId: uuid })),
  'retention.settings': reads<RetentionSettings>('settings')(z.strictObject({})),
  'retention.saveSettings': writes<RetentionSettings>('settings')(retentionSettingsSchema),
  'retention.processingRegister': reads<ProcessingRegisterFile>('settings')(
    z.strictObject({ language: z.enum(['fr', 'en', 'it'], { error: 'common.errors.choice' }) }),
  ),
};
