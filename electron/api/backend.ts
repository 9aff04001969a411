import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenedDatabase, openDatabase } from '../db/open';
import type { Clock } from '../core/clock';
import { readRecoveryRecipient, removeLeftovers, takeBackup } from '../db/backups';
import { type AuditService, createAuditService } from '../services/audit';
import { type BackupService, createBackupService } from '../services/backups';
import type { ExchangeOptions } from '../services/exchange';
import { createHandlers } from './handlers';
import { type Dispatch, type Logger, type SessionProvider, createRouter, failure } from './router';

export interface Backend {
  dispatch: Dispatch;
  database: OpenedDatabase;
  /** For the daily schedule and the command line. */
  backups: BackupService;
  /** The audit log's retention: `purgeExpired` runs at start and daily with the backups; a sign-in may run it too. */
  audit: AuditService;
  /** Settles with the start-up check (see `checkInBackground`); rejects with a DatabaseOpenError. */
  ready: Promise<void>;
  close(): void;
}

export interface BackendOptions {
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Who is signed in, asked by the router at every call (the accounts' session state in the main process). */
  session: SessionProvider;
  /** Electron's safeStorage, where it really protects the exchange keys (see electron/formats/protection.ts). */
  osEncryption?: ExchangeOptions['osEncryption'];
  /** Lowered by tests only. */
  keyScryptCost?: ExchangeOptions['keyScryptCost'];
  exportScryptWorkFactor?: number;
  /** Receives every SQL statement run (tests that pin query plans). */
  trace?: (sql: string) => void;
  /**
   * Take the daily backup, and purge the audit log's expired entries, at start and check every
   * hour (the app and the preview; not tests).
   */
  dailyBackups?: boolean;
  /**
   * Hand the backend back while `quick_check` still runs (the app and the preview: the window
   * loads meanwhile). Calls wait for the check; after a failed one they are refused.
   */
  checkInBackground?: boolean;
}

const HOUR_MS = 3_600_000;

/** The migrations as they sit in the source tree (preview host, CLI, tests). */
export const sourceMigrationsDir = fileURLToPath(new URL('../../resources/migrations', import.meta.url));

/** Opens the database and wires the router: what every transport sits on. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = path.dirname(options.file);
  const backupDir = options.backupDir ?? path.join(dataDir, 'backups');
  const migrationsDir = options.migrationsDir ?? sourceMigrationsDir;
  removeLeftovers(backupDir, { encrypted: readRecoveryRecipient(dataDir) !== null });
  const database = await openDatabase({
    file: options.file,
    migrationsDir,
    backupDir,
    ...(options.trace ? { trace: options.trace } : {}),
    ...(options.checkInBackground ? { checkInBackground: true } : {}),
    backupBeforeMigration: async (file) => {
      const recipient = readRecoveryRecipient(dataDir);
      if (recipient) await takeBackup(file, { dir: backupDir, recipient, reason: 'before-migration', now: new Date() });
      return recipient !== null;
    },
  });
  const backups = createBackupService({
    db: database.db,
    sqlite: database.sqlite,
    dataDir,
    backupDir,
    migrationsDir,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const exchange = {
    backups,
    ...(options.osEncryption ? { osEncryption: options.osEncryption } : {}),
    ...(options.keyScryptCost ? { keyScryptCost: options.keyScryptCost } : {}),
    ...(options.exportScryptWorkFactor ? { exportScryptWorkFactor: options.exportScryptWorkFactor } : {}),
  };
  const audit = createAuditService(database.db, options.clock);
  const logger = options.logger ?? console;
  const route = createRouter(createHandlers(database.db, options.clock, { exchange, backups, audit }), { session: options.session, logger });
  const ready = database.checked;
  const dispatch: Dispatch = (method, input) =>
    ready.then(
      () => route(method, input),
      () => failure('database_corrupt'),
    );
  const runDaily = () => {
    try {
      audit.purgeExpired();
    } catch (error) {
      logger.error('[audit] the purge of expired entries failed', error);
    }
    return backups.runDaily().catch((error: unknown) => logger.error('[backups] the daily backup failed', error));
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  if (options.dailyBackups) {
    ready.then(
      () => {
        if (closed) return;
        timer = setInterval(runDaily, HOUR_MS);
        return runDaily();
      },
      () => {},
    );
  }
  return {
    dispatch,
    database,
    backups,
    audit,
    ready,
    close: () => {
      closed = true;
      clearInterval(timer);
      database.close();
    },
  };
}
