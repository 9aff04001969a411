import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';

/**
 * Ed25519 signatures in minisign's format, so that a partner can check an exported file with
 * the standard `minisign -V` tool (https://jedisct1.github.io/minisign/):
 *
 *   public key  = "Ed" ‖ key id (8 bytes) ‖ Ed25519 public key (32 bytes), base64, on the line
 *                 after an untrusted comment;
 *   signature   = "ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file)), base64, then a trusted comment
 *                 line and a global signature Ed25519(signature ‖ trusted comment) that binds
 *                 the comment to the file.
 *
 * Only the pre-hashed "ED" form is written (files may be large); the legacy "Ed" form is
 * read too, as minisign still accepts it.
 */

/** A key's id, written in its public key and in every signature it makes (and sealed with the private key). */
export const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_ALGORITHM = Buffer.from('Ed');
const PREHASHED_ALGORITHM = Buffer.from('ED');

export interface SigningKey {
  keyId: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface PublicSigningKey {
  keyId: Buffer;
  publicKey: KeyObject;
}

/** Why a signature or a key was not accepted; the caller turns it into a translated message. */
export class SignatureError extends Error {
  constructor(readonly reason: 'malformed' | 'wrong_key' | 'bad_signature') {
    super(`signature ${reason}`);
    this.name = 'SignatureError';
  }
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: randomBytes(KEY_ID_BYTES), privateKey, publicKey };
}

/** The key as minisign prints it: the key id is read as a little-endian 64-bit number. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The `.pub` file minisign reads with `-p`. */
export function formatPublicKey(key: PublicSigningKey): string {
  const payload = Buffer.concat([PUBLIC_KEY_ALGORITHM, key.keyId, rawPublicKey(key.publicKey)]);
  return `untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${payload.toString('base64')}\n`;
}

/** The base64 line of a public key alone (what `minisign -P` takes). */
export function publicKeyLine(key: PublicSigningKey): string {
  return Buffer.concat([PUBLIC_KEY_ALGORITHM, key.keyId, rawPublicKey(key.publicKey)]).toString('base64');
}

const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeBase64Line(line: string | undefined, length: number): Buffer {
  const trimmed = line?.trim() ?? '';
  if (!BASE64_LINE.test(trimmed)) throw new SignatureError('malformed');
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== length) throw new SignatureError('malformed');
  return bytes;
}

/** Reads a public key from a `.pub` file's text or from its base64 line alone. */
export function parsePublicKey(text: string): PublicSigningKey {
  const lines = text.trim().split(/\r?\n/);
  const line = lines.length > 1 ? lines[1] : lines[0];
  const bytes = decodeBase64Line(line, 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES);
  if (!bytes.subarray(0, 2).equals(PUBLIC_KEY_ALGORITHM)) throw new SignatureError('malformed');
  return { keyId: bytes.subarray(2, 2 + KEY_ID_BYTES), publicKey: publicKeyFromRaw(bytes.subarray(2 + KEY_ID_BYTES)) };
}

function blake2b512(data: Uint8Array): Buffer {
  return createHash('blake2b512').update(data).digest();
}

/** A comment line may not break the format: no line breaks. */
function oneLine(comment: string): string {
  return comment.replace(/[\r\n]+/g, ' ');
}

/** The `.minisig` text for `data`; `trustedComment` is signed too (minisign shows it on success). */
export function signDetached(data: Uint8Array, key: SigningKey, trustedComment: string): string {
  const signature = sign(null, blake2b512(data), key.privateKey);
  const comment = oneLine(trustedComment);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(comment, 'utf8')]), key.privateKey);
  const payload = Buffer.concat([PREHASHED_ALGORITHM, key.keyId, signature]);
  return [
    `untrusted comment: signature from Tremplin, key ${keyIdHex(key.keyId)}`,
    payload.toString('base64'),
    `trusted comment: ${comment}`,
    globalSignature.toString('base64'),
    '',
  ].join('\n');
}

/**
 * The id of the key that made a `.minisig`, to find which public key to check it with; nothing
 * is verified here (a malformed text gives an id no key has).
 */
export function signatureKeyId(signatureText: string): Buffer {
  const payload = signatureText.split(/\r?\n/)[1]?.trim() ?? '';
  return Buffer.from(payload, 'base64').subarray(2, 2 + KEY_ID_BYTES);
}

const TRUSTED_PREFIX = 'trusted comment: ';

/**
 * Checks a `.minisig` against `data` and the expected key; returns the trusted comment.
 * Throws `SignatureError`: malformed text, a signature made by another key, or a forgery.
 */
export function verifyDetached(data: Uint8Array, signatureText: string, key: PublicSigningKey): { trustedComment: string } {
  const lines = signatureText.split(/\r?\n/);
  if (lines.length < 4 || !lines[2]?.startsWith(TRUSTED_PREFIX)) throw new SignatureError('malformed');
  const payload = decodeBase64Line(lines[1], 2 + KEY_ID_BYTES + SIGNATURE_BYTES);
  const algorithm = payload.subarray(0, 2);
  const prehashed = algorithm.equals(PREHASHED_ALGORITHM);
  if (!prehashed && !algorithm.equals(PUBLIC_KEY_ALGORITHM)) throw new SignatureError('malformed');
  if (!payload.subarray(2, 2 + KEY_ID_BYTES).equals(key.keyId)) throw new SignatureError('wrong_key');
  const signature = payload.subarray(2 + KEY_ID_BYTES);
  const trustedComment = lines[2].slice(TRUSTED_PREFIX.length);
  const globalSignature = decodeBase64Line(lines[3], SIGNATURE_BYTES);
  const signed = prehashed ? blake2b512(data) : data;
  if (!verify(null, signed, key.publicKey, signature)) throw new SignatureError('bad_signature');
  if (!verify(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.publicKey, globalSignature)) {
    throw new SignatureError('bad_signature');
  }
  return { trustedComment };
}

/** The private key as PKCS#8 DER bytes, to be stored protected (never in clear on disk). */
export function exportSigningKey(key: SigningKey): { keyId: Buffer; pkcs8: Buffer } {
  return { keyId: key.keyId, pkcs8: key.privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function importSigningKey(keyId: Buffer, pkcs8: Buffer): SigningKey {
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { keyId, privateKey, publicKey: createPublicKey(privateKey) };
}
