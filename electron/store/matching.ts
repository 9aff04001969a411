import { and, asc, eq, gte, isNull, ne, or, sql } from 'drizzle-orm';
import { type ReadDb, prepareRead } from '../db/handles';
import type { Db } from '../db/open';
import { watchWrites } from '../db/write-watch';
import { candidateSectors, candidates, employers, jobNeeds, placements, presentations, recruitments } from '../db/schema';
import { committedVersion } from './changes';
import { candidateIdsInScope } from './scope';

/**
 * What matching reads: the candidates' matching columns, the open needs with their employer's
 * place, what keeps a person busy, the latest presentations; and the temporary triggers that
 * say which of those rows a write touched.
 */

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
  /** The sectors sought, sorted, joined by commas. */
  sectorIds: sql<string | null>`(SELECT group_concat(${candidateSectors.sectorId}, ',' ORDER BY ${candidateSectors.sectorId}) FROM ${candidateSectors} WHERE ${candidateSectors.candidateId} = ${candidates.id})`,
  consentPresentation: candidates.consentPresentation,
  restrictedAt: candidates.restrictedAt,
};

/** A candidate's matching columns as `.values()` returns them (see candidateColumns). */
export type CandidateProfileRow = [
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
  sectorIds: string | null,
  consentPresentation: number,
  restrictedAt: string | null,
];

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

