import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { type ExtractTablesWithRelations, type RelationalSchemaConfig, createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { type DatabaseKey, isPlainDatabaseFile, keyConnection } from './cipher';
import { checkDatabase } from './checks';
import { discardEncryptionLeftovers, encryptDatabaseFile } from './encrypt';
import { makePrivateFile, makePrivateFolder, restrictExistingFiles } from '../core/private-files';
import { readBaseline } from './baseline';
import { type Migration, appliedTags, applyMigrations, readMigrations, schemaVersion } from './migrations';
import * as schema from './schema';

/** With its connection (`$client`), as `drizzle()` returns it: what SQL alone cannot do (functions) goes there. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  file: string;
  /** The key the file was opened with (null: a plain file): a backup's worker reads the file with it. */
  key: DatabaseKey | null;
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
  /**
   * The 32-byte database key: the file is created, read and written encrypted (SQLCipher 4,
   * see ./cipher). `null` opens a PLAIN file, and only that: for the tests that need one, and
   * for a decrypted backup being opened in a private temporary folder.
   */
  key: DatabaseKey | null;
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
  /**
   * The caller has just run `integrity_check` (which includes quick_check's) on this very file,
   * which nothing else writes: the check is not run twice (an opened backup, db/backups.ts).
   */
  checkedByCaller?: boolean;
  /**
   * With a key, a PLAIN file found there is checked, backed up (`backupBeforeEncryption`) and
   * encrypted (`encryptDatabaseFile`: no crash loses data) before it is opened. Without this,
   * such a file is refused (`database_not_encrypted`).
   */
  encryptPlainFile?: boolean;
  /** Takes a backup of the plain file before it is encrypted (the app: the age backup, when backups are set up). */
  backupBeforeEncryption?: (file: string) => Promise<void>;
}

/**
 * `database_key`: the key does not open the file (a wrong key, a file written with another key or
 * tampered with on its first page), or a file without SQLite's plain header was opened without one.
 * `database_not_encrypted`: a key was given for a plain file (it must be converted first).
 */
export type DatabaseOpenErrorCode = 'database_too_new' | 'database_corrupt' | 'database_key' | 'database_not_encrypted';

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
 * anything (even the switch to WAL) writes to it; only SQLite's own recovery of a write cut
 * short (a hot journal rolled back) may come first, as any reader of the file would do it.
 * Pending migrations are applied in one transaction after a copy of the file is taken
 * (`VACUUM INTO`, encrypted as the file is).
 * With a key, a wrong key is refused (`database_key`) before anything is written.
 *
 * `quick_check` reads the whole file (0.9 s at 700 MB). It runs on a worker thread; with
 * `checkInBackground` and nothing to migrate, the connection is handed back meanwhile and
 * `checked` tells the outcome — the file is written to only once the check has passed.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = readMigrations(options.migrationsDir);
  makePrivateFolder(path.dirname(options.file));
  let checked = Promise.resolve();
  const key = options.key;
  if (key) discardEncryptionLeftovers(options.file);
  if (key && options.encryptPlainFile && existsSync(options.file) && isPlainDatabaseFile(options.file)) {
    inspectVersion(options.file, null, migrations);
    await quickCheck(options.file, null);
    await options.backupBeforeEncryption?.(options.file);
    encryptDatabaseFile(options.file, key);
  }
  if (existsSync(options.file)) {
    const { version, journalMode } = inspectVersion(options.file, key, migrations);
    if (!options.checkedByCaller) checked = quickCheck(options.file, key);
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
    if (key) keyConnection(sqlite, key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Sorts and temporary indexes stay in memory (a temporary file would be plain), and deleted
    // content is overwritten, not left in free pages.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('secure_delete = ON');
    // Every page read from an encrypted file is decrypted: a cache of 32 MiB (SQLite's default is
    // 2 MiB) keeps what the lists read again (their indexes, the report's index of the files);
    // it grows only as pages are read. 64 MiB held the candidates' table whole (49 MB at 100,000
    // files), which lists then read at each call (store/candidates.ts: listQuery), and cost 64 MB
    // of the process once a report had read everything.
    sqlite.pragma('cache_size = -32768');

    const current = schemaVersion(sqlite);
    const pending = migrations.slice(current);
    if (pending.length > 0 && current > 0 && !(await options.backupBeforeMigration?.(options.file))) {
      const backupDir = options.backupDir ?? path.join(path.dirname(options.file), 'backups');
      makePrivateFolder(backupDir);
      const stamp = new Date().toISOString().replaceAll(':', '-');
      const copy = path.join(backupDir, `before-migration-v${current}-${stamp}.sqlite`);
      makePrivateFile(copy);
      // VACUUM INTO writes the copy as the connection reads the file: encrypted with the same key
      // when it is (the backup API refuses to copy an encrypted database to a new file).
      sqlite.prepare('VACUUM INTO ?').run(copy);
    }
    // Only a new file is made from the baseline: a file in use does not read it.
    applyMigrations(sqlite, pending, current === 0 ? readBaseline(options.migrationsDir) : null);
  } catch (error) {
    sqlite.close();
    throw error;
  }

  return { db: drizzleOver(sqlite), sqlite, file: options.file, key, checked, close: () => sqlite.close() };
}

