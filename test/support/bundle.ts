import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

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
