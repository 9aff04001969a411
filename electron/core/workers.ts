/**
 * Where a worker thread's code is: the module `name` beside the calling module (`callerUrl`,
 * its `import.meta.url`), in the caller's language. From the sources (tsx, vitest) it is the
 * TypeScript file, run through tsx's loader; in a bundle (the app's main process, the preview
 * host) the build writes it beside the bundle under the same extension (electron.vite.config.ts,
 * test/e2e/host-bundle.ts).
 */
export function workerEntry(name: string, callerUrl: string): { url: URL; execArgv: string[] } {
  const extension = /\.(ts|js|mjs)$/.exec(callerUrl)?.[0] ?? '.js';
  return { url: new URL(`./${name}${extension}`, callerUrl), execArgv: extension === '.ts' ? ['--import', 'tsx'] : [] };
}
