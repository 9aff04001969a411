import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

/**
 * How the installation's private keys are kept at rest: never in clear.
 *
 * - `os_keychain`: Electron's safeStorage, which encrypts with a key held by the operating
 *   system for this user (Keychain on macOS, DPAPI on Windows, the Secret Service / KWallet on
 *   Linux). It is used only where it really protects something: on Linux safeStorage falls
 *   back to a hard-coded password ("basic_text") when no keyring runs, and that fallback is
 *   refused (the Electron binding decides, see electron/main).
 * - `passphrase`: elsewhere (Linux without a keyring, the browser preview, the command line),
 *   a key derived from a passphrase the staffer chooses, with scrypt, sealing with AES-256-GCM.
 *   The passphrase is asked when the keys are needed and never stored.
 * - `database`: where the database is encrypted, sealed (AES-256-GCM) under a key derived from
 *   the database key, so they open once someone has signed in, with no passphrase of their own;
 *   stored inside the encrypted database, they are sealed twice on disk.
 */
export type ProtectionMethod = 'os_keychain' | 'passphrase' | 'database';

export interface KeyProtector {
  readonly method: ProtectionMethod;
  seal(secret: Uint8Array): Uint8Array;
  /** Throws `ProtectionError` when the sealed bytes were not made with this protector. */
  open(sealed: Uint8Array): Uint8Array;
}

export class ProtectionError extends Error {
  constructor() {
    super('the keys cannot be opened with this passphrase or on this account');
    this.name = 'ProtectionError';
  }
}

/** The part of Electron's safeStorage the protector needs (injected: no electron import here). */
export interface OsEncryption {
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function osKeychainProtector(os: OsEncryption): KeyProtector {
  return {
    method: 'os_keychain',
    seal: (secret) => os.encryptString(Buffer.from(secret).toString('base64')),
    open(sealed) {
      try {
        return Buffer.from(os.decryptString(Buffer.from(sealed)), 'base64');
      } catch {
        throw new ProtectionError();
      }
    },
  };
}

const MAGIC = Buffer.from('TPK1');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/** scrypt N = 2^17, r = 8: about 0.3 s and 128 MiB here, paid once per unlock. */
const SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

/** A passphrase the staffer chooses for the keys: long enough to resist guessing offline. */
export const MIN_KEY_PASSPHRASE_LENGTH = 12;

function deriveKey(passphrase: string, salt: Buffer, cost: ScryptCost): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, cost);
}

/**
 * Seals with a key derived from the passphrase; sealed = "TPK1" ‖ salt ‖ nonce ‖ tag ‖
 * ciphertext. `cost` is lowered by tests only.
 *
 * scrypt is the whole cost of creating and unlocking the keys, so one protector derives a key
 * once per salt: everything it seals shares one salt (each with its own nonce), and opening
 * what it sealed, or several secrets sealed together, costs a single derivation.
 */
export function passphraseProtector(passphrase: string, cost: ScryptCost = SCRYPT): KeyProtector {
  const derived = new Map<string, Buffer>();
  const keyFor = (salt: Buffer): Buffer => {
    const known = derived.get(salt.toString('hex'));
    if (known) return known;
    const key = deriveKey(passphrase, salt, cost);
    derived.set(salt.toString('hex'), key);
    return key;
  };
  const sealingSalt = randomBytes(SALT_BYTES);
  return {
    method: 'passphrase',
    seal(secret) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyFor(sealingSalt), nonce);
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([MAGIC, sealingSalt, nonce, cipher.getAuthTag(), ciphertext]);
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const header = MAGIC.length + SALT_BYTES + NONCE_BYTES + TAG_BYTES;
      if (bytes.length < header || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new ProtectionError();
      const salt = bytes.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
      const nonce = bytes.subarray(MAGIC.length + SALT_BYTES, MAGIC.length + SALT_BYTES + NONCE_BYTES);
      const tag = bytes.subarray(header - TAG_BYTES, header);
      const decipher = createDecipheriv('aes-256-gcm', keyFor(salt), nonce);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(bytes.subarray(header)), decipher.final()]);
      } catch {
        throw new ProtectionError();
      }
    },
  };
}

const DATABASE_MAGIC = Buffer.from('TPD1');

/** Seals under a key derived (HKDF-SHA256) from the 32-byte database key; sealed = "TPD1" ‖ nonce ‖ tag ‖ ciphertext. */
export function databaseKeyProtector(databaseKey: Uint8Array): KeyProtector {
  const key = Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'tremplin exchange keys', 32));
  return {
    method: 'database',
    seal(secret) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([DATABASE_MAGIC, nonce, cipher.getAuthTag(), ciphertext]);
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const header = DATABASE_MAGIC.length + NONCE_BYTES + TAG_BYTES;
      if (bytes.length < header || !bytes.subarray(0, DATABASE_MAGIC.length).equals(DATABASE_MAGIC)) throw new ProtectionError();
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(DATABASE_MAGIC.length, DATABASE_MAGIC.length + NONCE_BYTES));
      decipher.setAuthTag(bytes.subarray(header - TAG_BYTES, header));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(header)), decipher.final()]);
      } catch {
        throw new ProtectionError();
      }
    },
  };
}

/** A cheap scrypt cost for tests (the sealed format is the same). */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };
