import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_REASONS, type BackupReason } from '../../shared/backups';
import { checkDatabase } from '../db/checks';
import { DecryptionError, decryptFile, encryptFile } from './age';

/**
 * Encrypted backups of the database: a copy taken with SQLite's backup API, checked with
 * `integrity_check`, encrypted with age to the association's recovery key (whose secret half
 * is printed once on a recovery sheet and never stored), written to a temporary file then
 * renamed, so that a backup on disk is always whole. `age -d -i recovery-key.txt file.age`
 * gives back the SQLite file.
 */


/**
 * The recovery key's public half, beside the database: a migration backup is taken before
 * the database is open, so it cannot be read from the settings table. It is not a secret.
 */
export const RECOVERY_RECIPIENT_FILE = 'recovery-recipient.txt';

const BACKUP_NAME = /^tremplin-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z)-([a-z-]+)\.sqlite\.age$/;

export interface BackupFile {
  name: string;
  file: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
}

export class BackupError extends Error {
  constructor(readonly reason: 'integrity' | 'no_recovery_key' | 'wrong_key' | 'damaged' | 'not_a_backup' | 'newer_schema') {
    super(`backup ${reason}`);
    this.name = 'BackupError';
  }
}

export function readRecoveryRecipient(dataDir: string): string | null {
  const file = path.join(dataDir, RECOVERY_RECIPIENT_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

export function writeRecoveryRecipient(dataDir: string, recipient: string): void {
  mkdirSync(dataDir, { recursive: true });
  const temporary = path.join(dataDir, `.${RECOVERY_RECIPIENT_FILE}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temporary, `${recipient}\n`);
  renameSync(temporary, path.join(dataDir, RECOVERY_RECIPIENT_FILE));
}

function stampOf(date: Date): string {
  return date.toISOString().replaceAll(':', '-').replace('.', '-');
}

function takenAtOf(stamp: string): string {
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z/, (_match, h, m, s, ms) => `T${h}:${m}:${s}.${ms ?? '000'}Z`);
}

/** `integrity_check` reads every page and index (8 s at 700 MB): on a worker thread, the app goes on meanwhile. */
async function checkIntegrity(file: string): Promise<void> {
  if ((await checkDatabase(file, 'integrity_check')).length > 0) throw new BackupError('integrity');
}

/**
 * Takes a backup of the open database into `dir`. The copy is checked before it is encrypted;
 * a failed step leaves no partial file behind.
 */
export async function takeBackup(
  sqlite: Database.Database,
  options: { dir: string; recipient: string; reason: BackupReason; now: Date },
): Promise<BackupFile> {
  mkdirSync(options.dir, { recursive: true });
  const token = randomBytes(6).toString('hex');
  const plain = path.join(options.dir, `.tmp-${token}.sqlite`);
  const encrypted = path.join(options.dir, `.tmp-${token}.sqlite.age`);
  try {
    await sqlite.backup(plain);
    await checkIntegrity(plain);
    await encryptFile(plain, encrypted, { recipients: [options.recipient] });
    const name = `tremplin-${stampOf(options.now)}-${options.reason}.sqlite.age`;
    const file = path.join(options.dir, name);
    renameSync(encrypted, file);
    return { name, file, takenAt: options.now.toISOString(), reason: options.reason, bytes: statSync(file).size };
  } finally {
    rmSync(plain, { force: true });
    rmSync(encrypted, { force: true });
  }
}

/** Encrypts, in place, the plain copy the migrator takes before migrating. */
export async function protectPlainBackup(plainFile: string, recipient: string, reason: BackupReason, now: Date): Promise<string> {
  const dir = path.dirname(plainFile);
  const temporary = path.join(dir, `.tmp-${randomBytes(6).toString('hex')}.sqlite.age`);
  try {
    await checkIntegrity(plainFile);
    await encryptFile(plainFile, temporary, { recipients: [recipient] });
    const file = path.join(dir, `tremplin-${stampOf(now)}-${reason}.sqlite.age`);
    renameSync(temporary, file);
    return file;
  } finally {
    rmSync(temporary, { force: true });
    rmSync(plainFile, { force: true });
  }
}

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name);
      if (!match || !(BACKUP_REASONS as readonly string[]).includes(match[2] ?? '')) return [];
      const file = path.join(dir, name);
      return [{ name, file, takenAt: takenAtOf(match[1] ?? ''), reason: match[2] as BackupReason, bytes: statSync(file).size }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Monday of the ISO week of a date, as YYYY-MM-DD. */
function weekOf(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

export const RETENTION = { daily: 7, weekly: 4, monthly: 12, beforeChange: 5 } as const;

/** Backups of the moment before a change: the way back from an import or an upgrade gone wrong. */
const BEFORE_CHANGE: readonly BackupReason[] = ['before-import', 'before-migration', 'before-restore'];

/**
 * The backups to keep: the newest of each of the last 7 days that have one, of the last 4
 * weeks, of the last 12 months (a backup may count for several), and always the newest; and
 * the last 5 taken before an import, a migration or a restore, which a later backup of the
 * same day must not push out.
 */
export function backupsToKeep(backups: readonly BackupFile[]): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const bucket = (period: (backup: BackupFile) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = period(backup);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup.name);
    }
  };
  bucket((backup) => backup.takenAt.slice(0, 10), RETENTION.daily);
  bucket((backup) => weekOf(backup.takenAt), RETENTION.weekly);
  bucket((backup) => backup.takenAt.slice(0, 7), RETENTION.monthly);
  for (const backup of newestFirst.filter((candidate) => BEFORE_CHANGE.includes(candidate.reason)).slice(0, RETENTION.beforeChange)) keep.add(backup.name);
  return keep;
}

/** Deletes the backups retention does not keep; returns their names. */
export function pruneBackups(dir: string): string[] {
  const backups = listBackups(dir);
  const keep = backupsToKeep(backups);
  const removed = backups.filter((backup) => !keep.has(backup.name));
  for (const backup of removed) rmSync(backup.file, { force: true });
  return removed.map((backup) => backup.name);
}

/** Decrypts a backup into a plain SQLite file (checked), for a preview or a restore. */
export async function decryptBackup(file: string, recoveryKey: string, plainFile: string): Promise<void> {
  try {
    await decryptFile(file, plainFile, { identities: [recoveryKey.trim()] });
  } catch (error) {
    rmSync(plainFile, { force: true });
    if (!(error instanceof DecryptionError)) throw new BackupError('damaged');
    throw new BackupError(error.reason === 'not_age' ? 'not_a_backup' : error.reason === 'no_matching_key' ? 'wrong_key' : 'damaged');
  }
  try {
    await checkIntegrity(plainFile);
  } catch (error) {
    rmSync(plainFile, { force: true });
    throw error instanceof BackupError ? error : new BackupError('damaged');
  }
}

/** What a backup holds, for the staffer to check before restoring it. */
export interface BackupContents {
  schemaVersion: number;
  counts: Record<string, number>;
  /** The latest change recorded in it. */
  lastChangeAt: string | null;
}

const COUNTED_TABLES = ['candidates', 'employers', 'job_needs', 'partners', 'volunteers', 'timeline_events', 'presentations', 'placements', 'recruitments'] as const;

export function readContents(plainFile: string): BackupContents {
  const copy = new Database(plainFile, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      if (tables.has(table)) counts[table] = copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    }
    const lastChangeAt = tables.has('candidates')
      ? ((copy.prepare('SELECT max(updated_at) FROM candidates').pluck().get() as string | null) ?? null)
      : null;
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, counts, lastChangeAt };
  } finally {
    copy.close();
  }
}

/** Tables a restore copies: every table but SQLite's own, the full-text indexes (their triggers refill them) and the migration log. */
function restoredTables(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' AND name != 'schema_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  );
}

/**
 * Replaces the live database's content with a restored copy (already migrated to the same
 * schema), in one transaction on the live connection, so the app keeps running on it and a
 * failure leaves everything as it was.
 */
export function replaceContent(sqlite: Database.Database, restoredFile: string): void {
  const liveVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const restored = new Database(restoredFile, { readonly: true, fileMustExist: true });
  const restoredVersion = restored.pragma('user_version', { simple: true }) as number;
  restored.close();
  if (restoredVersion !== liveVersion) throw new BackupError(restoredVersion > liveVersion ? 'newer_schema' : 'damaged');
  sqlite.prepare('ATTACH DATABASE ? AS restored').run(restoredFile);
  try {
    const tables = restoredTables(sqlite);
    sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      for (const table of tables) sqlite.prepare(`DELETE FROM main."${table}"`).run();
      // `WHERE true` turns off SQLite's transfer optimisation, which copies rows without counting them
      // against the deferred foreign keys of the tables they are a parent of (sectors, partners…):
      // the commit then failed with "FOREIGN KEY constraint failed" on any real database.
      for (const table of tables) sqlite.prepare(`INSERT INTO main."${table}" SELECT * FROM restored."${table}" WHERE true`).run();
    })();
  } finally {
    sqlite.prepare('DETACH DATABASE restored').run();
  }
}
