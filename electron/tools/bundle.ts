import { createRequire } from 'node:module';
import path from 'node:path';
import { type Plugin, build } from 'esbuild';

/**
 * Packages a bundle of the main process's code loads from where they are installed: the native
 * driver; pdfkit, which reads its fonts next to its own files; ExcelJS, whose CommonJS requires
 * Node's built-ins at run time, which an ESM bundle cannot.
 */
const INSTALLED = ['better-sqlite3-multiple-ciphers', 'pdfkit', 'exceljs'];

/** Resolves those packages to their installed files, so a bundle written anywhere (a temp folder) still finds them. */
export function installedPackages(): Plugin {
  const require = createRequire(import.meta.url);
  const filter = new RegExp(`^(${INSTALLED.join('|')})$`);
  return {
    name: 'installed-packages',
    setup: (bundler) => bundler.onResolve({ filter }, (args) => ({ path: require.resolve(args.path), external: true })),
  };
}

/**
 * Bundles an entry point of the main process's code into one ES module for Node: Node loads one
 * file several times faster than tsx loads the backend's modules one by one. Written two folders
 * down from the project, like the source, the bundle finds `resources/` by the same relative paths.
 * The e2e tests' preview host and the bench's are built this way.
 */
export async function bundleForNode(entryPoint: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entryPoint], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'error', plugins: [installedPackages()] });
}

/** The worker threads' entries, each bundled as `<name>.mjs` beside the code that starts it (see workerEntry): the app's build (electron.vite.config.ts), the tests' and the bench's. */
export const WORKER_ENTRIES = {
  'sheet-worker': 'electron/formats/sheet-worker.ts',
  'backup-worker': 'electron/db/backup-worker.ts',
  'export-events-worker': 'electron/store/export-events-worker.ts',
  'checkpoint-worker': 'electron/db/checkpoint-worker.ts',
} as const;

/** Every worker's entry bundled into `folder`. */
export async function bundleWorkers(folder: string): Promise<void> {
  for (const [name, entry] of Object.entries(WORKER_ENTRIES)) await bundleForNode(entry, path.join(folder, `${name}.mjs`));
}
