import { parentPort, workerData } from 'node:worker_threads';
import { type DatabaseSource, openWritable } from './cipher';
import type { CheckpointResult } from './checkpoints';

/**
 * The worker thread that copies the write-ahead log into the database file (see `checkpointOffThread`):
 * SQLite's answer goes back, or why it failed. The key arrives as plain bytes (a Buffer crosses
 * threads as a Uint8Array).
 */
const source = workerData as { file: string; key: Uint8Array | null };
const key: DatabaseSource['key'] = source.key ? Buffer.from(source.key.buffer, source.key.byteOffset, source.key.byteLength) : null;
try {
  const sqlite = openWritable(source.file, key);
  try {
    const [checkpoint] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    parentPort?.postMessage({ checkpoint });
  } finally {
    sqlite.close();
  }
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
