import type { AccountSummary, SignedIn } from '../../shared/accounts';
import type { Role } from '../../shared/roles';
import { AppError, refuse } from '../core/errors';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import type { WriteDb } from '../db/handles';
import { readKeyring, writeKeyring } from '../db/keyring';
import { type Keyring, type KeyringEntry, type KeyringScryptCost, KeyringError, findEntry, nameKey, unwrapWithPassword, wrapForPassword } from '../formats/keyring';
import {
  type AccountRow,
  accountById,
  countActiveAdministrators,
  insertAccount,
  listAccounts,
  toSummary,
  updateAccount,
  volunteerExists,
} from '../store/accounts';
import { auditedTransaction, describeAudit, recordScopeAudit } from '../store/audit';

/**
 * The accounts' rules: one account per person, names unique whatever their case, a volunteer's
 * account tied to their volunteer record, at least one administrator who can sign in, never
 * deleted. Each account's copy of the database key lives in the keyring file; a write that
 * changes a copy rewrites the keyring as the last step of its transaction, so a failure rolls
 * the row back and a keyring never names an account the database does not have.
 */

export interface AccountsOptions {
  db: WriteDb;
  clock?: Clock;
  dataDir: string;
  /** The open database's key, held by the main process only. */
  databaseKey: Uint8Array;
  scryptCost?: KeyringScryptCost;
  signedIn: () => SignedIn | null;
}

export const KEYRING_ERRORS: Record<KeyringError['reason'], string> = {
  damaged: 'accounts.errors.keyringDamaged',
  wrong_password: 'accounts.errors.wrongPassword',
  wrong_recovery_key: 'accounts.errors.wrongRecoveryKey',
};

/** The keyring as it is on disk now; a damaged one refuses everything (nothing is unlocked or written). */
export function currentKeyring(dataDir: string): Keyring {
  try {
    const keyring = readKeyring(dataDir);
    if (!keyring) throw new KeyringError('damaged');
    return keyring;
  } catch (error) {
    if (error instanceof KeyringError) throw new AppError('database_corrupt', KEYRING_ERRORS[error.reason]);
    throw error;
  }
}

/** The keyring with this account's entry replaced (or added). */
export function withEntry(keyring: Keyring, entry: KeyringEntry): Keyring {
  const others = keyring.accounts.filter((existing) => existing.accountId !== entry.accountId);
  return { ...keyring, accounts: [...others, entry] };
}

