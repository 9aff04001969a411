import { z } from 'zod';
import {
  ARCHIVE_FILTERS,
  AUTHORISATION_DOCUMENTS,
  BARRIER_STATUSES,
  BARRIER_THEMES,
  type BarrierTheme,
  CONSENT_METHODS,
  FOLLOW_UP_STATUSES,
  FRENCH_LEVEL_PROOFS,
  FRENCH_LEVELS,
  GENDERS,
  MOBILITIES,
  PUBLIC_CATEGORIES,
} from './domain';
import { mergeChoicesSchema } from './merge';
import { reads, writes } from './method';
import { LANGUAGES } from './i18n/languages';
import { COUNTRY_CODES, LANGUAGE_CODES } from './reference';
import {
  distinctList,
  idSchema,
  pastIsoDate,
  optionalEmail,
  optionalIsoDate,
  optionalPhone,
  optionalPostalCode,
  optionalRomeCode,
  optionalText,
  requiredText,
  today,
  uuid,
  wholeNumber,
} from './validation';

export { ARCHIVE_FILTERS, FRENCH_LEVELS, type FrenchLevel, frenchLevelRank } from './domain';

const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * The versions of the consent text shown to the person (its wording: `candidates.consentText.<version>`
 * in shared/i18n, the same in every language). A new wording is a new version, added at the end:
 * a file keeps the version its person agreed to, so an old version's wording is never edited.
 */
export const CONSENT_TEXT_VERSIONS = ['2026-12'] as const;
export type ConsentTextVersion = (typeof CONSENT_TEXT_VERSIONS)[number];
export const CURRENT_CONSENT_TEXT_VERSION: ConsentTextVersion = CONSENT_TEXT_VERSIONS[CONSENT_TEXT_VERSIONS.length - 1] as ConsentTextVersion;
/** What the consent text asks, one paragraph each, in this order (keys under `candidates.consentText.<version>`). */
export const CONSENT_TEXT_PARTS = ['purpose', 'recording', 'contact', 'presentation', 'sharing', 'rights'] as const;

function nullableEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .enum(values, { error: 'common.errors.choice' })
    .nullish()
    .transform((value) => value ?? null);
}

function nullableInt(min: number, max: number) {
  return wholeNumber()
    .min(min)
    .max(max)
    .nullish()
    .transform((value) => value ?? null);
}


export const occupationSchema = z.strictObject({ label: requiredText(150), romeCode: optionalRomeCode() });
export const qualificationSchema = z.strictObject({ label: requiredText(200), recognised: z.boolean() });
export const barrierSchema = z.strictObject({
  theme: z.enum(BARRIER_THEMES, { error: 'common.errors.choice' }),
  status: z.enum(BARRIER_STATUSES, { error: 'common.errors.choice' }),
  /** What was done about it; for health, a neutral note only, never a diagnosis. */
  action: optionalText(500),
  changedOn: pastIsoDate(),
});

/** How many other names, occupations and qualifications a file holds at most (the forms stop adding there). */
export const MAX_OTHER_NAMES = 10;
export const MAX_OCCUPATIONS = 10;
export const MAX_QUALIFICATIONS = 10;

/**
 * Every field of a candidate's file, without defaults: a create leaves out what it does not
 * know (the database supplies the defaults) and an update changes only the fields it sends.
 */
