import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { DecryptionError, decrypt, encryptToRecipients } from './age';

/**
 * The keyring: the database's random 32-byte key, never stored in clear. One copy is wrapped for
 * each account by a key derived from its password (scrypt, then AES-256-GCM), and one copy is
 * encrypted with age to the association's recovery key, whose secret half is only on the printed
 * sheet. Pure functions of bytes, keys and text: the file itself is read and written by db/keyring.
 *
 * A wrapped copy authenticates its account's id and name (GCM's additional data), so a copy moved
 * to another entry, or an entry renamed by hand, opens nothing.
 */

export const DATABASE_KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface KeyringScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt N = 2^17, r = 8, p = 1: 128 MiB, 0.66–0.77 s measured on this 2-core machine at load
 * 2.5 (about half a second quiet): the cost of every sign-in, password change and wrong guess.
 * Stored with each copy, so a later version can raise it as accounts change their passwords.
 */
export const KEYRING_SCRYPT: KeyringScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** A cheap cost for tests (the format is the same). */
export const TEST_KEYRING_SCRYPT: KeyringScryptCost = { N: 2 ** 10, r: 8, p: 1 };

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const wrappedSchema = z.strictObject({
  salt: base64,
  nonce: base64,
  /** Ciphertext then GCM tag. */
  sealed: base64,
  N: z.number().int().min(2).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type WrappedKey = z.infer<typeof wrappedSchema>;

const entrySchema = z.strictObject({
  accountId: z.string().min(1).max(80),
  name: z.string().min(1).max(80),
  /** Absent once the account is disabled: its copy is destroyed. */
  wrapped: wrappedSchema.nullable(),
});
export type KeyringEntry = z.infer<typeof entrySchema>;

const keyringSchema = z.strictObject({
  format: z.literal('tremplin-keyring'),
  version: z.literal(1),
  /** The database key encrypted with age to the recovery key (base64 of the age file). */
  recovery: base64,
  accounts: z.array(entrySchema),
  /** Account ids, newest sign-in first: the sign-in screen's short list. */
  recent: z.array(z.string().max(80)).max(20),
});
export type Keyring = z.infer<typeof keyringSchema>;

/** Why the keyring did not give the key; the caller turns it into a translated message. */
export class KeyringError extends Error {
  constructor(readonly reason: 'damaged' | 'wrong_password' | 'wrong_recovery_key') {
    super(`keyring: ${reason}`);
    this.name = 'KeyringError';
  }
}

export function parseKeyring(bytes: Uint8Array): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new KeyringError('damaged');
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) throw new KeyringError('damaged');
  const ids = new Set(parsed.data.accounts.map((entry) => entry.accountId));
  if (ids.size !== parsed.data.accounts.length) throw new KeyringError('damaged');
  return parsed.data;
}

export function serializeKeyring(keyring: Keyring): Uint8Array {
  return Buffer.from(`${JSON.stringify(keyringSchema.parse(keyring), null, 1)}\n`);
}

/** What a copy is bound to: moved to another account's entry, it does not open. */
function boundTo(accountId: string, name: string, cost: KeyringScryptCost): Buffer {
  return Buffer.from(JSON.stringify(['tremplin-keyring-v1', accountId, name, cost.N, cost.r, cost.p]));
}

function derive(password: string, salt: Buffer, cost: KeyringScryptCost): Promise<Buffer> {
  // maxmem: what N and r need (128 · N · r) and some room; the copy's own figures are checked by the schema.
  const maxmem = 128 * cost.N * cost.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The database key wrapped for one account by a key derived from its password (scrypt runs off the main thread). */
export async function wrapForPassword(
  databaseKey: Uint8Array,
  account: { accountId: string; name: string },
  password: string,
  cost: KeyringScryptCost = KEYRING_SCRYPT,
): Promise<WrappedKey> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt, cost), nonce);
  cipher.setAAD(boundTo(account.accountId, account.name, cost));
  const sealed = Buffer.concat([cipher.update(databaseKey), cipher.final(), cipher.getAuthTag()]);
  return { salt: salt.toString('base64'), nonce: nonce.toString('base64'), sealed: sealed.toString('base64'), ...cost };
}

/**
 * The database key from an account's copy. A wrong password and a changed copy cannot be told
 * apart (GCM fails alike): both are `wrong_password`; a copy that is not even well formed is `damaged`.
 */
export async function unwrapWithPassword(entry: KeyringEntry, password: string): Promise<Buffer> {
  const wrapped = entry.wrapped;
  if (!wrapped) throw new KeyringError('wrong_password');
  const salt = Buffer.from(wrapped.salt, 'base64');
  const nonce = Buffer.from(wrapped.nonce, 'base64');
  const sealed = Buffer.from(wrapped.sealed, 'base64');
  if (salt.length !== SALT_BYTES || nonce.length !== NONCE_BYTES || sealed.length !== DATABASE_KEY_BYTES + TAG_BYTES) {
    throw new KeyringError('damaged');
  }
  const cost = { N: wrapped.N, r: wrapped.r, p: wrapped.p };
  if ((cost.N & (cost.N - 1)) !== 0) throw new KeyringError('damaged');
  const decipher = createDecipheriv('aes-256-gcm', await derive(password, salt, cost), nonce);
  decipher.setAAD(boundTo(entry.accountId, entry.name, cost));
  decipher.setAuthTag(sealed.subarray(DATABASE_KEY_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, DATABASE_KEY_BYTES)), decipher.final()]);
  } catch {
    throw new KeyringError('wrong_password');
  }
}

/** The database key encrypted with age to the recovery key's public half (`age1…`). */
export async function wrapForRecovery(databaseKey: Uint8Array, recipient: string): Promise<string> {
  return Buffer.from(await encryptToRecipients(databaseKey, [recipient])).toString('base64');
}

/** The database key from the recovery sheet's secret key (`AGE-SECRET-KEY-1…`). */
export async function unwrapWithRecovery(keyring: Keyring, recoveryKey: string): Promise<Buffer> {
  const identity = recoveryKey.trim().toUpperCase();
  if (!identity.startsWith('AGE-SECRET-KEY-1')) throw new KeyringError('wrong_recovery_key');
  let key: Uint8Array;
  try {
    key = await decrypt(Buffer.from(keyring.recovery, 'base64'), { identities: [identity] });
  } catch (error) {
    if (error instanceof DecryptionError) throw new KeyringError(error.reason === 'no_matching_key' ? 'wrong_recovery_key' : 'damaged');
    // A malformed secret key (a typo in its checksum) is the sheet misread, not the keyring damaged.
    throw new KeyringError('wrong_recovery_key');
  }
  if (key.length !== DATABASE_KEY_BYTES) throw new KeyringError('damaged');
  return Buffer.from(key);
}

/** Account names are unique whatever their case: "Marie" and "marie" are one person. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('fr');
}

export function findEntry(keyring: Keyring, name: string): KeyringEntry | undefined {
  const key = nameKey(name);
  return keyring.accounts.find((entry) => nameKey(entry.name) === key);
}
