import path from 'node:path';
import { bundleWorkers } from './bundle';

/**
 * Vitest's global setup: the worker threads' entries bundled once per run, as the app ships them,
 * and named to the test processes (`workerEntry` reads TREMPLIN_WORKER_BUNDLES). Two folders down
 * from the project, like the sources, so a bundle finds `resources/` by the same relative paths.
 */
export default async function bundleTestWorkers(): Promise<void> {
  const folder = path.resolve('out/test-workers');
  await bundleWorkers(folder);
  process.env.TREMPLIN_WORKER_BUNDLES = folder;
}
