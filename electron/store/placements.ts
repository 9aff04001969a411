import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { placements } from '../db/schema';
import { findRow, setArchived } from './records';

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
