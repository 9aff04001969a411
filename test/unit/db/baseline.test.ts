import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILE, baselineOf, readBaseline } from '../../../electron/db/baseline';
import { applyMigrations } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/temp';
import { migrations, migrationsDir } from '../../support/migrations';

/**
 * A new database is made from the baseline script, a file in use by the migrations: both must
 * give the same database, down to SQLite's own tables.
 */

/** Everything a database holds: its schema as SQLite stores it, every table's rows (search indexes' and SQLite's own included), its version. */
function wholeDatabase(sqlite: Database.Database) {
  const schema = sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[];
  // Rows in any order (the search indexes' tables have no rowid); the migrations' bookkeeping without the time they ran.
  const rowsOf = (table: string) => (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(table === 'schema_migrations' ? row.slice(0, 2) : row)).sort();
  const rows = Object.fromEntries(tables.map((table) => [table, rowsOf(table)]));
  return { schema, rows, version: sqlite.pragma('user_version', { simple: true }) };
}

function fromChain(file: string, pending = migrations): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('foreign_keys = ON');
  applyMigrations(sqlite, pending);
  return sqlite;
}

describe('the baseline a new database starts from', () => {
  const tempDir = useTempDir();

  it('is what `npm run db:baseline` writes from the migrations as they are now (run it after adding one)', () => {
    const sqlite = fromChain(':memory:');
    const written = readFileSync(path.join(migrationsDir, BASELINE_FILE), 'utf8');
    expect(written).toBe(baselineOf(sqlite, migrations.at(-1)?.tag ?? ''));
    expect(readBaseline(migrationsDir)?.tag).toBe(migrations.at(-1)?.tag);
    sqlite.close();
  });

  it('gives a new file the database the migrations give, and records each of them', async () => {
    const chain = fromChain(path.join(tempDir(), 'chain.sqlite'));
    const opened = await openDatabase({ file: path.join(tempDir(), 'new.sqlite'), migrationsDir, key: null });
    expect(wholeDatabase(opened.sqlite)).toEqual(wholeDatabase(chain));
    expect(opened.sqlite.prepare('SELECT tag FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((migration) => migration.tag));
    opened.close();
    chain.close();
  });

  it('left behind by a newer migration, is followed by the migrations after it', () => {
    const middle = Math.floor(migrations.length / 2);
    const older = fromChain(':memory:', migrations.slice(0, middle));
    const folder = tempDir();
    writeFileSync(path.join(folder, BASELINE_FILE), baselineOf(older, migrations[middle - 1]?.tag ?? ''));
    const baseline = readBaseline(folder);
    expect(baseline?.tag).toBe(migrations[middle - 1]?.tag);
    const fromBaseline = new Database(':memory:');
    fromBaseline.pragma('foreign_keys = ON');
    applyMigrations(fromBaseline, migrations, baseline);
    const chain = fromChain(':memory:');
    expect(wholeDatabase(fromBaseline)).toEqual(wholeDatabase(chain));
    for (const sqlite of [older, fromBaseline, chain]) sqlite.close();
  });

  it('is not used for a file that already holds migrations', () => {
    const sqlite = fromChain(':memory:', migrations.slice(0, 3));
    const baseline = readBaseline(migrationsDir);
    applyMigrations(sqlite, migrations.slice(3), baseline);
    const chain = fromChain(':memory:');
    expect(wholeDatabase(sqlite)).toEqual(wholeDatabase(chain));
    sqlite.close();
    chain.close();
  });
});
