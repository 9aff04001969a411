/**
 * Run by retention-crash.test.ts in a child process that kills itself (SIGKILL: no cleanup, as a
 * crash or a power cut would) in the middle of a retention run: a temporary trigger on `table`
 * calls `midway()` at each row the run updates there, and the `nth` call sends the signal, inside
 * the run's transaction. Prints `committed` if the run ended first.
 *
 *   node crash-retention.mjs <plain database file> <migrations folder> <table> <nth>
 */
import { openDatabase } from '../../../electron/db/open';
import { createRetentionService } from '../../../electron/services/retention';

const [file = '', migrationsDir = '', table = '', nth = '1'] = process.argv.slice(2);
const opened = await openDatabase({ file, key: null, migrationsDir });
let calls = 0;
opened.sqlite.function('midway', () => {
  calls += 1;
  if (calls === Number(nth)) process.kill(process.pid, 'SIGKILL');
  return 0;
});
opened.sqlite.exec(`CREATE TEMP TRIGGER crash_midway AFTER UPDATE ON main.${table} BEGIN SELECT midway(); END`);
// Ten years on: every file is past its date.
const run = await createRetentionService(opened.db, { now: () => new Date('2036-07-01T08:00:00.000Z') }).runExpired();
process.stdout.write(`committed ${run.anonymised}\n`);
opened.close();
