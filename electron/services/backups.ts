import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { BackupContents, BackupEntry, BackupReason, BackupStatus } from '../../shared/backups';
import { AppError, refuse } from '../core/errors';
import { emptyLog } from '../db/checkpoints';
import { DATABASE_KEY_BYTES, type DatabaseKey } from '../db/cipher';
import { DatabaseOpenError, openDatabase } from '../db/open';
import { generateAgeKey } from '../formats/age';
import {
  BackupError,
  type BackupFile,
  type KeptByRestore,
  type OpenedBackup,
  decryptBackup,
  listBackups,
  openingFolder,
  pruneBackups,
  readContents,
  readRecoveryRecipient,
  replaceContent,
  takeBackup,
  writeRecoveryRecipient,
} from '../db/backups';
import type { WriteDb } from '../db/handles';
import { auditLog, erasureRegister, exchangeLog, exchangedRecords, partnerCards, partnerErasureRequests, rightsRequests } from '../db/schema';
import { dataMark } from '../store/changes';
import { eraseRegisteredAgain } from './rights';
import { IDENTITY_KEY } from './exchange/identity';
import { describeAudit, recordScopeAudit } from '../store/audit';
import { type Clock, moment, systemClock } from '../core/clock';
import { SEQUENCE_KEY } from './exchange/export';
import { PROFILE_KEY } from './exchange/keys';

export interface BackupOptions {
  db: WriteDb;
  sqlite: Database.Database;
  /** The key the database is encrypted with (null: a plain database): a backup reads the file with it. */
  key: DatabaseKey | null;
  /** The folder of the database file (the recovery key's public half sits there). */
  dataDir: string;
  backupDir: string;
  migrationsDir: string;
  clock?: Clock;
  /** Called with a new recovery key's public half before it replaces the old one (the keyring's copy follows it). */
  recoveryKeyChanging?: (recipient: string) => Promise<void>;
}

const BACKUP_ERRORS: Record<BackupError['reason'], string> = {
  integrity: 'backups.errors.integrity',
  no_recovery_key: 'backups.errors.noRecoveryKey',
  wrong_key: 'backups.errors.wrongKey',
  damaged: 'backups.errors.damaged',
  not_a_backup: 'backups.errors.damaged',
  newer_schema: 'backups.errors.newerSchema',
};

/**
 * What a restore does not roll back: facts about the world outside this database, which going
 * back to an older copy of the records does not undo.
 * - The files sent and received (exchange log) and our export sequence number: partners hold
 *   those files, refuse a number they have seen as a replay, and the log is the GDPR record of
 *   what was shared with whom.
 * - The versions agreed with each partner (exchanged records): what the partner holds; rolled
 *   back, a file they send again unchanged would show as a conflict.
 * - Partners' cards: their keys, the fingerprint check done with them, and the highest sequence
 *   number seen from each (what refuses their older files as replays).
 * - Our own profile and keys: partners know us by that association id and those keys.
 * - The audit log: who did what happened, whatever the data now says.
 * - The erasure register: a person erased stays erased. Whoever it names and the restored copy
 *   still holds is erased again in the restore's own transaction.
 * - The people's rights requests and the partners' erasure requests: a request received, and
 *   the day it was answered, are facts the association answers for (one month, GDPR art. 12).
 */
const KEPT_BY_RESTORE: KeptByRestore = {
  tables: [exchangeLog, exchangedRecords, partnerCards, auditLog, erasureRegister, rightsRequests, partnerErasureRequests],
  settingKeys: [SEQUENCE_KEY, PROFILE_KEY, IDENTITY_KEY],
};

function toEntry({ name, takenAt, reason, bytes }: BackupFile): BackupEntry {
  return { name, takenAt, reason, bytes };
}

function asAppError(error: unknown): never {
  if (error instanceof BackupError) {
    refuse(BACKUP_ERRORS[error.reason], error.reason === 'wrong_key' ? { recoveryKey: 'backups.errors.wrongKey' } : undefined);
  }
  throw error;
}

