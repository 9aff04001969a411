import type { ParsedInputOf } from '../../shared/api';
import type { FrenchLevel } from '../../shared/candidates';
import type { AuthorisationDocument, ContractType, FollowUpStatus, Mobility } from '../../shared/domain';
import type { CandidateMatch, CandidateNeedMatches, MatchedNeed, NeedMatches } from '../../shared/matching';
import type { PlacementKind, PresentationState, RecruitmentKind } from '../../shared/pipeline';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import type { CandidateProfile, Engagement, NeedProfile } from '../matching/criteria';
import { type CommuneTable, type Locate, createLocator } from '../matching/geo';
import { type CandidateScore, createNeedMatcher } from '../matching/matcher';
import { CandidatePool, assessPool } from '../matching/pool';
import { nameTieKey, rank, rankByKeys } from '../matching/rank';
import { type Clock, moment, systemClock } from '../core/clock';
import { type CandidateProfileRow, type MatchingWrites, type NeedProfileRow, createMatchingStore, watchMatchingWrites } from '../store/matching';
import { createJobNeedService } from './employers';

/**
 * Matching, both ways, over the pure module in ../matching: the candidates for a job need and
 * the open needs for a candidate, ranked, with the excluded ones apart and their reasons.
 *
 * Speed at 100,000 files: reading every candidate's matching columns from SQLite costs far
 * more than scoring them (over half a second against about 15 ms), so the files are read once
 * into memory and kept current: temporary triggers on this connection (../store/matching)
 * name each candidate whose file, sectors, recruitments or placements a write touches (SQL
 * triggers and cascades included), and the next call reads those files again, and only those.
 * A write by another connection (`data_version`), a new day, or changes to more than a quarter
 * of the files make it read everything again.
 */

const NEED_NOT_FOUND = 'employers.errors.jobNeedNotFound';
const CANDIDATE_NOT_FOUND = 'candidates.errors.notFound';

let locator: Promise<Locate> | undefined;

/** The commune table (about 1 MB, bundled with the app), read the first time matching needs it. */
export function communeLocator(): Promise<Locate> {
  locator ??= import('../../resources/geo/communes.json', { with: { type: 'json' } }).then((module) =>
    createLocator(module.default as unknown as CommuneTable),
  );
  return locator;
}

// ---------------------------------------------------------------- Rows

const NONE: readonly Engagement[] = [];

/** Parses each distinct text once, so that equal files share one object (the pool classes files by identity). */
function sharedParser<T>(parse: (text: string) => T): (text: string) => T {
  const parsed = new Map<string, T>();
  return (text) => {
    let value = parsed.get(text);
    if (value === undefined) {
      value = parse(text);
      parsed.set(text, value);
    }
    return value;
  };
}

const NO_SECTORS: readonly string[] = [];

const parseOccupations = (text: string) => JSON.parse(text) as CandidateProfile['occupations'];
const parseSectors = (text: string) => text.split(',');
const asRead = (text: string) => text;

/**
 * Turns rows into profiles. Files kept (`shared`): occupations, sectors, places and texts are
 * shared between equal files, including those read later by the same builder. Files read to be
 * explained and dropped are built as read: looking each text up cost more than it saved.
 */
