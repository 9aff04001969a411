import { type FrenchLevel, frenchLevelRank, presentationBlock } from '../../shared/candidates';
import { type AuthorisationHolder, type AuthorisationPeriod, EXPIRY_WARNING_MONTHS, authorisationFinding } from '../../shared/authorisation';
import { addMonths, daysBetween } from '../../shared/dates';
import {
  type AuthorisationDocument,
  CONTRACT_TYPES,
  type ContractType,
  DRIVING_MOBILITIES,
  type FollowUpStatus,
  type Mobility,
} from '../../shared/domain';
import type { MatchCriterion, MatchReason, MatchVerdict } from '../../shared/matching';
import { type PlacementKind, type RecruitmentKind, periodsMeet } from '../../shared/pipeline';
import { nameTokens } from '../core/names';
import { type GeoPoint, haversineKm } from './geo';
import { estimateTravel } from './travel';

/**
 * One function per matching criterion, each giving a reason in plain words (a translation
 * code under `matching.values.reasons.` and its parameters; parameters named `…Date` or `…On` are ISO
 * dates the screens format; `count` picks the plural). Pure: no database, no clock; today is
 * an input. The legal rules come from shared/ (README, "Which legal rules apply to what").
 */

// ---------------------------------------------------------------- What is compared

export interface NeedProfile {
  id: string;
  occupation: string;
  romeCode: string | null;
  sectorId: string | null;
  contractType: ContractType;
  startDate: string | null;
  endDate: string | null;
  minFrenchLevel: FrenchLevel | null;
  drivingLicenceRequired: boolean;
  authorisationThroughContract: boolean;
  /** The job's place (its postal code, else the employer's); null when unknown. */
  location: GeoPoint | null;
}

export interface CandidateProfile {
  id: string;
  firstName: string;
  lastName: string;
  status: FollowUpStatus;
  frenchLevel: FrenchLevel;
  authorisationDocument: AuthorisationDocument | null;
  authorisationStart: string | null;
  authorisationExpiry: string | null;
  employerMustApply: boolean;
  asylumRegisteredOn: string | null;
  mobility: Mobility | null;
  maxDistanceKm: number | null;
  maxTravelMinutes: number | null;
  sectorIds: readonly string[];
  occupations: readonly { label: string; romeCode: string | null }[];
  availableFrom: string | null;
  lastContactOn: string | null;
  /** The day the person withdrew their consent; null while it stands. */
  consentWithdrawnOn: string | null;
  /** Whether the person agrees to be proposed to employers. */
  consentPresentation: boolean;
  /** When the file was restricted (GDPR art. 18); null when it is not. */
  restrictedAt: string | null;
  postalCode: string | null;
  commune: string | null;
  /** Where the postal code and commune are; null when unknown. */
  location: GeoPoint | null;
}

/** A recruitment or a placement (without outcome yet) the person has, from the pipeline. */
export type Engagement =
  | { type: 'recruitment'; kind: RecruitmentKind; startDate: string; endDate: string | null }
  | { type: 'placement'; kind: PlacementKind; startDate: string; endDate: string };

/**
 * The days the job needs the person. `start` is the need's start date, or today when it is
 * absent or already past. `end` is the contract's end (null for a CDI or when not set);
 * `authorisationEnd` is that end when the need asks for an authorisation valid through it.
 */
export interface JobPeriod extends AuthorisationPeriod {
  end: string | null;
}

export function jobPeriod(need: Pick<NeedProfile, 'startDate' | 'endDate' | 'authorisationThroughContract'>, today: string): JobPeriod {
  const start = need.startDate !== null && need.startDate > today ? need.startDate : today;
  const end = need.endDate !== null && need.endDate >= start ? need.endDate : null;
  return {
    today,
    start,
    end,
    authorisationEnd: need.authorisationThroughContract ? end : null,
    renewalWarningBefore: addMonths(start, EXPIRY_WARNING_MONTHS),
  };
}

