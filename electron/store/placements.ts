import { type SQL, and, count, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { Db } from '../db/open';
import { candidates, employers, placements } from '../db/schema';
import { candidateName } from './candidates';
import { hostName } from './employers';
import { archivedFilter, findRow, setArchived } from './records';
import { inCandidateScope } from './scope';

/** Placements (PMSMP, internships, temporary missions…): their rows, the checks' reads, the list's pages. */

export type PlacementRow = typeof placements.$inferSelect;

const NOT_FOUND = 'pipeline.errors.placementNotFound';

/** The row, or a not_found refusal. */
export const findPlacement = (db: Db, id: string): PlacementRow => findRow(db, placements, id, NOT_FOUND);

export const setPlacementArchived = (db: Db, id: string, archived: boolean, now: string): PlacementRow => setArchived(db, placements, id, archived, now, NOT_FOUND);

/** The placements (not archived) of these people, with the days they hold. */
export function activePlacementsOf(db: Db, candidateIds: readonly string[]) {
  return db
    .select({ candidateId: placements.candidateId, id: placements.id, kind: placements.kind, startDate: placements.startDate, endDate: placements.endDate, endedOn: placements.endedOn })
    .from(placements)
    .where(and(inArray(placements.candidateId, [...candidateIds]), isNull(placements.archivedAt)))
    .all();
}

const summaryColumns = {
  id: placements.id,
  candidateId: placements.candidateId,
  candidateName,
  kind: placements.kind,
  employerId: placements.employerId,
  hostName: hostName(placements.organisation),
  startDate: placements.startDate,
  endDate: placements.endDate,
  outcome: placements.outcome,
  endedOn: placements.endedOn,
  updatedAt: placements.updatedAt,
};

/** The placements with their candidate's name and their host's. */
function selectSummaries(db: Db, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .leftJoin(employers, eq(employers.id, placements.employerId))
    .where(and(where, inCandidateScope(placements.candidateId)));
}

/** The placement with its candidate's and host's names; undefined when there is none with this id. */
export const placementSummary = (db: Db, id: string) => selectSummaries(db, eq(placements.id, id)).get();

/** Latest start first. */
export function placementPage(db: Db, input: ParsedInputOf<'placements.list'>) {
  const where = and(
    archivedFilter(placements.archivedAt, input.archived),
    input.candidateId ? eq(placements.candidateId, input.candidateId) : undefined,
    input.employerId ? eq(placements.employerId, input.employerId) : undefined,
    input.kinds.length > 0 ? inArray(placements.kind, input.kinds) : undefined,
    input.ongoing === true ? isNull(placements.outcome) : undefined,
    input.ongoing === false ? isNotNull(placements.outcome) : undefined,
    inCandidateScope(placements.candidateId),
  );
  const rows = selectSummaries(db, where).orderBy(desc(placements.startDate), desc(placements.seq)).limit(input.limit).offset(input.offset).all();
  const total = db.select({ total: count() }).from(placements).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** The row, undefined when there is none with this id (for callers that refuse in their own words). */
export const placementById = (db: Db, id: string): PlacementRow | undefined =>
  db.select().from(placements).where(and(eq(placements.id, id), inCandidateScope(placements.candidateId))).get();

/** The renewal (not archived) of a placement, but `exceptId`, if there is one. */
export function renewalOf(db: Db, placementId: string, exceptId: string | null): { id: string; startDate: string } | undefined {
  return db
    .select({ id: placements.id, startDate: placements.startDate })
    .from(placements)
    .where(and(eq(placements.renewsId, placementId), isNull(placements.archivedAt), exceptId ? ne(placements.id, exceptId) : undefined))
    .get();
}

/** The person's PMSMPs (not archived) but `exceptId`. */
export function pmsmpsOf(db: Db, candidateId: string, exceptId: string | null) {
  return db
    .select({ startDate: placements.startDate, endDate: placements.endDate, endedOn: placements.endedOn })
    .from(placements)
    .where(and(eq(placements.candidateId, candidateId), eq(placements.kind, 'pmsmp'), isNull(placements.archivedAt), exceptId ? ne(placements.id, exceptId) : undefined))
    .all();
}

/** The person's temporary missions (not archived) but `exceptId` with the same host: our employer, or else the organisation typed. */
export function tempMissionsWith(
  db: Db,
  { candidateId, employerId, organisation }: { candidateId: string; employerId: string | null; organisation: string | null },
  exceptId: string | null,
) {
  return db
    .select({ startDate: placements.startDate, endDate: placements.endDate })
    .from(placements)
    .where(
      and(
        eq(placements.candidateId, candidateId),
        eq(placements.kind, 'temp_mission'),
        isNull(placements.archivedAt),
        exceptId ? ne(placements.id, exceptId) : undefined,
        employerId !== null ? eq(placements.employerId, employerId) : and(isNull(placements.employerId), eq(placements.organisation, organisation ?? '')),
      ),
    )
    .all();
}

export function insertPlacement(db: Db, values: typeof placements.$inferInsert): void {
  db.insert(placements).values(values).run();
}

export function updatePlacement(db: Db, id: string, values: Partial<typeof placements.$inferInsert>): void {
  db.update(placements).set(values).where(eq(placements.id, id)).run();
}
