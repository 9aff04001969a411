import { SOFT_CRITERIA } from '../../shared/matching';
import type { CandidateProfile, Engagement, Evaluation } from './criteria';
import { type NeedMatcher, SOFT_WEIGHTS } from './matcher';

/**
 * Scoring many candidates for one need, fast: files that agree on what a criterion reads
 * (the same French level, the same authorisation dates, the same commune and limits…) get
 * the same answer, so each criterion is worked out once per distinct value, not per file.
 * `compilePool` sorts the files into these classes once; `assessPool` then works out each
 * class's figure and adds them up per file in typed arrays. Its figures equal
 * `NeedMatcher.explain`'s (tested).
 */

/**
 * The inputs each criterion reads; `status` stands for engagement when the file has no
 * recruitment or placement. Authorisations are judged file by file: their dates differ from
 * one file to the next, so classes would cost more than they save.
 */
const CLASS_KEYS = {
  authorisation: (_c: CandidateProfile, _places: Map<unknown, number>, position: number) => position,
  french_level: (c: CandidateProfile) => c.frenchLevel,
  driving_licence: (c: CandidateProfile) => c.mobility,
  status: (c: CandidateProfile) => c.status,
  consent: (c: CandidateProfile) => c.consentWithdrawnOn,
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

export interface CandidatePool {
  profiles: readonly CandidateProfile[];
  /** Per feature, each file's class. */
  classes: Record<Feature, Uint32Array>;
  /** Per feature, the position of one file of each class. */
  representatives: Record<Feature, number[]>;
  positionOf: ReadonlyMap<string, number>;
}

export function compilePool(profiles: readonly CandidateProfile[]): CandidatePool {
  const placeIds = new Map<unknown, number>();
  const classes = {} as CandidatePool['classes'];
  const representatives = {} as CandidatePool['representatives'];
  for (const feature of Object.keys(CLASS_KEYS) as Feature[]) {
    const keyOf: (candidate: CandidateProfile, places: Map<unknown, number>, position: number) => unknown = CLASS_KEYS[feature];
    const classOf = new Map<unknown, number>();
    classes[feature] = new Uint32Array(profiles.length);
    representatives[feature] = [];
    profiles.forEach((candidate, position) => {
      const key = keyOf(candidate, placeIds, position);
      let found = classOf.get(key);
      if (found === undefined) {
        found = representatives[feature].length;
        classOf.set(key, found);
        representatives[feature].push(position);
      }
      classes[feature][position] = found;
    });
  }
  return { profiles, classes, representatives, positionOf: new Map(profiles.map((candidate, position) => [candidate.id, position])) };
}

type Table = { classes: Uint32Array; figures: Float64Array };

export interface Assessment {
  /** Per position in the pool, 0–100. */
  scores: Uint8Array;
  /** Per position, the hard criteria failed. */
  failures: Uint8Array;
}

/** Every file's score and failed hard criteria for one need; `engagements` by candidate id. */
export function assessPool(pool: CandidatePool, matcher: NeedMatcher, engagements: ReadonlyMap<string, readonly Engagement[]>): Assessment {
  const { profiles } = pool;
  /** A criterion's figure for each class, worked out on its first file, and each file's class. */
  const perClass = (feature: Feature, figure: (candidate: CandidateProfile) => number) => ({
    classes: pool.classes[feature],
    figures: Float64Array.from(pool.representatives[feature], (position) => figure(profiles[position] as CandidateProfile)),
  });
  const failed = ({ verdict }: { verdict: string }) => (verdict === 'fail' ? 1 : 0);
  const points = (criterion: (typeof SOFT_CRITERIA)[number]) => {
    const evaluate: (candidate: CandidateProfile) => Evaluation = matcher.soft[criterion];
    return perClass(criterion, (candidate) => SOFT_WEIGHTS[criterion] * evaluate(candidate).fraction);
  };

  const authorisation = perClass('authorisation', (candidate) => failed(matcher.hard.authorisation(candidate)));
  const french = perClass('french_level', (candidate) => failed(matcher.hard.french_level(candidate)));
  const licence = perClass('driving_licence', (candidate) => failed(matcher.hard.driving_licence(candidate)));
  const free = perClass('status', (candidate) => failed(matcher.hard.engagement(candidate, [])));
  const consent = perClass('consent', (candidate) => failed(matcher.hard.consent(candidate)));
  const [sector, occupation, distance, startDate, lastContact] = SOFT_CRITERIA.map(points) as [Table, Table, Table, Table, Table];
  const at = (table: Table, position: number) => table.figures[table.classes[position] ?? 0] ?? 0;

  const scores = new Uint8Array(profiles.length);
  const failures = new Uint8Array(profiles.length);
  for (let position = 0; position < profiles.length; position++) {
    // Added in the order of SOFT_CRITERIA, as scoreOf adds them, so both round alike.
    scores[position] = Math.round(
      at(sector, position) + at(occupation, position) + at(distance, position) + at(startDate, position) + at(lastContact, position),
    );
    failures[position] = at(authorisation, position) + at(french, position) + at(licence, position) + at(free, position) + at(consent, position);
  }
  // The few files with a recruitment or a placement: their engagement is judged on its dates.
  for (const [candidateId, list] of engagements) {
    const position = pool.positionOf.get(candidateId);
    if (position === undefined || list.length === 0) continue;
    const candidate = profiles[position] as CandidateProfile;
    failures[position] = (failures[position] ?? 0) - at(free, position) + failed(matcher.hard.engagement(candidate, list));
  }
  return { scores, failures };
}
