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

/** What depends only on the need (its period, its occupation's words) is worked out once. */
export function createNeedMatcher(need: NeedProfile, today: string): NeedMatcher {
  const period = jobPeriod(need, today);
  const target = occupationTarget(need);
  const hard: NeedMatcher['hard'] = {
    authorisation: (candidate) => authorisationReason(candidate, period),
    french_level: (candidate) => frenchLevelReason(candidate.frenchLevel, need.minFrenchLevel),
    driving_licence: (candidate) => drivingLicenceReason(candidate.mobility, need.drivingLicenceRequired),
    engagement: (candidate, engagements) => engagementReason(candidate.status, engagements, period),
    consent: (candidate) => consentReason(candidate),
  };
  const soft: NeedMatcher['soft'] = {
    sector: (candidate) => sectorEvaluation(candidate.sectorIds, need.sectorId),
    occupation: (candidate) => occupationEvaluation(candidate.occupations, target),
    distance: (candidate) => distanceEvaluation(candidate, need.location),
    start_date: (candidate) => startDateEvaluation(candidate.availableFrom, period),
    last_contact: (candidate) => lastContactEvaluation(candidate.lastContactOn, today),
  };
  return {
    hard,
    soft,
    engaged: (candidate, engagements) => engagedDuring(candidate.status, engagements, period),
    explain(candidate, engagements) {
      const hardReasons = [
        hard.authorisation(candidate),
        hard.french_level(candidate),
        hard.driving_licence(candidate),
        hard.engagement(candidate, engagements),
        hard.consent(candidate),
      ];
      const place = soft.distance(candidate);
      const evaluations: Record<SoftCriterion, Evaluation> = {
        sector: soft.sector(candidate),
        occupation: soft.occupation(candidate),
        distance: place,
        start_date: soft.start_date(candidate),
        last_contact: soft.last_contact(candidate),
      };
      return {
        candidate,
        score: scoreOf(evaluations),
        failures: hardReasons.filter((reason) => reason.verdict === 'fail').length,
        reasons: [...hardReasons, ...SOFT_CRITERIA.map((criterion) => evaluations[criterion].reason)],
        distanceKm: place.km,
      };
    },
  };
}
