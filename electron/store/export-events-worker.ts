import { parentPort, workerData } from 'node:worker_threads';
import { type FileEventsRequest, readFileEventsFrom } from './export-events';

/** The worker thread that reads an export's events (see `readFileEventsOffThread`): the events go back, or why it failed. */
try {
  parentPort?.postMessage({ events: readFileEventsFrom(workerData as FileEventsRequest) });
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
