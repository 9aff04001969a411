import type { Db } from './open';

/**
 * What a read needs: the query builders that cannot change a row (in the manner of Signal
 * Desktop's ReadableDB). A store function taking it cannot insert, update, delete, run or open a
 * transaction, and it cannot pass its handle on to one that does. Raw SQL given to `get` (a
 * count, a pragma) is trusted to be a SELECT. The connection, a transaction's handle and a
 * `WriteDb` all fit it: types only.
 */
export type ReadDb = Pick<Db, 'select' | 'selectDistinct' | 'query' | '$count' | 'get'>;

/** What a write needs: reads and writes, from the connection or from a transaction's handle. */
export type WriteDb = ReadDb & Pick<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;

/** The connection under a handle: only the connection's own handle has one (a transaction's has not). */
export function connectionOf(db: ReadDb): Db['$client'] {
  const client = (db as Partial<Db>).$client;
  if (!client) throw new Error('a raw statement needs the connection, not a transaction');
  return client;
}

/**
 * A raw statement, for reads drizzle's row mapping makes slow (tens of thousands of rows): refused
 * unless SQLite itself says it changes nothing, so a read handle still cannot write.
 */
export function prepareRead(db: ReadDb, source: string): RawStatement {
  const statement = connectionOf(db).prepare(source);
  if (!statement.readonly) throw new Error(`not a read: ${source.slice(0, 80)}`);
  return statement;
}

/** A raw statement: `prepareRead`'s, or a read-only connection's of its own (a worker's). */
export type RawStatement = ReturnType<Db['$client']['prepare']>;

/** Prepares a read: over a handle, `(source) => prepareRead(db, source)`; over a read-only connection, its own `prepare`. */
export type PrepareRead = (source: string) => RawStatement;
