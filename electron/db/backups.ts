import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { BACKUP_REASONS, BACKUP_RETENTION, type BackupReason } from '../../shared/backups';
import { CIPHER_PRAGMAS, type DatabaseKey, keyConnection, openReadOnly, rawKey } from './cipher';
import { virtualTables } from './baseline';
import { type CheckProblems, type ConsistencyCheck, checkDatabase, checkedBytes } from './checks';
import { PRIVATE_FILE_MODE, makePrivateFolder } from '../core/private-files';
import { oneAnswer } from '../core/workers';
import { DecryptionError, decrypt, decryptFile, encryptToFile } from '../formats/age';
import { ImageLayoutError, sqlcipherPageSealer } from '../formats/sqlcipher';

/**
 * Encrypted backups of the database: a snapshot checked (`checkBefore`), encrypted with age to
 * the association's recovery key (whose secret half is printed once on a recovery sheet and
 * never stored) on a worker thread, into a temporary file then renamed, so that a backup on
 * disk is always whole and nothing plain is ever written. `age -d -i recovery-key.txt file.age`
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
  makePrivateFolder(dataDir);
  const temporary = path.join(dataDir, `.${RECOVERY_RECIPIENT_FILE}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temporary, `${recipient}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(temporary, path.join(dataDir, RECOVERY_RECIPIENT_FILE));
}

function stampOf(date: Date): string {
  return date.toISOString().replaceAll(':', '-').replace('.', '-');
}

function takenAtOf(stamp: string): string {
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z/, (_match, h, m, s, ms) => `T${h}:${m}:${s}.${ms ?? '000'}Z`);
}

/** Temporary files: `.tmp-<process id>-<random>…`; older versions wrote `.tmp-<random>…` (plain copies among them). */
const TEMPORARY = /^\.tmp-(?:(\d+)-)?[0-9a-f]+\./;
/** Folders a backup is opened in for a preview or a restore (see `openingFolder`). */
const OPENING = /^tremplin-restore-(\d+)-/;
/** The plain copy a migration takes when backups are not set up (see `openDatabase`), and its journal files. */
const PLAIN_MIGRATION_COPY = /^before-migration-v\d+-.*\.sqlite(?:-wal|-shm|-journal)?$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes what a backup cut short left in the folder (a crash, a power cut): partial encrypted
 * files of processes that no longer run, and anything older versions left (their plain copies
 * and those copies' `-wal` and `-shm`); and the folders a backup was being opened in by a
 * process that no longer runs. Once backups are set up (`encrypted`), also the plain
 * copies taken before migrations without them: encrypted backups replace them. Called at start.
 */
export function removeLeftovers(dir: string, { encrypted }: { encrypted: boolean }): void {
  for (const name of readdirSync(tmpdir())) {
    const opening = OPENING.exec(name);
    if (opening && !running(Number(opening[1]))) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
  if (!existsSync(dir)) return;
  const removed = readdirSync(dir).filter((name) => {
    const temporary = TEMPORARY.exec(name);
    if (temporary) return temporary[1] === undefined || !running(Number(temporary[1]));
    return encrypted && PLAIN_MIGRATION_COPY.test(name);
  });
  for (const name of removed) rmSync(path.join(dir, name), { force: true });
}

/**
 * A private temporary folder to open a backup in: its copy (encrypted under a key of that opening
 * alone, see decryptBackup) sits there while it is previewed or restored, and the folder is
 * deleted afterwards. It is named after this process, so the next start deletes it when a crash
 * came in between (`removeLeftovers`); earlier versions left a plain copy there.
 */
export function openingFolder(): string {
  return mkdtempSync(path.join(tmpdir(), `tremplin-restore-${process.pid}-`));
}

/**
 * How the file is checked before its bytes become a backup. A backup taken before an import is
 * checked with `quick_check`: it reads every page and walks every b-tree (page structure, cells
 * and records, the free list), in time linear in the file, where `integrity_check` adds that
 * every index entry matches its table row and UNIQUE holds, a lookup per row and index: 56.5 s
 * against 5.4 s on the bench's 736 MB file under load, while the person reads the preview.
 * What quick_check leaves out is a disagreement of an index with its table, which the copy would
 * carry as it is, not cause; a restore opens a backup only after `integrity_check`
 * (`decryptBackup`), so such a copy is refused there, never put back. The other backups (daily,
 * on demand, before a migration or a retention) wait for no one and keep the full check.
 */
export const checkBefore = (reason: BackupReason): ConsistencyCheck => (reason === 'before-import' ? 'quick_check' : 'integrity_check');

/** What a backup's worker is given: the file to check and copy, and where and to whom its encrypted copy goes. */
export interface SealRequest {
  file: string;
  key: DatabaseKey | null;
  check: ConsistencyCheck;
  output: string;
  recipients: readonly string[];
}

/**
 * On the calling thread: the file checked, then its bytes as checked (`checkedBytes`) encrypted
 * into `output` a megabyte at a time and flushed to disk. Resolves with the problems the check
 * found (nothing written then), or none.
 */
export async function sealSnapshot({ file, key, check, output, recipients }: SealRequest): Promise<CheckProblems> {
  const bytes = checkedBytes(file, key, check);
  if (Array.isArray(bytes)) return bytes;
  await encryptToFile({ size: bytes.length, read: async (position, length) => bytes.subarray(position, position + length) }, output, { recipients });
  return [];
}

/**
 * `sealSnapshot` on a worker thread (backup-worker.ts): the check, the copy out of SQLCipher and
 * the encryption are CPU-bound for seconds to minutes at 700 MB (quick_check, then 736 MB
 * decrypted page by page, sealed and written), and the main process's event loop (the window,
 * the IPC, the preview host) must keep answering meanwhile. Should no worker start (a packaging
 * where the driver does not load off the main thread, a worker file missing), it runs here
 * instead: a backup is never skipped. An error of the work itself (a full disk) is thrown as it is.
 */
export async function sealSnapshotOffThread(request: SealRequest): Promise<CheckProblems> {
  // The key crosses to the worker in memory only.
  const outcome = await oneAnswer<{ problems?: CheckProblems; failure?: string }>('backup-worker', import.meta.url, { workerData: request });
  if (!('answer' in outcome)) return sealSnapshot(request);
  if (outcome.answer.problems) return outcome.answer.problems;
  throw new Error(`Backup worker: ${outcome.answer.failure}`);
}

/**
 * Takes a backup of a database file into `dir`: `checkBefore` its reason, then the checked bytes
 * encrypted, all on a worker (`sealSnapshotOffThread`), into a temporary file renamed once whole.
 * No plain copy is ever written; a crash leaves at most a partial encrypted temporary file, which
 * the next start deletes (`removeLeftovers`).
 */
export async function takeBackup(
  file: string,
  options: { key: DatabaseKey | null; dir: string; recipient: string; reason: BackupReason; now: Date },
): Promise<BackupFile> {
  makePrivateFolder(options.dir);
  const encrypted = path.join(options.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}.sqlite.age`);
  try {
    const problems = await sealSnapshotOffThread({ file, key: options.key, check: checkBefore(options.reason), output: encrypted, recipients: [options.recipient] });
    if (problems.length > 0) throw new BackupError('integrity');
    const name = `tremplin-${stampOf(options.now)}-${options.reason}.sqlite.age`;
    const target = path.join(options.dir, name);
    renameSync(encrypted, target);
    return { name, file: target, takenAt: options.now.toISOString(), reason: options.reason, bytes: statSync(target).size };
  } finally {
    rmSync(encrypted, { force: true });
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

/** Backups of the moment before a change: the way back from an import or an upgrade gone wrong. */
const BEFORE_CHANGE: readonly BackupReason[] = ['before-import', 'before-migration', 'before-restore', 'before-retention'];

/**
 * The backups to keep: every backup taken on demand ("Back up now"), until the staffer deletes
 * it; of the others, the newest of each of the last 7 days that have one, of the last 4 weeks,
 * of the last 12 months (a backup may count for several), and always the newest; and the last
 * 5 taken before an import, a migration or a restore, which a later backup of the same day
 * must not push out.
 */
export function backupsToKeep(backups: readonly BackupFile[]): Set<string> {
  const keep = new Set(backups.filter((backup) => backup.reason === 'manual').map((backup) => backup.name));
  const newestFirst = backups.filter((backup) => backup.reason !== 'manual').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
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
  bucket((backup) => backup.takenAt.slice(0, 10), BACKUP_RETENTION.daily);
  bucket((backup) => weekOf(backup.takenAt), BACKUP_RETENTION.weekly);
  bucket((backup) => backup.takenAt.slice(0, 7), BACKUP_RETENTION.monthly);
  for (const backup of newestFirst.filter((candidate) => BEFORE_CHANGE.includes(candidate.reason)).slice(0, BACKUP_RETENTION.beforeChange)) keep.add(backup.name);
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

/** `integrity_check` of an opened backup (8 s at 700 MB, plain): on a worker thread, the app goes on meanwhile. */
async function checkIntegrity(file: string, key: DatabaseKey): Promise<void> {
  if ((await checkDatabase(file, 'integrity_check', key)).length > 0) throw new BackupError('integrity');
}

/** A backup opened for a preview or a restore: its file, and the key of that opening alone it is encrypted under. */
export interface OpenedBackup {
  file: string;
  key: DatabaseKey;
}

/**
 * Opens a backup into a database file encrypted under `key` (a key of this opening alone, kept in
 * memory), checked, for a preview or a restore. The backup's pages are encrypted as they come
 * out of age, so no plain copy of the data reaches the disk, even for the seconds a restore takes
 * or after a crash in the middle of it.
 */
export async function decryptBackup(file: string, recoveryKey: string, target: string, key: DatabaseKey): Promise<void> {
  const keys = { identities: [recoveryKey.trim()] };
  try {
    try {
      await decryptFile(file, target, keys, sqlcipherPageSealer(key));
    } catch (error) {
      if (!(error instanceof ImageLayoutError)) throw error;
      rmSync(target, { force: true });
      const image = await decrypt(readFileSync(file), keys);
      writeEncryptedCopy(Buffer.from(image.buffer, image.byteOffset, image.byteLength), target, key);
    }
  } catch (error) {
    rmSync(target, { force: true });
    if (!(error instanceof DecryptionError)) throw new BackupError('damaged');
    throw new BackupError(error.reason === 'not_age' ? 'not_a_backup' : error.reason === 'no_matching_key' ? 'wrong_key' : 'damaged');
  }
  try {
    await checkIntegrity(target, key);
  } catch (error) {
    rmSync(target, { force: true });
    throw error instanceof BackupError ? error : new BackupError('damaged');
  }
}

/**
 * An encrypted copy of a plain database image whose pages leave no room for SQLCipher's (a
 * backup of a database from before encryption at rest, taken once, as it was encrypted): the
 * image is opened in memory and its schema and rows copied into a new file under `key`, the
 * tables first, then their rows, then the indexes and triggers (which must not fire on rows
 * copied). A full-text table makes its own shadow tables, whose rows are copied as they are.
 */
function writeEncryptedCopy(image: Buffer, target: string, key: DatabaseKey): void {
  // A file in WAL mode (its header's read and write versions at 2) opens in memory only marked as a rollback-journal one.
  image.fill(1, 18, 20);
  const source = new Database(image);
  try {
    type Entry = { type: string; name: string; sql: string };
    const entries = source.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as Entry[];
    const virtual = virtualTables(source);
    const shadow = (name: string) => virtual.some((table) => name.startsWith(`${table}_`));
    const tables = entries.filter((entry) => entry.type === 'table');
    const copied = tables.filter((entry) => !virtual.includes(entry.name)).map((entry) => entry.name);
    const withKey = (run: (copy: Database.Database) => void) => {
      const copy = new Database(target);
      try {
        keyConnection(copy, key);
        copy.transaction(() => run(copy))();
      } finally {
        copy.close();
      }
    };
    withKey((copy) => {
      for (const table of tables.filter((entry) => !shadow(entry.name))) copy.exec(table.sql);
    });
    if (source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) copied.push('sqlite_sequence');
    // The cipher a connection's ATTACH … KEY uses: SQLCipher's, as for every file of the app.
    for (const pragma of CIPHER_PRAGMAS) source.pragma(pragma);
    source.prepare('ATTACH DATABASE ? AS copy KEY ?').run(target, rawKey(key));
    source.pragma('foreign_keys = OFF');
    // The driver's defensive mode keeps full-text shadow tables read-only; this connection copies them.
    source.unsafeMode(true);
    source.transaction(() => {
      for (const table of copied) {
        source.exec(`DELETE FROM copy."${table}"`);
        source.exec(`INSERT INTO copy."${table}" SELECT * FROM main."${table}"`);
      }
    })();
    source.exec('DETACH DATABASE copy');
    const version = source.pragma('user_version', { simple: true }) as number;
    withKey((copy) => {
      for (const entry of entries.filter((candidate) => candidate.type !== 'table')) copy.exec(entry.sql);
      copy.pragma(`user_version = ${version}`);
    });
  } finally {
    source.close();
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

/** What an opened backup holds (`file`, encrypted under `key`: see decryptBackup). */
export function readContents(file: string, key: DatabaseKey): BackupContents {
  const copy = openReadOnly(file, key);
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

/** What a restore leaves as it is in the live database: whole tables, and some keys of the settings table. */
export interface KeptByRestore {
  tables: readonly SQLiteTable[];
  settingKeys: readonly string[];
}

/** Tables a restore copies: every table but SQLite's own, the full-text indexes (their triggers refill them), the migration log and the kept ones. */
function restoredTables(sqlite: Database.Database, keptTables: readonly string[]): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' AND name != 'schema_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).filter((table) => !keptTables.includes(table));
}

/**
 * Replaces the live database's content with a restored copy (already migrated to the same
 * schema), in one transaction on the live connection, so the app keeps running on it and a
 * failure leaves everything as it was. The `kept` tables and settings stay as they are; a link
 * from a kept row to a record the copy does not hold is cleared. `alsoWrite` runs last inside
 * that transaction (the restore's audit row).
 */
export function replaceContent(sqlite: Database.Database, restored: OpenedBackup, kept: KeptByRestore, alsoWrite?: () => void): void {
  const liveVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const copy = openReadOnly(restored.file, restored.key);
  const restoredVersion = copy.pragma('user_version', { simple: true }) as number;
  copy.close();
  if (restoredVersion !== liveVersion) throw new BackupError(restoredVersion > liveVersion ? 'newer_schema' : 'damaged');
  sqlite.prepare('ATTACH DATABASE ? AS restored KEY ?').run(restored.file, rawKey(restored.key));
  try {
    const keptTables = kept.tables.map((table) => getTableName(table));
    const tables = restoredTables(sqlite, keptTables);
    const keys = JSON.stringify(kept.settingKeys);
    const onlyRestored = (table: string) => (table === 'settings' ? ' AND key NOT IN (SELECT value FROM json_each(?))' : '');
    const bind = (table: string) => (table === 'settings' ? [keys] : []);
    sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      for (const table of tables) sqlite.prepare(`DELETE FROM main."${table}" WHERE true${onlyRestored(table)}`).run(...bind(table));
      // `WHERE true` turns off SQLite's transfer optimisation, which copies rows without counting them
      // against the deferred foreign keys of the tables they are a parent of (sectors, partners…):
      // the commit then failed with "FOREIGN KEY constraint failed" on any real database.
      for (const table of tables) sqlite.prepare(`INSERT INTO main."${table}" SELECT * FROM restored."${table}" WHERE true${onlyRestored(table)}`).run(...bind(table));
      for (const table of keptTables) {
        const links = sqlite.prepare(`SELECT "table" AS parent, "from" AS child, "to" AS key FROM pragma_foreign_key_list(?, 'main')`).all(table) as { parent: string; child: string; key: string }[];
        for (const { parent, child, key } of links.filter((link) => tables.includes(link.parent))) {
          sqlite.prepare(`UPDATE main."${table}" SET "${child}" = NULL WHERE "${child}" NOT IN (SELECT "${key}" FROM main."${parent}")`).run();
        }
      }
      alsoWrite?.();
    })();
  } finally {
    sqlite.prepare('DETACH DATABASE restored').run();
  }
}
