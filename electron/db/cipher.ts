import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { SQLITE_HEADER } from '../formats/sqlcipher';

/**
 * The database is encrypted in the SQLCipher 4 format (AES-256-CBC, HMAC-SHA512 per page), so
 * any SQLCipher 4 tool opens it with the key. The key is 32 random bytes used as SQLCipher's raw
 * key (`x'…'`): no passphrase derivation at each open, the accounts' passwords wrap it instead.
 */
export const DATABASE_KEY_BYTES = 32;

/** The 32-byte database key. */
export type DatabaseKey = Buffer;

/**
 * What a connection runs before it reads anything: SQLite3MultipleCiphers' SQLCipher scheme in
 * its version 4 settings. The key itself goes through `sqlite3_key` (`Database.key`), never as
 * SQL, so a statement trace cannot show it.
 */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

/** SQLCipher's raw key notation: `x'` and the 64 hex digits of the key, then `'`. */
export function rawKey(key: DatabaseKey): Buffer {
  if (key.length !== DATABASE_KEY_BYTES) throw new RangeError(`the database key must be ${DATABASE_KEY_BYTES} bytes`);
  return Buffer.from(`x'${key.toString('hex')}'`);
}

/** Keys a connection just opened: before anything reads or writes the file. */
export function keyConnection(sqlite: Database.Database, key: DatabaseKey): void {
  for (const pragma of CIPHER_PRAGMAS) sqlite.pragma(pragma);
  sqlite.key(rawKey(key));
}

/** A read-only connection to the file, keyed when it is encrypted: a check's, a backup's or a worker's reader. */
export function openReadOnly(file: string, key: DatabaseKey | null): Database.Database {
  return openKeyed(file, key, true);
}

/** A connection that may write to the file, keyed when it is encrypted: a worker's checkpoint (db/checkpoints.ts). */
export function openWritable(file: string, key: DatabaseKey | null): Database.Database {
  return openKeyed(file, key, false);
}

function openKeyed(file: string, key: DatabaseKey | null, readonly: boolean): Database.Database {
  const db = new Database(file, { readonly, fileMustExist: true });
  if (key) {
    try {
      keyConnection(db, key);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** Where a worker thread finds the database: its file and key (null: a plain file). */
export interface DatabaseSource {
  file: string;
  key: DatabaseKey | null;
}

/** A key as a worker thread receives it (a Buffer crosses threads as a Uint8Array), a Buffer again over the same bytes. */
export function keyReceived(key: Uint8Array | null): DatabaseKey | null {
  return key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : null;
}

/** Whether a file is a plain (unencrypted) SQLite database: its first 16 bytes are SQLite's header. An empty file is neither. */
export function isPlainDatabaseFile(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
