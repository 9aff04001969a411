import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/**
 * age file encryption (https://age-encryption.org), the format a partner opens with the
 * standard `age` tool. Only classic X25519 keys are made: the post-quantum hybrid keys of
 * newer age versions are not readable by the age 1.1 that Debian and many partners have.
 */

/** A new secret key (`AGE-SECRET-KEY-1…`) and the recipient (`age1…`) others encrypt to. */
export async function generateAgeKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/** A well-formed X25519 recipient (bech32, lower case). */
export function isAgeRecipient(text: string): boolean {
  return RECIPIENT.test(text);
}

export async function encryptToRecipients(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('no recipient');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

/**
 * scrypt work factor for passphrase files: age's default (2^18) costs about a second here,
 * which is what makes a six-word passphrase expensive to guess. Tests may lower it.
 */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

export async function encryptWithPassphrase(
  plaintext: Uint8Array,
  passphrase: string,
  workFactor: number = DEFAULT_SCRYPT_WORK_FACTOR,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(workFactor);
  return encrypter.encrypt(plaintext);
}

/** Why a file did not open; the caller turns it into a translated message. */
export class DecryptionError extends Error {
  constructor(readonly reason: 'not_age' | 'no_matching_key' | 'damaged') {
    super(`age decryption failed: ${reason}`);
    this.name = 'DecryptionError';
  }
}

const AGE_HEADER = new TextEncoder().encode('age-encryption.org/v1\n');

function startsWithAgeHeader(bytes: Uint8Array): boolean {
  return bytes.length >= AGE_HEADER.length && AGE_HEADER.every((byte, index) => bytes[index] === byte);
}

/**
 * Opens a file with our secret keys and/or a passphrase. The library's errors are not a
 * stable interface, so they are classified here: a file that is not age at all, one made for
 * other keys (or another passphrase), one whose bytes were changed or cut.
 */
export async function decrypt(ciphertext: Uint8Array, keys: { identities?: readonly string[]; passphrase?: string }): Promise<Uint8Array> {
  if (!startsWithAgeHeader(ciphertext)) throw new DecryptionError('not_age');
  const decrypter = new Decrypter();
  for (const identity of keys.identities ?? []) decrypter.addIdentity(identity);
  if (keys.passphrase !== undefined) decrypter.addPassphrase(keys.passphrase);
  try {
    return await decrypter.decrypt(ciphertext);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DecryptionError(/no identity matched/i.test(message) ? 'no_matching_key' : 'damaged');
  }
}
