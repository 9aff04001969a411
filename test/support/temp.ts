import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { SignedIn } from '../../shared/accounts';
import type { Backend, BackendOptions } from '../../electron/api/backend';
import { openSignedIn } from './accounts';

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    // Retried: a backup of a backend the test opened itself may still be writing its temporary file on its worker (ENOTEMPTY).
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tremplin-test-'));
    dirs.push(dir);
    return dir;
  };
}

const sessions = new WeakMap<Backend, (account: SignedIn | null) => void>();

/**
 * Changes who the router sees on a backend opened by `useBackend` (null: signed out), without
 * making that account: for tests of roles and scopes. The database stays the one the test
 * administrator's sign-in opened.
 */
export function signInAs(backend: Backend, account: SignedIn | null): void {
  const signIn = sessions.get(backend);
  if (!signIn) throw new Error('signInAs: this backend was given its own session provider');
  signIn(account);
}

/**
 * A backend on a new SQLite file migrated from empty, closed after the test, signed in as the
 * test administrator (test/support/accounts.ts) unless the options bring their own session.
 */
export function useBackend(): (options?: Partial<BackendOptions>) => Promise<Backend> {
  const tempDir = useTempDir();
  const opened: Backend[] = [];
  afterEach(async () => {
    for (const backend of opened.splice(0)) {
      // A backup started ahead of an import (its preview) may still be writing in the test's folder.
      const backups = (() => {
        try {
          return backend.backups;
        } catch {
          return null; // closed by the test itself
        }
      })();
      await backups?.idle();
      backend.close();
    }
  });
  return async (options = {}) => {
    let override: { account: SignedIn | null } | null = null;
    let backend: Backend | undefined;
    backend = await openSignedIn({
      file: path.join(tempDir(), 'tremplin.sqlite'),
      logger: { error: () => {} },
      session: () => (override ? override.account : (backend?.session() ?? null)),
      ...options,
    });
    if (!options.session) {
      sessions.set(backend, (account) => {
        override = { account };
      });
    }
    opened.push(backend);
    return backend;
  };
}
