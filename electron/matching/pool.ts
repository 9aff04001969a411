import { authorisationReads } from '../../shared/authorisation';
import { type HARD_CRITERIA, SOFT_CRITERIA } from '../../shared/matching';
import type { CandidateProfile, Engagement } from './criteria';
import { type NeedMatcher, SOFT_WEIGHTS } from './matcher';
import { type OrderKeys, nameTieKey, orderKeys } from './rank';

/**
 * Scoring many candidates for one need, fast: files that agree on what a criterion reads
 * (the same French level, the same authorisation dates, the same commune and limits…) get
 * the same answer, so each criterion is worked out once per distinct value, not per file.
 * The pool sorts the files into these classes as they come, change and go; `assessPool` then
 * works out each class's figure and adds them up per file in typed arrays. Its figures equal
 * `NeedMatcher.explain`'s (tested).
 */

/**
 * The inputs each criterion reads; `status` stands for engagement when the file has no
 * recruitment or placement. Authorisation dates differ more from one file to the next, but
 * its judgement is the costliest: a class for a few files still saves most of it, and the
 * files whose dates the rule does not read share one (at 100,000 files, 6,400 classes, not 16,300).
 */
const CLASS_KEYS = {
  authorisation: authorisationReads,
  french_level: (c: CandidateProfile) => c.frenchLevel,
  driving_licence: (c: CandidateProfile) => c.mobility,
  status: (c: CandidateProfile) => c.status,
  consent: (c: CandidateProfile) => `${c.consentWithdrawnOn}|${c.consentPresentation}|${c.restrictedAt}`,
  sector: (c: CandidateProfile) => c.sectorIds.join(','),
  // Profiles share their occupations and place objects when equal (see the service): identity is enough.
  occupation: (c: CandidateProfile) => c.occupations,
  distance: (c: CandidateProfile, placeIds: Map<unknown, number>) => {
    let place = placeIds.get(c.location);
    if (place === undefined) {
      place = placeIds.size;
      placeIds.set(c.location, place);
    }
    return `${place}|${c.mobility}|${c.maxDistanceKm}|${c.maxTravelMinutes}`;
  },
  start_date: (c: CandidateProfile) => c.availableFrom,
  last_contact: (c: CandidateProfile) => c.lastContactOn,
};
type Feature = keyof typeof CLASS_KEYS;
const FEATURES = Object.keys(CLASS_KEYS) as Feature[];

/**
 * One criterion's classes. A class whose last file leaves is freed and its number given to the
 * next new value, so the classes stay as few as the distinct values present, however many
 * writes came before.
 */
class FeatureClasses {
  /** Per position in the pool, the file's class (the array grows ahead of the pool). */
  of = new Uint32Array(1024);
  /** Per class, one of its files, which its figure is worked out on; undefined when free. */
  readonly representatives: (CandidateProfile | undefined)[] = [];
  private readonly classOfKey = new Map<unknown, number>();
  private readonly keyOfClass: unknown[] = [];
  private readonly members: number[] = [];
  private readonly free: number[] = [];

  /** Puts the file at `position` in the class of `key`. */
  assign(position: number, key: unknown, candidate: CandidateProfile) {
    let found = this.classOfKey.get(key);
    if (found === undefined) {
      found = this.free.pop() ?? this.members.length;
      this.classOfKey.set(key, found);
      this.keyOfClass[found] = key;
      this.representatives[found] = candidate;
      this.members[found] = 0;
    }
    this.members[found] = (this.members[found] ?? 0) + 1;
    if (position >= this.of.length) {
      const grown = new Uint32Array(this.of.length * 2);
      grown.set(this.of);
      this.of = grown;
    }
    this.of[position] = found;
  }

  /** Takes the file at `position` out of its class. */
  release(position: number) {
    const found = this.of[position] ?? 0;
    const left = (this.members[found] ?? 1) - 1;
    this.members[found] = left;
    if (left > 0) return;
    this.classOfKey.delete(this.keyOfClass[found]);
    this.keyOfClass[found] = undefined;
    this.representatives[found] = undefined;
    this.free.push(found);
  }

  /** How many classes hold files. */
  get size() {
    return this.classOfKey.size;
  }
}

/**
 * The matchable files, by position, each in its class for every criterion. Of each file only
 * its id and names are kept (and its classes, in typed arrays): a class's figure is worked out
 * on one of its files, and the few files a ranking returns are read again to be explained. At
 * 100,000 files, keeping every profile held about 25 MB more.
 */
