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
export const orderKey = (score: number, failures: number) => failures * (MAX_SCORE + 1) + MAX_SCORE - score;

/** The order keys of positions, and how many positions have each key (a histogram of MAX_KEY + 1 counts). */
export interface OrderKeys {
  keys: Uint16Array;
  histogram: Uint32Array;
}

/** The order key of each position, and the keys' histogram. */
export function orderKeys(scores: ArrayLike<number>, failures: ArrayLike<number>): OrderKeys {
  const keys = new Uint16Array(scores.length);
  const histogram = new Uint32Array(MAX_KEY + 1);
  for (let position = 0; position < keys.length; position++) {
    const key = orderKey(scores[position] as number, failures[position] as number);
    keys[position] = key;
    histogram[key] = (histogram[key] as number) + 1;
  }
  return { keys, histogram };
}

/** Where a range of keys is cut to keep its first `count` positions, and what the scan keeps. */
interface Cut {
  /** Every position with a key below it is kept; of those at it, the first `room` by tie key. */
  cutoff: number;
  room: number;
  below: number[];
  /** Of the positions at the cut-off key, the first `room` by tie key, in order. */
  atCutoff: { position: number; tie: string }[];
}

/** The cut of the keys in [low, high] that keeps `count` positions, from the keys' histogram (none kept: a cut-off below every key). */
function cutOf(histogram: Uint32Array, low: number, high: number, count: number): Cut {
  if (count === 0) return { cutoff: -1, room: 0, below: [], atCutoff: [] };
  let cutoff = low;
  let taken = 0;
  for (; cutoff < high && taken + (histogram[cutoff] as number) < count; cutoff++) taken += histogram[cutoff] as number;
  return { cutoff, room: Math.min(count - taken, histogram[cutoff] as number), below: [], atCutoff: [] };
}

/** The cut's positions by key then tie key (unique per position, so the order is total). */
function ordered(keys: Uint16Array, { below, atCutoff }: Cut, tieKeyOf: (position: number) => string): number[] {
  const ties = new Map(below.map((position) => [position, tieKeyOf(position)]));
  below.sort((a, b) => {
    const byKey = (keys[a] as number) - (keys[b] as number);
    if (byKey !== 0) return byKey;
    const [tieA, tieB] = [ties.get(a) as string, ties.get(b) as string];
    return tieA < tieB ? -1 : tieA > tieB ? 1 : 0;
  });
  return [...below, ...atCutoff.map((item) => item.position)];
}

/** How many positions have a key in [low, cutoff]. */
function countUpTo(histogram: Uint32Array, low: number, cutoff: number): number {
  let count = 0;
  for (let key = low; key <= cutoff; key++) count += histogram[key] as number;
  return count;
}

/**
 * The positions, in order, whose key is at or below its range's cut-off: all a ranking picks
 * from. Integers only, in a loop of its own: the scan of every position compiles small and
 * stays compiled, the names are compared on the few it keeps.
 */
function positionsUpTo(keys: Uint16Array, eligibleCutoff: number, excludedCutoff: number, count: number): Int32Array {
  const found = new Int32Array(count);
  let taken = 0;
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] as number;
    if (key <= eligibleCutoff || (key > MAX_SCORE && key <= excludedCutoff)) found[taken++] = position;
  }
  return found;
}

/**
 * The first eligible and the first excluded positions, by key then tie key. The keys'
 * histogram finds each range's cut-off key: every position below it is taken, and of those at
 * it only the first by tie key, kept in a short sorted list as the positions come. The best 50
 * of 100,000 candidates cost one pass over the keys (both ranges at once) and a few hundred tie
 * keys, not a sort of every position at the cut-off key (thousands share a score).
 */
function firstByKey(keys: Uint16Array, histogram: Uint32Array, limits: { limit: number; excludedLimit: number }, tieKeyOf: (position: number) => string) {
  const eligible = cutOf(histogram, 0, MAX_SCORE, limits.limit);
  const excluded = cutOf(histogram, MAX_SCORE + 1, MAX_KEY, limits.excludedLimit);
  const count = countUpTo(histogram, 0, eligible.cutoff) + countUpTo(histogram, MAX_SCORE + 1, excluded.cutoff);
  for (const position of positionsUpTo(keys, eligible.cutoff, excluded.cutoff, count)) {
    const key = keys[position] as number;
    const cut = key <= MAX_SCORE ? eligible : excluded;
    if (key < cut.cutoff) {
      cut.below.push(position);
      continue;
    }
    const { room, atCutoff } = cut;
    if (room === 0) continue;
    const tie = tieKeyOf(position);
    if (atCutoff.length === room && tie > (atCutoff[room - 1] as { tie: string }).tie) continue;
    let at = atCutoff.length;
    while (at > 0 && (atCutoff[at - 1] as { tie: string }).tie > tie) at--;
    atCutoff.splice(at, 0, { position, tie });
    if (atCutoff.length > room) atCutoff.pop();
  }
  return { eligible: ordered(keys, eligible, tieKeyOf), excluded: ordered(keys, excluded, tieKeyOf) };
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
  return rankByKeys(orderKeys(scores, failures), limits, tieKeyOf);
}

/** The same ranking from the positions' order keys, worked out already (the pool's pass does, as it goes). */
export function rankByKeys({ keys, histogram }: OrderKeys, limits: { limit: number; excludedLimit: number }, tieKeyOf: (position: number) => string): Ranking {
  let eligibleTotal = 0;
  for (let key = 0; key <= MAX_SCORE; key++) eligibleTotal += histogram[key] as number;
  return {
    ...firstByKey(keys, histogram, limits, tieKeyOf),
    eligibleTotal,
    excludedTotal: keys.length - eligibleTotal,
  };
}

/** Names in alphabetical order whatever their accents and case, then the id. */
export function nameTieKey(...parts: string[]): string {
  const id = parts.pop() ?? '';
  return [...parts.map((part) => nameTokens(part).join(' ')), id].join('\u0000');
}
