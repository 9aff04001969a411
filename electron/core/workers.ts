import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker thread's code is: the module `name` beside the calling module (`callerUrl`,
 * its `import.meta.url`), in the caller's language. From the sources (tsx, vitest) it is the
 * TypeScript file, run through tsx's ES module loader alone (its CommonJS hooks too cost a third
 * more to start, for modules the workers do not have); in a bundle (the app's main process, the preview
 * host) the build writes it beside the bundle under the same extension (electron.vite.config.ts,
 * test/e2e/host-bundle.ts).
 */
export function workerEntry(name: string, callerUrl: string): { url: URL; execArgv: string[] } {
  const extension = /\.(ts|js|mjs)$/.exec(callerUrl)?.[0] ?? '.js';
  return { url: new URL(`./${name}${extension}`, callerUrl), execArgv: extension === '.ts' ? ['--import', 'tsx/esm'] : [] };
}

/** How a worker that answers once ended: its answer, or the error or exit that came instead. */
export type WorkerOutcome<Answer> = { answer: Answer } | { error: Error & { code?: string } } | { exitCode: number };

/**
 * Runs the worker `name` (see `workerEntry`) for one answer, its first message; `start` gives it
 * its work once it is made. The worker is stopped once it has answered, failed or exited, and a
 * worker that cannot be made at all counts as failed.
 */
export function oneAnswer<Answer>(name: string, callerUrl: string, options: WorkerOptions, start?: (worker: Worker) => void): Promise<WorkerOutcome<Answer>> {
  return new Promise((resolve) => {
    const { url, execArgv } = workerEntry(name, callerUrl);
    let worker: Worker;
    try {
      worker = new Worker(url, { execArgv, ...options });
    } catch (error) {
      resolve({ error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    let settled = false;
    const settle = (outcome: WorkerOutcome<Answer>) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    worker.once('message', (answer: Answer) => settle({ answer }));
    worker.once('error', (error: Error) => settle({ error }));
    worker.once('exit', (exitCode) => settle({ exitCode }));
    start?.(worker);
  });
}
