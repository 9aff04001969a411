import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { checkDatabase } from './checks';
import { makePrivateFile, makePrivateFolder, restrictExistingFiles } from '../core/private-files';
import { type Migration, appliedTags, applyMigrations, readMigrations, schemaVersion } from './migrations';
import * as schema from './schema';

/** With its connection (`$client`), as `drizzle()` returns it: what SQL alone cannot do (functions) goes there. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  file: string;
  /**
   * Settles when the start-up check is done: rejects with a DatabaseOpenError if the file failed
   * it. Already settled unless `checkInBackground` was asked for.
   */
  checked: Promise<void>;
  close(): void;
}

export interface OpenOptions {
  /** Path of the SQLite file; created when missing. */
  file: string;
  /** Folder holding drizzle-kit's migrations (resources/migrations). */
  migrationsDir: string;
  /** Where the copy taken before a migration goes; default: `backups/` beside the file. */
  backupDir?: string;
  /** Receives every statement run, with its values (for the tests that pin query plans). */
  trace?: (sql: string) => void;
  /**
   * Takes the encrypted backup before a migration, from the file as it stands; resolves false
   * when it cannot (backups not set up), and a plain copy is taken into `backupDir` instead.
   */
  backupBeforeMigration?: (file: string) => Promise<boolean>;
  /**
   * Return before `quick_check` ends, when no migration is pending (the app and the preview: the
   * window loads meanwhile). The caller must write nothing until `checked` settles.
   */
  checkInBackground?: boolean;
}

export type DatabaseOpenErrorCode = 'database_too_new' | 'database_corrupt';

/** A database that must not be opened. The file has not been written to. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseOpenErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens (or creates) the database file. An existing file is first inspected read-only, so a
 * file from a newer version of Tremplin, or one that fails `quick_check`, is refused before
 * anything (even the switch to WAL) writes to it. Pending migrations are applied in one
 * transaction after a copy of the file is taken with SQLite's backup API.
 *
 * `quick_check` reads the whole file (0.9 s at 700 MB). It runs on a worker thread; with
 * `checkInBackground` and nothing to migrate, the connection is handed back meanwhile and
 * `checked` tells the outcome — the file is written to only once the check has passed.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = readMigrations(options.migrationsDir);
  makePrivateFolder(path.dirname(options.file));
  let checked = Promise.resolve();
  if (existsSync(options.file)) {
    const { version, journalMode } = inspectVersion(options.file, migrations);
    checked = quickCheck(options.file);
    // Migrating, or switching a file to WAL, writes to it: the check must have passed first.
    const writesAtOpen = version < migrations.length || journalMode !== 'wal';
    if (!options.checkInBackground || writesAtOpen) await checked;
    // Nobody awaits a background check before the caller: it must not count as unhandled.
    else checked.catch(() => {});
  }

  makePrivateFile(options.file);
  restrictExistingFiles([`${options.file}-wal`, `${options.file}-shm`]);
  const trace = options.trace;
  const sqlite = new Database(options.file, trace ? { verbose: (statement?: unknown) => trace(String(statement)) } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    const current = schemaVersion(sqlite);
    const pending = migrations.slice(current);
    if (pending.length > 0 && current > 0 && !(await options.backupBeforeMigration?.(options.file))) {
      const backupDir = options.backupDir ?? path.join(path.dirname(options.file), 'backups');
      makePrivateFolder(backupDir);
      const stamp = new Date().toISOString().replaceAll(':', '-');
      const copy = path.join(backupDir, `before-migration-v${current}-${stamp}.sqlite`);
      makePrivateFile(copy);
      await sqlite.backup(copy);
    }
    applyMigrations(sqlite, pending);
  } catch (error) {
    sqlite.close();
    throw error;
  }

  return { db: drizzle(sqlite, { schema }), sqlite, file: options.file, checked, close: () => sqlite.close() };
}

async function quickCheck(file: string): Promise<void> {
  const problems = await checkDatabase(file, 'quick_check');
  if (problems.length > 0) throw new DatabaseOpenError('database_corrupt', problems.slice(0, 10).join('; '));
}

/** The schema version of an existing file, refused when it is not one this version of Tremplin wrote. */
function inspectVersion(file: string, migrations: Migration[]): { version: number; journalMode: string } {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(sqlite);
    if (version > migrations.length) {
      throw new DatabaseOpenError(
        'database_too_new',
        `schema version ${version} is newer than this version of Tremplin knows (${migrations.length})`,
      );
    }
    const known = migrations.map((migration) => migration.tag);
    const applied = appliedTags(sqlite);
    if (applied.some((tag, index) => known[index] !== tag)) {
      throw new DatabaseOpenError('database_too_new', `migrations ${applied.join(', ')} do not match this version`);
    }
    return { version, journalMode: String(sqlite.pragma('journal_mode', { simple: true })) };
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    // Not a database, encrypted, truncated…: report it, never try to "repair" it.
    throw new DatabaseOpenError('database_corrupt', error instanceof Error ? error.message : String(error));
  } finally {
    sqlite?.close();
  }
}
