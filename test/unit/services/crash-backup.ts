/**
 * Run by backups.test.ts in a child process that the test kills (SIGKILL: no cleanup, as a
 * crash or a power cut would) while a backup is being written: takes backups one after the
 * other until it is killed.
 *
 *   node <this script bundled> <database file> <migrations folder>
 */
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { openSignedIn } from '../../support/accounts';

const [file = '', migrationsDir = sourceMigrationsDir] = process.argv.slice(2);
const backend = await openSignedIn({ file, migrationsDir, logger: { error: () => {} } });
await backend.ready;
for (;;) await backend.backups.backupNow();