export function createBackupService(options: BackupOptions) {
  const { db, sqlite, key, dataDir, backupDir, clock = systemClock } = options;

  function recipient(): string {
    const found = readRecoveryRecipient(dataDir);
    if (!found) refuse('backups.errors.noRecoveryKey');
    return found;
  }

  /** The backups being taken: a backup started ahead (`prepareImport`) runs on its worker with no one waiting for it. */
  const running = new Set<Promise<unknown>>();

  function take(reason: BackupReason): Promise<BackupEntry> {
    const taking = (async () => {
      try {
        const taken = await takeBackup(sqlite.name, { key, dir: backupDir, recipient: recipient(), reason, now: clock.now() });
        pruneBackups(backupDir);
        return toEntry(taken);
      } catch (error) {
        return asAppError(error);
      }
    })();
    running.add(taking);
    void taking.finally(() => running.delete(taking)).catch(() => {});
    return taking;
  }

  /**
   * The last backup before an import, with the mark of the data when it started (read before
   * its snapshot, so a write in between makes the mark older than the copy, never newer). Only
   * one of that reason is reused: retention keeps the last five of them whatever comes after.
   */
  let lastBeforeImport: { mark: string; backup: Promise<BackupEntry> } | null = null;

  async function beforeImport(): Promise<BackupEntry> {
    const mark = dataMark(db);
    const last = lastBeforeImport;
    if (last && last.mark === mark) {
      const entry = await last.backup.catch(() => null);
      if (entry && existsSync(path.join(backupDir, entry.name)) && dataMark(db) === mark) return entry;
    }
    const backup = take('before-import');
    lastBeforeImport = { mark: dataMark(db), backup };
    return backup;
  }

  function find(name: string): BackupFile {
    const found = listBackups(backupDir).find((backup) => backup.name === name);
    if (!found) throw new AppError('not_found', 'backups.errors.notFound');
    return found;
  }

  /**
   * Opens a backup into a temporary folder, encrypted under a key of this opening alone and
   * migrated to this version's schema, and hands it to `use`; the copy is always deleted afterwards.
   */
  async function withOpenedBackup<T>(name: string, recoveryKey: string, use: (opened: OpenedBackup, backup: BackupFile) => T | Promise<T>): Promise<T> {
    const backup = find(name);
    const folder = openingFolder();
    const opened = { file: path.join(folder, 'restored.sqlite'), key: randomBytes(DATABASE_KEY_BYTES) };
    try {
      await decryptBackup(backup.file, recoveryKey, opened.file, opened.key);
      try {
        (await openDatabase({ file: opened.file, key: opened.key, migrationsDir: options.migrationsDir, backupDir: folder, checkedByCaller: true })).close();
      } catch (error) {
        if (error instanceof DatabaseOpenError) throw new BackupError(error.code === 'database_too_new' ? 'newer_schema' : 'damaged');
        throw error;
      }
      return await use(opened, backup);
    } catch (error) {
      return asAppError(error);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  const contentsOf = (opened: OpenedBackup, backup: BackupFile): BackupContents => ({ takenAt: backup.takenAt, ...readContents(opened.file, opened.key) });

  return {
    /** Settles once no backup is being taken (whether they succeed or fail): before the data folder goes. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },

    status(): BackupStatus {
      return { recoveryConfigured: readRecoveryRecipient(dataDir) !== null, backups: listBackups(backupDir).map(toEntry), folder: backupDir };
    },

    async setupRecovery({ replace }: { replace: boolean }): Promise<{ recoveryKey: string; createdAt: string }> {
      if (readRecoveryRecipient(dataDir) && !replace) throw new AppError('conflict', 'backups.errors.recoveryExists');
      const key = await generateAgeKey();
      await options.recoveryKeyChanging?.(key.recipient);
      writeRecoveryRecipient(dataDir, key.recipient);
      const createdAt = moment(clock).now;
      describeAudit(createdAt, { action: 'backups.setupRecovery', subjectType: 'installation', subjectId: 'recovery-key', details: { replace } });
      // The first backup follows at once, so the sheet can be tried on it.
      await take('manual');
      return { recoveryKey: key.identity, createdAt };
    },

    backupNow: () => take('manual'),

    /** Deletes a backup: how backups taken on demand go, as retention keeps them. */
    deleteBackup({ name }: { name: string }): { deleted: string } {
      rmSync(find(name).file);
      describeAudit(moment(clock).now, { action: 'backups.delete', subjectType: 'backup', subjectId: name });
      return { deleted: name };
    },

    /**
     * Before an import: a backup when backups are set up, else a refusal that says why. Taking
     * one reads, checks and encrypts the whole database (a minute at 100,000 files on a loaded
     * machine): when nothing was written since the last one before an import started (the one
     * `prepareImport` started, mostly), that one is the backup and is not taken again.
     */
    beforeImport,

    /**
     * Starts the backup an import will need while the person reads its preview, unless the last
     * one still holds the data as it stands. Its failure is left to the apply, which takes its
     * own backup and shows why that failed.
     */
    prepareImport(): void {
      if (!readRecoveryRecipient(dataDir)) return;
      void beforeImport().catch(() => {});
    },

    /** Before files past their date are anonymised: a backup when backups are set up (a restore brings them back within the backups' own retention). */
    beforeRetention: async (): Promise<void> => {
      if (readRecoveryRecipient(dataDir)) await take('before-retention');
    },

    /**
     * The daily backup, when no backup but those on demand was taken today (called at start and
     * every hour). One taken before an import counts: retention keeps the newest of each day
     * whatever its reason, so it pushes the morning's daily backup out, and the next hour would
     * take the whole file again after every import.
     */
    async runDaily(): Promise<BackupEntry | null> {
      if (!readRecoveryRecipient(dataDir)) return null;
      const { today } = moment(clock);
      if (listBackups(backupDir).some((backup) => backup.reason !== 'manual' && backup.takenAt.slice(0, 10) === today)) return null;
      return take('daily');
    },

    previewRestore: ({ name, recoveryKey }: { name: string; recoveryKey: string }) => withOpenedBackup(name, recoveryKey, contentsOf),

    /** Opened and checked first (a wrong key or a damaged file stops there), then the current content is kept aside. */
    restore: ({ name, recoveryKey }: { name: string; recoveryKey: string }) =>
      withOpenedBackup(name, recoveryKey, async (opened, backup) => {
        await take('before-restore');
        const { now } = moment(clock);
        // The restore's own transaction (opened after an ATTACH, which none may hold) carries the audit row.
        let erasedAgain = 0;
        replaceContent(sqlite, opened, KEPT_BY_RESTORE, () => {
          erasedAgain = eraseRegisteredAgain(db).length;
          describeAudit(now, { action: 'backups.restore', subjectType: 'backup', subjectId: name, ...(erasedAgain > 0 ? { details: { erasedAgain } } : {}) });
          recordScopeAudit(db, now);
        });
        if (erasedAgain > 0) emptyLog(sqlite);
        return contentsOf(opened, backup);
      }),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
