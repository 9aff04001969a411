import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import {
  DecryptionError,
  ageFileOf,
  decrypt,
  decryptFile,
  encryptToFile,
  encryptToRecipients,
  encryptWithPassphrase,
  generateAgeKey,
  isAgeRecipient,
  isPassphraseFile,
} from '../../../electron/formats/age';
import { useTempDir } from '../../support/temp';

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

  it('tells a passphrase file from one made for recipients by its header', async () => {
    const key = await generateAgeKey();
    expect(isPassphraseFile(await encryptWithPassphrase(plaintext, 'abeille-debattre-dauphin', TEST_WORK_FACTOR))).toBe(true);
    expect(isPassphraseFile(await encryptToRecipients(plaintext, [key.recipient]))).toBe(false);
  });

  it('refuses a passphrase file whose scrypt work factor is above what Tremplin and age write, before any work', async () => {
    const file = await encryptWithPassphrase(plaintext, 'abeille-debattre-dauphin', TEST_WORK_FACTOR);
    // The stanza's work factor raised to what the age-encryption library accepts (2^20: 1 GiB).
    const text = Buffer.from(file).toString('latin1');
    const hostile = Buffer.from(text.replace(/^(-> scrypt \S+) 10$/m, '$1 20'), 'latin1');
    expect(hostile.equals(Buffer.from(file))).toBe(false);
    expect(await reasonOf(() => decrypt(new Uint8Array(hostile), { passphrase: 'abeille-debattre-dauphin' }))).toBe('too_costly');
  }, 60_000);

  it('derives a passphrase file\'s key off the main thread: other work goes on meanwhile', async () => {
    const file = await encryptWithPassphrase(plaintext, 'abeille-debattre-dauphin', 16);
    let turns = 0;
    let opening = true;
    const turn = () => {
      turns++;
      if (opening) setImmediate(turn);
    };
    setImmediate(turn);
    const opened = decrypt(file, { passphrase: 'abeille-debattre-dauphin' }).finally(() => {
      opening = false;
    });
    expect(await opened).toEqual(plaintext);
    // 2^16 scrypt is tens of megabytes of memory-hard work: on the main thread, the loop would not turn at all meanwhile.
    expect(turns).toBeGreaterThan(10);
  }, 60_000);
});

/** Sizes around the 64 KiB chunks of age's payload. */
const SIZES = [0, 1, 65_535, 65_536, 65_537, 2 * 65_536, 1_000_003];
const CHUNK = 65_536;
const SEALED = CHUNK + 16;