export class CandidatePool {
  /** Per position, the file's id. */
  readonly ids: string[] = [];
  private readonly lastNames: string[] = [];
  private readonly firstNames: string[] = [];
  /** Per position, the key that orders ties, once a ranking needed it (the same files are ranked again and again). */
  private readonly tieKeys: (string | undefined)[] = [];
  /**
   * Per position, the recruitments and placements that may keep the file busy; undefined when
   * none. Held by position, not by id: looking 13,000 ids up in a map of 75,000 cost more than
   * scoring every file.
   */
  private readonly engagementLists: (readonly Engagement[] | undefined)[] = [];
  readonly positionOf = new Map<string, number>();
  readonly classes = Object.fromEntries(FEATURES.map((feature) => [feature, new FeatureClasses()])) as Record<Feature, FeatureClasses>;
  private readonly placeIds = new Map<unknown, number>();

  constructor(profiles: Iterable<CandidateProfile> = [], engagements: ReadonlyMap<string, readonly Engagement[]> = new Map()) {
    for (const profile of profiles) this.put(profile);
    for (const [candidateId, list] of engagements) this.engage(candidateId, list);
  }

  /** How many files the pool holds. */
  get size() {
    return this.ids.length;
  }

  /** Adds a file (busy with nothing until `engage` says otherwise), or replaces the one with its id (its engagements kept). */
  put(candidate: CandidateProfile) {
    let position = this.positionOf.get(candidate.id);
    if (position === undefined) {
      position = this.ids.length;
      this.positionOf.set(candidate.id, position);
      this.engagementLists[position] = undefined;
    } else {
      for (const feature of FEATURES) this.classes[feature].release(position);
    }
    this.ids[position] = candidate.id;
    this.lastNames[position] = candidate.lastName;
    this.firstNames[position] = candidate.firstName;
    this.tieKeys[position] = undefined;
    for (const feature of FEATURES) this.classes[feature].assign(position, CLASS_KEYS[feature](candidate, this.placeIds), candidate);
  }

  /** Takes a file out, if it is in; the last file takes its position. */
  remove(candidateId: string) {
    const position = this.positionOf.get(candidateId);
    if (position === undefined) return;
    const last = this.ids.length - 1;
    for (const feature of FEATURES) {
      const classes = this.classes[feature];
      classes.release(position);
      classes.of[position] = classes.of[last] ?? 0;
    }
    for (const column of [this.ids, this.lastNames, this.firstNames, this.tieKeys, this.engagementLists] as unknown[][]) {
      column[position] = column[last];
      column.pop();
    }
    if (position !== last) this.positionOf.set(this.ids[position] as string, position);
    this.positionOf.delete(candidateId);
  }

  /** Sets what keeps the file busy (the pipeline's recruitments and placements); a file not in the pool is ignored. */
  engage(candidateId: string, list: readonly Engagement[]) {
    const position = this.positionOf.get(candidateId);
    if (position !== undefined) this.engagementLists[position] = list.length > 0 ? list : undefined;
  }

  /** What keeps the file at `position` busy; undefined when nothing does. */
  engagementsAt(position: number): readonly Engagement[] | undefined {
    return this.engagementLists[position];
  }

  /** Last name, first name, id: what orders files of equal score. */
  tieKey(position: number): string {
    let key = this.tieKeys[position];
    if (key === undefined) {
      key = nameTieKey(this.lastNames[position] ?? '', this.firstNames[position] ?? '', this.ids[position] ?? '');
      this.tieKeys[position] = key;
    }
    return key;
  }

  /** Per criterion, how many distinct values the files hold. */
  classCounts(): Record<Feature, number> {
    return Object.fromEntries(FEATURES.map((feature) => [feature, this.classes[feature].size])) as Record<Feature, number>;
  }
}

export const compilePool = (profiles: Iterable<CandidateProfile>, engagements?: ReadonlyMap<string, readonly Engagement[]>) => new CandidatePool(profiles, engagements);

/** Busy with nothing: a file's engagement judged on its status alone. */
const NOTHING: readonly Engagement[] = [];

export interface Assessment {
  /** Per position in the pool, 0–100. */
  scores: Uint8Array;
  /** Per position, the hard criteria failed. */
  failures: Uint8Array;
  /** Per position, the key `rank` orders it by, and their histogram: what `rankByKeys` takes. */
  ordered: OrderKeys;
}

