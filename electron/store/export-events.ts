import { getTableColumns } from 'drizzle-orm';
import { type DatabaseKey, openReadOnly } from '../db/cipher';
import type { PrepareRead } from '../db/handles';
import { timelineEvents } from '../db/schema';
import { oneAnswer } from '../core/workers';

/**
 * The events an export carries, file by file, written as JSON by SQLite, with the origin filled
 * in; and each event's version, to remember as agreed. 84,000 events made into objects then JSON
 * took 1.1 s (half of a 10,000-file export). The table is kept by file (migration 0021): the
 * files' ids, in order, walk it forward, a page read (and decrypted) once for the events of the
 * files side by side on it. A large export reads them on a worker thread while the main one reads
 * the files themselves (see readRecords).
 */
export interface FileEvents {
  /** The files that have events, in SQLite's order of their ids. */
  fileIds: string[];
  /** Each of those files' events: one JSON array. */
  json: string[];
  /** Each of those files' events' versions: `id updatedAt` pairs, joined by spaces. */
  versions: string[];
}

/** Files per statement: their ids go in as one JSON array. */
const FILES_PER_STATEMENT = 1000;

/** The events of these files (all of them: an export keeps those of the files it admits), in one read transaction when the caller holds one. */
export function readFileEvents(prepare: PrepareRead, candidateIds: readonly string[], ourAssociationId: string): FileEvents {
  const fields = Object.entries(getTableColumns(timelineEvents)).map(([key, column]) =>
    key === 'origin' ? `'${key}', coalesce("${column.name}", @origin)` : `'${key}', "${column.name}"`,
  );
  // One pass over the rows for both: fetching them again costs as much as the first time.
  const statement = prepare(
    `SELECT subject_id, json_group_array(json_object(${fields.join(', ')})), group_concat(id || ' ' || updated_at, ' ')
     FROM timeline_events WHERE subject_type = 'candidate' AND subject_id IN (SELECT value FROM json_each(@ids)) GROUP BY subject_id`,
  ).raw();
  const events: FileEvents = { fileIds: [], json: [], versions: [] };
  for (let start = 0; start < candidateIds.length; start += FILES_PER_STATEMENT) {
    const rows = statement.all({ origin: ourAssociationId, ids: JSON.stringify(candidateIds.slice(start, start + FILES_PER_STATEMENT)) }) as [string, string, string][];
    for (const [fileId, json, versions] of rows) {
      events.fileIds.push(fileId);
      events.json.push(json);
      events.versions.push(versions);
    }
  }
  return events;
}

/** Where a worker reads the file: its path and key (null: a plain file). */
export interface DatabaseSource {
  file: string;
  key: DatabaseKey | null;
}

/** What the worker is given (see export-events-worker.ts): a key crosses threads as a Uint8Array. */
export interface FileEventsRequest {
  file: string;
  key: Uint8Array | null;
  candidateIds: readonly string[];
  ourAssociationId: string;
}

/** The worker's side: its own read-only connection, every batch in one read transaction (one snapshot of the events). */
export function readFileEventsFrom({ file, key, candidateIds, ourAssociationId }: FileEventsRequest): FileEvents {
  const sqlite = openReadOnly(file, key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : null);
  try {
    // As the app's connection (db/open.ts): the key's interior pages stay decrypted between batches.
    sqlite.pragma('cache_size = -32768');
    return sqlite.transaction(() => readFileEvents((source) => sqlite.prepare(source), candidateIds, ourAssociationId))();
  } finally {
    sqlite.close();
  }
}

/**
 * `readFileEvents` on a worker thread, with a connection of its own: null when the worker could
 * not give them (the driver not loading off the main thread, an error), and the caller reads them
 * itself. Starting a worker costs some 60–90 ms, hidden behind the files' read for a large export.
 */
export async function readFileEventsOffThread(source: DatabaseSource, candidateIds: readonly string[], ourAssociationId: string): Promise<FileEvents | null> {
  const request: FileEventsRequest = { file: source.file, key: source.key, candidateIds, ourAssociationId };
  const outcome = await oneAnswer<{ events?: FileEvents }>('export-events-worker', import.meta.url, { workerData: request });
  return 'answer' in outcome ? (outcome.answer.events ?? null) : null;
}
