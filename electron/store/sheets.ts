import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { createRowWriter } from '../db/row-writer';
import {
  type MergedField,
  candidateMerges,
  candidates,
  employers,
  exchangedRecords,
  jobNeeds,
  partners,
  placements,
  presentations,
  recruitments,
  sectors,
  sessionVisits,
  sheetImportRecords,
  sheetImports,
  timelineEvents,
  volunteers,
} from '../db/schema';

/** What spreadsheet imports created, and the names they are matched against. */

export type SheetImportRow = typeof sheetImports.$inferSelect;

export function partnerNames(db: ReadDb): { id: string; name: string }[] {
  return db.select({ id: partners.id, name: partners.name }).from(partners).all();
}

export function sectorNames(db: ReadDb): { id: string; name: string | null; seedKey: string | null }[] {
  return db.select({ id: sectors.id, name: sectors.name, seedKey: sectors.seedKey }).from(sectors).all();
}

/** The records of each kind a file's rows are compared with (a few hundred at most for these kinds). */
export function employerRows(db: ReadDb) {
  return db.select().from(employers).all();
}
export function jobNeedRows(db: ReadDb) {
  return db.select().from(jobNeeds).where(isNull(jobNeeds.archivedAt)).all();
}
export function volunteerRows(db: ReadDb) {
  return db.select().from(volunteers).where(isNull(volunteers.archivedAt)).all();
}
export function partnerRows(db: ReadDb) {
  return db.select().from(partners).where(isNull(partners.archivedAt)).all();
}

/** The tables an import creates records in, by the record type it notes them under. */
const IMPORTED_TABLES = { employer: employers, jobNeed: jobNeeds, volunteer: volunteers, partner: partners, sector: sectors } as const;
export type ImportedRecordType = keyof typeof IMPORTED_TABLES;

/**
 * Of these records, the ones something has touched since `importedAt`: changed, or named by a
 * timeline entry or an exchange. (What refers to them by a foreign key blocks their deletion.)
 */
export function touchedRecords(db: ReadDb, recordType: ImportedRecordType, ids: readonly string[], importedAt: string): Set<string> {
  const touched = new Set<string>();
  const table = IMPORTED_TABLES[recordType];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const found = [
      db.select({ id: table.id }).from(table).where(and(inArray(table.id, chunk), ne(table.updatedAt, importedAt))).all(),
      db
        .select({ id: timelineEvents.subjectId })
        .from(timelineEvents)
        .where(and(inArray(timelineEvents.subjectId, chunk), ne(timelineEvents.createdAt, importedAt)))
        .all(),
      db.select({ id: exchangedRecords.recordId }).from(exchangedRecords).where(inArray(exchangedRecords.recordId, chunk)).all(),
    ];
    for (const rows of found) for (const row of rows) touched.add(row.id);
  }
  return touched;
}

/**
 * Deletes one record an import created (its contacts and sectors go with it). False when
 * something written since refers to it (a foreign key holds it): it stays, and nothing is deleted.
 */
export function deleteImportedRecord(db: WriteDb, recordType: ImportedRecordType, id: string): boolean {
  const table = IMPORTED_TABLES[recordType];
  try {
    db.delete(table).where(eq(table.id, id)).run();
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw error;
  }
}

export type { MergedField };

/** A record an import wrote: one it created, or one it merged into, with what it wrote there (what undo takes out again). */
export type SheetImportRecord = { recordType: string; recordId: string } & ({ kind: 'created' } | { kind: 'merged'; filledFields: MergedField[] });

export function insertSheetImport(db: WriteDb, row: typeof sheetImports.$inferInsert, records: readonly SheetImportRecord[]): void {
  db.insert(sheetImports).values(row).run();
  // Through statements prepared once: building an INSERT of 200 rows with drizzle, 50 times for
  // 10,000 files, cost more than SQLite's writing them.
  createRowWriter(db).insertAll(
    sheetImportRecords,
    records.map((record) => ({
      importId: row.id,
      recordType: record.recordType,
      recordId: record.recordId,
      kind: record.kind,
      filledFields: record.kind === 'merged' ? record.filledFields : null,
    })),
  );
}

