import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * `npm test`'s last step: the unit and integration tests (vitest) and the end-to-end tests
 * (Playwright) run at the same time. The end-to-end suite runs one test at a time and spends
 * most of it waiting on the preview host and Chromium (about half a core on average), so run
 * after vitest it left a core idle for five minutes, and on a 2-core machine shared with
 * another job it took twice its quiet time. Beside it, vitest uses what it leaves.
 *
 * vitest's output is shown as it comes; Playwright's is held until vitest has finished, then
 * follows as it comes, so neither report is cut into the other. Fails when either suite fails.
 */

/** The script a package names as its command (its package.json `bin`); the packages export no path to it. */
function commandOf(pkg: string, command: string): string {
  const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const script = bin[command];
  if (!script) throw new Error(`${pkg} has no "${command}" command`);
  return path.join(path.dirname(manifest), script);
}

interface Suite {
  name: string;
  entry: string;
  args: string[];
}

const SUITES: Suite[] = [
  { name: 'unit and integration tests (vitest)', entry: commandOf('vitest', 'vitest'), args: ['run'] },
  { name: 'end-to-end tests (Playwright)', entry: commandOf('@playwright/test', 'playwright'), args: ['test'] },
];

const running: ChildProcess[] = [];

/** Starts a suite, its output going to `write` (which may hold it), and resolves with its exit code. */
function start(suite: Suite, write: (chunk: Buffer) => void): Promise<number> {
  // Colours as a terminal would show them: the suites see a pipe here, not the terminal.
  const env = process.stdout.isTTY && !process.env.NO_COLOR ? { ...process.env, FORCE_COLOR: '1' } : process.env;
  const child = spawn(process.execPath, [suite.entry, ...suite.args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  child.stdout.on('data', write);
  child.stderr.on('data', write);
  return new Promise((settle) => {
    child.once('error', (error) => {
      write(Buffer.from(`${suite.name} could not start: ${error.message}\n`));
      settle(1);
    });
    child.once('close', (code, signal) => settle(code ?? (signal ? 1 : 0)));
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill(signal);
  });
}

const [first, second] = SUITES as [Suite, Suite];
process.stdout.write(`Running the ${first.name} and the ${second.name} together; the second's report follows the first's.\n\n`);

const held: Buffer[] = [];
let holding = true;
const firstDone = start(first, (chunk) => process.stdout.write(chunk));
const secondDone = start(second, (chunk) => (holding ? held.push(chunk) : process.stdout.write(chunk)));

const firstCode = await firstDone;
process.stdout.write(`\n${second.name}:\n`);
holding = false;
for (const chunk of held.splice(0)) process.stdout.write(chunk);
const secondCode = await secondDone;

process.exitCode = firstCode !== 0 ? firstCode : secondCode;
