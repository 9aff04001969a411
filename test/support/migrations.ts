import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { isWithoutRowid, ordinaryTables } from '../../electron/db/baseline';
import { type Migration, applyMigrations, readMigrations } from '../../electron/db/migrations';

/**
 * Helpers for the migration tests: a database file at any step of the chain, built by the app's
 * own runner, and the real schema read back from SQLite (never from the migrations' text).
 */

export const migrationsDir = fileURLToPath(new URL('../../resources/migrations', import.meta.url));
export const migrations: Migration[] = readMigrations(migrationsDir);

function migrationIndex(tag: string): number {
  const index = migrations.findIndex((migration) => migration.tag === tag);
  if (index < 0) throw new Error(`no migration ${tag}`);
  return index;
}

/** A new database file holding every migration before `tag`, as a Tremplin of that version left it. */
export function databaseBefore(file: string, tag: string): Database.Database {
  const sqlite = new Database(file);
  // The app opens every file with foreign keys on, migrations included (db/open.ts).
  sqlite.pragma('foreign_keys = ON');
  applyMigrations(sqlite, migrations.slice(0, migrationIndex(tag)));
  return sqlite;
}

/** Applies the one migration `tag` to a database at the step before it. */
export function applyMigration(sqlite: Database.Database, tag: string): void {
  const index = migrationIndex(tag);
  const version = sqlite.pragma('user_version', { simple: true });
  if (version !== index) throw new Error(`${tag} applies to a database at version ${index}, not ${version}`);
  applyMigrations(sqlite, [migrations[index] as Migration]);
}

export interface RealColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

export function columnsOf(sqlite: Database.Database, table: string): RealColumn[] {
  return (sqlite.pragma(`table_xinfo("${table}")`) as RealColumn[]).filter((column) => column.hidden === 0);
}

export interface RealForeignKey {
  id: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
}

export function foreignKeysOf(sqlite: Database.Database, table: string): RealForeignKey[] {
  return sqlite.pragma(`foreign_key_list("${table}")`) as RealForeignKey[];
}

/** Tables ordered so that each comes after those its foreign keys point to. */
function parentsFirst(sqlite: Database.Database, tables: string[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' -> ')}`);
    for (const key of foreignKeysOf(sqlite, table)) if (key.table !== table) visit(key.table, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

const ROWS_PER_TABLE = 3;

/** Columns left NULL in every row: a restricted file (migration 0013) refuses the rows that point to it. */
const LEFT_NULL = new Set(['restricted_at']);

/**
 * Writes three rows into every table, whatever the schema at this step: one with a value in each
 * column, one with every nullable column NULL, one more with values. Texts carry an accent;
 * a column whose default is a JSON list gets a JSON list (the search triggers read them with
 * json_each). Foreign keys point at rows written in this same call, so keys stay unique from one
 * call to the next; every trigger on the tables fires. `step` makes the values unique.
 */
export function fillEveryTable(sqlite: Database.Database, step: number): void {
  sqlite.transaction(() => fillInOrder(sqlite, step))();
}

function fillInOrder(sqlite: Database.Database, step: number): void {
  const written = new Map<string, Record<string, unknown>[]>();
  for (const table of parentsFirst(sqlite, ordinaryTables(sqlite))) {
    const keys = foreignKeysOf(sqlite, table);
    const all = columnsOf(sqlite, table);
    // An INTEGER PRIMARY KEY alone is the rowid: SQLite numbers it.
    const rowid = all.filter((column) => column.pk > 0).length === 1 ? all.find((column) => column.pk === 1 && column.type.toUpperCase() === 'INTEGER') : undefined;
    const columns = all.filter((column) => column !== rowid);
    const insert = sqlite.prepare(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    // A table WITHOUT ROWID (the timeline since 0021) is read back by its key.
    const withoutRowid = isWithoutRowid(sqlite, table);
    const key = all.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
    const readBack = sqlite.prepare(`SELECT * FROM "${table}" WHERE ${withoutRowid ? key.map((column) => `"${column.name}" = ?`).join(' AND ') : 'rowid = ?'}`);
    const rows: Record<string, unknown>[] = [];
    for (let row = 0; row < ROWS_PER_TABLE; row++) {
      const nulls = row === 1;
      const values = columns.map((column) => {
        const key = keys.find((candidate) => candidate.from === column.name);
        if ((nulls || LEFT_NULL.has(column.name)) && column.notnull === 0 && column.pk === 0) return null;
        if (key) return written.get(key.table)?.[row]?.[key.to] ?? null;
        const unique = `${step}.${row}`;
        const type = column.type.toUpperCase();
        if (type === 'INTEGER') return step * ROWS_PER_TABLE + row;
        if (type === 'REAL') return step * ROWS_PER_TABLE + row + 0.5;
        if (column.dflt_value === "'[]'") return JSON.stringify([`${column.name} é ${unique}`]);
        return `${column.name} é ${unique}`;
      });
      const { lastInsertRowid } = insert.run(...values);
      const keyValues = withoutRowid ? key.map((column) => values[columns.indexOf(column)]) : [lastInsertRowid];
      rows.push(readBack.get(...keyValues) as Record<string, unknown>);
    }
    written.set(table, rows);
  }
}
