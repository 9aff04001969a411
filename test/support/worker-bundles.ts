import path from 'node:path';
import { bundleForNode } from './bundle';

/**
 * Vitest's global setup: the worker threads' entries bundled once per run, as the app ships them,
 * and named to the test processes (`workerEntry` reads TREMPLIN_WORKER_BUNDLES). Two folders down
 * from the project, like the sources, so a bundle finds `resources/` by the same relative paths.
 */
export default async function bundleWorkers(): Promise<void> {
  const folder = path.resolve('out/test-workers');
  await bundleForNode('electron/formats/sheet-worker.ts', path.join(folder, 'sheet-worker.mjs'));
  await bundleForNode('electron/db/backup-worker.ts', path.join(folder, 'backup-worker.mjs'));
  process.env.TREMPLIN_WORKER_BUNDLES = folder;
}
