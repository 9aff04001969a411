import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { PartnerToTell } from '../../shared/rights';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  candidateMerges,
  candidateSharingConsents,
  candidates,
  erasureRegister,
  exchangeLog,
  exchangedRecords,
  followUps,
  placements,
  presentationEvents,
  presentations,
  recruitments,
  sessionVisits,
  sheetImportRecords,
  timelineEvents,
} from '../db/schema';

/** Erasure (GDPR art. 17): every row about a person, and the register that keeps them from coming back. */

/** The file and every file merged into it, directly or through another merged one: one person. */
export function filesOfPerson(db: ReadDb, candidateId: string): string[] {
  const found = [candidateId];
  for (let index = 0; index < found.length; index++) {
    const merged = db.select({ id: candidates.id }).from(candidates).where(eq(candidates.mergedIntoId, found[index] as string)).all();
    for (const { id } of merged) if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** Ids of every record of the person's journey, as partners' files and imports name them. */
function journeyRecordIds(db: ReadDb, ids: string[]): string[] {
  const of = <T extends { id: string }>(rows: T[]) => rows.map((row) => row.id);
  const recruitmentIds = of(db.select({ id: recruitments.id }).from(recruitments).where(inArray(recruitments.candidateId, ids)).all());
  return [
    ...of(db.select({ id: presentations.id }).from(presentations).where(inArray(presentations.candidateId, ids)).all()),
    ...of(db.select({ id: placements.id }).from(placements).where(inArray(placements.candidateId, ids)).all()),
    ...recruitmentIds,
    ...of(db.select({ id: followUps.id }).from(followUps).where(inArray(followUps.recruitmentId, recruitmentIds)).all()),
    ...of(db.select({ id: sessionVisits.id }).from(sessionVisits).where(inArray(sessionVisits.candidateId, ids)).all()),
    ...of(
      db
        .select({ id: timelineEvents.id })
        .from(timelineEvents)
        .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, ids)))
        .all(),
    ),
  ];
}

/**
 * Deletes every row about these files (inside the caller's transaction). The candidates' own
 * children go with them by cascade (sectors, barriers and their history, sharing consents), and
 * their search rows by trigger; the exchange log and the audit log keep only ids and stay.
 */
export function deletePersonRows(tx: WriteDb, ids: string[]): void {
  deleteCopiesOfPerson(tx, ids);
  // Follow-ups and presentations' events go with their records (cascade).
  tx.delete(placements).where(inArray(placements.candidateId, ids)).run();
  tx.delete(recruitments).where(inArray(recruitments.candidateId, ids)).run();
  tx.delete(presentations).where(inArray(presentations.candidateId, ids)).run();
  tx.delete(sessionVisits).where(inArray(sessionVisits.candidateId, ids)).run();
  tx.delete(timelineEvents)
    .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, ids)))
    .run();
  tx.delete(candidates).where(inArray(candidates.id, ids)).run();
}

/**
 * The copies of a person's data kept beside their records (inside the caller's transaction):
 * the merges that name them, with their before/after copies of both files; the versions agreed
 * with partners; the spreadsheet import records naming their rows. Erasure and anonymisation
 * both start here.
 */
export function deleteCopiesOfPerson(tx: WriteDb, ids: string[]): void {
  const recordIds = [...ids, ...journeyRecordIds(tx, ids)];
  tx.delete(candidateMerges)
    .where(or(inArray(candidateMerges.keptId, ids), inArray(candidateMerges.mergedId, ids)))
    .run();
  tx.delete(exchangedRecords).where(inArray(exchangedRecords.recordId, recordIds)).run();
  tx.delete(sheetImportRecords).where(inArray(sheetImportRecords.recordId, recordIds)).run();
}

export function registerErasure(tx: WriteDb, entries: { candidateId: string; erasedAt: string; accountId: string | null; reason: string }[]): void {
  if (entries.length > 0) tx.insert(erasureRegister).values(entries).onConflictDoNothing().run();
}

export function isErased(db: ReadDb, candidateId: string): boolean {
  return db.select({ id: erasureRegister.candidateId }).from(erasureRegister).where(eq(erasureRegister.candidateId, candidateId)).get() !== undefined;
}

/** Which of these ids the register names. */
export function erasedAmong(db: ReadDb, ids: readonly string[]): Set<string> {
  const erased = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    for (const { id } of db.select({ id: erasureRegister.candidateId }).from(erasureRegister).where(inArray(erasureRegister.candidateId, chunk)).all()) erased.add(id);
  }
  return erased;
}

