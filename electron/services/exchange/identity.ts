import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReadDb, WriteDb } from '../../db/handles';
import { auditedTransaction } from '../../store/audit';
import { readSetting, writeSetting } from '../../store/settings';
import { generateAgeKey, isAgeRecipient } from '../../formats/age';
import { KEY_ID_BYTES, type SigningKey, exportSigningKey, generateSigningKey, importSigningKey, keyIdHex, parsePublicKey, publicKeyLine } from '../../formats/minisign';
import type { KeyProtector, ProtectionMethod } from '../../formats/protection';
import { fingerprintWords } from '../../formats/words';

/**
 * The installation's identity for exchanges: an age key pair (partners encrypt to its
 * recipient) and an Ed25519 signing key (partners check our files with its public key). Both
 * are made on first use; their private halves are stored sealed by a `KeyProtector`.
 */

export const IDENTITY_KEY = 'exchange.identity';

const storedIdentitySchema = z.object({
  method: z.enum(['os_keychain', 'passphrase', 'database']),
  ageRecipient: z.string().refine(isAgeRecipient),
  sealedAgeIdentity: z.base64(),
  signingPublicKey: z.string(),
  sealedSigningKey: z.base64(),
  createdAt: z.string(),
});

/** The public half: what goes on our card. */
export interface PublicIdentity {
  method: ProtectionMethod;
  ageRecipient: string;
  /** minisign's public key line (`RWQ…`), with the key id inside. */
  signingPublicKey: string;
  createdAt: string;
}

export interface UnlockedIdentity extends PublicIdentity {
  ageIdentity: string;
  signingKey: SigningKey;
}

export function readIdentity(db: ReadDb): PublicIdentity | null {
  const stored = readSetting(db, IDENTITY_KEY, storedIdentitySchema);
  if (!stored) return null;
  const { method, ageRecipient, signingPublicKey, createdAt } = stored;
  return { method, ageRecipient, signingPublicKey, createdAt };
}

/** Makes the keys; an installation has one identity, so a second call is refused. */
export async function createIdentity(db: WriteDb, protector: KeyProtector, now: string): Promise<PublicIdentity> {
  if (readIdentity(db)) throw new Error('the installation already has its keys');
  const age = await generateAgeKey();
  const signing = generateSigningKey();
  const { keyId, pkcs8 } = exportSigningKey(signing);
  // The key id travels with the sealed key: it is part of every signature.
  const sealedSigning = protector.seal(Buffer.concat([keyId, pkcs8]));
  const stored: z.input<typeof storedIdentitySchema> = {
    method: protector.method,
    ageRecipient: age.recipient,
    sealedAgeIdentity: Buffer.from(protector.seal(Buffer.from(age.identity, 'utf8'))).toString('base64'),
    signingPublicKey: publicKeyLine(signing),
    sealedSigningKey: Buffer.from(sealedSigning).toString('base64'),
    createdAt: now,
  };
  // Awaited key generation before: the audit row must go in with the write.
  auditedTransaction(db, now, (tx) => writeSetting(tx, IDENTITY_KEY, stored));
  return { method: stored.method, ageRecipient: stored.ageRecipient, signingPublicKey: stored.signingPublicKey, createdAt: now };
}

/** Opens the private keys (throws `ProtectionError` with the wrong passphrase or account). */
export function unlockIdentity(db: ReadDb, protector: KeyProtector): UnlockedIdentity | null {
  const stored = readSetting(db, IDENTITY_KEY, storedIdentitySchema);
  if (!stored) return null;
  const ageIdentity = Buffer.from(protector.open(Buffer.from(stored.sealedAgeIdentity, 'base64'))).toString('utf8');
  const signingBytes = Buffer.from(protector.open(Buffer.from(stored.sealedSigningKey, 'base64')));
  const signingKey = importSigningKey(signingBytes.subarray(0, KEY_ID_BYTES), signingBytes.subarray(KEY_ID_BYTES));
  const { method, ageRecipient, signingPublicKey, createdAt } = stored;
  return { method, ageRecipient, signingPublicKey, createdAt, ageIdentity, signingKey };
}

export interface Fingerprint {
  /** Six words two staffers read to each other by phone. */
  words: string[];
  /** The same digest in hex groups, for those who prefer to compare characters. */
  hex: string;
}

/** A card's fingerprint: what binds the name on a card to its keys. */
export function fingerprintOf(keys: { ageRecipient: string; signingPublicKey: string }): Fingerprint {
  const digest = createHash('sha256').update(`tremplin-card-v1\n${keys.ageRecipient}\n${keys.signingPublicKey}\n`).digest();
  return {
    words: fingerprintWords(digest),
    hex: (digest.subarray(0, 10).toString('hex').toUpperCase().match(/.{4}/g) ?? []).join(' '),
  };
}

/** The signing key's id as minisign prints it, from its public key line. */
export function signingKeyIdOf(signingPublicKey: string): string {
  return keyIdHex(parsePublicKey(signingPublicKey).keyId);
}