/** A reason, and for soft criteria how much of the criterion's weight it earns (0 to 1). */
export interface Evaluation {
  reason: MatchReason;
  fraction: number;
}

function reason(criterion: MatchCriterion, verdict: MatchVerdict, code: string, params?: MatchReason['params']): MatchReason {
  return params ? { criterion, verdict, code, params } : { criterion, verdict, code };
}

/** The file does not say: counts half, never excludes. */
export const UNKNOWN_FRACTION = 0.5;

// ---------------------------------------------------------------- Hard criteria

/**
 * The work authorisation, on the job's start and, when the need asks, through the end of the
 * contract (a CDI has no end: then only on the start, with a warning when the document ends
 * within its first months). The rule is the one recording applies (../../shared/authorisation.ts).
 */
export function authorisationReason(candidate: AuthorisationHolder, period: JobPeriod): MatchReason {
  const { allowed, code, params } = authorisationFinding(candidate, period);
  return reason('authorisation', allowed ? 'pass' : 'fail', code, params);
}

/** At least the level asked for; "below A1" is under A1 and "not assessed" meets no requirement. */
export function frenchLevelReason(level: FrenchLevel, required: FrenchLevel | null): MatchReason {
  if (required === null) return reason('french_level', 'pass', 'french_level_not_required');
  if (level === 'not_assessed') return reason('french_level', 'fail', 'french_level_not_assessed', { requiredLevel: required });
  const enough = frenchLevelRank(level) >= frenchLevelRank(required);
  return reason('french_level', enough ? 'pass' : 'fail', enough ? 'french_level_enough' : 'french_level_below', {
    level,
    requiredLevel: required,
  });
}

/** Mobility values with their own reason when a licence is required and they do not give one. */
const LICENCE_FAILURES: Partial<Record<Mobility, string>> = {
  licence_in_progress: 'driving_licence_in_progress',
  licence_not_valid_in_france: 'driving_licence_not_valid_in_france',
  highway_code_only: 'driving_licence_highway_code_only',
  other_licence: 'driving_licence_other_licence',
};

/** A licence valid in France, when the job requires one. */
export function drivingLicenceReason(mobility: Mobility | null, required: boolean): MatchReason {
  if (!required) return reason('driving_licence', 'pass', 'driving_licence_not_required');
  if (mobility === null) return reason('driving_licence', 'fail', 'driving_licence_not_recorded');
  if (DRIVING_MOBILITIES.includes(mobility)) return reason('driving_licence', 'pass', 'driving_licence_held', { mobility });
  const code = LICENCE_FAILURES[mobility];
  return code ? reason('driving_licence', 'fail', code) : reason('driving_licence', 'fail', 'driving_licence_missing', { mobility });
}

/**
 * A person whose consent to be presented does not stand (the whole consent withdrawn, that
 * kind taken back, or the file restricted) is presented to no employer: shared/candidates.ts.
 */
export function consentReason(candidate: Pick<CandidateProfile, 'consentWithdrawnOn' | 'consentPresentation' | 'restrictedAt'>): MatchReason {
  switch (presentationBlock(candidate)) {
    case 'restricted':
      return reason('consent', 'fail', 'restricted', { restrictedOn: (candidate.restrictedAt as string).slice(0, 10) });
    case 'consent_withdrawn':
      return reason('consent', 'fail', 'consent_withdrawn', { withdrawnOn: candidate.consentWithdrawnOn as string });
    case 'presentation_consent_withdrawn':
      return reason('consent', 'fail', 'presentation_consent_withdrawn');
    case null:
      return reason('consent', 'pass', 'consent_not_withdrawn');
  }
}

const isContractType = (kind: RecruitmentKind): kind is ContractType => (CONTRACT_TYPES as readonly string[]).includes(kind);

