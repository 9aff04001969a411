import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IDLE_LOCK_DEFAULT_MINUTES, type SessionState, type SignedIn, type accountMethods } from '../../shared/accounts';
import { api, isMethodName } from '../../shared/api';
import { AppError, refuse } from '../core/errors';
import { type Clock, moment, newId } from '../core/clock';
import { generateAgeKey } from '../formats/age';
import {
  DATABASE_KEY_BYTES,
  type Keyring,
  type KeyringEntry,
  type KeyringScryptCost,
  KeyringError,
  findEntry,
  nameKey,
  unwrapWithPassword,
  unwrapWithRecovery,
  wrapForPassword,
  wrapForRecovery,
} from '../formats/keyring';
import { RECOVERY_RECIPIENT_FILE, readRecoveryRecipient, writeRecoveryRecipient } from '../db/backups';
import { readKeyring, removeKeyring, writeKeyring } from '../db/keyring';
import type { Db } from '../db/open';
import { KEYRING_ERRORS, currentKeyring, withEntry } from '../services/accounts';
import { type AccountRow, accountById, countAccounts, insertAccount, updateAccount } from '../store/accounts';
import { type AuditActor, type AuditEntry, appendAudit } from '../store/audit';
import { readSetting, writeSetting } from '../store/settings';
import type { HandlersFor, Logger } from './router';

/**
 * The one session of this computer: who is signed in, held in the main process (the laptop has
 * one person at a time; the renderer never holds the database key). Before the first sign-in the
 * database is not open, since its key is not known: only the public methods answer. A sign-in
 * unwraps the key with the password, opens the database if it is not, and checks the account;
 * whatever refuses it leaves the database as it was (closed again if this call opened it).
 * Locking keeps the database open but forgets who was there; signing out closes it.
 */

export const IDLE_LOCK_SETTING = 'session.idleLockMinutes';
/** Sign-ins that may fail in a row before each further one waits. */
const FREE_ATTEMPTS = 3;
const FIRST_WAIT_MS = 5_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const RECENT_SHOWN = 6;
const RECENT_KEPT = 12;

/** The wait before the next attempt after this many failures in a row: 5 s, 10 s, 20 s… up to 15 minutes. */
export function backoffAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

export interface OpenedForSession {
  db: Db;
  /** The key the database was opened with (kept until it closes, to wrap new accounts' copies). */
  key: Buffer;
  /** Settles with the start-up check; nothing is written before it passes. */
  checked: Promise<void>;
}

export interface SessionOptions {
  dataDir: string;
  /** The database file: its presence before setup means a plain database from before accounts. */
  file: string;
  clock: Clock;
  logger: Logger;
  /** Milliseconds on a clock that only goes forward (idle time, waits after failures); `clock` dates records. */
  elapsed?: () => number;
  scryptCost?: KeyringScryptCost;
  /** Opens the database with its key (a plain file is encrypted first, after a backup) and wires the handlers. */
  open(key: Buffer): Promise<OpenedForSession>;
  /** Closes it again (sign-out, or a refused sign-in that opened it). */
  close(): void;
  /** The open database, if any. */
  opened(): OpenedForSession | null;
}

type SessionMethods = Pick<
  typeof accountMethods,
  'session.status' | 'session.setup' | 'session.signIn' | 'session.recover' | 'session.signOut' | 'session.lock' | 'accounts.setIdleLock'
>;

const minutesSchema = z.number().int().min(1).max(240);

