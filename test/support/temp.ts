import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { SignedIn } from '../../shared/accounts';
import type { Backend, BackendOptions } from '../../electron/api/backend';
import { openSignedIn, rememberRecoveryKey } from './accounts';

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
 * The folder set up once per run (test/support/set-up-folder.ts), copied for each backend a test
 * opens with options that leave the setup as it is (SETUP_AS_IT_IS): a setup (a new file from
 * the baseline, the keyring, the recovery key) then its close cost about 55 ms of CPU, and some
 * 670 backends open in a run. The copies share the database key and the recovery key, each in
 * its own folder.
 */
function runSetUpFolder(): { dir: string; recoveryKey: string } | null {
  const { TREMPLIN_TEST_FOLDER: dir, TREMPLIN_TEST_FOLDER_RECOVERY: recoveryKey } = process.env;
  return dir && recoveryKey ? { dir, recoveryKey } : null;
}

/**
 * Options that leave a folder's setup as it is: a logger, a session, and the costs of the
 * exchange's key derivations (used once keys are made, after the setup). The others change it (a
 * clock dates the setup's rows, a trace sees its statements): those backends set up their own.
 */
const SETUP_AS_IT_IS: ReadonlySet<string> = new Set(['logger', 'session', 'keyScryptCost', 'exportScryptWorkFactor'] satisfies (keyof BackendOptions)[]);
const copiesSetUpFolder = (options: Partial<BackendOptions>) => Object.keys(options).every((key) => SETUP_AS_IT_IS.has(key));

/**
 * A backend on a new data folder (a copy of the run's set-up folder, or set up from empty for the
 * options that change a setup), closed after the test, signed in as the test administrator
 * (test/support/accounts.ts) unless the options bring their own session.
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
    const dir = tempDir();
    const setUp = copiesSetUpFolder(options) ? runSetUpFolder() : null;
    if (setUp) cpSync(setUp.dir, dir, { recursive: true });
    backend = await openSignedIn({
      file: path.join(dir, 'tremplin.sqlite'),
      logger: { error: () => {} },
      session: () => (override ? override.account : (backend?.session() ?? null)),
      ...options,
    });
    if (!options.session) {
      sessions.set(backend, (account) => {
        override = { account };
      });
    }
    if (setUp) rememberRecoveryKey(backend, setUp.recoveryKey);
    opened.push(backend);
    return backend;
  };
}
