import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { preferMemoryTempDir } from './test/support/memory-temp.ts';

preferMemoryTempDir();

/**
 * Debian's Chromium when present (Playwright's own download is not reachable everywhere): its
 * headless shell first, the build Playwright itself runs headless tests in. The same engine
 * without the browser's windowing: the suite took 250 s of CPU in it against 340 s in the whole
 * browser's headless mode (2-core machine, same run otherwise). `CHROMIUM_PATH` names another,
 * e.g. the whole browser for `--headed`.
 */
const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((candidate) => existsSync(candidate));

export default defineConfig({
  // Sized for a loaded 2-core machine (CI may run beside another job): a test starts its own
  // preview host and Chromium page. Long flows declare more with test.slow(). Limits catch hangs;
  // speed is the bench's job.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './test/e2e/host-bundle.ts',
  forbidOnly: Boolean(process.env.CI),
  // One worker: on 2 cores two workers finished the suite no sooner (2.9 min against 2.8–3.0) and
  // stretched single tests up to 38 s against 15 s, the margin a busy machine eats first.
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    // A failed test keeps its trace (actions, console, network, errors) and a screenshot of the
    // end. The trace takes no screenshots or DOM snapshots along the way: recording them for every
    // test cost a third of the suite's time on a loaded 2-core machine (candidate-file.spec: 76 s
    // and 92 s with them, 48 s to 58 s without). `--trace on` records them when a failure needs it.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  projects: [
    { name: 'preview', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
