import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSignedIn, recoveryKeyOf } from './accounts';

/**
 * Vitest's global setup: a data folder with the test administrator set up, made once per run and
 * named to the test processes (TREMPLIN_TEST_FOLDER, and its recovery key in
 * TREMPLIN_TEST_FOLDER_RECOVERY), which copy it for each backend a test opens (see useBackend).
 * Removed when the run ends.
 */
export default async function setUpFolder(): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tremplin-set-up-'));
  const backend = await openSignedIn({ file: path.join(dir, 'tremplin.sqlite'), logger: { error: () => {} } });
  try {
    process.env.TREMPLIN_TEST_FOLDER_RECOVERY = recoveryKeyOf(backend);
    await backend.ready;
  } finally {
    backend.close();
  }
  process.env.TREMPLIN_TEST_FOLDER = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
