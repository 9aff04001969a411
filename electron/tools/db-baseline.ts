/**
 * Writes resources/migrations/baseline.sql, the script a new database starts from (see
 * electron/db/baseline.ts): run after each new migration, and commit it with the migration.
 *
 *   npm run db:baseline
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BASELINE_FILE, baselineOf } from '../db/baseline';
import { applyMigrations, readMigrations } from '../db/migrations';

const dir = path.resolve('resources/migrations');
const migrations = readMigrations(dir);
const last = migrations.at(-1);
if (!last) throw new Error(`no migrations in ${dir}`);
const sqlite = new Database(':memory:');
// As the app migrates (db/open.ts).
sqlite.pragma('foreign_keys = ON');
applyMigrations(sqlite, migrations);
writeFileSync(path.join(dir, BASELINE_FILE), baselineOf(sqlite, last.tag));
sqlite.close();
console.log(`${BASELINE_FILE}: the schema after ${last.tag}`);
