import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../../electron/api/backend';
import { openDatabase } from '../../../../electron/db/open';
import { decrypt, encryptToRecipients } from '../../../../electron/formats/age';
import { createIdentity, fingerprintOf, readIdentity, signingKeyIdOf, unlockIdentity } from '../../../../electron/services/exchange/identity';
import { parsePublicKey, signDetached, verifyDetached } from '../../../../electron/formats/minisign';
import {
  type OsEncryption,
  ProtectionError,
  TEST_SCRYPT_COST,
  databaseKeyProtector,
  osKeychainProtector,
  passphraseProtector,
} from '../../../../electron/formats/protection';
import { openSignedIn } from '../../../support/accounts';
import { ok, refused } from '../../../support/api';
import { useBackend, useTempDir } from '../../../support/temp';

const NOW = '2026-11-22T10:00:00.000Z';

/** Stands in for Electron's safeStorage: a reversible transform bound to one "account". */
function fakeOsEncryption(account: string): OsEncryption {
  const mask = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ account.charCodeAt(index % account.length)));
  return {
    encryptString: (text) => Buffer.concat([Buffer.from(account), mask(Buffer.from(text, 'utf8'))]),
    decryptString(sealed) {
      if (!sealed.subarray(0, account.length).equals(Buffer.from(account))) throw new Error('other account');
      return mask(sealed.subarray(account.length)).toString('utf8');
    },
  };
}

describe('key protection', () => {
  it('a passphrase seals and opens; another passphrase or damaged bytes cannot open', () => {
    const protector = passphraseProtector('correct horse battery', TEST_SCRYPT_COST);
    const secret = Buffer.from('AGE-SECRET-KEY-1EXAMPLE');
    const sealed = protector.seal(secret);
    expect(Buffer.from(sealed).includes(secret)).toBe(false);
    expect(Buffer.from(protector.open(sealed))).toEqual(secret);
    expect(() => passphraseProtector('wrong horse battery', TEST_SCRYPT_COST).open(sealed)).toThrow(ProtectionError);
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    expect(() => protector.open(damaged)).toThrow(ProtectionError);
    expect(() => protector.open(Buffer.from('short'))).toThrow(ProtectionError);
  });

  it('one protector seals everything with one salt, so unlocking costs one key derivation', () => {
    const saltOf = (sealed: Uint8Array) => Buffer.from(sealed).subarray(4, 20).toString('hex');
    const sealing = passphraseProtector('correct horse battery', TEST_SCRYPT_COST);
    const first = sealing.seal(Buffer.from('first secret'));
    const second = sealing.seal(Buffer.from('second secret'));
    expect(saltOf(first)).toBe(saltOf(second));
    expect(Buffer.from(first).subarray(20, 32)).not.toEqual(Buffer.from(second).subarray(20, 32));
    const opening = passphraseProtector('correct horse battery', TEST_SCRYPT_COST);
    expect(Buffer.from(opening.open(first)).toString()).toBe('first secret');
    expect(Buffer.from(opening.open(second)).toString()).toBe('second secret');
    // Keys sealed before, each with a salt of its own, still open.
    const older = passphraseProtector('correct horse battery', TEST_SCRYPT_COST).seal(Buffer.from('older secret'));
    expect(saltOf(older)).not.toBe(saltOf(first));
    expect(Buffer.from(opening.open(older)).toString()).toBe('older secret');
  });

  it('the OS keychain protector opens only on the same account', () => {
    const sealed = osKeychainProtector(fakeOsEncryption('alice')).seal(Buffer.from('secret'));
    expect(Buffer.from(osKeychainProtector(fakeOsEncryption('alice')).open(sealed)).toString()).toBe('secret');
    expect(() => osKeychainProtector(fakeOsEncryption('bobby')).open(sealed)).toThrow(ProtectionError);
  });

  it('the database key protector opens only with the same database key, and refuses damaged bytes', () => {
    const databaseKey = randomBytes(32);
    const secret = Buffer.from('AGE-SECRET-KEY-1EXAMPLE');
    const sealed = databaseKeyProtector(databaseKey).seal(secret);
    expect(Buffer.from(sealed).includes(secret)).toBe(false);
    expect(Buffer.from(databaseKeyProtector(Buffer.from(databaseKey)).open(sealed))).toEqual(secret);
    expect(() => databaseKeyProtector(randomBytes(32)).open(sealed)).toThrow(ProtectionError);
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    expect(() => databaseKeyProtector(databaseKey).open(damaged)).toThrow(ProtectionError);
    expect(() => databaseKeyProtector(databaseKey).open(passphraseProtector('correct horse battery', TEST_SCRYPT_COST).seal(secret))).toThrow(ProtectionError);
  });
});

