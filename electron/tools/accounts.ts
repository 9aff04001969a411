import { randomBytes } from 'node:crypto';
import type { SessionState } from '../../shared/accounts';
import type { ApiResult } from '../../shared/errors';
import type { Backend } from '../api/backend';

/** The tools' account: the administrator the seed and the bench make on a new folder. */
export const TOOL_ADMINISTRATOR = 'Administrateur';

export interface ToolSignIn {
  name: string;
  /** Only for a folder that has no account yet: the one made is given this password (default: a new random one). */
  password?: string;
}

/** A password for a new folder's administrator: 96 random bits, printed once by the tool. */
function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}${result.error.fields ? ` ${JSON.stringify(result.error.fields)}` : ''}`);
  return result.value;
}

/**
 * Signs a tool in: on a folder without accounts, sets up the first administrator (and the
 * recovery key, when backups did not make one); else signs in with the password given.
 */
export async function signInTool(
  backend: Backend,
  { name, password }: ToolSignIn,
): Promise<{ created: { name: string; password: string; recoveryKey: string | null } | null }> {
  const status = await call<SessionState>(backend, 'session.status', {});
  if (status.setupNeeded) {
    const chosen = password ?? newPassword();
    const { recoveryKey } = await call<{ recoveryKey: string | null }>(backend, 'session.setup', { name, password: chosen });
    return { created: { name, password: chosen, recoveryKey } };
  }
  if (password === undefined) throw new Error(`this folder has accounts: give ${name}'s password in TREMPLIN_PASSWORD`);
  await call(backend, 'session.signIn', { name, password });
  return { created: null };
}
