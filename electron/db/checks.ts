import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** SQLite's own consistency checks: `quick_check` at start, the slower `integrity_check` on a backup copy. */
export type ConsistencyCheck = 'quick_check' | 'integrity_check';

/**
 * What the check found wrong: nothing when the file is sound. A file SQLite cannot read at all
 * (not a database, encrypted, cut short) is reported as one problem.
 */
export type CheckProblems = string[];

/**
 * Both checks read every page: on a federation's 700 MB file `quick_check` takes ~0.9 s and
 * `integrity_check` ~8 s, one synchronous call each. They run on a worker thread with their own
 * read-only connection so that the window, the IPC and the preview host stay responsive. The
 * worker is a short CommonJS script given as text, which loads the same better-sqlite3 the app
 * does, so it needs no bundling of its own (electron-vite, tsx and vitest alike).
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

/** Where the worker loads better-sqlite3 from; throws where it cannot be found from here (a bundle elsewhere). */
const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/** The check on the calling thread: what the worker does, for when a worker cannot load the driver. */
function checkHere(file: string, check: ConsistencyCheck): CheckProblems {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const problems = (db.pragma(check) as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
      return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
    } finally {
      db.close();
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * Runs a check of the file on a worker thread. Should the worker itself fail (a packaging where
 * the driver does not load off the main thread), the check runs here instead: it is never skipped.
 */
export function checkDatabase(file: string, check: ConsistencyCheck): Promise<CheckProblems> {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (problems: CheckProblems) => {
      answered = true;
      resolve(problems);
    };
    // The worker exits once it has answered: only a worker that failed before is replaced.
    const fallBack = () => {
      if (!answered) answer(checkHere(file, check));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: driverPath(), file, check } });
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
