import { type SQL, type SQLWrapper, and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteInsertValue, SQLiteTable, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import { inRecordScope } from './scope';
import { toFtsQuery } from './search';

/** A table with the record columns (seq, id, origin, createdAt, updatedAt, archivedAt). */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its columns
type RecordTable = SQLiteTableWithColumns<any> & {
  seq: SQLiteColumn;
  id: SQLiteColumn;
  updatedAt: SQLiteColumn;
  archivedAt: SQLiteColumn;
};

/** The row with this id, or a not_found error with the given message (also for a file outside a volunteer's scope, or one of its records). */
export function findRow<T extends RecordTable>(db: Db, table: T, id: string, notFoundKey: string): T['$inferSelect'] {
  const row = db.select().from(table).where(and(eq(table.id, id), inRecordScope(table))).get();
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

/** Refuses ids that point to no record (or to a file outside a volunteer's scope), as a validation error on `field`. */
export function assertReferencesExist(db: Db, table: RecordTable, ids: readonly (string | null | undefined)[], field: string): void {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = db.select({ id: table.id }).from(table).where(and(inArray(table.id, wanted), inRecordScope(table))).all();
  if (found.length !== wanted.length) {
    refuse({ [field]: 'validation.unknownReference' });
  }
}

/** Rows for `archived: active | archived | all`. */
export function archivedFilter(column: SQLiteColumn, filter: 'active' | 'archived' | 'all'): SQL | undefined {
  if (filter === 'active') return isNull(column);
  if (filter === 'archived') return isNotNull(column);
  return undefined;
}

/** The handle a `db.transaction` callback receives; writes inside a transaction go through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Writes a record's list of links (a volunteer's sectors, a session's volunteers) inside the
 * caller's transaction: a list that is sent replaces the old one; one left out changes nothing.
 */
export function linkWriter<Link extends SQLiteTable>(
  table: Link,
  owner: SQLiteColumn,
  link: (ownerId: string, itemId: string) => SQLiteInsertValue<Link>,
) {
  return (tx: Tx, ownerId: string, itemIds: string[] | undefined): void => {
    if (itemIds === undefined) return;
    tx.delete(table).where(eq(owner, ownerId)).run();
    if (itemIds.length > 0) tx.insert(table).values(itemIds.map((itemId) => link(ownerId, itemId))).run();
  };
}
