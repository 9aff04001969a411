import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateAgeKey } from '../../../electron/formats/age';
import {
  type Keyring,
  KeyringError,
  TEST_KEYRING_SCRYPT,
  findEntry,
  parseKeyring,
  serializeKeyring,
  unwrapWithPassword,
  unwrapWithRecovery,
  wrapForPassword,
  wrapForRecovery,
} from '../../../electron/formats/keyring';

const account = { accountId: '0190a000-0000-7000-8000-000000000001', name: 'Claire Martin' };

describe('the keyring format', () => {
  it('wraps the database key for a password and for the recovery key, and gives it back', async () => {
    const key = randomBytes(32);
    const wrapped = await wrapForPassword(key, account, 'un mot de passe', TEST_KEYRING_SCRYPT);
    expect(wrapped).toMatchObject(TEST_KEYRING_SCRYPT);
    expect(JSON.stringify(wrapped)).not.toContain(key.toString('base64'));
    expect(await unwrapWithPassword({ ...account, wrapped }, 'un mot de passe')).toEqual(key);
    // Composed or decomposed accents are one password.
    const accented = await wrapForPassword(key, account, 'H\u00e9l\u00e8ne', TEST_KEYRING_SCRYPT);
    expect(await unwrapWithPassword({ ...account, wrapped: accented }, 'He\u0301le\u0300ne')).toEqual(key);

    const recovery = await generateAgeKey();
    const keyring: Keyring = { format: 'tremplin-keyring', version: 1, recovery: await wrapForRecovery(key, recovery.recipient), accounts: [{ ...account, wrapped }], recent: [] };
    expect(await unwrapWithRecovery(keyring, recovery.identity)).toEqual(key);
    expect(parseKeyring(serializeKeyring(keyring))).toEqual(keyring);
    expect(findEntry(keyring, '  claire martin ')?.accountId).toBe(account.accountId);
  });

  it('refuses a wrong password, a copy moved to another account, a changed copy, a wrong recovery key', async () => {
    const key = randomBytes(32);
    const wrapped = await wrapForPassword(key, account, 'un mot de passe', TEST_KEYRING_SCRYPT);
    const reason = (promise: Promise<unknown>) => promise.then(() => 'opened', (error: unknown) => (error instanceof KeyringError ? error.reason : String(error)));
    expect(await reason(unwrapWithPassword({ ...account, wrapped }, 'un autre mot de passe'))).toBe('wrong_password');
    expect(await reason(unwrapWithPassword({ ...account, name: 'Quelqu’un', wrapped }, 'un mot de passe'))).toBe('wrong_password');
    expect(await reason(unwrapWithPassword({ ...account, accountId: 'another', wrapped }, 'un mot de passe'))).toBe('wrong_password');
    const sealed = Buffer.from(wrapped.sealed, 'base64');
    sealed[0] = (sealed[0] ?? 0) ^ 0x80;
    expect(await reason(unwrapWithPassword({ ...account, wrapped: { ...wrapped, sealed: sealed.toString('base64') } }, 'un mot de passe'))).toBe('wrong_password');
    // A lower cost written in the file is authenticated too: it does not open.
    expect(await reason(unwrapWithPassword({ ...account, wrapped: { ...wrapped, N: wrapped.N / 2 } }, 'un mot de passe'))).toBe('wrong_password');
    expect(await reason(unwrapWithPassword({ ...account, wrapped: { ...wrapped, N: 1000 } }, 'un mot de passe'))).toBe('damaged');
    expect(await reason(unwrapWithPassword({ ...account, wrapped: { ...wrapped, salt: 'AAAA' } }, 'un mot de passe'))).toBe('damaged');
    expect(await reason(unwrapWithPassword({ ...account, wrapped: null }, 'un mot de passe'))).toBe('wrong_password');

    const keyring: Keyring = { format: 'tremplin-keyring', version: 1, recovery: await wrapForRecovery(key, (await generateAgeKey()).recipient), accounts: [], recent: [] };
    expect(await reason(unwrapWithRecovery(keyring, (await generateAgeKey()).identity))).toBe('wrong_recovery_key');
    expect(await reason(unwrapWithRecovery(keyring, 'pas une clé'))).toBe('wrong_recovery_key');
    expect(await reason(unwrapWithRecovery(keyring, `AGE-SECRET-KEY-1${'Q'.repeat(58)}`))).toBe('wrong_recovery_key');
    expect(await reason(unwrapWithRecovery({ ...keyring, recovery: 'AAAA' }, (await generateAgeKey()).identity))).toBe('damaged');
  });

  it('refuses a file that is not a keyring', () => {
    const damaged = (text: string) => () => parseKeyring(Buffer.from(text));
    expect(damaged('')).toThrow(KeyringError);
    expect(damaged('{"format":"tremplin-keyring","version":2,"recovery":"","accounts":[],"recent":[]}')).toThrow(KeyringError);
    expect(damaged('{"format":"tremplin-keyring","version":1,"recovery":"","accounts":[],"recent":[],"extra":1}')).toThrow(KeyringError);
    const entry = { accountId: 'a', name: 'A', wrapped: null };
    expect(damaged(JSON.stringify({ format: 'tremplin-keyring', version: 1, recovery: '', accounts: [entry, entry], recent: [] }))).toThrow(KeyringError);
  });
});
