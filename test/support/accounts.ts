import { type Backend, type BackendOptions, openBackend } from '../../electron/api/backend';
import { TEST_KEYRING_SCRYPT } from '../../electron/formats/keyring';
import { ok } from './api';

/** The first account of every test's data folder: an administrator, as every test before accounts ran. */
export const TEST_ADMINISTRATOR = { name: 'Claire Martin', password: 'un mot de passe de test' };

const recoveryKeys = new WeakMap<Backend, string>();

/** Remembers the recovery key of a folder set up elsewhere (a copy of one, see test/support/temp.ts) for `recoveryKeyOf`. */
export function rememberRecoveryKey(backend: Backend, recoveryKey: string): void {
  recoveryKeys.set(backend, recoveryKey);
}

/** The recovery sheet's key that the first account's setup made on this backend's folder. */
export function recoveryKeyOf(backend: Backend): string {
  const key = recoveryKeys.get(backend);
  if (!key) throw new Error('recoveryKeyOf: this backend did not set its folder up');
  return key;
}

/**
 * A backend signed in as the test administrator: the folder's first account is set up when it
 * has none, else it signs in. Key derivation is cheap (the keyring's format is the app's).
 */
export async function openSignedIn(options: BackendOptions): Promise<Backend> {
  // What went wrong inside a refused setup or sign-in, for the test's failure message.
  const logged: unknown[] = [];
  const logger = options.logger ?? console;
  const backend = await openBackend({
    accountScryptCost: TEST_KEYRING_SCRYPT,
    ...options,
    logger: {
      error(message, error) {
        logged.push(error);
        logger.error(message, error);
      },
    },
  });
  try {
    const { setupNeeded } = await ok(backend, 'session.status', {});
    if (setupNeeded) {
      const { recoveryKey } = await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
      if (recoveryKey) recoveryKeys.set(backend, recoveryKey);
    } else await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);
  } catch (error) {
    backend.close();
    throw logged.length > 0 ? new Error(`${error instanceof Error ? error.message : String(error)}: ${logged.map(String).join('; ')}`) : error;
  }
  return backend;
}
