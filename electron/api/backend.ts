import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SignedIn } from '../../shared/accounts';
import { type MethodName, api } from '../../shared/api';
import { AppError } from '../core/errors';
import { type Clock, systemClock } from '../core/clock';
import { readRecoveryRecipient, removeLeftovers, takeBackup } from '../db/backups';
import { type AuditService, createAuditService } from '../services/audit';
import type { DatabaseKey } from '../db/cipher';
import { readKeyring, writeKeyring } from '../db/keyring';
import { DatabaseOpenError, type OpenedDatabase, openDatabase } from '../db/open';
import { type KeyringScryptCost, wrapForRecovery } from '../formats/keyring';
import { createAccountService } from '../services/accounts';
import { type BackupService, createBackupService } from '../services/backups';
import type { ExchangeOptions } from '../services/exchange';
import { createRetentionService } from '../services/retention';
import { createHandlers } from './handlers';
import { type Dispatch, type Handler, type Handlers, type Logger, type SessionProvider, createRouter, failure } from './router';
import { type OpenedForSession, createSession } from './session';

export interface Backend {
  dispatch: Dispatch;
  /** The open database: after a sign-in (or a lock). Throws while it is closed. */
  readonly database: OpenedDatabase;
  /** For the daily schedule and the command line; like `database`, once it is open. */
  readonly backups: BackupService;
  /** The audit log's retention: `purgeExpired` runs when the database opens and every hour, with the daily backups. */
  readonly audit: AuditService;
  /** Who is signed in (null: signed out or locked). */
  session(): SignedIn | null;
  /**
   * Settles with the start-up check of the database the first sign-in opens (see
   * `checkInBackground`); rejects with a DatabaseOpenError when that file fails it.
   */
  ready: Promise<void>;
  close(): void;
}

export interface BackendOptions {
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  clock?: Clock;
  /** Milliseconds that only go forward, for the idle lock and the waits after failed sign-ins (tests move it by hand). */
  elapsed?: () => number;
  logger?: Logger;
  /**
   * Who the router sees once the database is open, instead of whoever signed in: tests that try
   * a role without making its account (test/support/temp.ts). No transport passes it.
   */
  session?: SessionProvider;
  /** Electron's safeStorage, where it really protects the exchange keys (see electron/formats/protection.ts). */
  osEncryption?: ExchangeOptions['osEncryption'];
  /** Lowered by tests only. */
  keyScryptCost?: ExchangeOptions['keyScryptCost'];
  /** The cost of the keyring's password derivation; lowered by tests only. */
  accountScryptCost?: KeyringScryptCost;
  exportScryptWorkFactor?: number;
  /** Receives every SQL statement run (tests that pin query plans). */
  trace?: (sql: string) => void;
  /**
   * Take the daily backup, purge the audit log's expired entries and apply retention (files past
   * their date anonymised, after a backup) once signed in, and check every hour (the app and the
   * preview; not tests).
   */
  dailyBackups?: boolean;
  /**
   * Hand the database over while `quick_check` still runs (the app and the preview: the screen
   * shows meanwhile). Calls wait for the check; after a failed one they are refused.
   */
  checkInBackground?: boolean;
}

const HOUR_MS = 3_600_000;
/** How often the server looks for an idle session to lock (the renderer locks itself too). */
const IDLE_CHECK_MS = 30_000;

/** The migrations as they sit in the source tree (preview host, CLI, tests). */
export const sourceMigrationsDir = fileURLToPath(new URL('../../resources/migrations', import.meta.url));

interface Open extends OpenedForSession {
  database: OpenedDatabase;
  backups: BackupService;
  audit: AuditService;
  route: Dispatch;
  dailyTimer: ReturnType<typeof setInterval> | undefined;
  closed: boolean;
}

