import { type SQL, type SQLWrapper, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { toFtsQuery } from './search';

/** A table with the record columns (seq, id, origin, createdAt, updatedAt, archivedAt). */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its columns
type RecordTable = SQLiteTableWithColumns<any> & {
  seq: SQLiteColumn;
  id: SQLiteColumn;
  updatedAt: SQLiteColumn;
  archivedAt: SQLiteColumn;
};

/** The row with this id, or a not_found error with the given message. */
export function findRow<T extends RecordTable>(db: Db, table: T, id: string, notFoundKey: string): T['$inferSelect'] {
  const row = db.select().from(table).where(eq(table.id, id)).get();
  if (!row) throw new AppError('not_found', notFoundKey);
  return row as T['$inferSelect'];
}

/** Archives or restores a record; doing it twice changes nothing (not even updatedAt). */
export function setArchived<T extends RecordTable>(
  db: Db,
  table: T,
  id: string,
  archived: boolean,
  now: string,
  notFoundKey: string,
): T['$inferSelect'] {
  const current = findRow(db, table, id, notFoundKey);
  if ((current.archivedAt !== null) === archived) return current;
  return db
    .update(table)
    .set({ archivedAt: archived ? now : null, updatedAt: now })
    .where(eq(table.id, id))
    .returning()
    .get() as T['$inferSelect'];
}

/**
 * The condition "matches what the person typed" against a full-text index keyed on the
 * table's seq (see the migrations), or undefined when there is nothing to search.
 */
export function matchesSearch(seq: SQLWrapper, searchTable: string, query: string): SQL | undefined {
  const match = toFtsQuery(query);
  if (match === null) return undefined;
  const index = sql.identifier(searchTable);
  return sql`${seq} IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${match})`;
}

/** Refuses ids that point to no record, as a validation error on `field`. */
export function assertReferencesExist(db: Db, table: RecordTable, ids: readonly (string | null | undefined)[], field: string): void {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = db.select({ id: table.id }).from(table).where(inArray(table.id, wanted)).all();
  if (found.length !== wanted.length) {
    throw new AppError('validation', 'errors.validation', { [field]: 'validation.unknownReference' });
  }
}