/**
 * What `drizzle()` from drizzle-orm/better-sqlite3 builds over a connection, built here: that
 * module imports the `better-sqlite3` package, which is not installed (one driver: the
 * multiple-ciphers build of it, with the same API).
 */
function drizzleOver(sqlite: Database.Database): Db {
  type Tables = ExtractTablesWithRelations<typeof schema>;
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig<Tables>(schema, createTableRelationsHelpers);
  const relational: RelationalSchemaConfig<Tables> = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession<typeof schema, Tables>(sqlite, dialect, relational, {});
  const db = new BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema, Tables>('sync', dialect, session, relational);
  return Object.assign(db, { $client: sqlite });
}

async function quickCheck(file: string, key: DatabaseKey | null): Promise<void> {
  const problems = await checkDatabase(file, 'quick_check', key);
  if (problems.length > 0) throw new DatabaseOpenError('database_corrupt', problems.slice(0, 10).join('; '));
}

/**
 * What a read-only connection answers when a write was cut short (a kill, a power cut): a hot
 * rollback journal to play back, or a WAL index to rebuild. Both need a writable connection.
 */
const INTERRUPTED_WRITE = new Set(['SQLITE_READONLY_ROLLBACK', 'SQLITE_READONLY_RECOVERY']);

/**
 * Lets SQLite finish its own crash recovery: a writable connection rolls a hot journal back (the
 * file returns to its last commit) or rebuilds the WAL index, on its first read. Nothing else is written.
 */
function recoverInterruptedWrite(file: string, key: DatabaseKey | null): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    if (key) keyConnection(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } finally {
    sqlite.close();
  }
}

/** The schema version of an existing file, refused when it is not one this version of Tremplin wrote. */
function inspectVersion(file: string, key: DatabaseKey | null, migrations: Migration[], recovered = false): { version: number; journalMode: string } {
  let sqlite: Database.Database | undefined;
  try {
    if (key && isPlainDatabaseFile(file)) throw new DatabaseOpenError('database_not_encrypted', 'the file is a plain SQLite database');
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    if (key) keyConnection(sqlite, key);
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
    if (!recovered && INTERRUPTED_WRITE.has((error as { code?: string }).code ?? '')) {
      sqlite?.close();
      sqlite = undefined;
      recoverInterruptedWrite(file, key);
      return inspectVersion(file, key, migrations, true);
    }
    // SQLCipher cannot tell a wrong key from a first page tampered with: both fail its check.
    if ((error as { code?: string }).code === 'SQLITE_NOTADB' && (key || !isPlainDatabaseFile(file))) {
      throw new DatabaseOpenError('database_key', key ? 'the key does not open the file' : 'the file is encrypted (or no database) and no key was given');
    }
    // Not a database, truncated…: report it, never try to "repair" it.
    throw new DatabaseOpenError('database_corrupt', error instanceof Error ? error.message : String(error));
  } finally {
    sqlite?.close();
  }
}