export function createSession(options: SessionOptions) {
  const { dataDir, clock } = options;
  const elapsed = options.elapsed ?? (() => performance.now());
  let signedIn: SignedIn | null = null;
  let lastCall = elapsed();
  let idleLockMinutes = IDLE_LOCK_DEFAULT_MINUTES;
  /** Failed attempts per account name (folded), in memory: a restart forgets them, as it forgets the session. */
  const failures = new Map<string, { count: number; until: number }>();
  /** Failed attempts while the database was closed, written once it opens. */
  const pending: { at: string; actor: AuditActor; entry: AuditEntry }[] = [];

  function keyringOrNull(): Keyring | null {
    try {
      return readKeyring(dataDir);
    } catch (error) {
      if (error instanceof KeyringError) throw new AppError('database_corrupt', KEYRING_ERRORS[error.reason]);
      throw error;
    }
  }

  function status(): SessionState {
    const keyring = keyringOrNull();
    const entries = new Map((keyring?.accounts ?? []).filter((entry) => entry.wrapped !== null).map((entry) => [entry.accountId, entry]));
    const recentAccounts = (keyring?.recent ?? [])
      .flatMap((id) => {
        const entry = entries.get(id);
        return entry ? [{ id, name: entry.name }] : [];
      })
      .slice(0, RECENT_SHOWN);
    return { setupNeeded: keyring === null, signedIn, locked: signedIn === null && options.opened() !== null, recentAccounts, idleLockMinutes };
  }

  function checkBackoff(name: string): void {
    const wait = (failures.get(nameKey(name))?.until ?? 0) - elapsed();
    if (wait > 0) throw new AppError('unauthorized', 'accounts.errors.tooManyAttempts', undefined, { seconds: Math.ceil(wait / 1000) });
  }

  function writeOrQueue(rows: { at: string; actor: AuditActor; entry: AuditEntry }[]): void {
    pending.push(...rows);
    const opened = options.opened();
    if (opened) opened.db.transaction((tx) => appendAudit(tx, pending.splice(0)));
  }

  /** Counts a failed attempt, logs it, and refuses with the reason's message (a wrong name reads as a wrong password). */
  function failed(name: string, entry: KeyringEntry | undefined, action: AuditEntry['action'], reason: string, messageKey: string, field: string): never {
    const key = nameKey(name);
    const count = (failures.get(key)?.count ?? 0) + 1;
    failures.set(key, { count, until: elapsed() + backoffAfter(count) });
    // The typed name is not logged when it is no account's: it may be a password typed in the wrong field.
    writeOrQueue([
      { at: moment(clock).now, actor: entry ? { accountId: entry.accountId, name: entry.name } : null, entry: { action, subjectType: 'account', subjectId: entry?.accountId ?? '', details: { reason } } },
    ]);
    throw new AppError('unauthorized', messageKey, { [field]: messageKey });
  }

  /**
   * Opens the database with the key unwrapped for `entry` (or checks it is the open one's), checks
   * the account may sign in, then runs `write` in the same transaction as its audit rows. Any
   * refusal closes the database again when this call opened it.
   */
  async function enter(entry: KeyringEntry, key: Buffer, write: (row: AccountRow, now: string) => AuditEntry[]): Promise<SessionState> {
    const already = options.opened();
    if (already && (already.key.length !== key.length || !timingSafeEqual(already.key, key))) {
      throw new AppError('database_corrupt', 'accounts.errors.keyringDamaged');
    }
    const opened = already ?? (await options.open(key));
    try {
      let row = accountById(opened.db, entry.accountId);
      // A setup cut short after its keyring was written: its one entry is the first administrator.
      const unfinishedSetup = !row && countAccounts(opened.db) === 0 && currentKeyring(dataDir).accounts.length === 1;
      if (unfinishedSetup) {
        row = { id: entry.accountId, name: entry.name, role: 'administrator', volunteerId: null, createdAt: moment(clock).now, disabledAt: null, lastSignInAt: null };
      }
      if (!row) throw new AppError('database_corrupt', 'accounts.errors.keyringDamaged');
      if (row.disabledAt !== null) throw new AppError('unauthorized', 'accounts.errors.accountDisabled');
      const account = row;
      const { now } = moment(clock);
      const entries = write(account, now);
      // Written once the start-up check has passed (it may still run on its worker): a damaged file gets nothing.
      opened.checked.then(
        () =>
          opened.db.transaction((tx) => {
            if (unfinishedSetup) insertAccount(tx, account);
            updateAccount(tx, account.id, { lastSignInAt: now });
            appendAudit(tx, [...pending.splice(0), ...entries.map((audit) => ({ at: now, actor: { accountId: account.id, name: account.name }, entry: audit }))]);
          }),
        () => {},
      ).catch((error: unknown) => options.logger.error('[session] the sign-in could not be logged', error));
      remember(account.id);
      idleLockMinutes = readSetting(opened.db, IDLE_LOCK_SETTING, minutesSchema) ?? IDLE_LOCK_DEFAULT_MINUTES;
      signedIn = { accountId: account.id, name: account.name, role: account.role, volunteerId: account.volunteerId };
      failures.delete(nameKey(entry.name));
      lastCall = elapsed();
      return status();
    } catch (error) {
      if (!already) options.close();
      throw error;
    }
  }

  /** The sign-in screen's short list: this account first. */
  function remember(accountId: string): void {
    const keyring = currentKeyring(dataDir);
    const recent = [accountId, ...keyring.recent.filter((id) => id !== accountId)].slice(0, RECENT_KEPT);
    writeKeyring(dataDir, { ...keyring, recent });
  }

  function lock(): void {
    signedIn = null;
  }

  const handlers: HandlersFor<SessionMethods> = {
    'session.status': () => status(),

    async 'session.setup'({ name, password }) {
      if (keyringOrNull() !== null) throw new AppError('conflict', 'accounts.errors.alreadySetUp');
      const accountName = name.normalize('NFC');
      const convertFromPlain = existsSync(options.file);
      let recipient = readRecoveryRecipient(dataDir);
      let recoveryKey: string | null = null;
      if (!recipient) {
        const made = await generateAgeKey();
        recipient = made.recipient;
        recoveryKey = made.identity;
      }
      const key = randomBytes(DATABASE_KEY_BYTES);
      const accountId = newId();
      const keyring: Keyring = {
        format: 'tremplin-keyring',
        version: 1,
        recovery: await wrapForRecovery(key, recipient),
        accounts: [{ accountId, name: accountName, wrapped: await wrapForPassword(key, { accountId, name: accountName }, password, options.scryptCost) }],
        recent: [],
      };
      // Another setup may have finished while this one derived its key.
      if (keyringOrNull() !== null) throw new AppError('conflict', 'accounts.errors.alreadySetUp');
      // The key is on disk before any byte is encrypted with it: a crash from here on loses nothing
      // (a plain file's conversion, cut short, is done again at the next sign-in).
      if (recoveryKey) writeRecoveryRecipient(dataDir, recipient);
      writeKeyring(dataDir, keyring);
      let opened: OpenedForSession;
      try {
        opened = await options.open(key);
      } catch (error) {
        // Nothing was encrypted with the key: a plain file's conversion leaves it whole when it fails,
        // and a new file made before the failure holds nothing.
        if (!convertFromPlain) for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.file}${suffix}`, { force: true });
        removeKeyring(dataDir);
        // A recovery key whose sheet nobody saw must not receive backups.
        if (recoveryKey) rmSync(path.join(dataDir, RECOVERY_RECIPIENT_FILE), { force: true });
        throw error;
      }
      const { now } = moment(clock);
      try {
        opened.db.transaction((tx) => {
          insertAccount(tx, { id: accountId, name: accountName, role: 'administrator', volunteerId: null, createdAt: now, disabledAt: null, lastSignInAt: null });
          appendAudit(tx, [{ at: now, actor: { accountId, name: accountName }, entry: { action: 'session.setup', subjectType: 'account', subjectId: accountId, details: { converted: convertFromPlain } } }]);
        });
      } catch (error) {
        // The file is encrypted with the key now: the keyring stays, and the next sign-in makes the account.
        options.close();
        throw error;
      }
      const entry = currentKeyring(dataDir).accounts[0] as KeyringEntry;
      const session = await enter(entry, key, () => [{ action: 'session.signIn', subjectType: 'account', subjectId: accountId }]);
      return { session, recoveryKey };
    },

    async 'session.signIn'({ name, password }) {
      const keyring = keyringOrNull();
      if (!keyring) throw new AppError('conflict', 'accounts.errors.setupNeeded');
      checkBackoff(name);
      const entry = findEntry(keyring, name);
      if (entry && entry.wrapped === null) return failed(name, entry, 'session.signInFailed', 'disabled', 'accounts.errors.accountDisabled', 'name');
      let key: Buffer;
      try {
        if (!entry) {
          // As long as a real attempt, so the time does not tell which names exist.
          await wrapForPassword(Buffer.alloc(DATABASE_KEY_BYTES), { accountId: '', name }, password, options.scryptCost);
          return failed(name, undefined, 'session.signInFailed', 'unknown_name', 'accounts.errors.wrongPassword', 'password');
        }
        key = await unwrapWithPassword(entry, password);
      } catch (error) {
        if (!(error instanceof KeyringError)) throw error;
        if (error.reason === 'wrong_password') return failed(name, entry, 'session.signInFailed', 'wrong_password', 'accounts.errors.wrongPassword', 'password');
        throw new AppError('database_corrupt', KEYRING_ERRORS[error.reason]);
      }
      return enter(entry, key, (row) => [{ action: 'session.signIn', subjectType: 'account', subjectId: row.id }]);
    },

    async 'session.recover'({ name, recoveryKey, newPassword }) {
      const keyring = keyringOrNull();
      if (!keyring) throw new AppError('conflict', 'accounts.errors.setupNeeded');
      checkBackoff(name);
      const entry = findEntry(keyring, name);
      if (!entry) refuse({ name: 'accounts.errors.notFound' });
      let key: Buffer;
      try {
        key = await unwrapWithRecovery(keyring, recoveryKey);
      } catch (error) {
        if (!(error instanceof KeyringError)) throw error;
        if (error.reason === 'wrong_recovery_key') return failed(name, entry, 'session.recoverFailed', 'wrong_recovery_key', 'accounts.errors.wrongRecoveryKey', 'recoveryKey');
        throw new AppError('database_corrupt', KEYRING_ERRORS[error.reason]);
      }
      const wrapped = await wrapForPassword(key, entry, newPassword, options.scryptCost);
      return enter(entry, key, (row) => {
        if (row.role !== 'administrator') refuse({ name: 'accounts.errors.recoverAdministratorOnly' });
        writeKeyring(dataDir, withEntry(currentKeyring(dataDir), { ...entry, wrapped }));
        return [
          { action: 'session.recover', subjectType: 'account', subjectId: row.id },
          { action: 'session.signIn', subjectType: 'account', subjectId: row.id },
        ];
      });
    },

    'session.signOut'() {
      const opened = options.opened();
      const who = signedIn;
      if (opened && who) {
        appendAudit(opened.db, [{ at: moment(clock).now, actor: { accountId: who.accountId, name: who.name }, entry: { action: 'session.signOut', subjectType: 'account', subjectId: who.accountId } }]);
      }
      signedIn = null;
      options.close();
      return status();
    },

    'session.lock'() {
      lock();
      return status();
    },

    'accounts.setIdleLock'({ minutes }) {
      const opened = options.opened();
      if (!opened) throw new AppError('signed_out', 'errors.signed_out');
      writeSetting(opened.db, IDLE_LOCK_SETTING, minutes);
      idleLockMinutes = minutes;
      return { idleLockMinutes };
    },
  };

  return {
    handlers,
    current: (): SignedIn | null => signedIn,
    /**
     * Called on every call before it is routed: locks a session left idle longer than the
     * setting (the renderer locks itself too; this is the backstop), then counts the call as
     * activity unless it is one of the sign-in screen's own (a screen asking the status now and
     * then is nobody at the keyboard).
     */
    touch(method: string): void {
      const now = elapsed();
      if (signedIn && now - lastCall > idleLockMinutes * 60_000) lock();
      if (!isMethodName(method) || api[method].needs !== 'public') lastCall = now;
    },
    /** The timer's check, without counting as a call. */
    lockIfIdle(): void {
      if (signedIn && elapsed() - lastCall > idleLockMinutes * 60_000) lock();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
