import { z } from 'zod';
import type { FollowUpStatus } from './domain';
import type { FrenchLevel } from './candidates';
import type { JobNeed } from './employers';
import { reads } from './method';
import type { PresentationState } from './pipeline';
import { uuid } from './validation';

/**
 * Matching candidates and job needs, both ways. Hard criteria decide whether a person can
 * take the job at all; soft ones rank those who can. A candidate who fails a hard criterion
 * is listed apart with the reason, never dropped.
 */

/**
 * Criteria that exclude: the job is not possible (yet) without them. `engagement`: not already
 * hired or in a placement; `consent`: the person has not withdrawn their consent.
 */
export const HARD_CRITERIA = ['authorisation', 'french_level', 'driving_licence', 'engagement', 'consent'] as const;
/** Criteria that rank: how good a fit the person is. */
export const SOFT_CRITERIA = ['sector', 'occupation', 'distance', 'start_date', 'last_contact'] as const;
export type MatchCriterion = (typeof HARD_CRITERIA)[number] | (typeof SOFT_CRITERIA)[number];

/**
 * How one criterion went: `pass` and `fail` for hard criteria (a fail excludes), `good`,
 * `partial`, `poor` for soft ones, `unknown` when the file does not say (never excludes).
 */
export const MATCH_VERDICTS = ['pass', 'fail', 'good', 'partial', 'poor', 'unknown'] as const;
export type MatchVerdict = (typeof MATCH_VERDICTS)[number];

/**
 * One reason in plain words: `code` is a translation key under `matching.values.reasons.` and
 * `params` fills it ("authorisation ends {{weeks}} weeks before the contract"). A list stays a
 * list: the interface joins it the way its language does.
 */
export interface MatchReason {
  criterion: MatchCriterion;
  verdict: MatchVerdict;
  code: string;
  params?: Record<string, string | number | readonly string[]>;
}

export interface MatchedCandidate {
  id: string;
  firstName: string;
  lastName: string;
  frenchLevel: FrenchLevel;
  status: FollowUpStatus;
  commune: string | null;
  postalCode: string | null;
  authorisationExpiry: string | null;
}

export interface CandidateMatch {
  candidate: MatchedCandidate;
  /** 0–100 from the soft criteria; hard criteria do not add to it. */
  score: number;
  /** Passes every hard criterion. */
  eligible: boolean;
  /** Hard criteria first, then soft ones. */
  reasons: MatchReason[];
  /** As the crow flies between the two communes, when both are known. */
  distanceKm: number | null;
  /** The candidate's latest presentation to this need, if any. */
  presentation: { id: string; state: PresentationState } | null;
}

export const needMatchSchema = z.strictObject({
  jobNeedId: uuid,
  /** How many eligible candidates to return, best first. */
  limit: z.int().min(1).max(500).default(50),
  /** How many excluded candidates to return (the closest to eligible first). */
  excludedLimit: z.int().min(0).max(500).default(20),
});

export interface NeedMatches {
  need: JobNeed;
  eligible: CandidateMatch[];
  excluded: CandidateMatch[];
  eligibleTotal: number;
  excludedTotal: number;
}

export interface MatchedNeed {
  need: JobNeed;
  score: number;
  eligible: boolean;
  reasons: MatchReason[];
  distanceKm: number | null;
  presentation: { id: string; state: PresentationState } | null;
}

export const candidateMatchSchema = z.strictObject({
  candidateId: uuid,
  limit: z.int().min(1).max(500).default(50),
  excludedLimit: z.int().min(0).max(500).default(20),
});

export interface CandidateNeedMatches {
  eligible: MatchedNeed[];
  excluded: MatchedNeed[];
  eligibleTotal: number;
  excludedTotal: number;
}

export const matchingMethods = {
  /** Candidates for one open job need, ranked, with the excluded ones apart. */
  'matching.forNeed': reads<NeedMatches>('candidates.read')(needMatchSchema),
  /** Open job needs for one candidate, ranked the same way. */
  'matching.forCandidate': reads<CandidateNeedMatches>('candidates.read')(candidateMatchSchema),
};
