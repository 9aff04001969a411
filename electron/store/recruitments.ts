import { type SQL, and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import { newId } from '../core/clock';
import type { ReadDb, WriteDb } from '../db/handles';
import { candidates, employers, followUps, recruitments } from '../db/schema';
import { candidateName } from './candidates';
import { hostName } from './employers';
import { archivedFilter, findRow, setArchived } from './records';
import { inCandidateScope } from './scope';

/** Recruitments (contracts, training, business creation) and their follow-ups. */

export type RecruitmentRow = typeof recruitments.$inferSelect;

const NOT_FOUND = 'matching.errors.recruitmentNotFound';

/** The row, or a not_found refusal. */
export const findRecruitment = (db: ReadDb, id: string): RecruitmentRow => findRow(db, recruitments, id, NOT_FOUND);

export const setRecruitmentArchived = (db: WriteDb, id: string, archived: boolean, now: string): RecruitmentRow => setArchived(db, recruitments, id, archived, now, NOT_FOUND);

/** The recruitments (not archived) of these people, with the days and hours they hold. */
export function activeRecruitmentsOf(db: ReadDb, candidateIds: readonly string[]) {
  return db
    .select({ candidateId: recruitments.candidateId, id: recruitments.id, kind: recruitments.kind, startDate: recruitments.startDate, endDate: recruitments.endDate, hoursPerWeek: recruitments.hoursPerWeek })
    .from(recruitments)
    .where(and(inArray(recruitments.candidateId, [...candidateIds]), isNull(recruitments.archivedAt)))
    .all();
}

/** The person's recruitments (not archived) with an end that cover this day. */
export function contractsCovering(db: ReadDb, candidateId: string, day: string) {
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

const summaryColumns = {
  id: recruitments.id,
  candidateId: recruitments.candidateId,
  candidateName,
  kind: recruitments.kind,
  employerId: recruitments.employerId,
  /** What kind of employer hired: a hire by an integration enterprise is a "positive" outcome. */
  employerKind: employers.kind,
  hostName: hostName(recruitments.organisation),
  startDate: recruitments.startDate,
  endDate: recruitments.endDate,
  updatedAt: recruitments.updatedAt,
};

/** The recruitments with their candidate's name and their host's. */
function selectSummaries(db: ReadDb, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(recruitments)
    .innerJoin(candidates, eq(candidates.id, recruitments.candidateId))
    .leftJoin(employers, eq(employers.id, recruitments.employerId))
    .where(and(where, inCandidateScope(recruitments.candidateId)));
}

/** The recruitment with its candidate's and host's names; undefined when there is none with this id. */
export const recruitmentSummary = (db: ReadDb, id: string) => selectSummaries(db, eq(recruitments.id, id)).get();

/** Latest start first. */
export function recruitmentPage(db: ReadDb, input: ParsedInputOf<'recruitments.list'>) {
  const where = and(
    archivedFilter(recruitments.archivedAt, input.archived),
    input.candidateId ? eq(recruitments.candidateId, input.candidateId) : undefined,
    input.employerId ? eq(recruitments.employerId, input.employerId) : undefined,
    input.jobNeedId ? eq(recruitments.jobNeedId, input.jobNeedId) : undefined,
    inCandidateScope(recruitments.candidateId),
  );
  const rows = selectSummaries(db, where).orderBy(desc(recruitments.startDate), desc(recruitments.seq)).limit(input.limit).offset(input.offset).all();
  const total = db.select({ total: count() }).from(recruitments).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** How many recruitments (not archived) a job need has. */
export function hiresFor(db: ReadDb, jobNeedId: string): number {
  return (
    db
      .select({ hired: count() })
      .from(recruitments)
      .where(and(eq(recruitments.jobNeedId, jobNeedId), isNull(recruitments.archivedAt)))
      .get()?.hired ?? 0
  );
}

/** A new recruitment with its follow-ups, one per due date (in the caller's transaction). */
export function insertRecruitment(db: WriteDb, values: typeof recruitments.$inferInsert, dueDates: readonly { monthsAfter: number; dueOn: string }[], now: string): void {
  db.insert(recruitments).values(values).run();
  db.insert(followUps)
    .values(dueDates.map((due) => ({ id: newId(), recruitmentId: values.id, ...due, updatedAt: now })))
    .run();
}

export function updateRecruitment(db: WriteDb, id: string, values: Partial<typeof recruitments.$inferInsert>): void {
  db.update(recruitments).set(values).where(eq(recruitments.id, id)).run();
}

// ---------------------------------------------------------------- Follow-ups

export type FollowUpRow = typeof followUps.$inferSelect;

/** The row, undefined when there is none with this id. */
export const followUpById = (db: ReadDb, id: string): FollowUpRow | undefined =>
  db
    .select()
    .from(followUps)
    .where(and(eq(followUps.id, id), inCandidateScope(sql`(SELECT candidate_id FROM recruitments WHERE recruitments.id = ${followUps.recruitmentId})`)))
    .get();

/** The recruitment's follow-ups, earliest first. */
export function followUpsOf(db: ReadDb, recruitmentId: string) {
  return db
    .select({
      id: followUps.id,
      recruitmentId: followUps.recruitmentId,
      monthsAfter: followUps.monthsAfter,
      dueOn: followUps.dueOn,
      result: followUps.result,
      leftReason: followUps.leftReason,
      recordedOn: followUps.recordedOn,
      author: followUps.author,
      note: followUps.note,
    })
    .from(followUps)
    .where(eq(followUps.recruitmentId, recruitmentId))
    .orderBy(asc(followUps.monthsAfter))
    .all();
}

/** Moves the follow-ups not yet recorded to these due dates (a recruitment whose start moved). */
export function movePendingFollowUps(db: WriteDb, recruitmentId: string, dueDates: readonly { monthsAfter: number; dueOn: string }[], now: string): void {
  for (const due of dueDates) {
    db.update(followUps)
      .set({ dueOn: due.dueOn, updatedAt: now })
      .where(and(eq(followUps.recruitmentId, recruitmentId), eq(followUps.monthsAfter, due.monthsAfter), eq(followUps.result, 'pending')))
      .run();
  }
}

export function updateFollowUp(db: WriteDb, id: string, values: Partial<typeof followUps.$inferInsert>): void {
  db.update(followUps).set(values).where(eq(followUps.id, id)).run();
}
