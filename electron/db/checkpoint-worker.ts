import { parentPort, workerData } from 'node:worker_threads';
import { keyReceived, openWritable } from './cipher';
import type { CheckpointResult } from './checkpoints';

/**
 * The worker thread that copies the write-ahead log into the database file (see `checkpointOffThread`):
 * SQLite's answer goes back, or why it failed.
 */
const source = workerData as { file: string; key: Uint8Array | null };
try {
  const sqlite = openWritable(source.file, keyReceived(source.key));
  try {
    const [checkpoint] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    parentPort?.postMessage({ checkpoint });
  } finally {
    sqlite.close();
  }
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
