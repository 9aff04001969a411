import { z } from 'zod';
import { reads, writes } from './method';

/** Encrypted backups of the database and their restore. */

export const BACKUP_REASONS = ['daily', 'manual', 'before-import', 'before-migration', 'before-restore', 'before-retention'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * How many automatic backups are kept: the newest of each of the last days, weeks and months,
 * and the last ones taken before a change. Backups taken on demand are kept until deleted.
 */
export const BACKUP_RETENTION = { daily: 7, weekly: 4, monthly: 12, beforeChange: 5 } as const;

export interface BackupEntry {
  name: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupStatus {
  /** A recovery key exists: backups are taken (and can be restored with its sheet). */
  recoveryConfigured: boolean;
  /** Newest first. */
  backups: BackupEntry[];
  /** Where the files are, for the staffer who copies them to a USB key. */
  folder: string;
}

/** The recovery key as printed on the sheet (`AGE-SECRET-KEY-1…`), typed or pasted. */
const recoveryKey = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/, { error: 'backups.errors.recoveryKey' }));

const backupName = z.string().regex(/^tremplin-[0-9TZ-]+-[a-z-]+\.sqlite\.age$/, { error: 'backups.errors.notFound' });

export interface BackupContents {
  takenAt: string;
  schemaVersion: number;
  counts: Record<string, number>;
  lastChangeAt: string | null;
}

export const backupMethods = {
  'backups.status': reads<BackupStatus>('backups')(z.strictObject({})),
  /** Makes the recovery key: its secret half is returned once, for the printed sheet, and never stored. */
  'backups.setupRecovery': writes<{ recoveryKey: string; createdAt: string }>('settings')(z.strictObject({ replace: z.boolean().default(false) })),
  'backups.backupNow': writes<BackupEntry>('backups')(z.strictObject({})),
  /** Deletes one backup file (retention keeps those taken on demand until then). */
  'backups.delete': writes<{ deleted: string }>('settings')(z.strictObject({ name: backupName })),
  /** Opens a backup with the recovery key and says what it holds; nothing changes. */
  'backups.previewRestore': reads<BackupContents>('settings')(z.strictObject({ name: backupName, recoveryKey })),
  /** Keeps the current database aside (a backup), then replaces its content with the backup's. */
  'backups.restore': writes<BackupContents>('settings')(z.strictObject({ name: backupName, recoveryKey })),
};
