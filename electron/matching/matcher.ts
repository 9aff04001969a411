import { type HARD_CRITERIA, type MatchReason, SOFT_CRITERIA } from '../../shared/matching';
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
  hard: { [C in Exclude<HardCriterion, 'engagement'>]: (candidate: CandidateProfile) => MatchReason } & {
    engagement: (candidate: CandidateProfile, engagements: readonly Engagement[]) => MatchReason;
  };
  soft: { [C in Exclude<SoftCriterion, 'distance'>]: (candidate: CandidateProfile) => Evaluation } & {
    distance: (candidate: CandidateProfile) => ReturnType<typeof distanceEvaluation>;
  };
  /** Whether the engagement criterion fails, without its reason (the fast pass). */
  engaged(candidate: CandidateProfile, engagements: readonly Engagement[]): boolean;
  explain(candidate: CandidateProfile, engagements: readonly Engagement[]): CandidateScore;
}

/** What a criterion reads of the need, worked out once per need: its period, its occupation's words. */
interface Bound {
  need: NeedProfile;
  today: string;
  period: ReturnType<typeof jobPeriod>;
  target: ReturnType<typeof occupationTarget>;
}

/** Each criterion, given what it reads of the need: one table for the per-criterion functions and for `explain`. */
const HARD = {
  authorisation: (bound: Bound, candidate: CandidateProfile) => authorisationReason(candidate, bound.period),
  french_level: (bound: Bound, candidate: CandidateProfile) => frenchLevelReason(candidate.frenchLevel, bound.need.minFrenchLevel),
  driving_licence: (bound: Bound, candidate: CandidateProfile) => drivingLicenceReason(candidate.mobility, bound.need.drivingLicenceRequired),
  consent: (_bound: Bound, candidate: CandidateProfile) => consentReason(candidate),
};
const SOFT = {
  sector: (bound: Bound, candidate: CandidateProfile) => sectorEvaluation(candidate.sectorIds, bound.need.sectorId),
  occupation: (bound: Bound, candidate: CandidateProfile) => occupationEvaluation(candidate.occupations, bound.target),
  distance: (bound: Bound, candidate: CandidateProfile) => distanceEvaluation(candidate, bound.need.location),
  start_date: (bound: Bound, candidate: CandidateProfile) => startDateEvaluation(candidate.availableFrom, bound.period),
  last_contact: (bound: Bound, candidate: CandidateProfile) => lastContactEvaluation(candidate.lastContactOn, bound.today),
};
const engagement = (bound: Bound, candidate: CandidateProfile, engagements: readonly Engagement[]) => engagementReason(candidate.status, engagements, bound.period);

/**
 * A need's matcher. The per-criterion functions (`hard`, `soft`) are made the first time they
 * are asked for: ranking one candidate's open needs calls only `explain`, and the twelve closures
 * each of 12,000 kept matchers held came to several MB.
 */
class BoundMatcher implements NeedMatcher, Bound {
  private hardCriteria: NeedMatcher['hard'] | undefined;
  private softCriteria: NeedMatcher['soft'] | undefined;
  readonly period: Bound['period'];
  readonly target: Bound['target'];

  constructor(
    readonly need: NeedProfile,
    readonly today: string,
  ) {
    this.period = jobPeriod(need, today);
    this.target = occupationTarget(need);
  }

  get hard(): NeedMatcher['hard'] {
    this.hardCriteria ??= {
      authorisation: (candidate) => HARD.authorisation(this, candidate),
      french_level: (candidate) => HARD.french_level(this, candidate),
      driving_licence: (candidate) => HARD.driving_licence(this, candidate),
      engagement: (candidate, engagements) => engagement(this, candidate, engagements),
      consent: (candidate) => HARD.consent(this, candidate),
    };
    return this.hardCriteria;
  }

  get soft(): NeedMatcher['soft'] {
    this.softCriteria ??= {
      sector: (candidate) => SOFT.sector(this, candidate),
      occupation: (candidate) => SOFT.occupation(this, candidate),
      distance: (candidate) => SOFT.distance(this, candidate),
      start_date: (candidate) => SOFT.start_date(this, candidate),
      last_contact: (candidate) => SOFT.last_contact(this, candidate),
    };
    return this.softCriteria;
  }

  engaged(candidate: CandidateProfile, engagements: readonly Engagement[]): boolean {
    return engagedDuring(candidate.status, engagements, this.period);
  }

  explain(candidate: CandidateProfile, engagements: readonly Engagement[]): CandidateScore {
    const hardReasons = [
      HARD.authorisation(this, candidate),
      HARD.french_level(this, candidate),
      HARD.driving_licence(this, candidate),
      engagement(this, candidate, engagements),
      HARD.consent(this, candidate),
    ];
    const place = SOFT.distance(this, candidate);
    const evaluations: Record<SoftCriterion, Evaluation> = {
      sector: SOFT.sector(this, candidate),
      occupation: SOFT.occupation(this, candidate),
      distance: place,
      start_date: SOFT.start_date(this, candidate),
      last_contact: SOFT.last_contact(this, candidate),
    };
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
