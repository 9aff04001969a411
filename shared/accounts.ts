import { z } from 'zod';
import { reads, writes } from './method';
import { PASSWORD_MIN_LENGTH, ROLES, type Role } from './roles';
import { requiredText, uuid } from './validation';

/**
 * Accounts and the signed-in session (the audit log: shared/audit.ts). One person, one account; the laptop passes
 * from hand to hand, so one account at a time is signed in, held by the main process (the
 * renderer never holds the database key). Accounts are disabled, never deleted: the audit log
 * keeps their name.
 */

export { PASSWORD_MIN_LENGTH } from './roles';
export const IDLE_LOCK_DEFAULT_MINUTES = 10;

/** The account signed in, as every call's handler and the screen know it. */
export interface SignedIn {
  accountId: string;
  name: string;
  role: Role;
  /** The volunteer record this account is, for a volunteer's scope; null for other roles. */
  volunteerId: string | null;
}

export interface SessionState {
  /** No account exists yet: the first start's screen creates the administrator. */
  setupNeeded: boolean;
  /** Who is signed in; null when signed out or locked. */
  signedIn: SignedIn | null;
  /** Locked (by the button, the shortcut or idle time): the same account, or another, signs in again. */
  locked: boolean;
  /** For the sign-in screen: accounts that signed in on this computer lately, newest first (names only). */
  recentAccounts: { id: string; name: string }[];
  idleLockMinutes: number;
}

export interface AccountSummary {
  id: string;
  name: string;
  role: Role;
  volunteerId: string | null;
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

const accountName = requiredText(80);
const password = z.string().min(PASSWORD_MIN_LENGTH, { error: 'accounts.errors.passwordTooShort' }).max(256);
/** A password being checked is never judged on its length: a wrong one is simply wrong. */
const typedPassword = z.string().min(1).max(256);
const role = z.enum(ROLES);

export const accountMethods = {
  'session.status': reads<SessionState>('public')(z.strictObject({})),
  /**
   * The first start only: the administrator's account, and the association's recovery sheet (its
   * secret half, shown once); null when backups already made one, which then serves for both.
   */
  'session.setup': writes<{ session: SessionState; recoveryKey: string | null }>('public')(
    z.strictObject({ name: accountName, password }),
  ),
  'session.signIn': writes<SessionState>('public')(z.strictObject({ name: accountName, password: typedPassword })),
  /** A forgotten administrator password: the recovery sheet's key sets a new one. */
  'session.recover': writes<SessionState>('public')(
    z.strictObject({ name: accountName, recoveryKey: z.string().max(200), newPassword: password }),
  ),
  'session.signOut': writes<SessionState>('signedIn')(z.strictObject({})),
  /** Locks at once (the button, the shortcut, idle time): nothing of the data shows until a sign-in. */
  'session.lock': reads<SessionState>('signedIn')(z.strictObject({})),
  'accounts.changePassword': writes<AccountSummary>('signedIn')(
    z.strictObject({ currentPassword: typedPassword, newPassword: password }),
  ),
  'accounts.list': reads<AccountSummary[]>('accounts')(z.strictObject({ includeDisabled: z.boolean().default(true) })),
  'accounts.create': writes<AccountSummary>('accounts')(
    z.strictObject({ name: accountName, role, password, volunteerId: uuid.nullable().default(null) }),
  ),
  'accounts.update': writes<AccountSummary>('accounts')(
    z.strictObject({ id: uuid, role, volunteerId: uuid.nullable().default(null) }),
  ),
  'accounts.resetPassword': writes<AccountSummary>('accounts')(z.strictObject({ id: uuid, password })),
  /** A disabled account's copy of the database key is destroyed: enabling it again sets a new password. */
  'accounts.disable': writes<AccountSummary>('accounts')(z.strictObject({ id: uuid })),
  'accounts.enable': writes<AccountSummary>('accounts')(z.strictObject({ id: uuid, password })),
  'accounts.setIdleLock': writes<{ idleLockMinutes: number }>('settings')(
    z.strictObject({ minutes: z.number().int().min(1).max(240) }),
  ),
};