/** How many records of each type an import created, and merged into. */
export type SheetImportCounts = Record<SheetImportRecord['kind'], Map<string, number>>;

export function countRecords(records: readonly Pick<SheetImportRecord, 'recordType' | 'kind'>[]): SheetImportCounts {
  const counts: SheetImportCounts = { created: new Map(), merged: new Map() };
  for (const { kind, recordType } of records) counts[kind].set(recordType, (counts[kind].get(recordType) ?? 0) + 1);
  return counts;
}

export function sheetImportHistory(db: ReadDb, limit: number): SheetImportRow[] {
  return db
    .select()
    .from(sheetImports)
    .orderBy(desc(sheetImports.importedAt))
    .limit(limit)
    .all();
}

/** Each import's records by kind and type. */
export function importCounts(db: ReadDb, importIds: readonly string[]): Map<string, SheetImportCounts> {
  const counts = new Map<string, SheetImportCounts>();
  if (importIds.length === 0) return counts;
  const rows = db
    .select({ importId: sheetImportRecords.importId, kind: sheetImportRecords.kind, recordType: sheetImportRecords.recordType, count: sql<number>`count(*)` })
    .from(sheetImportRecords)
    .where(inArray(sheetImportRecords.importId, [...importIds]))
    .groupBy(sheetImportRecords.importId, sheetImportRecords.kind, sheetImportRecords.recordType)
    .all();
  for (const row of rows) {
    const ofImport = counts.get(row.importId) ?? countRecords([]);
    ofImport[row.kind === 'merged' ? 'merged' : 'created'].set(row.recordType, row.count);
    counts.set(row.importId, ofImport);
  }
  return counts;
}

export function findSheetImport(db: ReadDb, id: string): SheetImportRow | undefined {
  return db.select().from(sheetImports).where(eq(sheetImports.id, id)).get();
}

export function importedRecords(db: ReadDb, importId: string): SheetImportRecord[] {
  return db
    .select({ recordType: sheetImportRecords.recordType, recordId: sheetImportRecords.recordId, kind: sheetImportRecords.kind, filledFields: sheetImportRecords.filledFields })
    .from(sheetImportRecords)
    .where(eq(sheetImportRecords.importId, importId))
    .all()
    .map(({ recordType, recordId, kind, filledFields }) =>
      kind === 'merged' ? { recordType, recordId, kind: 'merged', filledFields: filledFields ?? [] } : { recordType, recordId, kind: 'created' },
    );
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

/**
 * From this many files, the search index forgets them in one rewrite rather than word by word.
 * FTS5's secure-delete (migration 0010) takes each word of a row out of the index's pages as the
 * row goes: 10,000 files took 20 s under load (6.9 s of CPU) that way. With it off, a deletion
 * is noted beside the words, and 'optimize' then merges the index into one segment without the
 * deleted rows (about 0.3 s of CPU at 100,000 files, whatever the count deleted; the whole undo
 * 1.3 s): no word of them stays in the index, and the pages freed are zeroed (secure_delete).
 * Below this count, word by word costs less than the rewrite.
 */
const FORGET_IN_ONE_REWRITE = 500;

/** Deletes the candidates an import created (their sectors, barriers and consents go with them) and the notes it wrote. */
export function deleteImportedCandidates(db: WriteDb, ids: readonly string[]): void {
  const rewrite = ids.length >= FORGET_IN_ONE_REWRITE;
  // Within the caller's transaction: a refused undo rolls the setting back with the rest.
  if (rewrite) db.run(sql`INSERT INTO candidate_search (candidate_search, rank) VALUES ('secure-delete', 0)`);
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    db.delete(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, 'candidate'), inArray(timelineEvents.subjectId, chunk)))
      .run();
    db.delete(candidates).where(inArray(candidates.id, chunk)).run();
  }
  if (rewrite) {
    db.run(sql`INSERT INTO candidate_search (candidate_search) VALUES ('optimize')`);
    db.run(sql`INSERT INTO candidate_search (candidate_search, rank) VALUES ('secure-delete', 1)`);
  }
}

export function markSheetImportUndone(db: WriteDb, id: string, at: string): void {
  db.update(sheetImports).set({ undoneAt: at }).where(eq(sheetImports.id, id)).run();
}
