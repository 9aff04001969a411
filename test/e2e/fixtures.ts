import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Locator, type Page, expect, test as base } from '@playwright/test';
import { MISSING_TRANSLATION } from '../../shared/i18n/languages';
import { bundledChildEnv } from '../support/bundle';
import { signInPreview } from './api';
import { FIRST_ACCOUNT_DIR, HOST_BUNDLE } from './host-bundle';

export interface Preview {
  url: string;
  dataDir: string;
  /** Stops the host and starts a new one on the same data folder (a new port and token). */
  restart(): Promise<void>;
}

/**
 * Starts the preview host (bundled by the global setup) on a data folder, signs it in (the
 * folder's first account, made on a new folder) and resolves with the URL it prints.
 */
export async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const host = await spawnHost(dataDir);
  try {
    await signInPreview(host.url);
  } catch (error) {
    await stopHost(host.child);
    throw error;
  }
  return host;
}

/** Starts the preview host on a data folder and resolves with the URL it prints, signing nothing in. */
export function spawnHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // With Node's compile cache beside the bundle: the hosts after the first skip compiling its 4 MB.
  const child = spawn(process.execPath, [HOST_BUNDLE], {
    env: bundledChildEnv(HOST_BUNDLE, { TREMPLIN_DATA_DIR: dataDir, TREMPLIN_PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`preview host did not start:\n${output}`)), 45_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Tremplin preview ready: (\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], child });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview host exited with ${code}:\n${output}`));
    });
  });
}

export function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A preview host on a new copy of the run's first-account folder, signed in, and how to stop it and delete the folder. */
async function openPreview(): Promise<{ preview: Preview; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tremplin-e2e-'));
  cpSync(FIRST_ACCOUNT_DIR, dataDir, { recursive: true });
  let running = await startHost(dataDir);
  const preview: Preview = {
    url: running.url,
    dataDir,
    async restart() {
      await stopHost(running.child);
      running = await startHost(dataDir);
      preview.url = running.url;
    },
  };
  return {
    preview,
    async close() {
      await stopHost(running.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The host the tests of the spec file being run share (a worker runs one file after another). */
let fileHost: { file: string; opened: Awaited<ReturnType<typeof openPreview>> } | undefined;

async function closeFileHost(): Promise<void> {
  const closing = fileHost;
  fileHost = undefined;
  await closing?.opened.close();
}

/**
 * The keys a page asks for that no catalogue has, as the window says them on its console
 * (renderer/src/i18n.ts): each one is shown to a person as the key itself.
 */
export function missingTranslations(page: Page): string[] {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith(MISSING_TRANSLATION)) missing.push(message.text());
  });
  return missing;
}

/**
 * One preview host and data folder per spec file, started by its first test: a host's start and
 * first sign-in cost more than most tests' own steps. The tests of a file each make the records
 * they use and never rely on what another left. A file whose tests look at the whole folder
 * (counts on the home screen, the session, a restore) declares `test.use({ freshHost: true })`
 * and gets a host and folder of its own for each test.
 */
export const test = base.extend<{ preview: Preview; freshHost: boolean }, { closeLastFileHost: undefined }>({
  page: async ({ page }, use) => {
    const missing = missingTranslations(page);
    await use(page);
    expect(missing, 'keys shown with no translation').toEqual([]);
  },
  freshHost: [false, { option: true }],
  closeLastFileHost: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function asks for from this pattern.
    async ({}, use) => {
      await use(undefined);
      await closeFileHost();
    },
    { scope: 'worker', auto: true },
  ],
  preview: async ({ freshHost }, use, testInfo) => {
    if (fileHost && fileHost.file !== testInfo.file) await closeFileHost();
    if (freshHost) {
      const own = await openPreview();
      await use(own.preview);
      await own.close();
      return;
    }
    fileHost ??= { file: testInfo.file, opened: await openPreview() };
    await use(fileHost.opened.preview);
  },
});

export { expect };

/**
 * Waits until a list screen has the answer to its search and filters: the rows of the ones
 * before stay shown until then (ui/RecordListBody.tsx marks the wait), and a count taken
 * meanwhile counted them (a search that matched nothing passed that way on a quiet machine).
 */
export async function listAnswered(page: Page): Promise<void> {
  await expect(page.locator('.list-body')).toHaveAttribute('aria-busy', 'false');
}

/**
 * Clicks and waits for the notice that click brings: a notice stays 4 s, so the one of a save
 * just before still reads "Enregistré" (a test that left the page on it found the second save
 * still under way, and the page asked about unsaved changes).
 */
export async function clickForNotice(page: Page, button: Locator, text: string): Promise<void> {
  const notice = page.getByTestId('notice').locator('.notice');
  // The region holds one notice at most.
  const [shown] = await notice.evaluateAll((found) => found.map((element) => element.getAttribute('data-notice-id')));
  await button.click();
  if (shown) await expect(notice).not.toHaveAttribute('data-notice-id', shown);
  await expect(notice).toHaveText(text);
}