export const candidateFieldShapes = {
  // Identity
  firstName: requiredText(100),
  lastName: requiredText(100),
  otherNames: distinctList(requiredText(100), MAX_OTHER_NAMES),
  gender: nullableEnum(GENDERS),
  birthDate: optionalIsoDate().refine(
    (value) => value === null || (value >= EARLIEST_BIRTH_DATE && value <= today()),
    { error: 'common.errors.birthDate' },
  ),
  nationality: nullableEnum(COUNTRY_CODES),
  languages: distinctList(z.enum(LANGUAGE_CODES, { error: 'common.errors.choice' }), 20),
  // Contact
  phone: optionalPhone(),
  phoneWhatsapp: z.boolean(),
  secondPhone: optionalPhone(),
  email: optionalEmail(),
  address: optionalText(200),
  postalCode: optionalPostalCode(),
  commune: optionalText(100),
  // Follow-up
  publicCategory: nullableEnum(PUBLIC_CATEGORIES),
  status: z.enum(FOLLOW_UP_STATUSES, { error: 'common.errors.choice' }),
  assignedPairId: uuid.nullish().transform((value) => value ?? null),
  assignedVolunteerId: uuid.nullish().transform((value) => value ?? null),
  // French
  frenchLevel: z.enum(FRENCH_LEVELS, { error: 'common.errors.choice' }),
  frenchLevelProof: nullableEnum(FRENCH_LEVEL_PROOFS),
  frenchLevelDate: pastIsoDate(),
  // Work authorisation
  authorisationDocument: nullableEnum(AUTHORISATION_DOCUMENTS),
  authorisationStart: optionalIsoDate(),
  authorisationExpiry: optionalIsoDate(),
  employerMustApply: z.boolean(),
  asylumRegisteredOn: pastIsoDate(),
  // Mobility
  mobility: nullableEnum(MOBILITIES),
  maxDistanceKm: nullableInt(0, 1000),
  maxTravelMinutes: nullableInt(0, 600),
  // Professional project
  sectorIds: distinctList(uuid, 20),
  occupations: z.array(occupationSchema).max(MAX_OCCUPATIONS),
  experience: optionalText(2000),
  qualifications: z.array(qualificationSchema).max(MAX_QUALIFICATIONS),
  availability: optionalText(500),
  availableFrom: optionalIsoDate(),
  // Referral
  referralPartnerId: uuid.nullish().transform((value) => value ?? null),
  referrerContact: optionalText(200),
  referredOn: pastIsoDate(),
  // Consent
  consentRecording: z.boolean(),
  consentContact: z.boolean(),
  /** To be proposed to employers (matching, presentations); given unless the person says no. */
  consentPresentation: z.boolean(),
  /** The version of the consent text (CONSENT_TEXT_VERSIONS) the person was shown and agreed to. */
  consentTextVersion: nullableEnum(CONSENT_TEXT_VERSIONS),
  consentDate: pastIsoDate(),
  consentMethod: nullableEnum(CONSENT_METHODS),
  consentWithdrawnOn: pastIsoDate(),
  sharingPartnerIds: distinctList(uuid, 50),
  // Barriers, one entry per theme
  barriers: z
    .array(barrierSchema)
    .max(BARRIER_THEMES.length)
    .refine((list) => new Set(list.map((barrier) => barrier.theme)).size === list.length, {
      error: 'candidates.errors.duplicateBarrier',
    }),
};

const { firstName, lastName, ...optionalShapes } = candidateFieldShapes;

export const candidateFieldsSchema = z.strictObject({
  firstName,
  lastName,
  ...z.strictObject(optionalShapes).partial().shape,
});
export type CandidateFieldsInput = z.input<typeof candidateFieldsSchema>;
export type CandidateFields = z.output<typeof candidateFieldsSchema>;

/** An update sends the id and the fields it changes. */
export const candidateUpdateSchema = z.strictObject({
  id: uuid,
  ...z.strictObject(candidateFieldShapes).partial().shape,
  /** Who makes the change (the name typed on this computer), kept in the barriers' history. */
  author: optionalText(100).optional(),
});
export type CandidatePatch = z.output<typeof candidateUpdateSchema>;

export interface Barrier {
  theme: BarrierTheme;
  status: (typeof BARRIER_STATUSES)[number];
  action: string | null;
  changedOn: string | null;
}

/** What a change did to a barrier, as its history tells it. */
export const BARRIER_CHANGES = ['opened', 'updated', 'lifted', 'reopened', 'removed'] as const;
export type BarrierChange = (typeof BARRIER_CHANGES)[number];

/** One change of a barrier: the barrier as it became (null when removed), who and when. */
export interface BarrierEvent {
  id: string;
  theme: BarrierTheme;
  change: BarrierChange;
  barrier: Barrier | null;
  author: string | null;
  createdAt: string;
}

/**
 * What a new list of barriers changes on the old one, theme by theme: a new theme is opened
 * (or recorded as already lifted), a status that moves is lifted or reopened, a new action or
 * date is an update, a theme left out is removed. Unchanged themes give nothing.
 */
export function barrierChanges(before: readonly Barrier[], after: readonly Barrier[]): { theme: BarrierTheme; change: BarrierChange; barrier: Barrier | null }[] {
  return BARRIER_THEMES.flatMap((theme) => {
    const old = before.find((barrier) => barrier.theme === theme);
    const now = after.find((barrier) => barrier.theme === theme) ?? null;
    let change: BarrierChange | null = null;
    if (!old && now) change = now.status === 'lifted' ? 'lifted' : 'opened';
    else if (old && !now) change = 'removed';
    else if (old && now && old.status !== now.status) change = now.status === 'lifted' ? 'lifted' : 'reopened';
    else if (old && now && (old.action !== now.action || old.changedOn !== now.changedOn)) change = 'updated';
    return change === null ? [] : [{ theme, change, barrier: now }];
  });
}

type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export interface Candidate extends Complete<Omit<z.output<z.ZodObject<typeof candidateFieldShapes>>, 'barriers'>> {
  barriers: Barrier[];
  id: string;
  /** Association the record came from; null when it was created here. */
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  mergedIntoId: string | null;
  /** The day the person took back their consent to being recorded (the tick went off); null otherwise. */
  consentRecordingWithdrawnOn: string | null;
  /** Restriction of processing (GDPR art. 18): when the file was frozen, why and by whom; null when it is not. */
  restrictedAt: string | null;
  restrictionReason: RestrictionReason | null;
  restrictedBy: string | null;
}

