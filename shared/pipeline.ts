import { z } from 'zod';
import type { AuthorisedActivity } from './authorisation';
import { ARCHIVE_FILTERS } from './candidates';
import { CONTRACT_TYPES } from './domain';
import { type EmployerKind, INTEGRATION_EMPLOYER_KINDS, MAX_HOURS_PER_WEEK } from './employers';
import { addMonths, inclusiveDays, lastDayOfMonths } from './dates';
import { reads, writes } from './method';
import { betweenFields, decimalNumber, idSchema, optionalText, requiredIsoDate, uuid } from './validation';

/**
 * From contact to work: presentations of a candidate to a job need,
 * placements (immersions, internships, missions, training) within their legal limits,
 * recruitments and their follow-ups.
 */

// ---------------------------------------------------------------- Presentations

export const PRESENTATION_STATES = ['proposed', 'presented', 'interview', 'accepted', 'refused', 'withdrawn', 'obsolete'] as const;
export type PresentationState = (typeof PRESENTATION_STATES)[number];

/** States in which a presentation still waits for something (an answer, an interview). */
export const OPEN_PRESENTATION_STATES = ['proposed', 'presented', 'interview'] as const satisfies readonly PresentationState[];

/** States in which a presentation holds the candidate's place on the need: a second one is refused (refused, withdrawn, obsolete free it). */
export const ACTIVE_PRESENTATION_STATES: readonly PresentationState[] = [...OPEN_PRESENTATION_STATES, 'accepted'];