function profileBuilder(locate: Locate, kept: 'shared' | 'asRead') {
  const share = kept === 'shared';
  const occupationsOf = share ? sharedParser(parseOccupations) : parseOccupations;
  const sectorsOf = share ? sharedParser(parseSectors) : parseSectors;
  // Each row brings its own copy of every text: levels, dates and communes repeat across files,
  // and kept once the files take about a quarter less memory (20 MB at 100,000).
  const once = share ? sharedParser(asRead) : asRead;
  const shared = <T extends string | null>(text: T): T => (text === null ? text : (once(text) as T));
  return (row: readonly [...CandidateProfileRow, ...unknown[]]): CandidateProfile => {
    const [id, firstName, lastName, status, frenchLevel, document, authorisationStart, authorisationExpiry, mustApply, asylumRegisteredOn] = row;
    const [, , , , , , , , , , mobility, maxDistanceKm, maxTravelMinutes, postalCode, commune, occupations, availableFrom, lastContactOn, consentWithdrawnOn, sectorIds, consentPresentation, restrictedAt] = row;
    return {
      id,
      firstName,
      lastName,
      status: shared(status) as FollowUpStatus,
      frenchLevel: shared(frenchLevel) as FrenchLevel,
      authorisationDocument: shared(document) as AuthorisationDocument | null,
      authorisationStart: shared(authorisationStart),
      authorisationExpiry: shared(authorisationExpiry),
      employerMustApply: mustApply === 1,
      asylumRegisteredOn: shared(asylumRegisteredOn),
      mobility: shared(mobility) as Mobility | null,
      maxDistanceKm,
      maxTravelMinutes,
      sectorIds: sectorIds === null ? NO_SECTORS : sectorsOf(sectorIds),
      occupations: occupationsOf(occupations),
      availableFrom: shared(availableFrom),
      lastContactOn: shared(lastContactOn),
      consentWithdrawnOn: shared(consentWithdrawnOn),
      consentPresentation: consentPresentation === 1,
      restrictedAt,
      postalCode: shared(postalCode),
      commune: shared(commune),
      location: locate(postalCode, commune),
    };
  };
}

/** The need's place is its own postal code (and the place typed), else the employer's. */
function toNeedProfile(row: NeedProfileRow, locate: Locate): NeedProfile & { employerName: string } {
  const location = row.postalCode ? locate(row.postalCode, row.place) : locate(row.employerPostalCode, row.employerCommune);
  return {
    id: row.id,
    occupation: row.occupation,
    romeCode: row.romeCode,
    sectorId: row.sectorId,
    contractType: row.contractType as ContractType,
    startDate: row.startDate,
    endDate: row.endDate,
    minFrenchLevel: row.minFrenchLevel as FrenchLevel | null,
    drivingLicenceRequired: row.drivingLicenceRequired,
    authorisationThroughContract: row.authorisationThroughContract,
    employerName: row.employerName,
    location,
  };
}

// ---------------------------------------------------------------- Service

/** The ranking of the pool's positions in `shown` alone, as positions in the pool. */
function rankAmong(shown: number[], scores: Uint8Array, failures: Uint8Array, limits: { limit: number; excludedLimit: number }, tieKeyOf: (position: number) => string) {
  const ranked = rank(
    shown.map((position) => scores[position] ?? 0),
    shown.map((position) => failures[position] ?? 0),
    limits,
    (index) => tieKeyOf(shown[index] as number),
  );
  return { ...ranked, eligible: ranked.eligible.map((index) => shown[index] as number), excluded: ranked.excluded.map((index) => shown[index] as number) };
}

/** The pool's positions of the files in scope, in order; null when every file is. */
function inScopePositions(ids: readonly string[], scope: ReadonlySet<string> | undefined): number[] | null {
  if (!scope) return null;
  const positions: number[] = [];
  ids.forEach((id, position) => {
    if (scope.has(id)) positions.push(position);
  });
  return positions;
}

