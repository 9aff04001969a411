/**
 * Run by crash.test.ts in a child process that the test kills at chosen moments: imports one
 * file into a data folder, saying on stdout when it starts applying it, when the write
 * transaction begins and when the import has returned (committed).
 *
 *   node --import tsx test/unit/services/exchange/crash-import.ts <data folder> <file> <keys' passphrase>
 */
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openBackend, sourceMigrationsDir } from '../../../../electron/api/backend';
import { testSession } from '../../../support/session';
import { TEST_SCRYPT_COST } from '../../../../electron/formats/protection';

const [dataDir = '', file = '', keyPassphrase = '', migrationsDir = sourceMigrationsDir] = process.argv.slice(2);
/** Written at once (a pipe write, not buffered) so the parent sees it before any kill. */
const say = (line: string) => writeSync(1, `${line}\n`);

let applying = false;
let writing = false;
const backend = await openBackend({ session: testSession().provider,
  file: path.join(dataDir, 'tremplin.sqlite'),
  migrationsDir,
  keyScryptCost: TEST_SCRYPT_COST,
  // The first write once the import is applied is the transaction's first statement: the
  // backup before it copies the file without writing to it.
  trace: (statement) => {
    if (applying && !writing && /^\s*(begin|insert|update|delete)/i.test(statement)) {
      writing = true;
      say('writing');
    }
  },
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

await call('exchange.unlock', { passphrase: keyPassphrase });
const preview = await call('exchange.openImport', { fileName: path.basename(file), content: readFileSync(file, 'utf8') });
say('applying');
applying = true;
await call('exchange.applyImport', { token: preview.token });
say('committed');
backend.close();
