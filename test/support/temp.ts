import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Backend, type BackendOptions, openBackend } from '../../electron/api/backend';

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tremplin-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** A backend on a new SQLite file migrated from empty, closed after the test. */
export function useBackend(): (options?: Partial<BackendOptions>) => Promise<Backend> {
  const tempDir = useTempDir();
  const opened: Backend[] = [];
  afterEach(() => {
    for (const backend of opened.splice(0)) backend.close();
  });
  return async (options = {}) => {
    const backend = await openBackend({
      file: path.join(tempDir(), 'tremplin.sqlite'),
      logger: { error: () => {} },
      ...options,
    });
    opened.push(backend);
    return backend;
  };
}
