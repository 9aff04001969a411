import type { backupMethods } from '../../../shared/backups';
import type { BackupService } from '../../services/backups';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

export function backupHandlers(backups: BackupService): HandlersFor<typeof backupMethods> {
  return {
    'backups.status': backups.status,
    'backups.setupRecovery': awaitsBeforeWriting(backups.setupRecovery),
    'backups.backupNow': awaitsBeforeWriting(backups.backupNow),
    'backups.delete': backups.deleteBackup,
    'backups.previewRestore': backups.previewRestore,
    'backups.restore': awaitsBeforeWriting(backups.restore),
  };
}
