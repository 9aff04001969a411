import type { accountMethods } from '../../../shared/accounts';
import type { AccountService } from '../../services/accounts';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

type AccountMethods = Pick<
  typeof accountMethods,
  'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.resetPassword' | 'accounts.disable' | 'accounts.enable' | 'accounts.changePassword'
>;

/** The accounts' methods (the session's own are bound by the session: electron/api/session.ts). */
export function accountHandlers(accounts: AccountService): HandlersFor<AccountMethods> {
  return {
    'accounts.list': accounts.list,
    'accounts.create': awaitsBeforeWriting<'accounts.create'>(accounts.create),
    'accounts.update': accounts.update,
    // Each of these derives a key from a password (scrypt, off the main thread) before it writes.
    'accounts.resetPassword': awaitsBeforeWriting<'accounts.resetPassword'>(accounts.resetPassword),
    'accounts.disable': accounts.disable,
    'accounts.enable': awaitsBeforeWriting<'accounts.enable'>(accounts.enable),
    'accounts.changePassword': awaitsBeforeWriting<'accounts.changePassword'>(accounts.changePassword),
  };
}
