import { parentPort, workerData } from 'node:worker_threads';
import { type SealRequest, sealSnapshot } from './backups';
import { keyReceived } from './cipher';

/**
 * The worker thread that takes one backup's copy (see `sealSnapshotOffThread`): the check, the
 * snapshot and its encryption into the temporary file; the problems found go back, or why it failed.
 */
const request = workerData as SealRequest;
try {
  parentPort?.postMessage({ problems: await sealSnapshot({ ...request, key: keyReceived(request.key) }) });
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
