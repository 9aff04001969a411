/**
 * Run by encrypt-crash.test.ts in a child process that the test kills (SIGKILL: no cleanup, as
 * a crash or a power cut would) while a plain database is being encrypted. Prints each step as
 * it is reached; with a step named, stops there (blocked, never finishing) until it is killed.
 *
 *   node crash-encrypt.mjs (this file bundled) <database file> <key, hex> [<step to stop at>]
 */
import { encryptDatabaseFile } from '../../../electron/db/encrypt';

const [file = '', keyHex = '', stopAt] = process.argv.slice(2);
process.stdout.write('started\n');
encryptDatabaseFile(file, Buffer.from(keyHex, 'hex'), (step) => {
  process.stdout.write(`${step}\n`);
  if (step === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