export function createMatchingService(db: Db, clock: Clock = systemClock) {
  const needs = createJobNeedService(db, clock);
  const store = createMatchingStore(db);
  const today = () => moment(clock).today;

  // ---- Pipeline records that keep a person busy.

  /**
   * Recruitments, and placements without an outcome, not archived, by candidate: those not over
   * by `currentOn` (a job never starts before today), of every candidate or of those in
   * `candidateIds`; or all of one candidate's.
   */
  function engagements(filter: { currentOn: string; candidateIds?: readonly string[] } | { candidateId: string }): Map<string, Engagement[]> {
    const byCandidate = new Map<string, Engagement[]>();
    const add = (candidateId: string, engagement: Engagement) => {
      const list = byCandidate.get(candidateId);
      if (list) list.push(engagement);
      else byCandidate.set(candidateId, [engagement]);
    };
    const { hired, placed } = store.engagements(filter);
    for (const row of hired) add(row.candidateId, { type: 'recruitment', kind: row.kind as RecruitmentKind, startDate: row.startDate, endDate: row.endDate });
    for (const row of placed) add(row.candidateId, { type: 'placement', kind: row.kind as PlacementKind, startDate: row.startDate, endDate: row.endDate });
    return byCandidate;
  }

  // ---- The files in memory, kept current by the writes the triggers report.

  let watched: MatchingWrites | undefined;
  /** Watching starts with the first call, before the first read: until matching is used, writes pay nothing for it. */
  const writesSinceRead = () => (watched ??= watchMatchingWrites(db));
  let snapshot:
    | { version: string; pool: CandidatePool; toProfile: ReturnType<typeof profileBuilder> }
    | undefined;

  /** Changes when another connection writes, or on a new day: then everything is read again. */
  function snapshotVersion(day: string): string {
    return `${store.dataVersion()}:${day}`;
  }

  /** The matchable files, classed for the fast pass, and what keeps them busy from `day` on. */
  function matchableNow(locate: Locate, day: string) {
    const version = snapshotVersion(day);
    const changes = writesSinceRead();
    if (snapshot?.version !== version || changes.candidates.size > snapshot.pool.size / 4) {
      changes.candidates.clear();
      snapshot = undefined; // the old pool can go while the new one is read
      const toProfile = profileBuilder(locate, 'shared');
      const pool = new CandidatePool();
      // Row by row: 100,000 rows read at once held about 60 MB until the pool was built.
      for (const row of store.matchableCandidates()) pool.put(toProfile(row));
      for (const [id, list] of engagements({ currentOn: day })) pool.engage(id, list);
      snapshot = { version, pool, toProfile };
    } else if (changes.candidates.size > 0) {
      const candidateIds = [...changes.candidates];
      changes.candidates.clear();
      const { pool, toProfile } = snapshot;
      for (const id of candidateIds) pool.remove(id);
      for (const row of store.candidatesAmong(candidateIds)) {
        if (row.at(-1) === 1) pool.put(toProfile(row));
      }
      for (const [id, list] of engagements({ currentOn: day, candidateIds })) pool.engage(id, list);
    }
    return snapshot;
  }

  let needSnapshot: { version: string; matchers: { need: ReturnType<typeof toNeedProfile>; matcher: ReturnType<typeof createNeedMatcher> }[] } | undefined;

  /** The open needs, each with its matcher, kept until a need or an employer changes. */
  function openNeedMatchers(locate: Locate, day: string) {
    const version = snapshotVersion(day);
    const changes = writesSinceRead();
    if (needSnapshot?.version !== version || changes.needs) {
      changes.needs = false;
      const matchers = store.openNeeds(day).map((row) => {
        const need = toNeedProfile(row, locate);
        return { need, matcher: createNeedMatcher(need, day) };
      });
      needSnapshot = { version, matchers };
    }
    return needSnapshot.matchers;
  }

  /** The latest presentation of each pair, keyed by the other side's id. */
  function latestPresentations(filter: { jobNeedId: string } | { candidateId: string }): Map<string, { id: string; state: PresentationState }> {
    const byNeed = 'jobNeedId' in filter;
    const rows = store.presentations(filter);
    // Later rows replace earlier ones: the latest wins.
    return new Map(rows.map((row) => [byNeed ? row.candidateId : row.jobNeedId, { id: row.id, state: row.state as PresentationState }]));
  }

  function explained(score: Omit<CandidateScore, 'candidate'>, presentation: CandidateMatch['presentation']) {
    return { score: score.score, eligible: score.failures === 0, reasons: score.reasons, distanceKm: score.distanceKm, presentation };
  }

  return {
    /**
     * The candidates for a job need: every matchable file scored in one pass (score and failed
     * hard criteria only), then the reasons of those returned.
     */
    async forNeed({ jobNeedId, limit, excludedLimit }: ParsedInputOf<'matching.forNeed'>): Promise<NeedMatches> {
      const locate = await communeLocator();
      const row = store.need(jobNeedId);
      if (!row) throw new AppError('not_found', NEED_NOT_FOUND);
      const need = toNeedProfile(row, locate);
      const day = today();
      const { pool } = matchableNow(locate, day);
      const matcher = createNeedMatcher(need, day);
      const { scores, failures, ordered } = assessPool(pool, matcher);
      // A volunteer's ranking holds only the files of their scope, before any page is cut.
      const shown = inScopePositions(pool.ids, store.candidateIdsInScope());
      const tieKeyOf = (position: number) => pool.tieKey(position);
      const ranking = shown ? rankAmong(shown, scores, failures, { limit, excludedLimit }, tieKeyOf) : rankByKeys(ordered, { limit, excludedLimit }, tieKeyOf);
      const presented = latestPresentations({ jobNeedId });
      // The pool keeps no whole files: those returned are read again, to be explained.
      const toShownProfile = profileBuilder(locate, 'asRead');
      const returned = new Map(
        store.candidatesAmong([...ranking.eligible, ...ranking.excluded].map((position) => pool.ids[position] as string)).map((row) => [row[0], toShownProfile(row)]),
      );
      const toMatch = (position: number): CandidateMatch => {
        const candidate = returned.get(pool.ids[position] as string);
        if (!candidate) throw new Error('matching: a ranked file is no longer there');
        const { id, firstName, lastName, frenchLevel, status, commune, postalCode, authorisationExpiry } = candidate;
        return {
          candidate: { id, firstName, lastName, frenchLevel, status, commune, postalCode, authorisationExpiry },
          ...explained(matcher.explain(candidate, pool.engagementsAt(position) ?? NONE), presented.get(id) ?? null),
        };
      };
      return {
        need: needs.get({ id: jobNeedId }),
        eligible: ranking.eligible.map(toMatch),
        excluded: ranking.excluded.map(toMatch),
        eligibleTotal: ranking.eligibleTotal,
        excludedTotal: ranking.excludedTotal,
      };
    },

    /** The open needs for a candidate, ranked the same way (ties by occupation, employer, id). */
    async forCandidate({ candidateId, limit, excludedLimit }: ParsedInputOf<'matching.forCandidate'>): Promise<CandidateNeedMatches> {
      const locate = await communeLocator();
      const row = store.candidate(candidateId);
      if (!row) throw new AppError('not_found', CANDIDATE_NOT_FOUND);
      const candidate = profileBuilder(locate, 'asRead')(row);
      const engaged = engagements({ candidateId }).get(candidateId) ?? NONE;
      // Each open need's figures only, then the reasons of those returned: keeping every need's
      // reasons until the ranking was done held about 70 MB at 20,000 needs.
      const matchers = openNeedMatchers(locate, today());
      const scores = new Float64Array(matchers.length);
      const failures = new Uint8Array(matchers.length);
      matchers.forEach(({ matcher }, position) => {
        const figures = matcher.explain(candidate, engaged);
        scores[position] = figures.score;
        failures[position] = figures.failures;
      });
      const ranking = rank(scores, failures, { limit, excludedLimit }, (position) => {
        const { need } = matchers[position] as (typeof matchers)[number];
        return nameTieKey(need.occupation, need.employerName, need.id);
      });
      const presented = latestPresentations({ candidateId });
      const toMatch = (position: number): MatchedNeed => {
        const { need, matcher } = matchers[position] as (typeof matchers)[number];
        return { need: needs.get({ id: need.id }), ...explained(matcher.explain(candidate, engaged), presented.get(need.id) ?? null) };
      };
      return {
        eligible: ranking.eligible.map(toMatch),
        excluded: ranking.excluded.map(toMatch),
        eligibleTotal: ranking.eligibleTotal,
        excludedTotal: ranking.excludedTotal,
      };
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
