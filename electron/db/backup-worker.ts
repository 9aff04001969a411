import { parentPort, workerData } from 'node:worker_threads';
import { type SealRequest, sealSnapshot } from './backups';

/**
 * The worker thread that takes one backup's copy (see `sealSnapshotOffThread`): the check, the
 * snapshot and its encryption into the temporary file; the problems found go back, or why it failed.
 * The key arrives as plain bytes (a Buffer crosses threads as a Uint8Array).
 */
const request = workerData as SealRequest;
const key = request.key ? Buffer.from(request.key.buffer, request.key.byteOffset, request.key.byteLength) : null;
try {
  parentPort?.postMessage({ problems: await sealSnapshot({ ...request, key }) });
} catch (error) {
  parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}
