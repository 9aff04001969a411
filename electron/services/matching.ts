import { and, asc, eq, gte, isNull, ne, or, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { FrenchLevel } from '../../shared/candidates';
import type { AuthorisationDocument, ContractType, FollowUpStatus, Mobility } from '../../shared/domain';
import type { CandidateMatch, CandidateNeedMatches, MatchedNeed, NeedMatches } from '../../shared/matching';
import type { PlacementKind, PresentationState, RecruitmentKind } from '../../shared/pipeline';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { candidateSectors, candidates, employers, jobNeeds, placements, presentations, recruitments } from '../db/schema';
import type { CandidateProfile, Engagement, NeedProfile } from '../matching/criteria';
import { type CommuneTable, type Locate, createLocator } from '../matching/geo';
import { type CandidateScore, createNeedMatcher } from '../matching/matcher';
import { type CandidatePool, assessPool, compilePool } from '../matching/pool';
import { candidateTieKey, nameTieKey, rank } from '../matching/rank';
import { type Clock, moment, systemClock } from '../core/clock';
import { createJobNeedService } from './employers';

/**
 * Matching, both ways, over the pure module in ../matching: the candidates for a job need and
 * the open needs for a candidate, ranked, with the excluded ones apart and their reasons.
 *
 * Speed at 100,000 files: reading every candidate's matching columns from SQLite costs far
 * more than scoring them (about 150 ms against 15 ms on a small laptop), so the files are read
 * once into memory and kept until the database changes. Any write by this connection
 * (`total_changes()`, triggers included) or another one (`data_version`) makes the next call
 * read them again; between writes, browsing needs one after the other costs only the scoring.
 */

const NEED_NOT_FOUND = 'matching.errors.jobNeedNotFound';
const CANDIDATE_NOT_FOUND = 'matching.errors.candidateNotFound';

let locator: Promise<Locate> | undefined;

/** The commune table (about 1 MB, bundled with the app), read the first time matching needs it. */
export function communeLocator(): Promise<Locate> {
  locator ??= import('../../resources/geo/communes.json', { with: { type: 'json' } }).then((module) =>
    createLocator(module.default as unknown as CommuneTable),
  );
  return locator;
}

// ---------------------------------------------------------------- Rows

/** The columns matching reads, in the order `.values()` returns them. */
const candidateColumns = {
  id: candidates.id,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  status: candidates.status,
  frenchLevel: candidates.frenchLevel,
  authorisationDocument: candidates.authorisationDocument,
  authorisationStart: candidates.authorisationStart,
  authorisationExpiry: candidates.authorisationExpiry,
  employerMustApply: candidates.employerMustApply,
  asylumRegisteredOn: candidates.asylumRegisteredOn,
  mobility: candidates.mobility,
  maxDistanceKm: candidates.maxDistanceKm,
  maxTravelMinutes: candidates.maxTravelMinutes,
  postalCode: candidates.postalCode,
  commune: candidates.commune,
  // Read with `.values()`, which skips drizzle's mapping: JSON text, parsed once per distinct text.
  occupations: candidates.occupations,
  availableFrom: candidates.availableFrom,
  lastContactOn: candidates.lastContactOn,
  consentWithdrawnOn: candidates.consentWithdrawnOn,
};

type CandidateRow = [
  id: string,
  firstName: string,
  lastName: string,
  status: string,
  frenchLevel: string,
  authorisationDocument: string | null,
  authorisationStart: string | null,
  authorisationExpiry: string | null,
  employerMustApply: number,
  asylumRegisteredOn: string | null,
  mobility: string | null,
  maxDistanceKm: number | null,
  maxTravelMinutes: number | null,
  postalCode: string | null,
  commune: string | null,
  occupations: string,
  availableFrom: string | null,
  lastContactOn: string | null,
  consentWithdrawnOn: string | null,
];

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

/** Turns rows into profiles; occupations, sectors and places are shared between equal files. */
function profileBuilder(locate: Locate, sectorsOf: (candidateId: string) => readonly string[]) {
  const occupationsOf = sharedParser((text) => JSON.parse(text) as CandidateProfile['occupations']);
  return (row: CandidateRow): CandidateProfile => {
    const [id, firstName, lastName, status, frenchLevel, document, authorisationStart, authorisationExpiry, mustApply, asylumRegisteredOn] = row;
    const [, , , , , , , , , , mobility, maxDistanceKm, maxTravelMinutes, postalCode, commune, occupations, availableFrom, lastContactOn, consentWithdrawnOn] = row;
    return {
      id,
      firstName,
      lastName,
      status: status as FollowUpStatus,
      frenchLevel: frenchLevel as FrenchLevel,
      authorisationDocument: document as AuthorisationDocument | null,
      authorisationStart,
      authorisationExpiry,
      employerMustApply: mustApply === 1,
      asylumRegisteredOn,
      mobility: mobility as Mobility | null,
      maxDistanceKm,
      maxTravelMinutes,
      sectorIds: sectorsOf(id),
      occupations: occupationsOf(occupations),
      availableFrom,
      lastContactOn,
      consentWithdrawnOn,
      postalCode,
      commune,
      location: locate(postalCode, commune),
    };
  };
}

const NO_SECTORS: readonly string[] = [];

/** Candidate → sectors sought, from links sorted by candidate; equal lists share one array. */
function sectorsByCandidate(links: readonly (readonly [candidateId: string, sectorId: string])[]): (candidateId: string) => readonly string[] {
  const listOf = sharedParser((text) => text.split(','));
  const byCandidate = new Map<string, readonly string[]>();
  for (let start = 0; start < links.length; ) {
    const candidateId = links[start]?.[0] ?? '';
    let end = start;
    while (links[end]?.[0] === candidateId) end++;
    byCandidate.set(candidateId, listOf(links.slice(start, end).map(([, sectorId]) => sectorId).join(',')));
    start = end;
  }
  return (candidateId) => byCandidate.get(candidateId) ?? NO_SECTORS;
}

const needColumns = {
  id: jobNeeds.id,
  occupation: jobNeeds.occupation,
  romeCode: jobNeeds.romeCode,
  sectorId: jobNeeds.sectorId,
  contractType: jobNeeds.contractType,
  startDate: jobNeeds.startDate,
  endDate: jobNeeds.endDate,
  minFrenchLevel: jobNeeds.minFrenchLevel,
  drivingLicenceRequired: jobNeeds.drivingLicenceRequired,
  authorisationThroughContract: jobNeeds.authorisationThroughContract,
  postalCode: jobNeeds.postalCode,
  place: jobNeeds.place,
  employerName: employers.name,
  employerPostalCode: employers.postalCode,
  employerCommune: employers.commune,
};

interface NeedRow {
  id: string;
  occupation: string;
  romeCode: string | null;
  sectorId: string | null;
  contractType: string;
  startDate: string | null;
  endDate: string | null;
  minFrenchLevel: string | null;
  drivingLicenceRequired: boolean;
  authorisationThroughContract: boolean;
  postalCode: string | null;
  place: string | null;
  employerName: string;
  employerPostalCode: string | null;
  employerCommune: string | null;
}

/** The need's place is its own postal code (and the place typed), else the employer's. */
function toNeedProfile(row: NeedRow, locate: Locate): NeedProfile & { employerName: string } {
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

export function createMatchingService(db: Db, clock: Clock = systemClock) {
  const needs = createJobNeedService(db, clock);
  const today = () => moment(clock).today;

  /** Files that can be matched: not archived (merged ones are), not left. */
  const matchableCandidates = db
    .select(candidateColumns)
    .from(candidates)
    .where(and(isNull(candidates.archivedAt), ne(candidates.status, 'left')))
    .prepare();
  const oneCandidate = db
    .select(candidateColumns)
    .from(candidates)
    .where(eq(candidates.id, sql.placeholder('id')))
    .prepare();

  /** Sorted by candidate (the primary key's order): each file's sectors come together. */
  const sectorLinks = db
    .select({ candidateId: candidateSectors.candidateId, sectorId: candidateSectors.sectorId })
    .from(candidateSectors)
    .orderBy(asc(candidateSectors.candidateId), asc(candidateSectors.sectorId))
    .prepare();
  const sectorLinksOf = db
    .select({ candidateId: candidateSectors.candidateId, sectorId: candidateSectors.sectorId })
    .from(candidateSectors)
    .where(eq(candidateSectors.candidateId, sql.placeholder('id')))
    .orderBy(asc(candidateSectors.sectorId))
    .prepare();

  const needsFrom = () => db.select(needColumns).from(jobNeeds).innerJoin(employers, eq(employers.id, jobNeeds.employerId));
  const oneNeed = needsFrom().where(eq(jobNeeds.id, sql.placeholder('id'))).prepare();
  /** Open, not archived, still standing, at an employer that is not archived. */
  const openNeeds = needsFrom()
    .where(
      and(
        eq(jobNeeds.state, 'open'),
        isNull(jobNeeds.archivedAt),
        isNull(employers.archivedAt),
        or(isNull(jobNeeds.validUntil), gte(jobNeeds.validUntil, sql.placeholder('today'))),
      ),
    )
    .prepare();

  // ---- Pipeline records that keep a person busy.

  const recruitmentColumns = { candidateId: recruitments.candidateId, kind: recruitments.kind, startDate: recruitments.startDate, endDate: recruitments.endDate };
  const placementColumns = { candidateId: placements.candidateId, kind: placements.kind, startDate: placements.startDate, endDate: placements.endDate };

  /**
   * Recruitments, and placements without an outcome, not archived, by candidate: those not over
   * by `day` (a job never starts before today), or all of one candidate's.
   */
  function engagements(filter: { currentOn: string } | { candidateId: string }): Map<string, Engagement[]> {
    const current = 'currentOn' in filter;
    const hired = db
      .select(recruitmentColumns)
      .from(recruitments)
      .where(
        and(
          isNull(recruitments.archivedAt),
          current ? or(isNull(recruitments.endDate), gte(recruitments.endDate, filter.currentOn)) : eq(recruitments.candidateId, filter.candidateId),
        ),
      )
      .all()
      .map((row): [string, Engagement] => [row.candidateId, { type: 'recruitment', kind: row.kind as RecruitmentKind, startDate: row.startDate, endDate: row.endDate }]);
    const placed = db
      .select(placementColumns)
      .from(placements)
      .where(
        and(
          isNull(placements.archivedAt),
          isNull(placements.outcome),
          current ? gte(placements.endDate, filter.currentOn) : eq(placements.candidateId, filter.candidateId),
        ),
      )
      .all()
      .map((row): [string, Engagement] => [row.candidateId, { type: 'placement', kind: row.kind as PlacementKind, startDate: row.startDate, endDate: row.endDate }]);
    const byCandidate = new Map<string, Engagement[]>();
    for (const [candidateId, engagement] of [...hired, ...placed]) {
      const list = byCandidate.get(candidateId);
      if (list) list.push(engagement);
      else byCandidate.set(candidateId, [engagement]);
    }
    return byCandidate;
  }

  // ---- The files in memory, read again after any change to the database.

  let snapshot: { version: string; pool: CandidatePool; engagements: Map<string, Engagement[]> } | undefined;

  /** Changes whenever anything is written: by this connection (triggers included) or another. */
  function databaseVersion(): string {
    const { changes, version } = db.get<{ changes: number; version: number }>(
      sql`SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`,
    );
    return `${changes}:${version}`;
  }

  /** The matchable files, classed for the fast pass, and what keeps them busy from `day` on. */
  function matchableNow(locate: Locate, day: string) {
    const version = `${databaseVersion()}:${day}`;
    if (snapshot?.version !== version) {
      const sectorsOf = sectorsByCandidate(sectorLinks.values() as [string, string][]);
      const profiles = (matchableCandidates.values() as CandidateRow[]).map(profileBuilder(locate, sectorsOf));
      snapshot = { version, pool: compilePool(profiles), engagements: engagements({ currentOn: day }) };
    }
    return snapshot;
  }

  let needSnapshot: { version: string; matchers: { need: ReturnType<typeof toNeedProfile>; matcher: ReturnType<typeof createNeedMatcher> }[] } | undefined;

  /** The open needs, each with its matcher, kept like the candidates until the database changes. */
  function openNeedMatchers(locate: Locate, day: string) {
    const version = `${databaseVersion()}:${day}`;
    if (needSnapshot?.version !== version) {
      const matchers = openNeeds.all({ today: day }).map((row: NeedRow) => {
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
    const rows = db
      .select({ candidateId: presentations.candidateId, jobNeedId: presentations.jobNeedId, id: presentations.id, state: presentations.state })
      .from(presentations)
      .where(and(isNull(presentations.archivedAt), byNeed ? eq(presentations.jobNeedId, filter.jobNeedId) : eq(presentations.candidateId, filter.candidateId)))
      .orderBy(asc(presentations.proposedOn), asc(presentations.createdAt), asc(presentations.seq))
      .all();
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
      const row: NeedRow | undefined = oneNeed.get({ id: jobNeedId });
      if (!row) throw new AppError('not_found', NEED_NOT_FOUND);
      const need = toNeedProfile(row, locate);
      const day = today();
      const { pool, engagements: engaged } = matchableNow(locate, day);
      const matcher = createNeedMatcher(need, day);
      const { scores, failures } = assessPool(pool, matcher, engaged);
      const { profiles } = pool;
      const ranking = rank(scores, failures, { limit, excludedLimit }, (position) => candidateTieKey(profiles[position] as CandidateProfile));
      const presented = latestPresentations({ jobNeedId });
      const toMatch = (position: number): CandidateMatch => {
        const candidate = profiles[position] as CandidateProfile;
        const { id, firstName, lastName, frenchLevel, status, commune, postalCode, authorisationExpiry } = candidate;
        return {
          candidate: { id, firstName, lastName, frenchLevel, status, commune, postalCode, authorisationExpiry },
          ...explained(matcher.explain(candidate, engaged.get(id) ?? NONE), presented.get(id) ?? null),
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
      const row = oneCandidate.values({ id: candidateId })[0] as CandidateRow | undefined;
      if (!row) throw new AppError('not_found', CANDIDATE_NOT_FOUND);
      const candidate = profileBuilder(locate, sectorsByCandidate(sectorLinksOf.values({ id: candidateId }) as [string, string][]))(row);
      const engaged = engagements({ candidateId }).get(candidateId) ?? NONE;
      const scored = openNeedMatchers(locate, today()).map(({ need, matcher }) => ({ need, ...matcher.explain(candidate, engaged) }));
      const ranking = rank(
        scored.map((item) => item.score),
        scored.map((item) => item.failures),
        { limit, excludedLimit },
        (position) => {
          const { need } = scored[position] as (typeof scored)[number];
          return nameTieKey(need.occupation, need.employerName, need.id);
        },
      );
      const presented = latestPresentations({ candidateId });
      const toMatch = (position: number): MatchedNeed => {
        const item = scored[position] as (typeof scored)[number];
        return { need: needs.get({ id: item.need.id }), ...explained(item, presented.get(item.need.id) ?? null) };
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
