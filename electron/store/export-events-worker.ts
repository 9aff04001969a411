import { parentPort, workerData } from 'node:worker_threads';
import { type EventBatchesRequest, eventsMemory, readEventBatchesFrom } from './export-events';

/** The worker thread that reads an export's events (see `readEventBatchesOffThread`): the batches it read go back, their bytes handed over, or why it failed. */
try {
  const events = readEventBatchesFrom(workerData as EventBatchesRequest);
  parentPort?.postMessage({ events }, eventsMemory(events));
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
