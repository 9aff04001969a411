import type { backupMethods } from '../../../shared/backups';
import type { BackupService } from '../../services/backups';
import type { HandlersFor } from '../router';

export function backupHandlers(backups: BackupService): HandlersFor<typeof backupMethods> {
  return {
    'backups.status': backups.status,
    'backups.setupRecovery': backups.setupRecovery,
    'backups.backupNow': backups.backupNow,
    'backups.delete': backups.deleteBackup,
    'backups.previewRestore': backups.previewRestore,
    'backups.restore': backups.restore,
  };
}
