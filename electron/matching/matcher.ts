import { authorisationAllowed } from '../../shared/authorisation';
import { HARD_CRITERIA, type MatchReason, SOFT_CRITERIA } from '../../shared/matching';
import {
  type CandidateProfile,
  type Engagement,
  type Evaluation,
  type NeedProfile,
  authorisationReason,
  consentReason,
  distanceEvaluation,
  drivingLicenceReason,
  engagedDuring,
  engagementReason,
  frenchLevelReason,
  jobPeriod,
  lastContactEvaluation,
  occupationEvaluation,
  occupationTarget,
  sectorEvaluation,
  startDateEvaluation,
} from './criteria';

/**
 * A candidate against a need. Eligible means no hard criterion failed; the score (0–100)
 * comes from the soft criteria only, each earning a fraction of its weight.
 */

type SoftCriterion = (typeof SOFT_CRITERIA)[number];
type HardCriterion = (typeof HARD_CRITERIA)[number];

/**
 * Weights of the soft criteria, adding up to 100: the trade counts most (occupation 30, sector
 * 20), then whether the person can get there (distance 25) and start on time (15), then how
 * recently the association heard from them (10).
 */
export const SOFT_WEIGHTS: Record<SoftCriterion, number> = {
  sector: 20,
  occupation: 30,
  distance: 25,
  start_date: 15,
  last_contact: 10,
};

/**
 * The score: each soft criterion's weight times the fraction it earned, added in the order of
 * SOFT_CRITERIA (the fast path adds in the same order, so both round alike), to a whole number.
 */
export function scoreOf(evaluations: Record<SoftCriterion, Pick<Evaluation, 'fraction'>>): number {
  let score = 0;
  for (const criterion of SOFT_CRITERIA) score += SOFT_WEIGHTS[criterion] * evaluations[criterion].fraction;
  return Math.round(score);
}

/** How one candidate fares for one need. */
export interface CandidateScore {
  candidate: CandidateProfile;
  /** 0–100, whole. */
  score: number;
  /** How many hard criteria failed (0: eligible). */
  failures: number;
  /** Hard criteria first (authorisation, French, licence, engagement, consent), then soft ones. */
  reasons: MatchReason[];
  /** As the crow flies, rounded as shown; null when a place is unknown. */
  distanceKm: number | null;
}

/** Each criterion bound to one need on one day. */
export interface NeedMatcher {
  /** Whether a hard criterion fails, without its reason (the fast pass over every class of files). */
  fails(criterion: HardCriterion, candidate: CandidateProfile, engagements: readonly Engagement[]): boolean;
  /** The fraction of its weight a soft criterion earns, without its reason. */
  fraction(criterion: SoftCriterion, candidate: CandidateProfile): number;
  explain(candidate: CandidateProfile, engagements: readonly Engagement[]): CandidateScore;
}

/** What a criterion reads of the need, worked out once per need: its period, its occupation's words. */
interface Bound {
  need: NeedProfile;
  today: string;
  period: ReturnType<typeof jobPeriod>;
  target: ReturnType<typeof occupationTarget>;
}

type HardJudgement = (bound: Bound, candidate: CandidateProfile, engagements: readonly Engagement[]) => MatchReason;

/**
 * Every criterion, once, given what it reads of the need: the hard ones' reasons (with a
 * pass/fail answer of their own where building the reason costs: authorisation is asked for
 * thousands of classes of files, engagement for every busy file), the soft ones' evaluations.
 */
const HARD: { [C in HardCriterion]: { reason: HardJudgement; fails?: (bound: Bound, candidate: CandidateProfile, engagements: readonly Engagement[]) => boolean } } = {
  authorisation: {
    reason: (bound, candidate) => authorisationReason(candidate, bound.period),
    fails: (bound, candidate) => !authorisationAllowed(candidate, bound.period),
  },
  french_level: { reason: (bound, candidate) => frenchLevelReason(candidate.frenchLevel, bound.need.minFrenchLevel) },
  driving_licence: { reason: (bound, candidate) => drivingLicenceReason(candidate.mobility, bound.need.drivingLicenceRequired) },
  engagement: {
    reason: (bound, candidate, engagements) => engagementReason(candidate.status, engagements, bound.period),
    fails: (bound, candidate, engagements) => engagedDuring(candidate.status, engagements, bound.period),
  },
  consent: { reason: (_bound, candidate) => consentReason(candidate) },
};
const SOFT: { [C in SoftCriterion]: (bound: Bound, candidate: CandidateProfile) => C extends 'distance' ? ReturnType<typeof distanceEvaluation> : Evaluation } = {
  sector: (bound, candidate) => sectorEvaluation(candidate.sectorIds, bound.need.sectorId),
  occupation: (bound, candidate) => occupationEvaluation(candidate.occupations, bound.target),
  distance: (bound, candidate) => distanceEvaluation(candidate, bound.need.location),
  start_date: (bound, candidate) => startDateEvaluation(candidate.availableFrom, bound.period),
  last_contact: (bound, candidate) => lastContactEvaluation(candidate.lastContactOn, bound.today),
};

class BoundMatcher implements NeedMatcher, Bound {
  readonly period: Bound['period'];
  readonly target: Bound['target'];

  constructor(
    readonly need: NeedProfile,
    readonly today: string,
  ) {
    this.period = jobPeriod(need, today);
    this.target = occupationTarget(need);
  }

  fails(criterion: HardCriterion, candidate: CandidateProfile, engagements: readonly Engagement[]): boolean {
    const { reason, fails } = HARD[criterion];
    return fails ? fails(this, candidate, engagements) : reason(this, candidate, engagements).verdict === 'fail';
  }

  fraction(criterion: SoftCriterion, candidate: CandidateProfile): number {
    return SOFT[criterion](this, candidate).fraction;
  }

  explain(candidate: CandidateProfile, engagements: readonly Engagement[]): CandidateScore {
    const hardReasons = HARD_CRITERIA.map((criterion) => HARD[criterion].reason(this, candidate, engagements));
    const place = SOFT.distance(this, candidate);
    const evaluations = {} as Record<SoftCriterion, Evaluation>;
    for (const criterion of SOFT_CRITERIA) evaluations[criterion] = criterion === 'distance' ? place : SOFT[criterion](this, candidate);
    return {
      candidate,
      score: scoreOf(evaluations),
      failures: hardReasons.filter((reason) => reason.verdict === 'fail').length,
      reasons: [...hardReasons, ...SOFT_CRITERIA.map((criterion) => evaluations[criterion].reason)],
      distanceKm: place.km,
    };
  }
}

/** What depends only on the need (its period, its occupation's words) is worked out once. */
export function createNeedMatcher(need: NeedProfile, today: string): NeedMatcher {
  return new BoundMatcher(need, today);
}