function engagementFailure(engagement: Engagement): MatchReason {
  const fail = (code: string, params: MatchReason['params']) => reason('engagement', 'fail', code, params);
  if (engagement.type === 'placement') {
    const { kind, startDate, endDate } = engagement;
    return fail(`engagement_placement_${kind}`, { startDate, endDate });
  }
  const { kind, startDate, endDate } = engagement;
  if (kind === 'business_creation') return fail('engagement_business_creation', { startDate });
  if (kind === 'qualifying_training') {
    return endDate === null ? fail('engagement_qualifying_training_open', { startDate }) : fail('engagement_qualifying_training', { startDate, endDate });
  }
  const contract: ContractType = isContractType(kind) ? kind : 'other';
  return endDate === null ? fail('engagement_hired_open_ended', { contract, startDate }) : fail('engagement_hired', { contract, startDate, endDate });
}

/** The days of the job an engagement must leave free: its start, through its end when the contract has one. */
const jobDays = (period: JobPeriod) => ({ startDate: period.start, endDate: period.end ?? period.start });

/** Whether `engagementReason` fails, without its words: what the fast pass over every file needs. */
export function engagedDuring(status: FollowUpStatus, engagements: readonly Engagement[], period: JobPeriod): boolean {
  const job = jobDays(period);
  return status === 'employed' || engagements.some((item) => periodsMeet(item, job));
}

/**
 * Not already working or placed during the job: status "employed", a recruitment or a
 * placement without an outcome whose dates meet the job's (its start, through its end when the
 * contract has one). Of several, the one that lasts longest is named.
 */
export function engagementReason(status: FollowUpStatus, engagements: readonly Engagement[], period: JobPeriod): MatchReason {
  const job = jobDays(period);
  const overlapping = engagements.filter((item) => periodsMeet(item, job));
  if (overlapping.length > 0) {
    const lastEnding = overlapping.reduce((latest, item) => {
      if (latest.endDate === null) return latest;
      if (item.endDate === null || item.endDate > latest.endDate) return item;
      return latest;
    });
    return engagementFailure(lastEnding);
  }
  if (status === 'employed') return reason('engagement', 'fail', 'engagement_status_employed');
  return reason('engagement', 'pass', 'engagement_free');
}

// ---------------------------------------------------------------- Soft criteria

const evaluation = (fraction: number, criterion: MatchCriterion, verdict: MatchVerdict, code: string, params?: MatchReason['params']): Evaluation => ({
  reason: reason(criterion, verdict, code, params),
  fraction,
});

const SECTOR_EVALUATIONS = {
  match: evaluation(1, 'sector', 'good', 'sector_match'),
  other: evaluation(0, 'sector', 'poor', 'sector_other'),
  notRecorded: evaluation(UNKNOWN_FRACTION, 'sector', 'unknown', 'sector_not_recorded'),
  needWithout: evaluation(UNKNOWN_FRACTION, 'sector', 'unknown', 'sector_need_without'),
};

/** The need's sector among those the person looks for work in. */
export function sectorEvaluation(candidateSectorIds: readonly string[], needSectorId: string | null): Evaluation {
  if (needSectorId === null) return SECTOR_EVALUATIONS.needWithout;
  if (candidateSectorIds.length === 0) return SECTOR_EVALUATIONS.notRecorded;
  return candidateSectorIds.includes(needSectorId) ? SECTOR_EVALUATIONS.match : SECTOR_EVALUATIONS.other;
}

/** Words that say little about the trade ("agent d'entretien" and "agent de sécurité" differ). */
const IGNORED_WORDS = ['de', 'du', 'des', 'la', 'le', 'les', 'en', 'et', 'au', 'aux', 'pour', 'sur', 'par', 'avec', 'agent', 'employe', 'ouvrier', 'aide', 'assistant', 'operateur', 'technicien', 'chef', 'responsable', 'poste'];