describe('the payload, chunk by chunk', () => {
  const tempDir = useTempDir();

  it('agrees with the age-encryption library both ways, at every size around a chunk', async () => {
    const key = await generateAgeKey();
    for (const size of SIZES) {
      const data = new Uint8Array(randomBytes(size));
      const ours = await encryptToRecipients(data, [key.recipient]);
      const library = new Decrypter();
      library.addIdentity(key.identity);
      expect(await library.decrypt(ours), `size ${size}`).toEqual(data);
      const theirs = new Encrypter();
      theirs.addRecipient(key.recipient);
      expect(await decrypt(await theirs.encrypt(data), { identities: [key.identity] }), `size ${size}`).toEqual(data);
    }
    const byPassphrase = await encryptWithPassphrase(new Uint8Array(70_000), 'abeille-debattre-dauphin', TEST_WORK_FACTOR);
    const library = new Decrypter();
    library.addPassphrase('abeille-debattre-dauphin');
    expect(await library.decrypt(byPassphrase)).toEqual(new Uint8Array(70_000));
  });

  // A size around the chunks, and where the plaintext is cut into pieces (some of them empty).
  let key: Awaited<ReturnType<typeof generateAgeKey>> | undefined;
  const piecesOf = fc.tuple(fc.constantFrom(...SIZES), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }));
  test.prop([piecesOf], { numRuns: 15 })('seals a plaintext given in pieces, cut anywhere, as the file of the whole, which the library opens', async ([size, cuts]) => {
    key ??= await generateAgeKey();
    const data = new Uint8Array(randomBytes(size));
    const at = [0, ...cuts.map((cut) => Math.floor(cut * size)).sort((a, b) => a - b), size];
    const pieces = at.slice(1).map((end, index) => data.subarray(at[index], end));
    const file = await ageFileOf(pieces, { recipients: [key.recipient] });
    const output = new Uint8Array(file.size);
    file.sealInto(output);
    const library = new Decrypter();
    library.addIdentity(key.identity);
    expect(await library.decrypt(output)).toEqual(data);
  });

  it('refuses a file cut at a chunk boundary, with bytes added, or with a changed header', async () => {
    const key = await generateAgeKey();
    const file = await encryptToRecipients(new Uint8Array(3 * CHUNK), [key.recipient]);
    const open = (bytes: Uint8Array) => reasonOf(() => decrypt(bytes, { identities: [key.identity] }));
    expect(await open(file)).toBe('opened');
    // Dropping the last chunk leaves whole chunks that were not sealed as the last one.
    expect(await open(file.subarray(0, file.length - SEALED))).toBe('damaged');
    expect(await open(file.subarray(0, file.length - 3 * SEALED))).toBe('damaged');
    expect(await open(new Uint8Array([...file, 0]))).toBe('damaged');
    expect(await open(new Uint8Array([...file, ...new Uint8Array(SEALED)]))).toBe('damaged');
    const header = file.slice();
    const macAt = Buffer.from(header).indexOf('\n--- ') + 6;
    header[macAt] = header[macAt] === 65 ? 66 : 65;
    expect(await open(header)).toBe('damaged');
    expect(await reasonOf(() => decrypt(file, { identities: ['AGE-SECRET-KEY-1NOTAKEY'] }))).toBe('no_matching_key');
  });

  it('encrypts what a source hands out and decrypts files, a megabyte at a time, whatever their size', async () => {
    const key = await generateAgeKey();
    const folder = tempDir();
    for (const size of [...SIZES, 16 * CHUNK, 16 * CHUNK + 1, 40 * CHUNK + 7]) {
      const data = randomBytes(size);
      const reads: number[] = [];
      const read = async (position: number, length: number) => {
        reads.push(length);
        return data.subarray(position, position + length);
      };
      await encryptToFile({ size, read }, join(folder, 'sealed'), { recipients: [key.recipient] });
      expect(Math.max(...reads), `size ${size}`).toBeLessThanOrEqual(16 * CHUNK);
      const sealed = readFileSync(join(folder, 'sealed'));
      expect(await decrypt(sealed, { identities: [key.identity] }), `size ${size}`).toEqual(new Uint8Array(data));
      await decryptFile(join(folder, 'sealed'), join(folder, 'opened'), { identities: [key.identity] });
      expect(readFileSync(join(folder, 'opened')).equals(data), `size ${size}`).toBe(true);
      if (size > SEALED) {
        writeFileSync(join(folder, 'cut'), sealed.subarray(0, sealed.length - SEALED));
        await expect(decryptFile(join(folder, 'cut'), join(folder, 'opened'), { identities: [key.identity] })).rejects.toMatchObject({ reason: 'damaged' });
      }
    }
  });
});

// CI installs Debian's age (1.1): a partner opens our files with it.
describe.skipIf(!hasAge())('interoperability with the age tool', () => {
  const tempDir = useTempDir();
  let folder = '';
  beforeEach(() => {
    folder = tempDir();
  });

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

  it('age opens ours and we open age\'s at every size around a chunk, for several recipients', async () => {
    const partner = await generateAgeKey();
    const ourselves = await generateAgeKey();
    writeFileSync(join(folder, 'ourselves.key'), `${ourselves.identity}\n`);
    for (const size of SIZES) {
      const data = randomBytes(size);
      writeFileSync(join(folder, 'sized.age'), await encryptToRecipients(data, [partner.recipient, ourselves.recipient]));
      expect(execFileSync('age', ['-d', '-i', join(folder, 'ourselves.key'), join(folder, 'sized.age')]).equals(data), `size ${size}`).toBe(true);
      writeFileSync(join(folder, 'sized.plain'), data);
      execFileSync('age', ['-r', partner.recipient, '-r', ourselves.recipient, '-o', join(folder, 'sized-cli.age'), join(folder, 'sized.plain')]);
      await decryptFile(join(folder, 'sized-cli.age'), join(folder, 'sized.out'), { identities: [partner.identity] });
      expect(readFileSync(join(folder, 'sized.out')).equals(data), `size ${size}`).toBe(true);
    }
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
