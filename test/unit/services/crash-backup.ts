/**
 * Run by backups.test.ts in a child process that the test kills (SIGKILL: no cleanup, as a
 * crash or a power cut would) while a backup is being written: takes backups one after the
 * other until it is killed.
 *
 *   node --import tsx test/unit/services/crash-backup.ts <database file>
 */
import { openBackend } from '../../../electron/api/backend';
import { testSession } from '../../support/session';

const [file = ''] = process.argv.slice(2);
const backend = await openBackend({ session: testSession().provider, file, logger: { error: () => {} } });
await backend.ready;
for (;;) await backend.backups.backupNow();