/** A criterion's figure for each of its classes, worked out on the class's file (0 for a free class). One array type for every criterion: the loop stays monomorphic. */
function figuresOf(classes: FeatureClasses, figure: (candidate: CandidateProfile) => number): Float64Array {
  const { representatives } = classes;
  const into = new Float64Array(representatives.length);
  for (let found = 0; found < representatives.length; found++) {
    const candidate = representatives[found];
    if (candidate) into[found] = figure(candidate);
  }
  return into;
}

/** Five criteria's class per position, and each class's figure. */
type Columns = [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
type Figures = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

/**
 * Per position, the five soft figures of its classes added in the order of SOFT_CRITERIA (as
 * scoreOf adds them, so both round alike), rounded.
 */
function addedScores(size: number, [o0, o1, o2, o3, o4]: Columns, [f0, f1, f2, f3, f4]: Figures): Uint8Array {
  const scores = new Uint8Array(size);
  for (let position = 0; position < size; position++) {
    const points =
      (f0[o0[position] as number] as number) +
      (f1[o1[position] as number] as number) +
      (f2[o2[position] as number] as number) +
      (f3[o3[position] as number] as number) +
      (f4[o4[position] as number] as number);
    scores[position] = Math.round(points);
  }
  return scores;
}

/** Per position, how many of the five hard figures of its classes fail (1 each). */
function addedFailures(size: number, [p0, p1, p2, p3, p4]: Columns, [g0, g1, g2, g3, g4]: Figures): Uint8Array {
  const failures = new Uint8Array(size);
  for (let position = 0; position < size; position++) {
    failures[position] =
      (g0[p0[position] as number] as number) +
      (g1[p1[position] as number] as number) +
      (g2[p2[position] as number] as number) +
      (g3[p3[position] as number] as number) +
      (g4[p4[position] as number] as number);
  }
  return failures;
}

/**
 * The files with a recruitment or a placement (about one in six): their engagement judged on
 * their dates, in place of the judgement on their status alone that `addedFailures` counted.
 * Engagement reads only the status: any file of its status class stands for it.
 */
function judgeEngagements(pool: CandidatePool, matcher: NeedMatcher, failures: Uint8Array, onStatus: Float64Array) {
  const { of, representatives } = pool.classes.status;
  for (let position = 0; position < pool.size; position++) {
    const list = pool.engagementsAt(position);
    if (list === undefined) continue;
    const found = of[position] as number;
    const busy = matcher.fails('engagement', representatives[found] as CandidateProfile, list) ? 1 : 0;
    failures[position] = (failures[position] as number) + busy - (onStatus[found] as number);
  }
}

/**
 * Every file's score and failed hard criteria for one need, and the keys that rank them.
 * The criteria's figures are worked out per class, then a pass adds each file's soft classes'
 * figures and another its hard ones'; the busy files are judged on their dates after. Each
 * pass is a small function of its own: one function with every pass was compiled as it ran
 * the first (on-stack) and thrown away on reaching the next, for the first calls after
 * opening, while the passes ran unoptimised (about half of such a call).
 */
export function assessPool(pool: CandidatePool, matcher: NeedMatcher): Assessment {
  const { size, classes } = pool;
  const soft = (criterion: (typeof SOFT_CRITERIA)[number]) => {
    const weight = SOFT_WEIGHTS[criterion];
    return figuresOf(classes[criterion], (candidate) => weight * matcher.fraction(criterion, candidate));
  };
  const hard = (feature: Feature, criterion: (typeof HARD_CRITERIA)[number]) =>
    figuresOf(classes[feature], (candidate) => (matcher.fails(criterion, candidate, NOTHING) ? 1 : 0));
  const scores = addedScores(
    size,
    SOFT_CRITERIA.map((criterion) => classes[criterion].of) as Columns,
    SOFT_CRITERIA.map(soft) as Figures,
  );
  const onStatus = hard('status', 'engagement');
  const failures = addedFailures(
    size,
    [classes.authorisation.of, classes.french_level.of, classes.driving_licence.of, classes.status.of, classes.consent.of],
    [hard('authorisation', 'authorisation'), hard('french_level', 'french_level'), hard('driving_licence', 'driving_licence'), onStatus, hard('consent', 'consent')],
  );
  judgeEngagements(pool, matcher, failures, onStatus);
  return { scores, failures, ordered: orderKeys(scores, failures) };
}
