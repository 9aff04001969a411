import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CandidateFields } from '../../shared/candidates';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  appointments,
  candidateBarriers,
  candidateMerges,
  candidateProgrammes,
  candidateSectors,
  candidateSharingConsents,
  candidateStatusHistory,
  candidates,
  placements,
  planObjectives,
  planStepEvents,
  planSteps,
  presentationEvents,
  presentations,
  recruitments,
  sessionVisits,
  timelineEvents,
} from '../db/schema';
import { candidateColumns, writeCandidateChildren } from './candidates';

/** Merging two candidate files: the rows that move to the kept file, and the state an undo puts back. */

type Rows = Record<string, unknown>[];
export type MergeSnapshot = Record<keyof typeof TRACKED, Rows> & { presentationEvents: Rows };
export type MergeRow = typeof candidateMerges.$inferSelect;

/**
 * Every table a merge writes, with the column that ties a row to a file: what an undo puts
 * back. `replaced` tables are association rows, deleted and written again; the others are
 * records updated in place (a merge never deletes one).
 */
const TRACKED = {
  candidates: { table: candidates, owner: candidates.id, key: candidates.id, replaced: false },
  sectors: { table: candidateSectors, owner: candidateSectors.candidateId, key: candidateSectors.sectorId, replaced: true },
  barriers: { table: candidateBarriers, owner: candidateBarriers.candidateId, key: candidateBarriers.theme, replaced: true },
  programmes: { table: candidateProgrammes, owner: candidateProgrammes.candidateId, key: candidateProgrammes.programmeId, replaced: true },
  // Written by triggers when the kept file's status or French level changes.
  statusHistory: { table: candidateStatusHistory, owner: candidateStatusHistory.candidateId, key: candidateStatusHistory.fromDate, replaced: true },
  sharing: { table: candidateSharingConsents, owner: candidateSharingConsents.candidateId, key: candidateSharingConsents.partnerId, replaced: true },
  visits: { table: sessionVisits, owner: sessionVisits.candidateId, key: sessionVisits.id, replaced: true },
  timeline: { table: timelineEvents, owner: timelineEvents.subjectId, key: timelineEvents.id, replaced: false },
  presentations: { table: presentations, owner: presentations.candidateId, key: presentations.id, replaced: false },
  placements: { table: placements, owner: placements.candidateId, key: placements.id, replaced: false },
  recruitments: { table: recruitments, owner: recruitments.candidateId, key: recruitments.id, replaced: false },
  objectives: { table: planObjectives, owner: planObjectives.candidateId, key: planObjectives.id, replaced: false },
  steps: { table: planSteps, owner: planSteps.candidateId, key: planSteps.id, replaced: false },
  stepEvents: { table: planStepEvents, owner: planStepEvents.candidateId, key: planStepEvents.id, replaced: false },
  appointments: { table: appointments, owner: appointments.candidateId, key: appointments.id, replaced: false },
} satisfies Record<string, { table: SQLiteTable; owner: SQLiteColumn; key: SQLiteColumn; replaced: boolean }>;

/** The rows of both files in every tracked table, in a stable order (compared as JSON). */
export function mergeSnapshot(db: ReadDb, ids: [string, string]): MergeSnapshot {
  const read = (table: SQLiteTable, where: ReturnType<typeof inArray>, key: SQLiteColumn, owner: SQLiteColumn) =>
    db.select().from(table).where(where).orderBy(asc(owner), asc(key)).all() as Rows;
  const rows = Object.fromEntries(
    Object.entries(TRACKED).map(([name, { table, owner, key }]) => {
      const where = table === timelineEvents ? and(eq(timelineEvents.subjectType, 'candidate'), inArray(owner, ids)) : inArray(owner, ids);
      return [name, read(table, where as ReturnType<typeof inArray>, key, owner)];
    }),
  ) as Record<keyof typeof TRACKED, Rows>;
  const presentationIds = rows.presentations.map((row) => row.id as string);
  return {
    ...rows,
    presentationEvents: read(presentationEvents, inArray(presentationEvents.presentationId, presentationIds), presentationEvents.id, presentationEvents.presentationId),
  };
}

// ---------------------------------------------------------------- Merge (inside the merge's transaction)

/** The presentations of either file in one of these states. */
export function presentationsOfBoth(db: ReadDb, ids: [string, string], states: readonly string[]): (typeof presentations.$inferSelect)[] {
  return db
    .select()
    .from(presentations)
    .where(and(inArray(presentations.candidateId, ids), inArray(presentations.state, [...states])))
    .all();
}

/** Moves the merged file's presentations, placements and recruitments to the kept file; how many of each moved. */
export function movePipelineRecords(db: WriteDb, keepId: string, mergeId: string, now: string) {
  const moved = { presentations: 0, placements: 0, recruitments: 0 };
  for (const [name, table] of [
    ['presentations', presentations],
    ['placements', placements],
    ['recruitments', recruitments],
  ] as const) {
    moved[name] = db.update(table).set({ candidateId: keepId, updatedAt: now }).where(eq(table.candidateId, mergeId)).run().changes;
  }
  return moved;
}

/**
 * Moves the merged file's action plan (objectives, steps and their history) and appointments to
 * the kept file. The diagnosis at entry stays with each file: it is one per file, taken when the
 * person came.
 */
