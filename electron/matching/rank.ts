import { HARD_CRITERIA } from '../../shared/matching';
import { nameTokens } from '../core/names';

/**
 * The order of matches: eligible ones by score, highest first, then by name; excluded ones
 * apart, the closest to eligible first (fewest failed hard criteria, then score, then name).
 * The order is total, so it never depends on the order of the input.
 */

export interface Ranking {
  /** Positions in the input, best first. */
  eligible: number[];
  excluded: number[];
  eligibleTotal: number;
  excludedTotal: number;
}

const MAX_SCORE = 100;
/** One per hard criterion (authorisation, French, licence, engagement, consent). */
const MAX_FAILURES = HARD_CRITERIA.length;
const MAX_KEY = MAX_FAILURES * (MAX_SCORE + 1) + MAX_SCORE;

/** One number that orders a match: eligible ones 0–100 (best first), excluded ones after, by failures then score. */
const orderKey = (score: number, failures: number) => failures * (MAX_SCORE + 1) + MAX_SCORE - score;

/**
 * The first `count` positions whose key lies in [low, high], by key then tie key (unique per
 * position, so the order is total). A histogram of the keys finds the cut-off key, and only
 * the positions up to it are sorted: the best 50 of 100,000 candidates cost two passes, not a
 * full sort.
 */
function firstByKey(keys: Uint16Array, low: number, high: number, count: number, tieKeyOf: (position: number) => string): number[] {
  if (count === 0) return [];
  const histogram = new Uint32Array(MAX_KEY + 1);
  for (const key of keys) histogram[key] = (histogram[key] ?? 0) + 1;
  let cutoff = low;
  for (let taken = 0; cutoff < high && taken + (histogram[cutoff] ?? 0) < count; cutoff++) taken += histogram[cutoff] ?? 0;
  const chosen: { position: number; key: number; tie: string }[] = [];
  keys.forEach((key, position) => {
    if (key >= low && key <= cutoff) chosen.push({ position, key, tie: tieKeyOf(position) });
  });
  chosen.sort((a, b) => a.key - b.key || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
  return chosen.slice(0, count).map((item) => item.position);
}

/**
 * Ranks `scores[i]` / `failures[i]`: eligible positions (no failure) by score, highest first;
 * excluded ones by failed hard criteria (fewest first), then score; ties by `tieKeyOf`, which
 * must be unique per position (end it with the id).
 */
export function rank(
  scores: ArrayLike<number>,
  failures: ArrayLike<number>,
  limits: { limit: number; excludedLimit: number },
  tieKeyOf: (position: number) => string,
): Ranking {
  const keys = new Uint16Array(scores.length);
  let eligibleTotal = 0;
  for (let position = 0; position < keys.length; position++) {
    const failed = failures[position] ?? 0;
    keys[position] = orderKey(scores[position] ?? 0, failed);
    if (failed === 0) eligibleTotal++;
  }
  return {
    eligible: firstByKey(keys, 0, MAX_SCORE, limits.limit, tieKeyOf),
    excluded: firstByKey(keys, MAX_SCORE + 1, MAX_KEY, limits.excludedLimit, tieKeyOf),
    eligibleTotal,
    excludedTotal: keys.length - eligibleTotal,
  };
}

/** Names in alphabetical order whatever their accents and case, then the id. */
export function nameTieKey(...parts: string[]): string {
  const id = parts.pop() ?? '';
  return [...parts.map((part) => nameTokens(part).join(' ')), id].join('\u0000');
}