export const REFUSAL_REASONS = [
  'not_mobile',
  'lacking_skills',
  'french_level',
  'authorisation',
  'no_answer',
  'position_filled',
  'candidate_declined',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Changes that take the person further towards the employer: refused once their consent is withdrawn (closing stays possible). */
export const FORWARD_PRESENTATION_STATES = ['presented', 'interview', 'accepted'] as const satisfies readonly PresentationState[];

/**
 * The changes a person may make. `obsolete` is never chosen by hand: it is set on a
 * candidate's other open presentations when one of them leads to a recruitment.
 */
export const PRESENTATION_TRANSITIONS: Record<PresentationState, readonly PresentationState[]> = {
  proposed: ['presented', 'refused', 'withdrawn'],
  presented: ['interview', 'accepted', 'refused', 'withdrawn'],
  interview: ['accepted', 'refused', 'withdrawn'],
  accepted: ['withdrawn'],
  refused: [],
  withdrawn: [],
  obsolete: [],
};

export function canTransition(from: PresentationState, to: PresentationState): boolean {
  return PRESENTATION_TRANSITIONS[from].includes(to);
}

/**
 * The one step that may be dated ahead: an interview is set for a day to come and shows as
 * planned until then. The other steps (presented, accepted, refused…) are facts, recorded
 * once they have happened.
 */
export const PLANNABLE_PRESENTATION_STATES: readonly PresentationState[] = ['interview'];

/** A step dated after today that may be: an interview still to come. */
export function isPlanned(state: PresentationState, on: string, today: string): boolean {
  return on > today && PLANNABLE_PRESENTATION_STATES.includes(state);
}

/**
 * The earliest day the next change may carry: the day of the last change that has happened.
 * An interview still to come does not count, so it can be cancelled (withdrawn, refused)
 * before its day.
 */
export function nextChangeFloor(history: readonly { on: string }[], today: string): string {
  return history.reduce((floor, event) => (event.on <= today && event.on > floor ? event.on : floor), '');
}

/** Who did it: until the app has one account per person, the name typed on this computer. */
const author = optionalText(100);

export const presentationCreateSchema = z.strictObject({
  candidateId: uuid,
  jobNeedId: uuid,
  /** The day of the proposal; today when left out. */
  on: requiredIsoDate().optional(),
  author,
  note: optionalText(2000),
});

export const presentationTransitionSchema = z
  .strictObject({
    id: uuid,
    to: z.enum(PRESENTATION_STATES, { error: 'common.errors.choice' }),
    on: requiredIsoDate().optional(),
    author,
    /** Required when the presentation is refused. */
    refusalReason: z
      .enum(REFUSAL_REASONS, { error: 'common.errors.choice' })
      .nullish()
      .transform((value) => value ?? null),
    note: optionalText(2000),
  })
  .check(
    betweenFields(['to', 'refusalReason'], (input) =>
      input.to === 'refused' && input.refusalReason === null ? { refusalReason: 'matching.errors.refusalReasonRequired' } : {},
    ),
  );

/** One change of state, as logged. `from` is null for the proposal itself. */
export interface PresentationEvent {
  id: string;
  from: PresentationState | null;
  to: PresentationState;
  on: string;
  author: string | null;
  note: string | null;
  createdAt: string;
}

export interface PresentationSummary {
  id: string;
  candidateId: string;
  candidateName: string;
  jobNeedId: string;
  occupation: string;
  employerId: string;
  employerName: string;
  state: PresentationState;
  refusalReason: RefusalReason | null;
  proposedOn: string;
  /** Date of the last change of state. */
  stateChangedOn: string;
  updatedAt: string;
}

export interface Presentation extends PresentationSummary {
  /** Every change, oldest first. */
  history: PresentationEvent[];
  /** The states a person may move it to now. */
  allowedTransitions: PresentationState[];
  origin: string | null;
  createdAt: string;
}

export const presentationListSchema = z.strictObject({
  candidateId: uuid.optional(),
  jobNeedId: uuid.optional(),
  employerId: uuid.optional(),
  /** Any of these states; all when empty. */
  states: z.array(z.enum(PRESENTATION_STATES)).max(PRESENTATION_STATES.length).default([]),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface PresentationPage {
  items: PresentationSummary[];
  total: number;
}

// ---------------------------------------------------------------- Placements

export const PLACEMENT_KINDS = ['pmsmp', 'internship_apprenticeship', 'temp_mission', 'training'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export const PLACEMENT_OUTCOMES = ['hired', 'extended', 'ended', 'abandoned'] as const;
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

/** A PMSMP (work-immersion period) lasts at most one month. */
export const PMSMP_MAX_MONTHS = 1;
/** For a person in a job, all PMSMPs together stay within 25% of the initial contract's length. */
export const PMSMP_MAX_SHARE_OF_CONTRACT = 0.25;
/** An internship-apprenticeship (CeLav style) lasts 3 months, renewable once for 3 months. */
export const INTERNSHIP_MAX_MONTHS = 3;
export const INTERNSHIP_MAX_RENEWALS = 1;
/**
 * A temporary-work mission lasts at most 18 months, renewals included, and is renewed at most
 * twice (Code du travail L1251-12-1 and L1251-35, by default: since the 2017 ordinances a branch
 * agreement may set others under L1251-12 and L1251-35). L1251-12-1 shortens it to 9 months
 * (waiting for a permanent hire, urgent safety work) and lengthens it to 24 (abroad, a post
 * about to be cut, an exceptional export order) or 36 (an apprenticeship cycle): those cases
 * are not recorded here, so the general limit applies.
 */
export const TEMP_MISSION_MAX_MONTHS = 18;
export const TEMP_MISSION_MAX_RENEWALS = 2;

/** The longest each kind of placement may last from its start, in months, and the refusal past it (a training has no legal limit). */
export const PLACEMENT_LIMITS: Record<PlacementKind, { months: number; tooLong: string } | null> = {
  pmsmp: { months: PMSMP_MAX_MONTHS, tooLong: 'matching.errors.pmsmpTooLong' },
  internship_apprenticeship: { months: INTERNSHIP_MAX_MONTHS, tooLong: 'matching.errors.internshipTooLong' },
  temp_mission: { months: TEMP_MISSION_MAX_MONTHS, tooLong: 'matching.errors.tempMissionTooLong' },
  training: null,
};

export const STIPEND_MAX_EUROS = 10_000;

const placementFieldShapes = {
  kind: z.enum(PLACEMENT_KINDS, { error: 'common.errors.choice' }),
  /** The host company when it is one of ours; else `organisation` names it (agency, training body). */
  employerId: uuid.nullish().transform((value) => value ?? null),
  organisation: optionalText(200),
  jobNeedId: uuid.nullish().transform((value) => value ?? null),
  presentationId: uuid.nullish().transform((value) => value ?? null),
  startDate: requiredIsoDate(),
  /** Planned last day. */
  endDate: requiredIsoDate(),
  /** The internship-apprenticeship this one renews. */
  renewsId: uuid.nullish().transform((value) => value ?? null),
  tutor: optionalText(150),
  objective: optionalText(1000),
  /** For a PMSMP: the authorised prescriber who signs the agreement (France Travail, mission locale…). */
  prescriber: optionalText(150),
  /** Monthly stipend in euros, and who pays it (e.g. the city for a CeLav internship). */
  stipendAmount: decimalNumber()
    .min(0)
    .max(STIPEND_MAX_EUROS)
    .nullish()
    .transform((value) => value ?? null),
  stipendPayer: optionalText(150),
  notes: optionalText(2000),
  /** The staffer's answer: the employer is applying for the work authorisation (../shared/authorisation.ts). */
  employerApplying: z.boolean({ error: 'common.errors.choice' }),
};

export const placementCreateSchema = z
  .strictObject({ candidateId: uuid, ...placementFieldShapes })
  .partial()
  .required({ candidateId: true, kind: true, startDate: true, endDate: true });

/** An update sends the id and what changes (the candidate and the kind stay). */
export const placementUpdateSchema = z
  .strictObject(placementFieldShapes)
  .omit({ kind: true })
  .partial()
  .extend({ id: uuid });

export const placementEndSchema = z.strictObject({
  id: uuid,
  outcome: z.enum(PLACEMENT_OUTCOMES, { error: 'common.errors.choice' }),
  /** The day it really ended. */
  endedOn: requiredIsoDate(),
  note: optionalText(2000),
});

export interface PlacementSummary {
  id: string;
  candidateId: string;
  candidateName: string;
  kind: PlacementKind;
  employerId: string | null;
  /** The employer's name, or the organisation typed. */
  hostName: string | null;
  startDate: string;
  endDate: string;
  outcome: PlacementOutcome | null;
  endedOn: string | null;
  updatedAt: string;
  /** The person's other placements and recruitments at the same time (lawful, but worth a look). */
  overlaps: EngagementRef[];
}

export interface Placement extends PlacementSummary {
  organisation: string | null;
  jobNeedId: string | null;
  presentationId: string | null;
  renewsId: string | null;
  /** The placement that renews this one, if any. */
  renewedById: string | null;
  tutor: string | null;
  objective: string | null;
  prescriber: string | null;
  stipendAmount: number | null;
  stipendPayer: string | null;
  notes: string | null;
  employerApplying: boolean;
  origin: string | null;
  createdAt: string;
  archivedAt: string | null;
}

export const placementListSchema = z.strictObject({
  candidateId: uuid.optional(),
  employerId: uuid.optional(),
  kinds: z.array(z.enum(PLACEMENT_KINDS)).max(PLACEMENT_KINDS.length).default([]),
  /** true: only those without an outcome yet; false: only ended ones. */
  ongoing: z.boolean().optional(),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface PlacementPage {
  items: PlacementSummary[];
  total: number;
}

type Period = { startDate: string; endDate: string };

/**
 * The legal limits that depend on one placement alone, as field → translation key (empty
 * when it is fine). The limits that need the person's other records (the 25% rule, the
 * single renewal) are checked by the main process.
 */
export function placementPeriodErrors(placement: Period & { kind: PlacementKind }): Record<string, string> {
  if (placement.endDate < placement.startDate) return { endDate: 'matching.errors.endBeforeStart' };
  const limit = PLACEMENT_LIMITS[placement.kind];
  if (limit && placement.endDate > lastDayOfMonths(placement.startDate, limit.months)) return { endDate: limit.tooLong };
  return {};
}

/** Days of PMSMP a person employed on this contract may still have: 25% of its length. */
export function pmsmpAllowanceDays(contract: Period): number {
  return Math.floor(inclusiveDays(contract.startDate, contract.endDate) * PMSMP_MAX_SHARE_OF_CONTRACT);
}

/**
 * Whether the PMSMPs that start during a contract (days actually taken when one ended early)
 * go over its 25% allowance, whichever was recorded first.
 */
export function pmsmpShareExceeded(contract: Period, pmsmps: readonly (Period & { endedOn: string | null })[]): boolean {
  const within = pmsmps.filter((pmsmp) => pmsmp.startDate >= contract.startDate && pmsmp.startDate <= contract.endDate);
  const days = within.reduce((sum, pmsmp) => sum + inclusiveDays(pmsmp.startDate, pmsmp.endedOn ?? pmsmp.endDate), 0);
  return days > pmsmpAllowanceDays(contract);
}

// ---------------------------------------------------------------- One person's engagements at the same time

/** A placement or a recruitment as the overlap rules see it: its days (to its real end when it ended early). */
export interface EngagementRef {
  type: 'placement' | 'recruitment';
  id: string;
  kind: PlacementKind | RecruitmentKind;
  startDate: string;
  /** Null: no end (a CDI, a business). */
  endDate: string | null;
}

export interface Engagement extends EngagementRef {
  /** A recruitment's hours per week, when recorded. */
  hoursPerWeek: number | null;
}

/** Whether two periods share a day (a null end never ends). */
export function periodsMeet(a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }): boolean {
  return (b.endDate === null || a.startDate <= b.endDate) && (a.endDate === null || b.startDate <= a.endDate);
}

/**
 * Which overlaps are refused, as a translation key (null: allowed, and flagged on screen).
 * - Two PMSMPs at once: refused. Each agreement sets the days and hours spent with its host,
 *   for one objective (D5135-2); one person is in one immersion at a time.
 * - Two contracts whose recorded hours add up to more than 48 a week: refused. Holding several
 *   jobs is lawful only within the maximum working week (L8261-1, L3121-20).
 * - Anything else only flagged: a PMSMP, internship or mission during a part-time contract,
 *   two part-time jobs, training beside work may all be lawful; the staffer checks.
 */
export function overlapRefusal(a: Engagement, b: Engagement): string | null {
  if (!periodsMeet(a, b)) return null;
  if (a.type === 'placement' && b.type === 'placement' && a.kind === 'pmsmp' && b.kind === 'pmsmp') return 'matching.errors.overlapsPmsmp';
  if (a.type === 'recruitment' && b.type === 'recruitment' && a.hoursPerWeek !== null && b.hoursPerWeek !== null && a.hoursPerWeek + b.hoursPerWeek > MAX_HOURS_PER_WEEK) {
    return 'matching.errors.overlapsOverMaxHours';
  }
  return null;
}

/** The engagements among `others` that share a day with `item` (never itself), as references. */
export function overlapsOf(item: EngagementRef, others: readonly EngagementRef[]): EngagementRef[] {
  return others
    .filter((other) => !(other.type === item.type && other.id === item.id) && periodsMeet(item, other))
    .map(({ type, id, kind, startDate, endDate }) => ({ type, id, kind, startDate, endDate }));
}

// ---------------------------------------------------------------- Recruitments and follow-ups

/**
 * What a person was hired on: a contract type, or the two outcomes French integration
 * reporting counts beside contracts (creating one's business, entering qualifying training).
 */
export const RECRUITMENT_KINDS = [...CONTRACT_TYPES, 'business_creation', 'qualifying_training'] as const;
export type RecruitmentKind = (typeof RECRUITMENT_KINDS)[number];

export const OUTCOME_CLASSES = ['durable', 'transition', 'positive'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/** A fixed-term contract of this many months or more counts as durable employment. */
export const DURABLE_MIN_MONTHS = 6;

/** Kinds that have no end date: a permanent contract, one's own business. */
export const OPEN_ENDED_KINDS: readonly RecruitmentKind[] = ['cdi', 'business_creation'];

/** Kinds that are not a job: creating one's business, entering qualifying training. */
const NOT_EMPLOYMENT_KINDS: readonly RecruitmentKind[] = ['business_creation', 'qualifying_training'];

/** A contract of employment: what the 25% PMSMP rule and the work-authorisation rule apply to. */
export const isEmployment = (kind: RecruitmentKind): boolean => !NOT_EMPLOYMENT_KINDS.includes(kind);

/**
 * What the work-authorisation rule sees in a placement or a recruitment: a PMSMP is not
 * employment (an asylum certificate suffices); internships, missions and training are work;
 * creating one's business or entering qualifying training is not a job (null: no check).
 */
export function authorisedActivity(record: { type: 'placement'; kind: PlacementKind } | { type: 'recruitment'; kind: RecruitmentKind }): AuthorisedActivity | null {
  if (record.type === 'placement') return record.kind === 'pmsmp' ? 'pmsmp' : 'employment';
  return isEmployment(record.kind) ? 'employment' : null;
}

/**
 * The outcome class of French integration reporting: durable (CDI; a CDD, temporary work or
 * other contract of 6 months or more; business creation), transition (shorter contracts and
 * the subsidised CDDI), positive (qualifying training; any hire by an integration enterprise,
 * whatever the contract).
 */
export function outcomeClass(recruitment: { kind: RecruitmentKind; startDate: string; endDate: string | null; employerKind?: EmployerKind | null }): OutcomeClass {
  const { kind, startDate, endDate, employerKind } = recruitment;
  if (kind === 'qualifying_training') return 'positive';
  if (employerKind && INTEGRATION_EMPLOYER_KINDS.includes(employerKind)) return 'positive';
  if (OPEN_ENDED_KINDS.includes(kind)) return 'durable';
  if (kind === 'cddi') return 'transition';
  if (endDate === null) return 'transition';
  return endDate >= lastDayOfMonths(startDate, DURABLE_MIN_MONTHS) ? 'durable' : 'transition';
}

/** Follow-ups are due this many months after the start. */
export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;

export function followUpDueDates(startDate: string): { monthsAfter: number; dueOn: string }[] {
  return FOLLOW_UP_MONTHS.map((monthsAfter) => ({ monthsAfter, dueOn: addMonths(startDate, monthsAfter) }));
}

export const FOLLOW_UP_RESULTS = ['pending', 'employed', 'left', 'unknown'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export const LEFT_REASONS = ['contract_ended', 'trial_period', 'resigned', 'dismissed', 'moved', 'health', 'other'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

const recruitmentFieldShapes = {
  kind: z.enum(RECRUITMENT_KINDS, { error: 'common.errors.choice' }),
  /** The employer when it is one of ours; else `organisation` names it. */
  employerId: uuid.nullish().transform((value) => value ?? null),
  organisation: optionalText(200),
  jobNeedId: uuid.nullish().transform((value) => value ?? null),
  presentationId: uuid.nullish().transform((value) => value ?? null),
  hoursPerWeek: decimalNumber()
    .gt(0)
    .max(48)
    .nullish()
    .transform((value) => value ?? null),
  startDate: requiredIsoDate(),
  /** None for a CDI or a business creation; required for the others. */
  endDate: z
    .string()
    .nullish()
    .transform((value) => value || null)
    .pipe(requiredIsoDate().nullable()),
  notes: optionalText(2000),
  /** The staffer's answer: the employer is applying for the work authorisation (../shared/authorisation.ts). */
  employerApplying: z.boolean({ error: 'common.errors.choice' }),
};

/** Checks between fields (the kind decides whether an end date belongs), as field → key. */
export function recruitmentConsistencyErrors(recruitment: {
  kind: RecruitmentKind;
  startDate: string;
  endDate: string | null;
  employerId: string | null;
  organisation: string | null;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  const openEnded = OPEN_ENDED_KINDS.includes(recruitment.kind);
  if (openEnded && recruitment.endDate !== null) errors.endDate = 'matching.errors.openEndedHasEnd';
  if (!openEnded && recruitment.endDate === null) errors.endDate = 'matching.errors.endRequired';
  if (recruitment.endDate !== null && recruitment.endDate < recruitment.startDate) errors.endDate = 'matching.errors.endBeforeStart';
  if (recruitment.employerId === null && recruitment.organisation === null && recruitment.kind !== 'business_creation') {
    errors.employerId = 'matching.errors.employerRequired';
  }
  return errors;
}

export const recruitmentCreateSchema = z
  .strictObject({ candidateId: uuid, ...recruitmentFieldShapes })
  .partial()
  .required({ candidateId: true, kind: true, startDate: true });

export const recruitmentUpdateSchema = z.strictObject(recruitmentFieldShapes).partial().extend({ id: uuid });

export const followUpRecordSchema = z
  .strictObject({
    id: uuid,
    result: z.enum(FOLLOW_UP_RESULTS, { error: 'common.errors.choice' }),
    leftReason: z
      .enum(LEFT_REASONS, { error: 'common.errors.choice' })
      .nullish()
      .transform((value) => value ?? null),
    /** The day the news was had; today when left out. */
    recordedOn: requiredIsoDate().optional(),
    author,
    note: optionalText(2000),
  })
  .check(
    betweenFields(['result', 'leftReason'], (input) =>
      input.result === 'left' && input.leftReason === null ? { leftReason: 'matching.errors.leftReasonRequired' } : {},
    ),
  );

/**
 * A follow-up still waiting is moot once a later one of the same recruitment is recorded: what
 * it would have asked is known. It is then neither due nor late (the dashboard's query says the
 * same in SQL).
 */
export function followUpSuperseded(followUp: Pick<FollowUp, 'result' | 'monthsAfter'>, all: readonly Pick<FollowUp, 'result' | 'monthsAfter'>[]): boolean {
  return followUp.result === 'pending' && all.some((other) => other.monthsAfter > followUp.monthsAfter && other.result !== 'pending');
}

export interface FollowUp {
  id: string;
  recruitmentId: string;
  monthsAfter: number;
  dueOn: string;
  result: FollowUpResult;
  leftReason: LeftReason | null;
  recordedOn: string | null;
  author: string | null;
  note: string | null;
}

export interface RecruitmentSummary {
  id: string;
  candidateId: string;
  candidateName: string;
  kind: RecruitmentKind;
  employerId: string | null;
  hostName: string | null;
  startDate: string;
  endDate: string | null;
  outcomeClass: OutcomeClass;
  updatedAt: string;
  /** The person's other placements and recruitments at the same time (lawful, but worth a look). */
  overlaps: EngagementRef[];
}

export interface Recruitment extends RecruitmentSummary {
  organisation: string | null;
  jobNeedId: string | null;
  presentationId: string | null;
  hoursPerWeek: number | null;
  notes: string | null;
  employerApplying: boolean;
  /** At 1, 3, 6 and 12 months, oldest first. */
  followUps: FollowUp[];
  origin: string | null;
  createdAt: string;
  archivedAt: string | null;
}

export const recruitmentListSchema = z.strictObject({
  candidateId: uuid.optional(),
  employerId: uuid.optional(),
  jobNeedId: uuid.optional(),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface RecruitmentPage {
  items: RecruitmentSummary[];
  total: number;
}

export const pipelineMethods = {
  'presentations.create': writes<Presentation>('candidates.write')(presentationCreateSchema),
  'presentations.transition': writes<Presentation>('candidates.write')(presentationTransitionSchema),
  'presentations.get': reads<Presentation>('candidates.read')(idSchema),
  'presentations.list': reads<PresentationPage>('candidates.read')(presentationListSchema),
  'placements.create': writes<Placement>('placements.write')(placementCreateSchema),
  'placements.update': writes<Placement>('placements.write')(placementUpdateSchema),
  'placements.end': writes<Placement>('placements.write')(placementEndSchema),
  'placements.get': reads<Placement>('candidates.read')(idSchema),
  'placements.list': reads<PlacementPage>('candidates.read')(placementListSchema),
  'placements.archive': writes<Placement>('placements.write')(idSchema),
  'placements.restore': writes<Placement>('placements.write')(idSchema),
  /** Records the recruitment, creates its follow-ups, closes the candidate's other open presentations. */
  'recruitments.create': writes<Recruitment>('placements.write')(recruitmentCreateSchema),
  'recruitments.update': writes<Recruitment>('placements.write')(recruitmentUpdateSchema),
  'recruitments.get': reads<Recruitment>('candidates.read')(idSchema),
  'recruitments.list': reads<RecruitmentPage>('candidates.read')(recruitmentListSchema),
  'recruitments.archive': writes<Recruitment>('placements.write')(idSchema),
  'recruitments.restore': writes<Recruitment>('placements.write')(idSchema),
  'followUps.record': writes<Recruitment>('candidates.write')(followUpRecordSchema),
};
