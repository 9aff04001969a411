/**
 * The driver's package.json "exports" names no types, so TypeScript does not find the
 * declarations it ships. It keeps better-sqlite3's API (whose types drizzle-orm uses too) and
 * adds SQLite3MultipleCiphers' keying: these are those types, with the two methods.
 */
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 = require('better-sqlite3');

  interface CipherDatabase extends BetterSqlite3.Database {
    /** `sqlite3_key`: the key (or SQLCipher's `x'…'` raw key notation) of the file, before it is read. */
    key(key: Buffer): number;
    /** `sqlite3_rekey`: encrypts the file with a new key (an empty one decrypts it). */
    rekey(key: Buffer): number;
  }

  namespace Database {
    type Database = CipherDatabase;
    type RunResult = BetterSqlite3.RunResult;
    type Options = BetterSqlite3.Options;
  }

  const Database: {
    new (filename?: string | Buffer, options?: BetterSqlite3.Options): CipherDatabase;
    (filename?: string | Buffer, options?: BetterSqlite3.Options): CipherDatabase;
  };
  export = Database;
}
