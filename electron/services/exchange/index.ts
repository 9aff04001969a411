import type { ParsedInputOf } from '../../../shared/api';
import { type Clock, systemClock } from '../../core/clock';
import type { WriteDb } from '../../db/handles';
import type { DatabaseSource } from '../../db/cipher';
import type { OsEncryption, ScryptCost } from '../../formats/protection';
import type { BackupService } from '../backups';
import { createCardsService } from './cards';
import { createErasureRequestService } from './erasure-request';
import { createExportService } from './export';
import { createImportService } from './import';
import { createKeysService } from './keys';
import { exchangeLog } from './log';
import { createProgress } from './progress';

/**
 * Exchanges with partner associations, one module per concern: keys (the profile and its keys),
 * cards, export, import and the log; `progress` follows the long export and import.
 */

export interface ExchangeOptions {
  db: WriteDb;
  clock?: Clock;
  /** Electron's safeStorage where it really protects keys; absent: passphrase protection. */
  osEncryption?: OsEncryption;
  /** Takes the backup every import starts with. */
  backups: Pick<BackupService, 'beforeImport'>;
  /** Lowered by tests only. */
  keyScryptCost?: ScryptCost;
  exportScryptWorkFactor?: number;
  /** The key of the encrypted database: the exchange keys are sealed under it (no passphrase). */
  databaseKey?: Uint8Array;
  /** The file `db` reads, and its key: a large export reads its events from it on a worker thread, and an import's pages are copied into it on one. */
  databaseSource?: DatabaseSource;
}

export function createExchangeService(options: ExchangeOptions) {
  const { db, clock = systemClock } = options;
  const progress = createProgress();
  const keys = createKeysService({ db, clock, osEncryption: options.osEncryption, keyScryptCost: options.keyScryptCost, databaseKey: options.databaseKey });
  const cards = createCardsService({ db, clock, keys });
  const exports = createExportService({ db, clock, keys, progress, exportScryptWorkFactor: options.exportScryptWorkFactor, databaseSource: options.databaseSource });
  const imports = createImportService({ db, clock, keys, cards, progress, backups: options.backups, databaseSource: options.databaseSource });

  return {
    status: keys.status,
    saveProfile: keys.saveProfile,
    createKeys: keys.createKeys,
    unlock: keys.unlock,
    lock: keys.lock,
    ownCard: cards.ownCard,
    previewCard: cards.previewCard,
    importCard: cards.importCard,
    verifyCard: cards.verifyCard,
    listCards: cards.listCards,
    previewExport: exports.previewExport,
    erasureRequest: createErasureRequestService({ db, clock, keys }),
    export: progress.tracked('export', exports.exportFile),
    openImport: progress.tracked('import', imports.openImport),
    applyImport: progress.tracked('import', imports.applyImport),
    progress: progress.current,
    dropImport: imports.dropImport,
    log: (input: ParsedInputOf<'exchange.log'>) => exchangeLog(db, input),
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
