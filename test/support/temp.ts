import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { SignedIn } from '../../shared/accounts';
import { type Backend, type BackendOptions, openBackend } from '../../electron/api/backend';
import { testSession } from './session';

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

const sessions = new WeakMap<Backend, (account: SignedIn | null) => void>();

/** Changes who is signed in on a backend opened by `useBackend` (null: signed out). */
export function signInAs(backend: Backend, account: SignedIn | null): void {
  const signIn = sessions.get(backend);
  if (!signIn) throw new Error('signInAs: this backend was given its own session provider');
  signIn(account);
}

/**
 * A backend on a new SQLite file migrated from empty, closed after the test, signed in as an
 * administrator unless the options bring their own session (see `signInAs`).
 */
export function useBackend(): (options?: Partial<BackendOptions>) => Promise<Backend> {
  const tempDir = useTempDir();
  const opened: Backend[] = [];
  afterEach(() => {
    for (const backend of opened.splice(0)) backend.close();
  });
  return async (options = {}) => {
    const session = testSession();
    const backend = await openBackend({
      file: path.join(tempDir(), 'tremplin.sqlite'),
      logger: { error: () => {} },
      session: session.provider,
      ...options,
    });
    if (!options.session) sessions.set(backend, session.signIn);
    opened.push(backend);
    return backend;
  };
}
