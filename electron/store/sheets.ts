import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  candidateMerges,
  candidates,
  exchangedRecords,
  partners,
  placements,
  presentations,
  recruitments,
  sectors,
  sessionVisits,
  sheetImportRecords,
  sheetImports,
  timelineEvents,
} from '../db/schema';

/** What spreadsheet imports created, and the names they are matched against. */

export type SheetImportRow = typeof sheetImports.$inferSelect;

export function partnerNames(db: ReadDb): { id: string; name: string }[] {
  return db.select({ id: partners.id, name: partners.name }).from(partners).all();
}

export function sectorNames(db: ReadDb): { id: string; name: string | null; seedKey: string | null }[] {
  return db.select({ id: sectors.id, name: sectors.name, seedKey: sectors.seedKey }).from(sectors).all();
}

export function insertSheetImport(db: WriteDb, row: typeof sheetImports.$inferInsert, records: { recordType: string; recordId: string }[]): void {
  db.insert(sheetImports).values(row).run();
  // 300 rows per statement keeps each under SQLite's bound on variables.
  for (let start = 0; start < records.length; start += 300) {
    db.insert(sheetImportRecords)
      .values(records.slice(start, start + 300).map((record) => ({ importId: row.id, ...record })))
      .run();
  }
}

export function sheetImportHistory(db: ReadDb, limit: number): (SheetImportRow & { created: number })[] {
  return db
    .select({
      id: sheetImports.id,
      fileName: sheetImports.fileName,
      importedAt: sheetImports.importedAt,
      undoneAt: sheetImports.undoneAt,
      created: sql<number>`(SELECT count(*) FROM ${sheetImportRecords} WHERE ${sheetImportRecords.importId} = ${sheetImports.id} AND ${sheetImportRecords.recordType} = 'candidate')`,
    })
    .from(sheetImports)
    .orderBy(desc(sheetImports.importedAt))
    .limit(limit)
    .all();
}

export function findSheetImport(db: ReadDb, id: string): SheetImportRow | undefined {
  return db.select().from(sheetImports).where(eq(sheetImports.id, id)).get();
}

export function importedRecords(db: ReadDb, importId: string): { recordType: string; recordId: string }[] {
  return db
    .select({ recordType: sheetImportRecords.recordType, recordId: sheetImportRecords.recordId })
    .from(sheetImportRecords)
    .where(eq(sheetImportRecords.importId, importId))
    .all();
}

/**
 * Of these candidates, the ones something has touched since `importedAt`: their file changed,
 * or a contact, visit, presentation, placement, recruitment, merge or exchange names them.
 */
export function touchedCandidates(db: ReadDb, ids: readonly string[], importedAt: string): Set<string> {
  const touched = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const found = [
      db.select({ id: candidates.id }).from(candidates).where(and(inArray(candidates.id, chunk), ne(candidates.updatedAt, importedAt))).all(),
      db
        .select({ id: timelineEvents.subjectId })
        .from(timelineEvents)
        .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, chunk), ne(timelineEvents.createdAt, importedAt)))
        .all(),
      db.select({ id: sessionVisits.candidateId }).from(sessionVisits).where(inArray(sessionVisits.candidateId, chunk)).all(),
      db.select({ id: presentations.candidateId }).from(presentations).where(inArray(presentations.candidateId, chunk)).all(),
      db.select({ id: placements.candidateId }).from(placements).where(inArray(placements.candidateId, chunk)).all(),
      db.select({ id: recruitments.candidateId }).from(recruitments).where(inArray(recruitments.candidateId, chunk)).all(),
      db
        .select({ id: candidateMerges.keptId })
        .from(candidateMerges)
        .where(or(inArray(candidateMerges.keptId, chunk), inArray(candidateMerges.mergedId, chunk)))
        .all(),
      db
        .select({ id: exchangedRecords.recordId })
        .from(exchangedRecords)
        .where(and(eq(exchangedRecords.recordType, 'candidate'), inArray(exchangedRecords.recordId, chunk)))
        .all(),
    ];
    for (const rows of found) for (const row of rows) touched.add(row.id);
  }
  return touched;
}

/** Deletes the candidates an import created (their sectors, barriers and consents go with them) and the notes it wrote. */
export function deleteImportedCandidates(db: WriteDb, ids: readonly string[]): void {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    db.delete(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, chunk)))
      .run();
    db.delete(candidates).where(inArray(candidates.id, chunk)).run();
  }
}

export function markSheetImportUndone(db: WriteDb, id: string, at: string): void {
  db.update(sheetImports).set({ undoneAt: at }).where(eq(sheetImports.id, id)).run();
}
