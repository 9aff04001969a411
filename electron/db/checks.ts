import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3-multiple-ciphers';
import { CIPHER_PRAGMAS, type DatabaseKey, openReadOnly, rawKey } from './cipher';

/** SQLite's own consistency checks: `quick_check` at start, the slower `integrity_check` on a backup copy. */
export type ConsistencyCheck = 'quick_check' | 'integrity_check';

/**
 * What the check found wrong: nothing when the file is sound. A file SQLite cannot read at all
 * (not a database, encrypted, cut short) is reported as one problem.
 */
export type CheckProblems = string[];

/**
 * Both checks read every page: on a federation's 700 MB file `quick_check` takes ~0.9 s and
 * `integrity_check` ~8 s, one synchronous call each. Past a few MB (CHECKED_HERE_UP_TO) they run
 * on a worker thread with their own read-only connection so that the window, the IPC and the
 * preview host stay responsive. The worker is a short CommonJS script given as text, which loads
 * the same driver the app does, so it needs no bundling of its own (electron-vite, tsx and vitest
 * alike): it starts at every open of such a file, where a bundled worker would cost tsx's loading
 * in tests. A backup's check
 * runs on the backup's own worker, with its copy and encryption (`sealSnapshotOffThread`). An
 * encrypted file is keyed as `keyConnection` does; the key crosses to the worker in memory only.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database;
try {
  Database = require(workerData.driver);
} catch (error) {
  parentPort.postMessage({ unavailable: String((error && error.message) || error) });
}
if (Database) {
  let problems;
  try {
    const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
    try {
      if (workerData.rawKey) {
        for (const pragma of workerData.cipherPragmas) db.pragma(pragma);
        db.key(Buffer.from(workerData.rawKey));
      }
      problems = db.pragma(workerData.check).map((row) => String(Object.values(row)[0]));
    } finally {
      db.close();
    }
  } catch (error) {
    problems = [String((error && error.message) || error)];
  }
  parentPort.postMessage({ problems: problems.length === 1 && problems[0] === 'ok' ? [] : problems });
}
`;

/** Where the worker loads the driver from; throws where it cannot be found from here (a bundle elsewhere). */
const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** What the worker needs to open the file: where the driver is, and the key when the file is encrypted. */
function workerOptions(file: string, key: DatabaseKey | null) {
  return { driver: driverPath(), file, ...(key ? { rawKey: rawKey(key).toString(), cipherPragmas: [...CIPHER_PRAGMAS] } : {}) };
}

/** What a check reports, as problems: none when it says only "ok". */
function problemsOf(db: Database.Database, check: ConsistencyCheck): CheckProblems {
  const problems = (db.pragma(check) as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

/** The check on the calling thread: what the worker does, for when a worker cannot load the driver. */
function checkHere(file: string, check: ConsistencyCheck, key: DatabaseKey | null): CheckProblems {
  try {
    const db = openReadOnly(file, key);
    try {
      return problemsOf(db, check);
    } finally {
      db.close();
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * Up to these sizes (the file and its WAL) a check runs on the calling thread, which it blocks
 * for some 10–20 ms: a new folder's 0.9 MB file took 8.5 ms so (opening a keyed connection and
 * reading the schema are most of it), against 60–90 ms of CPU and of waiting, at each sign-in,
 * to start a worker (a thread, the driver loaded, a connection keyed) for it. Beyond, the check
 * reads its pages (`quick_check` some 1.3 ms a MB, `integrity_check` some 11, see above).
 */
const CHECKED_HERE_UP_TO: Record<ConsistencyCheck, number> = { quick_check: 4 * 2 ** 20, integrity_check: 2 ** 20 };

const bytesOf = (file: string) => [file, `${file}-wal`].reduce((total, part) => total + (statSync(part, { throwIfNoEntry: false })?.size ?? 0), 0);

/**
 * Runs a check of the file: on a worker thread, but for a small file (CHECKED_HERE_UP_TO). Should
 * the worker itself fail (a packaging where the driver does not load off the main thread), the
 * check runs here instead: it is never skipped.
 */
export function checkDatabase(file: string, check: ConsistencyCheck, key: DatabaseKey | null): Promise<CheckProblems> {
  if (bytesOf(file) <= CHECKED_HERE_UP_TO[check]) return Promise.resolve(checkHere(file, check, key));
  return new Promise((resolve) => {
    let answered = false;
    const answer = (problems: CheckProblems) => {
      answered = true;
      resolve(problems);
    };
    // The worker exits once it has answered: only a worker that failed before is replaced.
    const fallBack = () => {
      if (!answered) answer(checkHere(file, check, key));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...workerOptions(file, key), check } });
    } catch {
      fallBack();
      return;
    }
    worker.once('message', (message: { problems?: CheckProblems; unavailable?: string }) => {
      if (message.problems) answer(message.problems);
      else fallBack();
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/**
 * A check of the file, then its bytes as checked, in one read
 * transaction on the calling thread (a backup's worker, `sealSnapshot`): the problems found, or
 * the bytes when it is sound. From an encrypted file they are the decrypted pages: a plain
 * SQLite file (each page keeping SQLCipher's 80 reserved bytes, which SQLite reads as it is),
 * that standard tools open. They are held whole in memory (`serialize`: 676 MB for the bench's
 * 100,000 candidates): this build of SQLite has no `sqlite_dbpage` to read them a page at a time.
 */
export function checkedBytes(file: string, key: DatabaseKey | null, check: ConsistencyCheck): CheckProblems | Buffer {
  try {
    const db = openReadOnly(file, key);
    try {
      // One read transaction: the bytes handed out are the very snapshot that was checked.
      db.exec('BEGIN');
      const problems = problemsOf(db, check);
      if (problems.length > 0) return problems;
      const bytes = db.serialize();
      db.exec('COMMIT');
      return bytes;
    } finally {
      db.close();
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
