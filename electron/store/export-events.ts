import { getTableColumns } from 'drizzle-orm';
import { type DatabaseSource, keyReceived, openReadOnly } from '../db/cipher';
import type { PrepareRead } from '../db/handles';
import { timelineEvents } from '../db/schema';
import { ownsItsMemory } from '../core/memory';
import { oneAnswer } from '../core/workers';

/**
 * The events an export carries, file by file, written as JSON by SQLite, with the origin filled
 * in; and each event's version, to remember as agreed. 84,000 events made into objects then JSON
 * took 1.1 s (half of a 10,000-file export). The table is kept by file (migration 0021): the
 * files' ids, in order, walk it forward, a page read (and decrypted) once for the events of the
 * files side by side on it. A large export reads them on a worker thread and on the main one
 * once it has read the files themselves (see readRecords).
 */
export interface FileEvents {
  /** The files that have events, in SQLite's order of their ids. */
  fileIds: string[];
  /** Each of those files' events: one JSON array, as SQLite wrote it (UTF-8 bytes, never made a string: see payloadBytes). */
  json: Uint8Array[];
  /** Each of those files' events' versions: `id updatedAt` pairs, joined by spaces. */
  versions: string[];
}

/** Files per statement: their ids go in as one JSON array. Small enough for the two threads to end close together. */
const FILES_PER_STATEMENT = 250;

/**
 * The files whose events are read, in batches, and how many batches are taken: a counter in
 * memory shared with the worker. Each thread takes the next batch (`Atomics.add`) until none is
 * left, so the main thread, once done with the files, reads the batches the worker has not
 * reached, and neither waits for the other with work left.
 */
export interface EventBatches {
  batches: string[][];
  taken: Int32Array;
}

export function eventBatches(candidateIds: readonly string[], filesPerStatement = FILES_PER_STATEMENT): EventBatches {
  const batches: string[][] = [];
  for (let start = 0; start < candidateIds.length; start += filesPerStatement) batches.push(candidateIds.slice(start, start + filesPerStatement));
  return { batches, taken: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
}

/** Reads the events of one batch of files. */
function batchReader(prepare: PrepareRead, ourAssociationId: string) {
  const fields = Object.entries(getTableColumns(timelineEvents)).map(([key, column]) =>
    key === 'origin' ? `'${key}', coalesce("${column.name}", @origin)` : `'${key}', "${column.name}"`,
  );
  // One pass over the rows for both: fetching them again costs as much as the first time.
  const statement = prepare(
    `SELECT subject_id, CAST(json_group_array(json_object(${fields.join(', ')})) AS BLOB), group_concat(id || ' ' || updated_at, ' ')
     FROM timeline_events WHERE subject_type = 'candidate' AND subject_id IN (SELECT value FROM json_each(@ids)) GROUP BY subject_id`,
  ).raw();
  return (candidateIds: readonly string[]): FileEvents => {
    const events: FileEvents = { fileIds: [], json: [], versions: [] };
    for (const [fileId, json, versions] of statement.all({ origin: ourAssociationId, ids: JSON.stringify(candidateIds) }) as [string, Uint8Array, string][]) {
      events.fileIds.push(fileId);
      events.json.push(json);
      events.versions.push(versions);
    }
    return events;
  };
}

/** The batches not taken yet, each taken then read here; by their index. */
export function readEventBatches(prepare: PrepareRead, work: EventBatches, ourAssociationId: string): Map<number, FileEvents> {
  const read = batchReader(prepare, ourAssociationId);
  const done = new Map<number, FileEvents>();
  for (let index = Atomics.add(work.taken, 0, 1); index < work.batches.length; index = Atomics.add(work.taken, 0, 1)) {
    done.set(index, read(work.batches[index] as string[]));
  }
  return done;
}

/**
 * Every batch's events, in order, from the reads of both threads; a batch the worker took but
 * did not give back (it failed) is read here then.
 */
export function joinEventBatches(prepare: PrepareRead, work: EventBatches, reads: (Map<number, FileEvents> | null)[], ourAssociationId: string): FileEvents {
  const joined: FileEvents = { fileIds: [], json: [], versions: [] };
  let readHere: ReturnType<typeof batchReader> | undefined;
  work.batches.forEach((ids, index) => {
    let events = reads.map((read) => read?.get(index)).find((found) => found !== undefined);
    if (!events) {
      readHere ??= batchReader(prepare, ourAssociationId);
      events = readHere(ids);
    }
    joined.fileIds.push(...events.fileIds);
    joined.json.push(...events.json);
    joined.versions.push(...events.versions);
  });
  return joined;
}

/** What the worker is given (see export-events-worker.ts): a key crosses threads as a Uint8Array; the batches' counter is shared, not copied. */
export interface EventBatchesRequest {
  file: string;
  key: Uint8Array | null;
  work: EventBatches;
  ourAssociationId: string;
}

/** The worker's side: its own read-only connection, its batches in one read transaction. */
export function readEventBatchesFrom({ file, key, work, ourAssociationId }: EventBatchesRequest): [number, FileEvents][] {
  const sqlite = openReadOnly(file, keyReceived(key));
  try {
    // As the app's connection (db/open.ts): the key's interior pages stay decrypted between batches.
    sqlite.pragma('cache_size = -32768');
    return sqlite.transaction(() => [...readEventBatches((source) => sqlite.prepare(source), work, ourAssociationId)])();
  } finally {
    sqlite.close();
  }
}

/**
 * The memory of the events' JSON a worker read, to hand to the main thread rather than copy:
 * posting 28 batches' 20 MB copied took the worker some 100 ms and this thread 30 ms to take in,
 * a tenth of a 10,000-file export (1.0 s, 0.86–0.88 s handed over).
 */
export function eventsMemory(read: [number, FileEvents][]): ArrayBuffer[] {
  return read.flatMap(([, events]) => events.json.filter(ownsItsMemory).map((json) => json.buffer));
}

/**
 * `readEventBatches` on a worker thread, with a connection of its own: the batches it read, or
 * null when it could not give them (the driver not loading off the main thread, an error) and
 * the caller reads those it took. Starting a worker costs some 60–150 ms, while the main thread
 * reads the files.
 */
export async function readEventBatchesOffThread(source: DatabaseSource, work: EventBatches, ourAssociationId: string): Promise<Map<number, FileEvents> | null> {
  const request: EventBatchesRequest = { file: source.file, key: source.key, work, ourAssociationId };
  const outcome = await oneAnswer<{ events?: [number, FileEvents][] }>('export-events-worker', import.meta.url, { workerData: request });
  return 'answer' in outcome && outcome.answer.events ? new Map(outcome.answer.events) : null;
}
