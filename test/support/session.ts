import type { SignedIn } from '../../shared/accounts';
import type { Role } from '../../shared/roles';
import type { SessionProvider } from '../../electron/api/router';

/** An account of this role as the session holds it, without the keyring (ids fixed per role). */
export function accountOf(role: Role, volunteerId: string | null = null): SignedIn {
  const digit = { administrator: 1, staff: 2, volunteer: 3, reader: 4 }[role];
  return { accountId: `0190a000-0000-7000-8000-00000000000${digit}`, name: `Test ${role}`, role, volunteerId };
}

/**
 * A session the test sets directly: `provider` goes to the backend, `signIn` changes who is
 * signed in (null: signed out). Starts as an administrator, as every test before accounts ran.
 */
export function testSession(initial: SignedIn | null = accountOf('administrator')) {
  let current = initial;
  const provider: SessionProvider = () => current;
  return {
    provider,
    signIn(account: SignedIn | null) {
      current = account;
    },
  };
}
