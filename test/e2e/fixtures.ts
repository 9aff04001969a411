import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { signInPreview } from './api';
import { HOST_BUNDLE } from './host-bundle';

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
  const child = spawn(process.execPath, [HOST_BUNDLE], {
    env: { ...process.env, TREMPLIN_DATA_DIR: dataDir, TREMPLIN_PORT: '0' },
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

/** One fresh data folder and preview host per test. */
export const test = base.extend<{ preview: Preview }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function asks for from this pattern.
  preview: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tremplin-e2e-'));
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
    await use(preview);
    await stopHost(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
