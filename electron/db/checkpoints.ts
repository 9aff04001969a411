import { oneAnswer } from '../core/workers';
import type { DatabaseSource } from './cipher';
import { type WriteDb, connectionOf } from './handles';
import type { Db } from './open';

/**
 * Large writes commit without copying the write-ahead log into the file on the main thread. SQLite
 * copies it (a checkpoint) at the commit that leaves the log longer than 1,000 pages, on the thread
 * that committed: after an import of 10,000 files (some 100 MB of new pages) the copy held the main
 * thread 0.8 s of the commit's 1.1 s. A worker's connection copies it instead, while the app goes on.
 * Nothing written waits for it: the log is on disk at the commit (synchronous = FULL), and reads
 * find the pages there until they are copied.
 */

/** What a checkpoint did: SQLite's answer, in pages of the log (-1 each when the file is not in WAL mode). */
export interface CheckpointResult {
  /** 1 when another connection held the checkpoint: nothing was copied. */
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Runs `write` (a transaction) with SQLite's automatic checkpoint off, then puts it back: the next
 * small commit checkpoints as before, and skips it without waiting while a worker holds it (a
 * passive checkpoint never waits for a lock).
 */
export function withoutAutoCheckpoint<T>(db: WriteDb, write: () => T): T {
  return withPragma(connectionOf(db), 'wal_autocheckpoint', 0, write);
}

/** Runs `run` with a connection's numeric setting at `value`, then puts back the one it had. */
function withPragma<T>(connection: Db['$client'], name: 'wal_autocheckpoint' | 'busy_timeout', value: number, run: () => T): T {
  const before = connection.pragma(name, { simple: true }) as number;
  connection.pragma(`${name} = ${value}`);
  try {
    return run();
  } finally {
    connection.pragma(`${name} = ${before}`);
  }
}

/**
 * A passive checkpoint on a worker thread, with a connection of its own: its result, or null when
 * the worker could not run it (SQLite's automatic checkpoint then does it at a later commit).
 */
export async function checkpointOffThread(source: DatabaseSource): Promise<CheckpointResult | null> {
  const outcome = await oneAnswer<{ checkpoint?: CheckpointResult }>('checkpoint-worker', import.meta.url, { workerData: source });
  return 'answer' in outcome && outcome.answer.checkpoint ? outcome.answer.checkpoint : null;
}

/** A large write (see above): `write` committed, then its log copied into the file on a worker; without `source`, by SQLite as usual. */
export function largeWrite<T>(db: WriteDb, source: DatabaseSource | undefined, write: () => T): T {
  if (!source) return write();
  const result = withoutAutoCheckpoint(db, write);
  void checkpointOffThread(source);
  return result;
}

/** How long an emptying of the log that could not finish waits before it tries again (see emptyLog). */
export const EMPTY_LOG_RETRY_MS = 10_000;

/**
 * Moves every page of the write-ahead log into the file and empties the log, so no copy of an
 * erased row stays there (the freed pages in the file are zeroed by `secure_delete`). It cannot
 * finish while another connection reads an older snapshot (a backup's reader, for a minute at
 * 100,000 files) or copies the log (a checkpoint worker): it does not wait for them, which would
 * hold the main thread, but tries again through `retry` (every EMPTY_LOG_RETRY_MS) until the log
 * is empty or the connection is closed (the last connection to close empties it too). Whether
 * it was emptied now.
 */
export function emptyLog(connection: Db['$client'], retry: (again: () => void) => void = (again) => setTimeout(again, EMPTY_LOG_RETRY_MS).unref()): boolean {
  const attempt = (): boolean => {
    if (!connection.open) return true;
    const [result] = withPragma(connection, 'busy_timeout', 0, () => connection.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[]);
    return result?.busy === 0;
  };
  const again = () => {
    if (!attempt()) retry(again);
  };
  if (attempt()) return true;
  retry(again);
  return false;
}