export interface NeedProfileRow {
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

// ---------------------------------------------------------------- Writes

/** The tables whose rows feed a candidate's profile or engagements, and the column naming the candidate. */
const CANDIDATE_SOURCES = [
  ['candidates', 'id'],
  ['candidate_sectors', 'candidate_id'],
  ['recruitments', 'candidate_id'],
  ['placements', 'candidate_id'],
] as const;
/** The tables a need's matcher reads. */
const NEED_SOURCES = ['job_needs', 'employers'] as const;

/** The candidates a write touched, and whether any need or employer changed, since the caller last cleared them. */
export interface MatchingWrites {
  candidates: Set<string>;
  needs: boolean;
}

/**
 * Temporary triggers (this connection only, never written to the file) that report, as each
 * row is written, the candidates touched and whether any need or employer changed. A write
 * rolled back still reports: the file is then read again for nothing, never missed.
 */
export function watchMatchingWrites(db: Db): MatchingWrites {
  const changes: MatchingWrites = { candidates: new Set<string>(), needs: false };
  const { call, on } = watchWrites(db, 'matching_write', {
    candidate: (id) => typeof id === 'string' && changes.candidates.add(id),
    need: () => {
      changes.needs = true;
    },
  });
  for (const [table, column] of CANDIDATE_SOURCES) on(table, (row) => `SELECT ${call('candidate', `${row}.${column}`)}`);
  for (const table of NEED_SOURCES) on(table, () => `SELECT ${call('need')}`);
  return changes;
}

// ---------------------------------------------------------------- Reads

export function createMatchingStore(db: ReadDb) {
  /** Files that can be matched: not archived (merged ones are), not left, not anonymised. */
  const matchable = and(isNull(candidates.archivedAt), ne(candidates.status, 'left'), isNull(candidates.anonymisedAt));
  const everyMatchable = db.select(candidateColumns).from(candidates).where(matchable).toSQL();
  // Raw and one row at a time, for the caller to keep what it needs of each as it comes.
  const matchableCandidates = prepareRead(db, everyMatchable.sql).raw();
  /**
   * The files of the ids given as a JSON array, found by their key, each with whether it can be
   * matched (1 or 0, last): as a condition, that would make SQLite walk every active file.
   */
  const candidatesAmong = db
    .select({ ...candidateColumns, matchable: sql<number>`${matchable}` })
    .from(candidates)
    .where(sql`${candidates.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
    .prepare();
  const oneCandidate = db
    .select(candidateColumns)
    .from(candidates)
    .where(eq(candidates.id, sql.placeholder('id')))
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

  // Prepared once: each call asks for the presentations, and building their SQL again each
  // time cost about 1.5 ms of a 23 ms call at 100,000 files (with the data version's).
  const presentationsWhere = (column: typeof presentations.jobNeedId | typeof presentations.candidateId) =>
    db
      .select({ candidateId: presentations.candidateId, jobNeedId: presentations.jobNeedId, id: presentations.id, state: presentations.state })
      .from(presentations)
      .where(and(isNull(presentations.archivedAt), eq(column, sql.placeholder('id'))))
      .orderBy(asc(presentations.proposedOn), asc(presentations.createdAt), asc(presentations.seq))
      .prepare();
  const presentationsOfNeed = presentationsWhere(presentations.jobNeedId);
  const presentationsOfCandidate = presentationsWhere(presentations.candidateId);

  const recruitmentColumns = { candidateId: recruitments.candidateId, kind: recruitments.kind, startDate: recruitments.startDate, endDate: recruitments.endDate };
  const placementColumns = { candidateId: placements.candidateId, kind: placements.kind, startDate: placements.startDate, endDate: placements.endDate };

  return {
    /** Every file that can be matched, row by row (nothing else may run on the connection meanwhile). */
    matchableCandidates: () => matchableCandidates.iterate(...everyMatchable.params) as IterableIterator<CandidateProfileRow>,

    /** The files with these ids, each with whether it can be matched (1 or 0) as its last value. */
    candidatesAmong: (ids: readonly string[]) => candidatesAmong.values({ ids: JSON.stringify(ids) }) as [...CandidateProfileRow, matchable: number][],

    /** The file, undefined when there is none with this id (matchable or not) or it is outside the caller's scope. */
    candidate: (id: string): CandidateProfileRow | undefined => {
      const scope = candidateIdsInScope(db);
      if (scope && !scope.has(id)) return undefined;
      return oneCandidate.values({ id })[0] as CandidateProfileRow | undefined;
    },

    /** The files the caller may be shown (see store/scope.ts); undefined: every file. */
    candidateIdsInScope: () => candidateIdsInScope(db),

    /** The need, undefined when there is none with this id. */
    need: (id: string): NeedProfileRow | undefined => oneNeed.get({ id }),

    /** The needs open on `today`. */
    openNeeds: (today: string): NeedProfileRow[] => openNeeds.all({ today }),

    /** Changes whenever another connection writes to the file. */
    dataVersion: (): number => committedVersion(db),

    /**
     * Recruitments, and placements without an outcome, not archived: those not over by
     * `currentOn` (a job never starts before today), of every candidate or of those in
     * `candidateIds`; or all of one candidate's.
     */
    engagements(filter: { currentOn: string; candidateIds?: readonly string[] } | { candidateId: string }) {
      const current = 'currentOn' in filter;
      const among = (column: typeof recruitments.candidateId | typeof placements.candidateId) =>
        current && filter.candidateIds ? sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(filter.candidateIds)}))` : undefined;
      const hired = db
        .select(recruitmentColumns)
        .from(recruitments)
        .where(
          and(
            isNull(recruitments.archivedAt),
            current ? or(isNull(recruitments.endDate), gte(recruitments.endDate, filter.currentOn)) : eq(recruitments.candidateId, filter.candidateId),
            among(recruitments.candidateId),
          ),
        )
        .all();
      const placed = db
        .select(placementColumns)
        .from(placements)
        .where(
          and(
            isNull(placements.archivedAt),
            isNull(placements.outcome),
            current ? gte(placements.endDate, filter.currentOn) : eq(placements.candidateId, filter.candidateId),
            among(placements.candidateId),
          ),
        )
        .all();
      return { hired, placed };
    },

    /** The presentations (not archived) of a need or of a candidate, oldest first. */
    presentations: (filter: { jobNeedId: string } | { candidateId: string }) =>
      'jobNeedId' in filter ? presentationsOfNeed.all({ id: filter.jobNeedId }) : presentationsOfCandidate.all({ id: filter.candidateId }),
  };
}