export function movePlanAndAppointments(db: WriteDb, keepId: string, mergeId: string, now: string): void {
  for (const table of [planObjectives, planSteps, appointments]) {
    db.update(table).set({ candidateId: keepId, updatedAt: now }).where(eq(table.candidateId, mergeId)).run();
  }
  db.update(planStepEvents).set({ candidateId: keepId }).where(eq(planStepEvents.candidateId, mergeId)).run();
}

/** Gives the merged file's programmes to the kept file; one both were in keeps the earlier day joined. */
export function moveProgrammes(db: WriteDb, keepId: string, mergeId: string): void {
  db.run(sql`INSERT INTO candidate_programmes (candidate_id, programme_id, joined_on)
    SELECT ${keepId}, programme_id, joined_on FROM candidate_programmes WHERE candidate_id = ${mergeId} AND true
    ON CONFLICT (candidate_id, programme_id) DO UPDATE SET joined_on = min(joined_on, excluded.joined_on)`);
  db.delete(candidateProgrammes).where(eq(candidateProgrammes.candidateId, mergeId)).run();
}

/** The file's drop-in visits: the session and the note of each. */
export function visitsOfCandidate(db: ReadDb, candidateId: string): { id: string; sessionId: string; note: string | null }[] {
  return db
    .select({ sessionId: sessionVisits.sessionId, id: sessionVisits.id, note: sessionVisits.note })
    .from(sessionVisits)
    .where(eq(sessionVisits.candidateId, candidateId))
    .all();
}

export function setVisitNote(db: WriteDb, visitId: string, note: string): void {
  db.update(sessionVisits).set({ note }).where(eq(sessionVisits.id, visitId)).run();
}

export function deleteVisitRow(db: WriteDb, visitId: string): void {
  db.delete(sessionVisits).where(eq(sessionVisits.id, visitId)).run();
}

/** Gives the merged file's visits to the kept file, but those at one of `exceptSessionIds`. */
export function moveVisits(db: WriteDb, keepId: string, mergeId: string, exceptSessionIds: string[]): void {
  db.update(sessionVisits)
    .set({ candidateId: keepId })
    .where(and(eq(sessionVisits.candidateId, mergeId), notInArray(sessionVisits.sessionId, exceptSessionIds)))
    .run();
}

/** The kept file's new values, its child tables (sectors, consents, barriers) among them. */
export function writeKeptFile(tx: WriteDb, keepId: string, fields: Partial<CandidateFields>, now: string): void {
  tx.update(candidates)
    .set({ ...candidateColumns(fields), updatedAt: now })
    .where(eq(candidates.id, keepId))
    .run();
  writeCandidateChildren(tx, [{ id: keepId, fields }]);
}

/** Moves the merged file's timeline to the kept file. */
export function moveTimeline(tx: WriteDb, keepId: string, mergeId: string, now: string): void {
  tx.update(timelineEvents)
    .set({ subjectId: keepId, updatedAt: now })
    .where(and(eq(timelineEvents.subjectType, 'candidate'), eq(timelineEvents.subjectId, mergeId)))
    .run();
}

/** Archives the merged file (at `archivedAt`) with a pointer to the kept one. */
export function markMerged(tx: WriteDb, mergeId: string, keepId: string, archivedAt: string, now: string): void {
  tx.update(candidates).set({ mergedIntoId: keepId, archivedAt, updatedAt: now }).where(eq(candidates.id, mergeId)).run();
}

/** The merge's states before and after, replacing an earlier merge of the same file (undone since). */
export function saveMerge(tx: WriteDb, merge: typeof candidateMerges.$inferInsert): void {
  tx.delete(candidateMerges).where(eq(candidateMerges.mergedId, merge.mergedId)).run();
  tx.insert(candidateMerges).values(merge).run();
}

// ---------------------------------------------------------------- Undo

/** The merge that archived this file, undefined when there is none. */
export const mergeOf = (db: ReadDb, mergedId: string): MergeRow | undefined => db.select().from(candidateMerges).where(eq(candidateMerges.mergedId, mergedId)).get();

/** Puts every row of both files back as `before` holds them, and forgets the merge (inside the caller's transaction). */
export function restoreSnapshot(tx: WriteDb, merge: MergeRow, before: MergeSnapshot): void {
  const ids: [string, string] = [merge.keptId, merge.mergedId];
  const keptEvents = before.presentationEvents.map((row) => row.id as string);
  const presentationIds = before.presentations.map((row) => row.id as string);
  tx.delete(presentationEvents)
    .where(and(inArray(presentationEvents.presentationId, presentationIds), notInArray(presentationEvents.id, keptEvents)))
    .run();
  // The files' own rows last: triggers on the timeline recompute the last contact, which the file's row then restores.
  const names = Object.keys(TRACKED) as (keyof typeof TRACKED)[];
  for (const name of [...names.filter((item) => item !== 'candidates'), 'candidates' as const]) {
    const { table, owner, key, replaced } = TRACKED[name];
    const rows = before[name];
    if (replaced) {
      tx.delete(table).where(inArray(owner, ids)).run();
      if (rows.length > 0) tx.insert(table).values(rows as never).run();
      continue;
    }
    for (const { seq: _seq, ...row } of rows) {
      tx.update(table)
        .set(row as never)
        .where(eq(key, row.id as string))
        .run();
    }
  }
  tx.delete(candidateMerges).where(eq(candidateMerges.id, merge.id)).run();
}
