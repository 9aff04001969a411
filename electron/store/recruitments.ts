import { and, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/open';
import { recruitments } from '../db/schema';
import { findRow, setArchived } from './records';

/** Recruitments (contracts, training, business creation) and their follow-ups. */

export type RecruitmentRow = typeof recruitments.$inferSelect;

const NOT_FOUND = 'pipeline.errors.recruitmentNotFound';

/** The row, or a not_found refusal. */
export const findRecruitment = (db: Db, id: string): RecruitmentRow => findRow(db, recruitments, id, NOT_FOUND);

export const setRecruitmentArchived = (db: Db, id: string, archived: boolean, now: string): RecruitmentRow => setArchived(db, recruitments, id, archived, now, NOT_FOUND);

/** The recruitments (not archived) of these people, with the days and hours they hold. */
export function activeRecruitmentsOf(db: Db, candidateIds: readonly string[]) {
  return db
    .select({ candidateId: recruitments.candidateId, id: recruitments.id, kind: recruitments.kind, startDate: recruitments.startDate, endDate: recruitments.endDate, hoursPerWeek: recruitments.hoursPerWeek })
    .from(recruitments)
    .where(and(inArray(recruitments.candidateId, [...candidateIds]), isNull(recruitments.archivedAt)))
    .all();
}

/** The person's recruitments (not archived) with an end that cover this day. */
export function contractsCovering(db: Db, candidateId: string, day: string) {
  return db
    .select({ kind: recruitments.kind, startDate: recruitments.startDate, endDate: recruitments.endDate })
    .from(recruitments)
    .where(
      and(
        eq(recruitments.candidateId, candidateId),
        isNull(recruitments.archivedAt),
        isNotNull(recruitments.endDate),
        lte(recruitments.startDate, day),
        gte(recruitments.endDate, day),
      ),
    )
    .all();
}
