import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { splitStatements } from './migrations';

/**
 * A new database starts from the baseline: the schema and seeded rows that the migrations up to
 * one of them leave, written as one script (`npm run db:baseline`). Replaying every migration's
 * table rebuilds costs a new file five times as much, paid by each test and each first start;
 * files already in use keep taking the migrations one by one.
 */
export interface Baseline {
  /** The last migration the script stands for. */
  tag: string;
  statements: string[];
}

export const BASELINE_FILE = 'baseline.sql';

const AFTER = /^-- after: (\S+)$/m;

/** The baseline beside the migrations, or null when there is none. */
export function readBaseline(migrationsDir: string): Baseline | null {
  const file = path.join(migrationsDir, BASELINE_FILE);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const tag = AFTER.exec(text)?.[1];
  if (!tag) throw new Error(`${file} does not say which migration it stands for ("-- after: <tag>")`);
  return { tag, statements: splitStatements(text.slice(text.indexOf('\n', text.search(AFTER)) + 1)) };
}

/** The full-text indexes: virtual tables, each with tables of its own that SQLite names after it. */
export function virtualTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** The tables that hold rows of their own: not SQLite's, not the runner's bookkeeping, not a full-text index's. */
export function ordinaryTables(sqlite: Database.Database): string[] {
  const virtual = virtualTables(sqlite);
  const all = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .pluck()
    .all() as string[];
  return all.filter((name) => !virtual.some((index) => name === index || name.startsWith(`${index}_`)));
}

/** Whether a table is WITHOUT ROWID: its rows are read by its key, not by a rowid. */
export function isWithoutRowid(sqlite: Database.Database, table: string): boolean {
  return sqlite.prepare('SELECT wr FROM pragma_table_list(?)').pluck().get(table) === 1;
}

/** The kinds of schema objects, in the order a script creates them (a trigger or an index needs its table). */
const SCHEMA_KINDS = ['table', 'index', 'trigger', 'view'];

/**
 * The baseline script of a database the migrations up to `tag` built: its tables, indexes and
 * triggers as SQLite stores them, each full-text index's options, then the rows the migrations
 * seeded (the triggers fill the search indexes from them, as they did).
 */
export function baselineOf(sqlite: Database.Database, tag: string): string {
  const virtual = virtualTables(sqlite);
  const ownedByIndex = (name: string) => virtual.some((index) => name.startsWith(`${index}_`));
  const objects = (sqlite.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid").all() as {
    type: string;
    name: string;
    sql: string;
  }[]).filter((object) => !ownedByIndex(object.name));
  if (objects.some((object) => !SCHEMA_KINDS.includes(object.type))) throw new Error('baselineOf: an unknown kind of schema object');
  const statements = SCHEMA_KINDS.flatMap((type) => objects.filter((object) => object.type === type).map((object) => object.sql));
  for (const index of virtual) {
    const options = sqlite.prepare(`SELECT 'INSERT INTO "${index}" ("${index}", rank) VALUES (' || quote(k) || ', ' || quote(v) || ')' FROM "${index}_config" WHERE k <> 'version' ORDER BY k`).pluck().all() as string[];
    statements.push(...options);
  }
  for (const table of ordinaryTables(sqlite)) {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]).map((column) => `"${column}"`);
    const values = columns.map((column) => `quote(${column})`).join(` || ', ' || `);
    // A table WITHOUT ROWID is read in the order of its key.
    const rows = sqlite.prepare(`SELECT 'INSERT INTO "${table}" (${columns.join(', ')}) VALUES (' || ${values} || ')' FROM "${table}"${isWithoutRowid(sqlite, table) ? '' : ' ORDER BY rowid'}`).pluck().all() as string[];
    statements.push(...rows);
  }
  return [
    `-- What a new Tremplin database holds: the schema and seeded rows the migrations up to ${tag} leave, in one script.`,
    '-- Written by `npm run db:baseline` after each new migration, never by hand: test/unit/db/baseline.test.ts compares it with the migrations.',
    `-- after: ${tag}`,
    statements.join(';\n--> statement-breakpoint\n'),
    '',
  ].join('\n');
}
