import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  // The unit tests run the sources but the workers bundled once (test/support/worker-bundles.ts):
  // tsx loading a worker's modules one by one for every backup made the suite three times longer.
  const bundled = extension === '.ts' ? process.env.TREMPLIN_WORKER_BUNDLES : undefined;
  if (bundled) return { url: pathToFileURL(path.join(bundled, `${name}.mjs`)), execArgv: [] };
  return { url: new URL(`./${name}${extension}`, callerUrl), execArgv: extension === '.ts' ? ['--import', 'tsx/esm'] : [] };
}

/** How a worker that answers once ended: its answer, or the error or exit that came instead. */
export type WorkerOutcome<Answer> = { answer: Answer } | { error: Error & { code?: string } } | { exitCode: number };

/**
 * Waits for `worker`'s next message, given its work by `start`, or the error or exit that comes
 * instead; its listeners are taken off then, and the worker is left as it is (running or not).
 */
function answerOf<Answer>(worker: Worker, start?: (worker: Worker) => void): Promise<WorkerOutcome<Answer>> {
  return new Promise((resolve) => {
    const settle = (outcome: WorkerOutcome<Answer>) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (answer: Answer) => settle({ answer });
    const onError = (error: Error) => settle({ error });
    const onExit = (exitCode: number) => settle({ exitCode });
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    start?.(worker);
  });
}

/** Terminates a worker whose answer is in: an error it raises meanwhile is nobody's to hear (an unheard one would throw). */
function stop(worker: Worker): void {
  worker.on('error', () => {});
  void worker.terminate();
}

function newWorker(name: string, callerUrl: string, options: WorkerOptions): Worker | { error: Error } {
  const { url, execArgv } = workerEntry(name, callerUrl);
  try {
    return new Worker(url, { execArgv, ...options });
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * Runs the worker `name` (see `workerEntry`) for one answer, its first message; `start` gives it
 * its work once it is made. The worker is stopped once it has answered, failed or exited, and a
 * worker that cannot be made at all counts as failed.
 */
export function oneAnswer<Answer>(name: string, callerUrl: string, options: WorkerOptions, start?: (worker: Worker) => void): Promise<WorkerOutcome<Answer>> {
  const worker = newWorker(name, callerUrl, options);
  if (!(worker instanceof Worker)) return Promise.resolve(worker);
  return answerOf<Answer>(worker, start).then((outcome) => {
    stop(worker);
    return outcome;
  });
}

/** Answers from a worker started ahead and kept for the next work (see `spareWorker`). */
export interface SpareWorker {
  /** Starts the spare worker now if there is none, so the next answer does not wait for its start. */
  prepare(): void;
  /**
   * The first message of the spare worker (a new one if there is none) once `start` has given it
   * its work. A worker that answered, and whose answer `keep` accepts, waits as the spare for the
   * next work; one that failed or exited is gone, and a new spare is started.
   */
  answer<Answer>(start?: (worker: Worker) => void, keep?: (answer: Answer) => boolean): Promise<WorkerOutcome<Answer>>;
  /** The idle worker started ahead, if any. */
  readonly spare: Worker | null;
}

/**
 * The worker `name` started before it is needed, and kept for the next work once it has answered:
 * a thread's start and its modules' loading happen while the person chooses a file (for the sheet
 * reader, with ExcelJS: a one-row XLSX read in 1.3-2.6 s on a fresh worker, 0.1-0.15 s on one
 * started ahead), and a worker that has read a file reads the next with its code already compiled
 * (a 10,000-row XLSX: 1.8 s on a fresh worker, about 0.8 s on one that has read before). One work
 * at a time per worker: a worker given work is no longer the spare, so one that fails or runs out
 * of heap takes no other work with it, and it is not used again. At most one worker waits, stopped
 * after `idleMs` unused so it does not hold memory, and it does not keep the process alive.
 */
export function spareWorker(name: string, callerUrl: string, options: WorkerOptions, idleMs: number): SpareWorker {
  let spare: { worker: Worker; idle: NodeJS.Timeout; gone: () => void } | null = null;
  const forget = (worker: Worker) => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.idle);
    worker.off('error', spare.gone);
    worker.off('exit', spare.gone);
    spare = null;
  };
  /** `worker` waits for work, unless another already does. */
  const wait = (worker: Worker) => {
    if (spare) {
      stop(worker);
      return;
    }
    worker.unref();
    const idle = setTimeout(() => {
      forget(worker);
      void worker.terminate();
    }, idleMs);
    idle.unref();
    // A spare that dies while it waits (out of memory loading its modules…) is dropped, not handed work.
    const gone = () => forget(worker);
    spare = { worker, idle, gone };
    worker.once('error', gone);
    worker.once('exit', gone);
  };
  const prepare = () => {
    if (spare) return;
    const worker = newWorker(name, callerUrl, options);
    // A worker that cannot be made is not kept: the answer asked for makes its own and reports why.
    if (worker instanceof Worker) wait(worker);
  };
  return {
    prepare,
    get spare() {
      return spare?.worker ?? null;
    },
    async answer<Answer>(start?: (worker: Worker) => void, keep: (answer: Answer) => boolean = () => true) {
      let worker: Worker | { error: Error } | undefined = spare?.worker;
      if (worker) forget(worker);
      else worker = newWorker(name, callerUrl, options);
      if (!(worker instanceof Worker)) return worker;
      worker.ref();
      const outcome = await answerOf<Answer>(worker, start);
      if ('answer' in outcome && keep(outcome.answer)) wait(worker);
      else stop(worker);
      prepare();
      return outcome;
    },
  };
}
