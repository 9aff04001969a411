import { SOFT_CRITERIA } from '../../shared/matching';
import type { CandidateProfile, Engagement, Evaluation } from './criteria';
import { type NeedMatcher, SOFT_WEIGHTS } from './matcher';
import { nameTieKey } from './rank';

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
 * its judgement is the costliest: a class for 3 to 5 files still saves most of it.
 */
const CLASS_KEYS = {
  authorisation: (c: CandidateProfile) =>
    `${c.authorisationDocument}|${c.authorisationStart}|${c.authorisationExpiry}|${c.employerMustApply}|${c.asylumRegisteredOn}`,
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
  readonly positionOf = new Map<string, number>();
  readonly classes = Object.fromEntries(FEATURES.map((feature) => [feature, new FeatureClasses()])) as Record<Feature, FeatureClasses>;
  private readonly placeIds = new Map<unknown, number>();

  constructor(profiles: Iterable<CandidateProfile> = []) {
    for (const profile of profiles) this.put(profile);
  }

  /** How many files the pool holds. */
  get size() {
    return this.ids.length;
  }

  /** Adds a file, or replaces the one with its id. */
  put(candidate: CandidateProfile) {
    let position = this.positionOf.get(candidate.id);
    if (position === undefined) {
      position = this.ids.length;
      this.positionOf.set(candidate.id, position);
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
    for (const column of [this.ids, this.lastNames, this.firstNames, this.tieKeys] as unknown[][]) {
      column[position] = column[last];
      column.pop();
    }
    if (position !== last) this.positionOf.set(this.ids[position] as string, position);
    this.positionOf.delete(candidateId);
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

export const compilePool = (profiles: Iterable<CandidateProfile>) => new CandidatePool(profiles);

export interface Assessment {
  /** Per position in the pool, 0–100. */
  scores: Uint8Array;
  /** Per position, the hard criteria failed. */
  failures: Uint8Array;
}

/** Adds to each file's total its class's figure: one tight pass per criterion. */
function addPerFile(totals: Float64Array | Uint8Array, classes: Uint32Array, figures: Float64Array) {
  for (let position = 0; position < totals.length; position++) totals[position] = (totals[position] ?? 0) + (figures[classes[position] ?? 0] ?? 0);
}

/** Every file's score and failed hard criteria for one need; `engagements` by candidate id. */
export function assessPool(pool: CandidatePool, matcher: NeedMatcher, engagements: ReadonlyMap<string, readonly Engagement[]>): Assessment {
  const { size } = pool;
  /** A criterion's figure for each class, worked out on one of its files. */
  const figuresOf = (feature: Feature, figure: (candidate: CandidateProfile) => number) =>
    Float64Array.from(pool.classes[feature].representatives, (candidate) => (candidate ? figure(candidate) : 0));
  const failed = ({ verdict }: { verdict: string }) => (verdict === 'fail' ? 1 : 0);

  // Added per file in the order of SOFT_CRITERIA, as scoreOf adds them, so both round alike.
  const points = new Float64Array(size);
  for (const criterion of SOFT_CRITERIA) {
    const evaluate: (candidate: CandidateProfile) => Evaluation = matcher.soft[criterion];
    addPerFile(points, pool.classes[criterion].of, figuresOf(criterion, (candidate) => SOFT_WEIGHTS[criterion] * evaluate(candidate).fraction));
  }
  const scores = new Uint8Array(size);
  for (let position = 0; position < scores.length; position++) scores[position] = Math.round(points[position] ?? 0);

  const free = figuresOf('status', (candidate) => failed(matcher.hard.engagement(candidate, [])));
  const hard: [Feature, Float64Array][] = [
    ['authorisation', figuresOf('authorisation', (candidate) => failed(matcher.hard.authorisation(candidate)))],
    ['french_level', figuresOf('french_level', (candidate) => failed(matcher.hard.french_level(candidate)))],
    ['driving_licence', figuresOf('driving_licence', (candidate) => failed(matcher.hard.driving_licence(candidate)))],
    ['status', free],
    ['consent', figuresOf('consent', (candidate) => failed(matcher.hard.consent(candidate)))],
  ];
  const failures = new Uint8Array(size);
  for (const [feature, figures] of hard) addPerFile(failures, pool.classes[feature].of, figures);

  // The few files with a recruitment or a placement: their engagement is judged on its dates.
  const statusClasses = pool.classes.status.of;
  for (const [candidateId, list] of engagements) {
    const position = pool.positionOf.get(candidateId);
    if (position === undefined || list.length === 0) continue;
    const statusClass = statusClasses[position] ?? 0;
    // Engagement reads only the status: any file of the same status class stands for this one.
    const standIn = pool.classes.status.representatives[statusClass] as CandidateProfile;
    failures[position] = (failures[position] ?? 0) - (free[statusClass] ?? 0) + (matcher.engaged(standIn, list) ? 1 : 0);
  }
  return { scores, failures };
}