/**
 * Checks between fields (a document cannot expire before it starts…), run on the whole file
 * after an update is applied, so a partial update cannot break them either.
 */
export function candidateConsistencyErrors(candidate: {
  authorisationStart: string | null;
  authorisationExpiry: string | null;
  consentDate: string | null;
  consentWithdrawnOn: string | null;
  birthDate: string | null;
  asylumRegisteredOn: string | null;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  const { authorisationStart, authorisationExpiry, consentDate, consentWithdrawnOn, birthDate, asylumRegisteredOn } =
    candidate;
  if (authorisationStart && authorisationExpiry && authorisationExpiry < authorisationStart) {
    errors.authorisationExpiry = 'candidates.errors.expiryBeforeStart';
  }
  if (consentDate && consentWithdrawnOn && consentWithdrawnOn < consentDate) {
    errors.consentWithdrawnOn = 'candidates.errors.withdrawalBeforeConsent';
  }
  if (birthDate && asylumRegisteredOn && asylumRegisteredOn < birthDate) {
    errors.asylumRegisteredOn = 'candidates.errors.beforeBirth';
  }
  return errors;
}

/**
 * What the person's consent allows, one definition for the services and stores (which refuse
 * or leave out) and the screens (which explain). A withdrawal (`consentWithdrawnOn`) stops
 * everything at once and clears the contact and sharing ticks when it is recorded; each kind
 * also stands on its own tick. A restricted file (art. 18) is frozen: kept and visible, but
 * nobody presents, shares, exports or contacts it until the restriction is lifted.
 */
type ConsentState = Pick<Candidate, 'consentWithdrawnOn' | 'restrictedAt'>;

export function consentWithdrawn(candidate: { consentWithdrawnOn: string | null }): boolean {
  return candidate.consentWithdrawnOn !== null;
}

export function isRestricted(candidate: { restrictedAt: string | null }): boolean {
  return candidate.restrictedAt !== null;
}

export function mayBeContacted(candidate: ConsentState & Pick<Candidate, 'consentContact'>): boolean {
  return candidate.consentContact && !consentWithdrawn(candidate) && !isRestricted(candidate);
}

/** Why a file may not be proposed to an employer, the first that applies; null when it may. */
export const PRESENTATION_BLOCKS = ['restricted', 'consent_withdrawn', 'presentation_consent_withdrawn'] as const;
export type PresentationBlock = (typeof PRESENTATION_BLOCKS)[number];

export function presentationBlock(candidate: ConsentState & Pick<Candidate, 'consentPresentation'>): PresentationBlock | null {
  if (isRestricted(candidate)) return 'restricted';
  if (consentWithdrawn(candidate)) return 'consent_withdrawn';
  if (!candidate.consentPresentation) return 'presentation_consent_withdrawn';
  return null;
}

/** Why a file may not be sent to a partner, the first that applies; null when it may. */
export const SHARING_BLOCKS = ['restricted', 'no_recording_consent', 'consent_withdrawn', 'not_shared_with_partner'] as const;
export type SharingBlock = (typeof SHARING_BLOCKS)[number];

export function sharingBlock(
  candidate: ConsentState & Pick<Candidate, 'consentRecording'>,
  sharedWithPartner: boolean,
): SharingBlock | null {
  if (isRestricted(candidate)) return 'restricted';
  if (!candidate.consentRecording) return 'no_recording_consent';
  if (consentWithdrawn(candidate)) return 'consent_withdrawn';
  if (!sharedWithPartner) return 'not_shared_with_partner';
  return null;
}

/** Shareable with at least one partner: the file's "not shareable" badge is the opposite. */
export function shareable(candidate: ConsentState & Pick<Candidate, 'consentRecording' | 'sharingPartnerIds'>): boolean {
  return sharingBlock(candidate, candidate.sharingPartnerIds.length > 0) === null;
}

/**
 * The person no longer agrees to be recorded (that tick taken back, or the whole consent
 * withdrawn): the file should go, so erasure is proposed to an administrator.
 */
export function erasureProposed(candidate: Pick<Candidate, 'consentWithdrawnOn' | 'consentRecordingWithdrawnOn'>): boolean {
  return consentWithdrawn(candidate) || candidate.consentRecordingWithdrawnOn !== null;
}

/**
 * Grounds for restricting processing (GDPR art. 18(1) a–d): the accuracy is contested, the
 * processing is unlawful but the person wants the data kept, the person needs it for a legal
 * claim, an objection is being examined. A closed list, so no free text about the person.
 */
export const RESTRICTION_REASONS = ['accuracyContested', 'unlawfulKeep', 'legalClaim', 'objectionPending'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

export const CANDIDATE_SORTS = ['name', 'updated', 'created', 'authorisation_expiry'] as const;

export const candidateListSchema = z.strictObject({
  query: z.string().max(100).default(''),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  statuses: z.array(z.enum(FOLLOW_UP_STATUSES)).max(FOLLOW_UP_STATUSES.length).default([]),
  sectorId: uuid.optional(),
  frenchLevels: z.array(z.enum(FRENCH_LEVELS)).max(FRENCH_LEVELS.length).default([]),
  /** Work authorisation expiring within this many days (already expired included). */
  authorisationExpiringWithinDays: z.int().min(0).max(3650).optional(),
  pairId: uuid.optional(),
  partnerId: uuid.optional(),
  /** Files in this programme or with this funder (any day they joined). */
  programmeId: uuid.optional(),
  sort: z.enum(CANDIDATE_SORTS).default('name'),
  descending: z.boolean().default(false),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export type CandidateSummary = Pick<
  Candidate,
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'commune'
  | 'frenchLevel'
  | 'status'
  | 'authorisationExpiry'
  | 'archivedAt'
  | 'updatedAt'
  | 'consentContact'
  | 'consentWithdrawnOn'
  | 'restrictedAt'
>;

export interface CandidatePage {
  items: CandidateSummary[];
  total: number;
}

/** What the staffer types before creating a file, to spot the same person already recorded. */
export const duplicateProbeSchema = z.strictObject({
  firstName: z.string().max(100).default(''),
  lastName: z.string().max(100).default(''),
  birthDate: optionalIsoDate(),
  phone: z.string().max(40).nullish(),
  email: z.string().max(200).nullish(),
  /** Leave this file out (when checking an existing one). */
  excludeId: uuid.optional(),
});

export const DUPLICATE_REASONS = ['same_birth_date_similar_names', 'same_names', 'same_phone', 'same_email'] as const;

/**
 * Both names typed (two letters each at least) are enough to look for the same person, as in
 * the drop-in room, where a birth date is rarely asked: files with the same names and no other
 * birth date are found.
 */
export function probesByNames(firstName: string, lastName: string): boolean {
  return firstName.trim().length >= 2 && lastName.trim().length >= 2;
}
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateCandidate {
  candidate: CandidateSummary;
  reasons: DuplicateReason[];
}

export const mergeSchema = z.strictObject({
  /** The file that stays. */
  keepId: uuid,
  /** The file whose timeline, links and missing details move to the kept one; it is archived. */
  mergeId: uuid,
  /** Which file's value is kept where they differ (`shared/merge.ts`); the most recent otherwise. */
  choices: mergeChoicesSchema.default({ fields: {}, barriers: {} }),
});

/** Puts back both files of a merge, named by the file that was merged (and archived). */
export const undoMergeSchema = z.strictObject({ mergedId: uuid });

export const candidateMethods = {
  'candidates.create': writes<Candidate>('candidates.write')(candidateFieldsSchema),
  'candidates.update': writes<Candidate>('candidates.write')(candidateUpdateSchema),
  'candidates.get': reads<Candidate>('candidates.read')(idSchema),
  /** Every change of the person's barriers, newest first. */
  'candidates.barrierHistory': reads<BarrierEvent[]>('candidates.read')(idSchema),
  'candidates.list': reads<CandidatePage>('candidates.read')(candidateListSchema),
  'candidates.archive': writes<Candidate>('candidates.manage')(idSchema),
  'candidates.restore': writes<Candidate>('candidates.manage')(idSchema),
  /** Also the drop-in intake's "already known?" (a volunteer's: within their scope). */
  'candidates.findDuplicates': reads<DuplicateCandidate[]>('candidates.read')(duplicateProbeSchema),
  'candidates.merge': writes<Candidate>('candidates.manage')(mergeSchema),
  'candidates.undoMerge': writes<Candidate>('candidates.manage')(undoMergeSchema),
  /** Freezes the file (GDPR art. 18) until `liftRestriction`; every other write on it is refused meanwhile. */
  'candidates.restrict': writes<Candidate>('rights')(
    z.strictObject({ id: uuid, reason: z.enum(RESTRICTION_REASONS, { error: 'common.errors.choice' }) }),
  ),
  'candidates.liftRestriction': writes<Candidate>('rights')(idSchema),
  /** The consent form to print and sign, prefilled with the person's and the association's names. */
  'candidates.consentForm': reads<ConsentForm>('candidates.read')(
    z.strictObject({ id: uuid, language: z.enum(LANGUAGES, { error: 'common.errors.choice' }) }),
  ),
};

export interface ConsentForm {
  fileName: string;
  contentBase64: string;
}
