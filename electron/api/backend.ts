import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenedDatabase, openDatabase } from '../db/open';
import type { Clock } from '../services/clock';
import type { ExchangeOptions } from '../services/exchange';
import { createHandlers } from './handlers';
import { type Dispatch, type Logger, createRouter } from './router';

export interface Backend {
  dispatch: Dispatch;
  database: OpenedDatabase;
  close(): void;
}

export interface BackendOptions {
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Electron's safeStorage, where it really protects the exchange keys (see electron/exchange/protection.ts). */
  osEncryption?: ExchangeOptions['osEncryption'];
  /** Lowered by tests only. */
  keyScryptCost?: ExchangeOptions['keyScryptCost'];
  exportScryptWorkFactor?: number;
}

/** The migrations as they sit in the source tree (preview host, CLI, tests). */
export const sourceMigrationsDir = fileURLToPath(new URL('../../resources/migrations', import.meta.url));

/** Opens the database and wires the router: what every transport sits on. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const database = await openDatabase({
    file: options.file,
    migrationsDir: options.migrationsDir ?? sourceMigrationsDir,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
  });
  const exchange = {
    sqlite: database.sqlite,
    backupDir: options.backupDir ?? path.join(path.dirname(options.file), 'backups'),
    ...(options.osEncryption ? { osEncryption: options.osEncryption } : {}),
    ...(options.keyScryptCost ? { keyScryptCost: options.keyScryptCost } : {}),
    ...(options.exportScryptWorkFactor ? { exportScryptWorkFactor: options.exportScryptWorkFactor } : {}),
  };
  const dispatch = createRouter(createHandlers(database.db, options.clock, exchange), options.logger);
  return { dispatch, database, close: () => database.close() };
}
