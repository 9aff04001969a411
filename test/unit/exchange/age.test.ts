import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DecryptionError,
  decrypt,
  encryptToRecipients,
  encryptWithPassphrase,
  generateAgeKey,
  isAgeRecipient,
} from '../../../electron/exchange/age';

const plaintext = new TextEncoder().encode('{"candidates":[{"firstName":"Hélène","lastName":"Nguyễn"}]}');
/** Fast scrypt for tests; the app uses age's default. */
const TEST_WORK_FACTOR = 10;

async function reasonOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DecryptionError) return error.reason;
    throw error;
  }
  return 'opened';
}

function hasAge(): boolean {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('age encryption', () => {
  it('opens for each recipient, not for another key', async () => {
    const partner = await generateAgeKey();
    const ourselves = await generateAgeKey();
    expect(isAgeRecipient(partner.recipient)).toBe(true);
    const file = await encryptToRecipients(plaintext, [partner.recipient, ourselves.recipient]);
    expect(await decrypt(file, { identities: [partner.identity] })).toEqual(plaintext);
    expect(await decrypt(file, { identities: [ourselves.identity] })).toEqual(plaintext);
    const stranger = await generateAgeKey();
    expect(await reasonOf(() => decrypt(file, { identities: [stranger.identity] }))).toBe('no_matching_key');
  });

  it('tells a wrong passphrase, a changed byte, a cut file and a non-age file apart', async () => {
    const file = await encryptWithPassphrase(plaintext, 'abeille-debattre-dauphin', TEST_WORK_FACTOR);
    expect(await decrypt(file, { passphrase: 'abeille-debattre-dauphin' })).toEqual(plaintext);
    expect(await reasonOf(() => decrypt(file, { passphrase: 'abeille-debattre-danger' }))).toBe('no_matching_key');
    const changed = file.slice();
    changed[changed.length - 5] = (changed[changed.length - 5] ?? 0) ^ 1;
    expect(await reasonOf(() => decrypt(changed, { passphrase: 'abeille-debattre-dauphin' }))).toBe('damaged');
    expect(await reasonOf(() => decrypt(file.slice(0, file.length - 20), { passphrase: 'abeille-debattre-dauphin' }))).toBe('damaged');
    expect(await reasonOf(() => decrypt(new TextEncoder().encode('PK\u0003\u0004 a zip'), { passphrase: 'x' }))).toBe('not_age');
  });
});

// CI installs Debian's age (1.1): a partner opens our files with it.
describe.skipIf(!hasAge())('interoperability with the age tool', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tremplin-age-'));

  it('age -d -i opens a file made for a recipient, and we open one age made', async () => {
    const partner = await generateAgeKey();
    writeFileSync(join(folder, 'partner.key'), `${partner.identity}\n`);
    writeFileSync(join(folder, 'export.age'), await encryptToRecipients(plaintext, [partner.recipient]));
    const opened = execFileSync('age', ['-d', '-i', join(folder, 'partner.key'), join(folder, 'export.age')]);
    expect(new Uint8Array(opened)).toEqual(plaintext);

    writeFileSync(join(folder, 'plain.json'), plaintext);
    execFileSync('age', ['-r', partner.recipient, '-o', join(folder, 'from-cli.age'), join(folder, 'plain.json')]);
    expect(await decrypt(readFileSync(join(folder, 'from-cli.age')), { identities: [partner.identity] })).toEqual(plaintext);
  });

  it('age -d opens a passphrase file when the passphrase is typed at its prompt', async () => {
    writeFileSync(join(folder, 'pass.age'), await encryptWithPassphrase(plaintext, 'abeille-debattre-dauphin', TEST_WORK_FACTOR));
    // age reads passphrases from a terminal only: `script` gives it one, fed from our stdin.
    execFileSync('script', ['-q', '-c', `age -d -o ${join(folder, 'pass.out')} ${join(folder, 'pass.age')}`, '/dev/null'], {
      input: 'abeille-debattre-dauphin\n',
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    expect(new Uint8Array(readFileSync(join(folder, 'pass.out')))).toEqual(plaintext);
  });
});
