import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { installedPackages } from '../support/bundle';

/**
 * The preview host bundled into one file, once per run: every test starts its own host, and
 * Node loads one bundle four times faster than tsx loads the backend's modules one by one
 * (6 s against 27 s on a loaded 2-core machine). It sits two folders down from the project,
 * like the source, so the host finds `out/renderer` and `resources/` by the same relative paths.
 */
export const HOST_BUNDLE = path.resolve('out/preview/host.mjs');

const options = { bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'error', plugins: [installedPackages()] } satisfies BuildOptions;

export default async function bundleHost(): Promise<void> {
  await build({ ...options, entryPoints: ['electron/preview/host.ts'], outfile: HOST_BUNDLE });
  // The spreadsheet reader's worker, beside the host under its extension (see readSpreadsheetOffThread).
  await build({ ...options, entryPoints: ['electron/formats/sheet-worker.ts'], outfile: path.join(path.dirname(HOST_BUNDLE), 'sheet-worker.mjs') });
}
