import { type Column, Placeholder, SQL, eq, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

/** A transaction or the database itself: both run the same prepared statements. */
type Writer = Pick<Db, 'insert' | 'update'>;

interface Prepared {
  run(values: Record<string, unknown>): unknown;
}

/**
 * An INSERT of many rows: SQLite's own statement, and what goes in each of its parameters in
 * their order: a row's column, or a value drizzle set itself (a column's default it fills).
 */
interface PreparedInsert {
  statement: { run(values: unknown[]): unknown };
  parameters: ({ row: number; key: string } | { value: unknown })[];
}

/**
 * Rows per INSERT statement. Every statement opens a savepoint, at which the full-text index
 * writes out what it holds in memory: one candidate per statement made 10,000 files cost 0.9 s
 * to insert, 100 per statement 0.34 s.
 */
const ROWS_PER_INSERT = 100;
/** SQLite's cap on the parameters of one statement. */
const MAX_PARAMETERS = 32_766;

/**
 * Writes rows through statements prepared once per table and set of columns. An import writes
 * tens of thousands of rows in one transaction, and building each query with drizzle costs far
 * more than SQLite's write itself.
 *
 * Each placeholder sits inside an `sql` fragment so drizzle passes the value as it is; the
 * column's own mapping (booleans, JSON) is applied here instead, and never to a null, which
 * drizzle's mapping would turn into `false` or the text "null".
 */
export function createRowWriter(db: Writer) {
  const statements = new Map<string, Prepared>();

  function statement(key: string, build: () => Prepared): Prepared {
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = build();
      statements.set(key, prepared);
    }
    return prepared;
  }

  function toDriver(table: SQLiteTable, row: Record<string, unknown>): { keys: string[]; values: Record<string, unknown> } {
    const columns = getTableColumns(table) as Record<string, Column>;
    const keys: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      const column = columns[key];
      if (value === undefined || !column) continue;
      keys.push(key);
      values[key] = value === null ? null : column.mapToDriverValue(value);
    }
    return { keys, values };
  }

  const placeholders = (keys: string[], prefix: string): Record<string, SQL> =>
    Object.fromEntries(keys.map((key) => [key, sql`${sql.placeholder(`${prefix}${key}`)}`]));

  const inserts = new Map<string, PreparedInsert>();

  /**
   * One INSERT of rows that all have the `keys` columns, in their order. Prepared by drizzle, run
   * on SQLite's statement under it with the values in a list: drizzle's own run looked each of the
   * 500,000 values of 10,000 files up by name, and took a third of the time SQLite took to write them.
   */
  function insertBatch(table: SQLiteTable, keys: string[], batch: Record<string, unknown>[]): void {
    const key = `insert ${getTableName(table)} ${keys.join(',')} ×${batch.length}`;
    let prepared = inserts.get(key);
    if (!prepared) {
      const query = db.insert(table).values(batch.map((_, index) => placeholders(keys, `${index}:`)) as SQLiteTable['$inferInsert'][]);
      // As drizzle's own run fills them (fillPlaceholders): a placeholder takes the row's value, any other parameter is a value already.
      const parameters = query.toSQL().params.map((parameter) => {
        if (!is(parameter, Placeholder)) return { value: parameter };
        const [row, column] = parameter.name.split(':');
        return { row: Number(row), key: column as string };
      });
      const { stmt } = query.prepare() as unknown as { stmt?: PreparedInsert['statement'] };
      if (!stmt) throw new Error('drizzle no longer keeps the statement it prepared (stmt)');
      prepared = { statement: stmt, parameters };
      inserts.set(key, prepared);
    }
    prepared.statement.run(prepared.parameters.map((parameter) => ('value' in parameter ? parameter.value : (batch[parameter.row] as Record<string, unknown>)[parameter.key])));
  }

  /**
   * What a row that leaves a column out gets, so that it shares the statement of rows that set
   * it: the column's default (drizzle's, mapped as a set value would be), or null. Undefined for
   * a default SQLite computes (an `sql` expression): such a row keeps a statement of its own.
   */
  function absentValue(column: Column): { value: unknown } | undefined {
    const value = column.defaultFn ? column.defaultFn() : column.default;
    if (is(value, SQL)) return undefined;
    return { value: value === undefined || value === null ? null : column.mapToDriverValue(value) };
  }

  return {
    /**
     * Inserts rows in their order, up to ROWS_PER_INSERT per statement. The columns are those
     * any of the rows sets, a row filling the ones it leaves out with their defaults: an import's
     * rows set different columns (a file without phone, a note, a second phone), and a statement
     * per run of rows alike made 10,000 files 2,517 statements, each a segment of the full-text
     * index to merge (40 s under load, where 100 statements take 4 s).
     */
    insertAll<Table extends SQLiteTable>(table: Table, rows: readonly Table['$inferInsert'][]): void {
      const columns = getTableColumns(table) as Record<string, Column>;
      const converted = rows.map((row) => toDriver(table, row as Record<string, unknown>));
      const every = [...new Set(converted.flatMap((row) => row.keys))];
      let keys: string[] = [];
      let batch: Record<string, unknown>[] = [];
      const flush = () => {
        if (batch.length > 0) insertBatch(table, keys, batch);
        batch = [];
      };
      for (const { values } of converted) {
        const rowKeys = every.filter((key) => {
          if (key in values) return true;
          const absent = absentValue(columns[key] as Column);
          if (absent) values[key] = absent.value;
          return absent !== undefined;
        });
        const perStatement = Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, rowKeys.length)));
        if (rowKeys.join(',') !== keys.join(',') || batch.length >= perStatement) {
          flush();
          keys = rowKeys;
        }
        batch.push(values);
      }
      flush();
    },

    /** Updates the row whose `idColumn` is `id` (the key `writer:id` is kept free for it). */
    update<Table extends SQLiteTable>(table: Table, idColumn: SQLiteColumn, id: string, row: Partial<Table['$inferInsert']>): void {
      const { keys, values } = toDriver(table, row as Record<string, unknown>);
      if (keys.length === 0) return;
      const prepared = statement(`update ${getTableName(table)} ${keys.join(',')}`, () =>
        db
          .update(table)
          .set(placeholders(keys, '') as Partial<Table['$inferInsert']>)
          .where(eq(idColumn, sql.placeholder('writer:id')))
          .prepare(),
      );
      prepared.run({ ...values, 'writer:id': id });
    },
  };
}

export type RowWriter = ReturnType<typeof createRowWriter>;