/** Feminine endings read as the masculine ones: préparatrice, vendeuse, technicienne. */
const FEMININE_ENDINGS: [string, string][] = [
  ['trice', 'teur'],
  ['euse', 'eur'],
  ['enne', 'en'],
];

/** Plural and feminine endings dropped: "Préparatrices" and "préparateur", "cuisinière" and "cuisinier" are one word. */
function stem(word: string): string {
  let stemmed = word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
  const feminine = FEMININE_ENDINGS.find(([ending]) => stemmed.endsWith(ending));
  if (feminine) return stemmed.slice(0, -feminine[0].length) + feminine[1];
  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

const IGNORED_STEMS = new Set(IGNORED_WORDS.map(stem));

/** The words of an occupation that name the trade: accents, case, plural and feminine ignored. */
export function occupationWords(label: string): Set<string> {
  return new Set(
    nameTokens(label)
      .map(stem)
      .filter((word) => word.length >= 3 && !IGNORED_STEMS.has(word)),
  );
}

/** What the need's occupation is compared with, computed once per need. */
export interface OccupationTarget {
  romeCode: string | null;
  words: Set<string>;
}

export function occupationTarget(need: Pick<NeedProfile, 'occupation' | 'romeCode'>): OccupationTarget {
  return { romeCode: need.romeCode, words: occupationWords(need.occupation) };
}

/**
 * The same ROME code is a good match; so are labels whose trade words all appear in the other
 * ("cariste" and "cariste CACES 3"); some shared words are a partial one; none, a poor one.
 * The best of the person's occupations counts.
 */
export function occupationEvaluation(occupations: CandidateProfile['occupations'], target: OccupationTarget): Evaluation {
  if (occupations.length === 0) return evaluation(UNKNOWN_FRACTION, 'occupation', 'unknown', 'occupation_not_recorded');
  const sameCode = target.romeCode === null ? undefined : occupations.find((occupation) => occupation.romeCode === target.romeCode);
  if (sameCode) return evaluation(1, 'occupation', 'good', 'occupation_same_rome', { occupation: sameCode.label, romeCode: target.romeCode ?? '' });
  let best: { occupation: string; shared: string[]; all: boolean } | undefined;
  for (const { label } of occupations) {
    const words = occupationWords(label);
    const shared = [...words].filter((word) => target.words.has(word));
    if (shared.length === 0) continue;
    const all = shared.length === Math.min(words.size, target.words.size);
    if (!best || (all && !best.all) || (all === best.all && shared.length > best.shared.length)) best = { occupation: label, shared, all };
  }
  if (best?.all) return evaluation(0.9, 'occupation', 'good', 'occupation_same_words', { occupation: best.occupation });
  if (best) return evaluation(0.5, 'occupation', 'partial', 'occupation_some_words', { occupation: best.occupation });
  return evaluation(0, 'occupation', 'poor', 'occupation_different', { occupations: occupations.map((occupation) => occupation.label) });
}

/** With no limit recorded, distances are scored against this one (verdict unknown). */
export const DEFAULT_ACCEPTED_KM = 30;

/** 1 at the door, 0.5 at the limit, 0.25 just past it, 0 at twice the limit. */
function closeness(ratio: number): number {
  return ratio <= 1 ? 1 - ratio / 2 : Math.max(0, 0.25 * (2 - ratio));
}

/** How far along the limit a value is; past any limit of 0 unless it is 0 too. */
function ratioTo(value: number, limit: number): number {
  if (limit > 0) return value / limit;
  return value > 0 ? Number.POSITIVE_INFINITY : 0;
}

/** Kilometres as shown: one decimal under 10 km. */
const roundKm = (km: number) => (km < 10 ? Math.round(km * 10) / 10 : Math.round(km));

/**
 * The distance between the person's commune and the job against what they accept: minutes
 * (estimated from the distance and their way of travelling, "≈") when they gave minutes,
 * else kilometres. Within: good, scoring less as it grows; beyond: poor, with the figures.
 * Unknown when a commune is not known.
 */
export function distanceEvaluation(
  candidate: Pick<CandidateProfile, 'location' | 'mobility' | 'maxDistanceKm' | 'maxTravelMinutes'>,
  jobLocation: GeoPoint | null,
): Evaluation & { /** Rounded as shown. */ km: number | null } {
  if (candidate.location === null) return { ...evaluation(UNKNOWN_FRACTION, 'distance', 'unknown', 'distance_unknown_candidate'), km: null };
  if (jobLocation === null) return { ...evaluation(UNKNOWN_FRACTION, 'distance', 'unknown', 'distance_unknown_need'), km: null };
  const exactKm = haversineKm(candidate.location, jobLocation);
  const km = roundKm(exactKm);
  // Each side stands at its commune's point: the same point means the same commune, not "0 km".
  if (exactKm === 0) return { ...evaluation(closeness(0), 'distance', 'good', 'same_commune'), km };
  const { maxTravelMinutes: maxMinutes, maxDistanceKm: maxKm } = candidate;
  if (maxMinutes !== null) {
    const { minutes, mode } = estimateTravel(exactKm, candidate.mobility);
    const within = minutes <= maxMinutes;
    const params = { minutes, maxMinutes, mode, km };
    return { ...evaluation(closeness(ratioTo(minutes, maxMinutes)), 'distance', within ? 'good' : 'poor', within ? 'travel_within' : 'travel_beyond', params), km };
  }
  if (maxKm !== null) {
    const within = km <= maxKm;
    return { ...evaluation(closeness(ratioTo(km, maxKm)), 'distance', within ? 'good' : 'poor', within ? 'distance_within' : 'distance_beyond', { km, maxKm }), km };
  }
  return { ...evaluation(closeness(exactKm / DEFAULT_ACCEPTED_KM), 'distance', 'unknown', 'distance_no_limit', { km }), km };
}

/** Days late at which being available after the start stops counting. */
const LATE_START_DAYS = 90;

/**
 * Available by the job's start: good. Later: partial, less the later it is, with the days;
 * after the contract's end: poor. Not recorded: unknown.
 */
export function startDateEvaluation(availableFrom: string | null, period: JobPeriod): Evaluation {
  if (availableFrom === null) return evaluation(UNKNOWN_FRACTION, 'start_date', 'unknown', 'start_date_not_recorded');
  if (availableFrom <= period.start) return evaluation(1, 'start_date', 'good', 'start_date_available');
  if (period.end !== null && availableFrom > period.end) return evaluation(0, 'start_date', 'poor', 'start_date_after_end', { availableFromDate: availableFrom });
  const days = daysBetween(period.start, availableFrom);
  return evaluation(Math.max(0, 1 - days / LATE_START_DAYS), 'start_date', 'partial', 'start_date_later', { count: days, availableFromDate: availableFrom });
}

export const RECENT_CONTACT_DAYS = 30;
export const STALE_CONTACT_DAYS = 90;

/** In touch within 30 days: good; within 90: partial; longer ago or never: poor ("no contact for 4 months"). */
export function lastContactEvaluation(lastContactOn: string | null, today: string): Evaluation {
  if (lastContactOn === null) return evaluation(0, 'last_contact', 'poor', 'last_contact_never');
  const days = Math.max(0, daysBetween(lastContactOn, today));
  if (days === 0) return evaluation(1, 'last_contact', 'good', 'last_contact_today', { lastContactOn });
  if (days <= RECENT_CONTACT_DAYS) return evaluation(1, 'last_contact', 'good', 'last_contact_recent', { count: days, lastContactOn });
  if (days <= STALE_CONTACT_DAYS) return evaluation(0.5, 'last_contact', 'partial', 'last_contact_weeks', { count: Math.round(days / 7), lastContactOn });
  return evaluation(0, 'last_contact', 'poor', 'last_contact_months', { count: Math.round(days / 30.44), lastContactOn });
}
