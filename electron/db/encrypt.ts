import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { makePrivateFile } from '../core/private-files';
import { CIPHER_PRAGMAS, type DatabaseKey, isPlainDatabaseFile, keyConnection, rawKey } from './cipher';

/** Where a conversion writes the encrypted copy before it replaces the file. */
export const encryptingFileOf = (file: string) => `${file}.encrypting`;

/** The encrypted copy and the journal files SQLite may have left beside it. */
const encryptingFilesOf = (file: string) => ['', '-journal', '-wal', '-shm'].map((suffix) => `${encryptingFileOf(file)}${suffix}`);

/** The moments of a conversion, in order: told to `onStep` as each is reached. */
export type EncryptionStep = 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'synced' | 'replaced';

/**
 * Deletes what a conversion cut short left beside the file: its encrypted copy is only ever
 * renamed over the file once whole and on disk, so a copy still there is unfinished (the file
 * itself is then still the plain one, whole) and the conversion starts again from the file.
 */
export function discardEncryptionLeftovers(file: string): void {
  for (const leftover of encryptingFilesOf(file)) rmSync(leftover, { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in the folder durable; Windows cannot open a folder for this (its rename is). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The row count of every table: what the encrypted copy must hold the same of. */
function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
}

/**
 * Encrypts a PLAIN database file with the key (SQLCipher 4, as `openDatabase` reads it), in a
 * way that no crash loses data:
 * 1. the file's WAL is checkpointed into it and the file leaves WAL mode, so that the file
 *    alone holds everything (SQLite's own crash safety covers this step);
 * 2. it is copied to `<file>.encrypting`, which is encrypted in place (`sqlite3_rekey`, with a
 *    rollback journal), checked (`quick_check`, the same row count in every table) and synced;
 * 3. the copy is renamed over the file (atomic) and the folder synced.
 * Killed before 3, the file is the plain one, whole, and the copy is a leftover that the next
 * attempt discards (`discardEncryptionLeftovers`) before starting again; killed after, the file
 * is the encrypted one, whole. The file is closed meanwhile: nobody else may have it open.
 */
export function encryptDatabaseFile(file: string, key: DatabaseKey, onStep: (step: EncryptionStep) => void = () => {}): void {
  if (!isPlainDatabaseFile(file)) throw new Error(`${file} is not a plain SQLite database`);
  const encrypting = encryptingFileOf(file);
  discardEncryptionLeftovers(file);

  let counts: Record<string, number>;
  const plain = new Database(file, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    if (plain.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('the plain database is still in WAL mode (open elsewhere?)');
    counts = rowCounts(plain);
  } finally {
    plain.close();
  }
  if (existsSync(`${file}-wal`)) throw new Error('the plain database still has a WAL file');
  onStep('checkpointed');

  makePrivateFile(encrypting);
  copyFileSync(file, encrypting);
  onStep('copied');

  const copy = new Database(encrypting, { fileMustExist: true });
  try {
    // The rekey rewrites every page through SQLite's temporary storage: in memory, never a plain temporary file.
    copy.pragma('temp_store = MEMORY');
    for (const pragma of CIPHER_PRAGMAS) copy.pragma(pragma);
    copy.rekey(rawKey(key));
  } finally {
    copy.close();
  }
  onStep('encrypted');

  const check = new Database(encrypting, { readonly: true, fileMustExist: true });
  try {
    keyConnection(check, key);
    const problems = check.pragma('quick_check', { simple: true });
    if (problems !== 'ok') throw new Error(`the encrypted copy failed quick_check: ${String(problems)}`);
    const copied = rowCounts(check);
    if (JSON.stringify(copied) !== JSON.stringify(counts)) throw new Error('the encrypted copy does not hold every row');
  } finally {
    check.close();
  }
  if (isPlainDatabaseFile(encrypting)) throw new Error('the copy was not encrypted');
  onStep('verified');

  syncFile(encrypting);
  onStep('synced');

  renameSync(encrypting, file);
  syncFolder(path.dirname(file));
  // The plain file's shared-memory index, if its last connection left one: stale for the new file.
  rmSync(`${file}-shm`, { force: true });
  onStep('replaced');
}