export function createAccountService(options: AccountsOptions) {
  const { db, dataDir, databaseKey, signedIn } = options;
  const clock = options.clock ?? systemClock;

  function find(id: string): AccountRow {
    const row = accountById(db, id);
    if (!row) throw new AppError('not_found', 'accounts.errors.notFound');
    return row;
  }

  function checkVolunteer(role: Role, volunteerId: string | null): void {
    if (role === 'volunteer' && volunteerId === null) refuse({ volunteerId: 'accounts.errors.volunteerRequired' });
    if (role !== 'volunteer' && volunteerId !== null) refuse({ volunteerId: 'accounts.errors.volunteerOnlyForVolunteers' });
    if (volunteerId !== null && !volunteerExists(db, volunteerId)) refuse({ volunteerId: 'volunteers.errors.notFound' });
  }

  /** The last administrator who can sign in stays one: else nobody could manage accounts again. */
  function keepAnAdministrator(row: AccountRow): void {
    if (row.role === 'administrator' && row.disabledAt === null && countActiveAdministrators(db) <= 1) {
      refuse('accounts.errors.lastAdministrator');
    }
  }

  /** Writes the row changes and the keyring in one go: the keyring last, inside the transaction. */
  function commit<T>(at: string, write: (tx: WriteDb) => T, keyring: (current: Keyring) => Keyring): T {
    return auditedTransaction(db, at, (tx) => {
      const result = write(tx);
      // The audit rows before the keyring: once the file is renamed, nothing may roll the rows back.
      recordScopeAudit(tx, at);
      writeKeyring(dataDir, keyring(currentKeyring(dataDir)));
      return result;
    });
  }

  const wrap = (row: { id: string; name: string }, password: string) =>
    wrapForPassword(databaseKey, { accountId: row.id, name: row.name }, password, options.scryptCost);

  return {
    list({ includeDisabled }: { includeDisabled: boolean }): AccountSummary[] {
      return listAccounts(db, { includeDisabled }).map(toSummary);
    },

    async create(input: { name: string; role: Role; password: string; volunteerId: string | null }): Promise<AccountSummary> {
      const name = input.name.normalize('NFC');
      const taken = (keyring: Keyring) =>
        listAccounts(db, { includeDisabled: true }).some((row) => nameKey(row.name) === nameKey(name)) || findEntry(keyring, name) !== undefined;
      if (taken(currentKeyring(dataDir))) refuse({ name: 'accounts.errors.nameTaken' });
      checkVolunteer(input.role, input.volunteerId);
      const { now } = moment(clock);
      const row: AccountRow = { id: newId(), name, role: input.role, volunteerId: input.volunteerId, createdAt: now, disabledAt: null, lastSignInAt: null };
      const wrapped = await wrap(row, input.password);
      // Checked again after the wait: another call may have taken the name meanwhile.
      if (taken(currentKeyring(dataDir))) refuse({ name: 'accounts.errors.nameTaken' });
      describeAudit(now, { action: 'accounts.create', subjectType: 'account', subjectId: row.id, details: { role: row.role } });
      commit(now, (tx) => insertAccount(tx, row), (keyring) => withEntry(keyring, { accountId: row.id, name: row.name, wrapped }));
      return toSummary(row);
    },

    update(input: { id: string; role: Role; volunteerId: string | null }): AccountSummary {
      const row = find(input.id);
      checkVolunteer(input.role, input.volunteerId);
      if (input.role !== 'administrator') keepAnAdministrator(row);
      const { now } = moment(clock);
      describeAudit(now, { action: 'accounts.update', subjectType: 'account', subjectId: row.id, details: { role: input.role } });
      updateAccount(db, row.id, { role: input.role, volunteerId: input.volunteerId });
      return toSummary(find(row.id));
    },

    /** An administrator sets a new password for someone who forgot theirs: only that account's copy changes. */
    async resetPassword({ id, password }: { id: string; password: string }): Promise<AccountSummary> {
      const row = find(id);
      if (row.disabledAt !== null) refuse('accounts.errors.disabled');
      const wrapped = await wrap(row, password);
      const { now } = moment(clock);
      describeAudit(now, { action: 'accounts.resetPassword', subjectType: 'account', subjectId: row.id });
      commit(now, () => {}, (keyring) => withEntry(keyring, { accountId: row.id, name: row.name, wrapped }));
      return toSummary(find(id));
    },

    /** The account's copy of the key is destroyed: it opens nothing any more, whatever its password. */
    disable({ id }: { id: string }): AccountSummary {
      const row = find(id);
      if (row.id === signedIn()?.accountId) refuse('accounts.errors.disableSelf');
      if (row.disabledAt !== null) return toSummary(row);
      keepAnAdministrator(row);
      const { now } = moment(clock);
      describeAudit(now, { action: 'accounts.disable', subjectType: 'account', subjectId: row.id });
      commit(now, (tx) => updateAccount(tx, row.id, { disabledAt: now }), (keyring) => withEntry(keyring, { accountId: row.id, name: row.name, wrapped: null }));
      return toSummary(find(id));
    },

    async enable({ id, password }: { id: string; password: string }): Promise<AccountSummary> {
      const row = find(id);
      if (row.disabledAt === null) refuse('accounts.errors.notDisabled');
      const wrapped = await wrap(row, password);
      const { now } = moment(clock);
      describeAudit(now, { action: 'accounts.enable', subjectType: 'account', subjectId: row.id });
      commit(now, (tx) => updateAccount(tx, row.id, { disabledAt: null }), (keyring) => withEntry(keyring, { accountId: row.id, name: row.name, wrapped }));
      return toSummary(find(id));
    },

    /** One's own password: the current one is checked against one's own copy first. */
    async changePassword({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }): Promise<AccountSummary> {
      const me = signedIn();
      if (!me) throw new AppError('signed_out', 'errors.signed_out');
      const row = find(me.accountId);
      const entry = currentKeyring(dataDir).accounts.find((candidate) => candidate.accountId === row.id);
      if (!entry) throw new AppError('database_corrupt', 'accounts.errors.keyringDamaged');
      try {
        await unwrapWithPassword(entry, currentPassword);
      } catch (error) {
        if (!(error instanceof KeyringError)) throw error;
        if (error.reason === 'wrong_password') refuse({ currentPassword: 'accounts.errors.wrongPassword' });
        throw new AppError('database_corrupt', KEYRING_ERRORS[error.reason]);
      }
      const wrapped = await wrap(row, newPassword);
      const { now } = moment(clock);
      describeAudit(now, { action: 'accounts.changePassword', subjectType: 'account', subjectId: row.id });
      commit(now, () => {}, (keyring) => withEntry(keyring, { accountId: row.id, name: row.name, wrapped }));
      return toSummary(row);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