/**
 * Which of these ids a partner's file may not write here: people erased (the register), and
 * files here that are frozen (art. 18) or anonymised, which no import may fill again.
 */
export function heldBackAmong(db: ReadDb, ids: readonly string[]): Set<string> {
  const heldBack = erasedAmong(db, ids);
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = db
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(inArray(candidates.id, chunk), or(isNotNull(candidates.restrictedAt), isNotNull(candidates.anonymisedAt))))
      .all();
    for (const { id } of rows) heldBack.add(id);
  }
  return heldBack;
}

/** Every erased id still having rows here (a restored older copy brought them back). */
export function erasedStillPresent(db: ReadDb): string[] {
  return db
    .select({ id: candidates.id })
    .from(candidates)
    .innerJoin(erasureRegister, eq(erasureRegister.candidateId, candidates.id))
    .all()
    .map((row) => row.id);
}

/** The associations that received a file naming one of these files, latest export first. */
export function partnersWhoReceived(db: ReadDb, ids: string[]): PartnerToTell[] {
  const named = sql`EXISTS (SELECT 1 FROM json_each(${exchangeLog.recordIds}) WHERE json_each.value IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`;
  return db
    .select({
      associationId: exchangeLog.counterpartId,
      name: sql<string | null>`max(${exchangeLog.counterpartName})`,
      lastSentAt: sql<string>`max(${exchangeLog.at})`,
    })
    .from(exchangeLog)
    .where(and(eq(exchangeLog.direction, 'export'), named))
    .groupBy(exchangeLog.counterpartId)
    .orderBy(desc(sql`max(${exchangeLog.at})`))
    .all();
}

/** The exchange log's entries naming one of these files (sent or received). */
export function exchangeEntriesNaming(db: ReadDb, ids: string[]) {
  const named = sql`EXISTS (SELECT 1 FROM json_each(${exchangeLog.recordIds}) WHERE json_each.value IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`;
  return db
    .select({ at: exchangeLog.at, direction: exchangeLog.direction, counterpartName: exchangeLog.counterpartName, fileName: exchangeLog.fileName })
    .from(exchangeLog)
    .where(named)
    .orderBy(exchangeLog.at)
    .all();
}

export function candidateExists(db: ReadDb, candidateId: string): boolean {
  return db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).get() !== undefined;
}

/** Every row of the person's journey, as stored (for their copy of what is held, art. 15). */
export function journeyRows(db: ReadDb, ids: string[]) {
  const presentationRows = db.select().from(presentations).where(inArray(presentations.candidateId, ids)).all();
  const recruitmentRows = db.select().from(recruitments).where(inArray(recruitments.candidateId, ids)).all();
  return {
    sharingConsents: db.select().from(candidateSharingConsents).where(inArray(candidateSharingConsents.candidateId, ids)).all(),
    timeline: db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, ids)))
      .orderBy(timelineEvents.occurredAt)
      .all(),
    presentations: presentationRows,
    presentationEvents: db
      .select()
      .from(presentationEvents)
      .where(inArray(presentationEvents.presentationId, presentationRows.map((row) => row.id)))
      .all(),
    placements: db.select().from(placements).where(inArray(placements.candidateId, ids)).all(),
    recruitments: recruitmentRows,
    followUps: db
      .select()
      .from(followUps)
      .where(inArray(followUps.recruitmentId, recruitmentRows.map((row) => row.id)))
      .all(),
    sessionVisits: db.select().from(sessionVisits).where(inArray(sessionVisits.candidateId, ids)).all(),
  };
}

/** When each of these ids was erased (those the register names). */
export function erasureDates(db: ReadDb, ids: readonly string[]): Map<string, string> {
  return new Map(
    db
      .select({ id: erasureRegister.candidateId, at: erasureRegister.erasedAt })
      .from(erasureRegister)
      .where(inArray(erasureRegister.candidateId, [...ids]))
      .all()
      .map((row) => [row.id, row.at]),
  );
}

/** Which of these ids went to this association in an export (the exchange log's record). */
export function idsSentTo(db: ReadDb, associationId: string, ids: readonly string[]): string[] {
  return db
    .selectDistinct({ id: sql<string>`json_each.value` })
    .from(sql`${exchangeLog}, json_each(${exchangeLog.recordIds})`)
    .where(and(eq(exchangeLog.direction, 'export'), eq(exchangeLog.counterpartId, associationId), sql`json_each.value IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`))
    .all()
    .map((row) => row.id);
}
