import { parentPort, workerData } from 'node:worker_threads';
import { type EventBatchesRequest, readEventBatchesFrom } from './export-events';

/** The worker thread that reads an export's events (see `readEventBatchesOffThread`): the batches it read go back, or why it failed. */
try {
  parentPort?.postMessage({ events: readEventBatchesFrom(workerData as EventBatchesRequest) });
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