describe('exchange keys on an encrypted database', () => {
  const tempDir = useTempDir();

  it('are sealed under the database key: made without a passphrase, open by themselves at the next start, never locked apart', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    const first = await openSignedIn({ file, keyScryptCost: TEST_SCRYPT_COST, logger: { error: () => {} } });
    expect((await ok(first, 'exchange.status', {})).protection).toBe('database');
    const created = await ok(first, 'exchange.createKeys', {});
    expect(created.protection).toBe('database');
    expect(created.keys?.unlocked).toBe(true);
    expect(readIdentity(first.database.db)?.method).toBe('database');
    expect((await ok(first, 'exchange.lock', {})).keys?.unlocked).toBe(true);
    first.close();

    const again = await openSignedIn({ file, keyScryptCost: TEST_SCRYPT_COST, logger: { error: () => {} } });
    const status = await ok(again, 'exchange.status', {});
    expect(status.keys?.unlocked).toBe(true);
    expect(status.keys?.fingerprint).toEqual(created.keys?.fingerprint);
    again.close();
  });

  it('keys made with a passphrase before stay sealed by it, and still need it', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    // A database from before accounts: plain, its keys sealed by a passphrase; the first account encrypts it.
    const plain = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    await createIdentity(plain.db, passphraseProtector('a long passphrase here', TEST_SCRYPT_COST), NOW);
    plain.close();
    const encrypted = await openSignedIn({ file, keyScryptCost: TEST_SCRYPT_COST, logger: { error: () => {} } });
    const status = await ok(encrypted, 'exchange.status', {});
    expect(status.protection).toBe('passphrase');
    expect(status.keys?.unlocked).toBe(false);
    await refused(encrypted, 'exchange.unlock', { passphrase: 'not the passphrase at all' });
    expect((await ok(encrypted, 'exchange.unlock', { passphrase: 'a long passphrase here' })).keys?.unlocked).toBe(true);
    encrypted.close();
  });
});

describe('installation identity', () => {
  const backend = useBackend();

  it('is made once, stored sealed, and its keys work once unlocked', async () => {
    const { database } = await backend();
    expect(readIdentity(database.db)).toBeNull();
    const protector = passphraseProtector('a long passphrase here', TEST_SCRYPT_COST);
    const identity = await createIdentity(database.db, protector, NOW);
    expect(readIdentity(database.db)).toEqual(identity);
    await expect(createIdentity(database.db, protector, NOW)).rejects.toThrow();

    const stored = JSON.stringify(database.sqlite.prepare('SELECT value FROM settings').all());
    const unlocked = unlockIdentity(database.db, protector);
    if (!unlocked) throw new Error('no identity');
    expect(stored).not.toContain(unlocked.ageIdentity);
    expect(stored).not.toContain('AGE-SECRET-KEY');

    const file = await encryptToRecipients(new Uint8Array([1, 2, 3]), [identity.ageRecipient]);
    expect(await decrypt(file, { identities: [unlocked.ageIdentity] })).toEqual(new Uint8Array([1, 2, 3]));
    const signature = signDetached(file, unlocked.signingKey, 'test');
    expect(verifyDetached(file, signature, parsePublicKey(identity.signingPublicKey))).toEqual({ trustedComment: 'test' });
    expect(signingKeyIdOf(identity.signingPublicKey)).toMatch(/^[0-9A-F]{16}$/);

    expect(() => unlockIdentity(database.db, passphraseProtector('not the passphrase', TEST_SCRYPT_COST))).toThrow(ProtectionError);
  });

  it('fingerprints are six words that change with either key', () => {
    const keys = { ageRecipient: 'age1qqqq', signingPublicKey: 'RWQAAAA' };
    const fingerprint = fingerprintOf(keys);
    expect(fingerprint.words).toHaveLength(6);
    expect(fingerprint.hex).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(fingerprintOf({ ...keys, signingPublicKey: 'RWQAAAB' }).words).not.toEqual(fingerprint.words);
    expect(fingerprintOf({ ...keys, ageRecipient: 'age1qqqr' }).words).not.toEqual(fingerprint.words);
  });
});
