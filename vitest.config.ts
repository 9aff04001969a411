import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { preferMemoryTempDir } from './test/support/memory-temp.ts';

const UNIT = 'test/unit';

preferMemoryTempDir();

/**
 * Files that replace modules (`vi.mock`, e.g. Electron at the binding) need a fresh module
 * graph each; the others share one per worker. Re-evaluating the backend's modules for every
 * file cost about 26 s of a run on two cores.
 */
const mocking = readdirSync(UNIT, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => path.posix.join(UNIT, file.split(path.sep).join('/')))
  .filter((file) => readFileSync(file, 'utf8').includes('vi.mock('));

/**
 * A test's time limit only catches a hang: it never measures speed (the bench does). The
 * default is sized for a loaded 2-core machine, where a test that takes 0.5 s when quiet can
 * take ten times that; tests with more work declare a budget from it (`budgetFor`).
 */
const timeouts = { testTimeout: 30_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    globalSetup: ['./test/support/worker-bundles.ts', './test/support/set-up-folder.ts'],
    // Both cores (Vitest's default leaves one to itself, idle here): many files wait on child
    // processes (the command line, the crash tests), and the other worker runs meanwhile.
    maxWorkers: 2,
    ...timeouts,
    projects: [
      { extends: true, test: { name: 'unit', include: [`${UNIT}/**/*.test.ts`], exclude: mocking, isolate: false } },
      { extends: true, test: { name: 'mocking', include: mocking, isolate: true } },
    ],
  },
});
