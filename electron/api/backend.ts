import { fileURLToPath } from 'node:url';
import { type OpenedDatabase, openDatabase } from '../db/open';
import type { Clock } from '../services/clock';
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
  const dispatch = createRouter(createHandlers(database.db, options.clock), options.logger);
  return { dispatch, database, close: () => database.close() };
}