/**
 * What every transport sits on: the session, and the database it opens. Nothing is opened here:
 * the database's key is known only once someone signs in (electron/api/session.ts).
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = path.dirname(options.file);
  const backupDir = options.backupDir ?? path.join(dataDir, 'backups');
  const migrationsDir = options.migrationsDir ?? sourceMigrationsDir;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? console;
  removeLeftovers(backupDir, { encrypted: readRecoveryRecipient(dataDir) !== null });

  let open: Open | null = null;
  let closed = false;
  let settleReady: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // Nobody may await it (a folder nobody signs in to): it must not count as unhandled.
  ready.catch(() => {});

  async function openWithKey(key: DatabaseKey): Promise<Open> {
    let database: OpenedDatabase;
    // A backup of a plain file taken before its conversion serves before a migration too.
    let backedUp = false;
    try {
      database = await openDatabase({
        file: options.file,
        key,
        migrationsDir,
        backupDir,
        ...(options.trace ? { trace: options.trace } : {}),
        ...(options.checkInBackground ? { checkInBackground: true } : {}),
        // A plain database from before accounts (or a conversion a crash cut short): encrypted
        // after an age backup of it, in a way no crash loses data (db/encrypt.ts).
        encryptPlainFile: true,
        backupBeforeEncryption: async (file) => {
          const recipient = readRecoveryRecipient(dataDir);
          if (!recipient) return;
          await takeBackup(file, { key: null, dir: backupDir, recipient, reason: 'before-migration', now: clock.now() });
          backedUp = true;
        },
        backupBeforeMigration: async (file) => {
          if (backedUp) return true;
          const recipient = readRecoveryRecipient(dataDir);
          if (recipient) await takeBackup(file, { key, dir: backupDir, recipient, reason: 'before-migration', now: clock.now() });
          return recipient !== null;
        },
      });
    } catch (error) {
      if (error instanceof DatabaseOpenError) {
        // The key unwrapped does not open the file: the keyring and the file do not belong together.
        if (error.code === 'database_key') throw new AppError('database_corrupt', 'accounts.errors.keyDoesNotOpen');
        settleReady?.reject(error);
        throw new AppError(error.code === 'database_too_new' ? 'database_too_new' : 'database_corrupt', `errors.${error.code === 'database_too_new' ? 'database_too_new' : 'database_corrupt'}`);
      }
      throw error;
    }
    database.checked.then(
      () => settleReady?.resolve(),
      (error: unknown) => settleReady?.reject(error),
    );
    const backups = createBackupService({
      db: database.db,
      sqlite: database.sqlite,
      key,
      dataDir,
      backupDir,
      migrationsDir,
      clock,
      // The keyring's recovery copy follows a new recovery key, written before the key's public half.
      recoveryKeyChanging: async (recipient) => {
        const keyring = readKeyring(dataDir);
        if (keyring) writeKeyring(dataDir, { ...keyring, recovery: await wrapForRecovery(key, recipient) });
      },
    });
    const exchange = {
      backups,
      databaseKey: key,
      databaseSource: { file: database.file, key },
      ...(options.osEncryption ? { osEncryption: options.osEncryption } : {}),
      ...(options.keyScryptCost ? { keyScryptCost: options.keyScryptCost } : {}),
      ...(options.exportScryptWorkFactor ? { exportScryptWorkFactor: options.exportScryptWorkFactor } : {}),
    };
    const accounts = createAccountService({
      db: database.db,
      clock,
      dataDir,
      databaseKey: key,
      ...(options.accountScryptCost ? { scryptCost: options.accountScryptCost } : {}),
      signedIn: session.current,
    });
    const audit = createAuditService(database.db, options.clock);
    const handlers = createHandlers(database.db, options.clock, { exchange, backups, audit, accounts, session: session.handlers });
    const route = createRouter(handlers, { session: options.session ?? session.current, logger });
    const result: Open = { db: database.db, key, checked: database.checked, database, backups, audit, route, dailyTimer: undefined, closed: false };
    if (options.dailyBackups) {
      const retention = createRetentionService(database.db, clock, { backupFirst: backups.beforeRetention });
      const runDaily = () => {
        try {
          audit.purgeExpired();
        } catch (error) {
          logger.error('[audit] the purge of expired entries failed', error);
        }
        return backups
          .runDaily()
          .catch((error: unknown) => logger.error('[backups] the daily backup failed', error))
          .then(() => retention.runExpired())
          .catch((error: unknown) => logger.error('[retention] the run of expired files failed', error));
      };
      database.checked.then(
        () => {
          if (result.closed) return;
          result.dailyTimer = setInterval(runDaily, HOUR_MS);
          return runDaily();
        },
        () => {},
      );
    }
    return result;
  }

  function closeDatabase(): void {
    if (!open) return;
    open.closed = true;
    clearInterval(open.dailyTimer);
    open.database.close();
    open.key.fill(0);
    open = null;
  }

  const session = createSession({
    dataDir,
    file: options.file,
    clock,
    logger,
    ...(options.elapsed ? { elapsed: options.elapsed } : {}),
    ...(options.accountScryptCost ? { scryptCost: options.accountScryptCost } : {}),
    async open(key) {
      // A copy: the session's own buffer is the caller's, and this one is wiped on close.
      open = await openWithKey(Buffer.from(key));
      return open;
    },
    close: closeDatabase,
    opened: () => open,
  });

  // Before a database is open nobody can be signed in: the router refuses everything but the
  // public methods with `signed_out` before it looks for a handler.
  const closedRoute = createRouter(
    Object.fromEntries(
      (Object.keys(api) as MethodName[]).map((method) => [method, (session.handlers as Partial<Record<MethodName, Handler<MethodName>>>)[method] ?? signedOut]),
    ) as Handlers,
    { session: session.current, logger },
  );

  const idleTimer = setInterval(session.lockIfIdle, IDLE_CHECK_MS);
  idleTimer.unref();

  const dispatch: Dispatch = async (method, input) => {
    session.touch(method);
    const current = open;
    if (!current) return closedRoute(method, input);
    try {
      await current.database.checked;
    } catch {
      return failure('database_corrupt');
    }
    return current.route(method, input);
  };

  return {
    dispatch,
    get database() {
      if (!open) throw new Error('the database is not open: nobody has signed in');
      return open.database;
    },
    get backups() {
      if (!open) throw new Error('the database is not open: nobody has signed in');
      return open.backups;
    },
    session: session.current,
    get audit() {
      if (!open) throw new Error('the database is not open: nobody has signed in');
      return open.audit;
    },
    ready,
    close: () => {
      if (closed) return;
      closed = true;
      clearInterval(idleTimer);
      closeDatabase();
    },
  };
}

function signedOut(): never {
  throw new AppError('signed_out', 'errors.signed_out');
}
