import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode, bundleWorkers } from '../support/bundle';

/**
 * The preview host bundled into one file, once per run: every spec file starts its own host, and
 * Node loads one bundle four times faster than tsx loads the backend's modules one by one
 * (6 s against 27 s on a loaded 2-core machine). It sits two folders down from the project,
 * like the source, so the host finds `out/renderer` and `resources/` by the same relative paths.
 */
export const HOST_BUNDLE = path.resolve('out/preview/host.mjs');

/** A data folder with its first account, made once per run: a copy takes milliseconds, a setup derives keys and applies every migration. */
export const FIRST_ACCOUNT_DIR = path.resolve('out/preview/first-account');

export default async function bundleHost(): Promise<void> {
  const folder = path.dirname(HOST_BUNDLE);
  // The hosts' compile cache (see spawnHost) starts empty with each bundle rather than keeping the entries of older ones.
  rmSync(path.join(folder, 'compile-cache'), { recursive: true, force: true });
  await bundleForNode('electron/preview/host.ts', HOST_BUNDLE);
  // The workers, beside the host under its extension (see workerEntry).
  await bundleWorkers(folder);
  const firstAccount = path.join(folder, 'first-account.mjs');
  await bundleForNode('test/e2e/first-account.ts', firstAccount);
  rmSync(FIRST_ACCOUNT_DIR, { recursive: true, force: true });
  mkdirSync(FIRST_ACCOUNT_DIR, { recursive: true });
  execFileSync(process.execPath, [firstAccount, FIRST_ACCOUNT_DIR], { stdio: 'inherit' });
}
