/**
 * The vocabulary of the field, as closed lists. Labels live in the
 * translations under the same names (e.g. `mobility.licence_and_vehicle`).
 */

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** The public a candidate belongs to, as funders count it. */
export const PUBLIC_CATEGORIES = [
  'asylum_seeker',
  'refugee',
  'subsidiary_protection',
  'temporary_protection',
  'other_permit',
  'rsa',
  'other',
] as const;
export type PublicCategory = (typeof PUBLIC_CATEGORIES)[number];

/** Where a candidate stands in the association's follow-up. */
export const FOLLOW_UP_STATUSES = ['new', 'active', 'on_hold', 'employed', 'left'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** CEFR levels plus the two states the field needs before an assessment. */
export const FRENCH_LEVELS = ['not_assessed', 'below_a1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type FrenchLevel = (typeof FRENCH_LEVELS)[number];

/** Rank for comparisons: "below A1" is below A1; "not assessed" meets no requirement. */
export function frenchLevelRank(level: FrenchLevel): number {
  return level === 'not_assessed' ? -1 : FRENCH_LEVELS.indexOf(level) - 1;
}

export const FRENCH_LEVEL_PROOFS = ['delf', 'tcf', 'course_certificate', 'volunteer_estimate', 'other'] as const;
export type FrenchLevelProof = (typeof FRENCH_LEVEL_PROOFS)[number];

/**
 * Work-authorisation documents common in France. An asylum certificate alone does not allow
 * work: after 6 months without a decision the employer may apply for an authorisation.
 */
export const AUTHORISATION_DOCUMENTS = [
  'asylum_certificate',
  'refugee_resident_card',
  'protection_receipt',
  'subsidiary_protection_card',
  'temporary_protection',
  'other_residence_permit',
  'eu_citizen',
  'none',
] as const;
export type AuthorisationDocument = (typeof AUTHORISATION_DOCUMENTS)[number];

export const MOBILITIES = [
  'licence_and_vehicle',
  'licence_no_vehicle',
  'highway_code_only',
  'licence_in_progress',
  'other_licence',
  'public_transport',
  'bicycle',
  'licence_not_valid_in_france',
  'vehicle_no_licence',
  'none',
] as const;
export type Mobility = (typeof MOBILITIES)[number];

/** Mobility values that mean the person may drive in France. */
export const DRIVING_MOBILITIES: readonly Mobility[] = ['licence_and_vehicle', 'licence_no_vehicle'];

/** Barriers (*freins*). Health is recorded only as a coarse flag and a note, never a diagnosis. */
export const BARRIER_THEMES = [
  'housing',
  'childcare',
  'health',
  'mobility',
  'french',
  'digital',
  'administrative',
  'financial',
  'training',
  'employment_history',
] as const;
export type BarrierTheme = (typeof BARRIER_THEMES)[number];

export const BARRIER_STATUSES = ['open', 'lifted'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

export const CONSENT_METHODS = ['written', 'oral', 'form'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const TIMELINE_KINDS = ['call', 'meeting', 'dropin_visit', 'message', 'note'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_SUBJECTS = ['candidate', 'employer', 'partner'] as const;
export type TimelineSubject = (typeof TIMELINE_SUBJECTS)[number];

/** Timeline kinds that count as a company contact in funders' figures. */
export const COMPANY_CONTACT_KINDS: readonly TimelineKind[] = ['call', 'meeting', 'message'];

export const CONTRACT_TYPES = [
  'cdi',
  'cdd',
  'cddi',
  'temporary',
  'apprenticeship',
  'professionalisation',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const JOB_NEED_STATES = ['open', 'filled', 'closed'] as const;
export type JobNeedState = (typeof JOB_NEED_STATES)[number];

export const PARTNER_KINDS = [
  'reception_centre',
  'asylum_housing',
  'social_service',
  'integration_enterprise',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PAIR_KINDS = ['sector', 'temp_agencies'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

/** Sectors every installation starts with; staff can rename, add and archive. */
export const SEEDED_SECTORS = [
  'logistics',
  'agri_food',
  'construction',
  'cleaning',
  'elderly_care',
  'health',
  'hospitality',
  'industry',
  'retail',
  'temporary_work',
] as const;
export type SeededSector = (typeof SEEDED_SECTORS)[number];

/** Which files a list shows: those in use, the archived ones, or both. */
export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;
