import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
} from 'node:crypto';
import { open } from 'node:fs/promises';
import { base64nopad, bech32 } from '@scure/base';
import { Decrypter, type Identity, type Stanza, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { release } from '../core/memory';
import { PRIVATE_FILE_MODE } from '../core/private-files';

/**
 * age file encryption (https://age-encryption.org/v1), the format a partner opens with the
 * standard `age` tool. Only classic X25519 keys are made: the post-quantum hybrid keys of
 * newer age versions are not readable by the age 1.1 that Debian and many partners have.
 *
 * The payload — all but a few hundred bytes of a file — is sealed with Node's own
 * ChaCha20-Poly1305 (OpenSSL): the pure-JavaScript cipher of the age-encryption library ran at
 * 120 MB/s against 450 MB/s for the age tool, and made a 700 MB backup take 16 s. The header is
 * written here too (X25519 and scrypt stanzas, then its MAC); reading one, with every identity
 * type age has, stays with the library (`decryptHeader`).
 */

const VERSION_LINE = 'age-encryption.org/v1';
const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = CHUNK + TAG;
const FILE_KEY_BYTES = 16;
const NONCE_BYTES = 16;
/** A header past this size is not one Tremplin or the age tool writes. */
const HEADER_MAX = 64 * 1024;

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

/** Why a file did not open; the caller turns it into a translated message. */
export class DecryptionError extends Error {
  constructor(readonly reason: 'not_age' | 'no_matching_key' | 'damaged' | 'too_costly') {
    super(`age decryption failed: ${reason}`);
    this.name = 'DecryptionError';
  }
}

// ---------------------------------------------------------------- primitives

/** A plain Uint8Array over a Buffer's bytes (what callers and their tests compare). */
const plain = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
const hkdf = (key: Uint8Array, salt: Uint8Array, info: string) => Buffer.from(hkdfSync('sha256', key, salt, info, 32));

function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  const sealed = cipher.update(plaintext);
  const whole = Buffer.concat([sealed, cipher.final(), cipher.getAuthTag()]);
  release(sealed);
  return whole;
}

/** Opens one sealed piece; throws when it was not sealed with this key and nonce. */
function unseal(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer {
  if (sealed.length < TAG) throw new DecryptionError('damaged');
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    const opened = decipher.update(sealed.subarray(0, sealed.length - TAG));
    const whole = Buffer.concat([opened, decipher.final()]);
    release(opened);
    return whole;
  } catch {
    throw new DecryptionError('damaged');
  }
}

/** STREAM nonce: the chunk's number as 11 big-endian bytes, then 1 on the last chunk. */
function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

// ---------------------------------------------------------------- header

function stanza(type: string, args: string[], body: Uint8Array): string {
  const encoded = base64(body);
  const lines: string[] = [];
  // Body lines of 64 characters; the last one is shorter, empty when the body fills them all.
  for (let start = 0; start <= encoded.length; start += 64) lines.push(encoded.slice(start, start + 64));
  return `-> ${[type, ...args].join(' ')}\n${lines.join('\n')}\n`;
}

const ZERO_NONCE = Buffer.alloc(12);

function x25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

function x25519Stanza(recipient: string, fileKey: Uint8Array): string {
  let theirs: Uint8Array;
  try {
    const decoded = bech32.decodeToBytes(recipient);
    if (decoded.prefix !== 'age' || decoded.bytes.length !== 32) throw new Error('not an X25519 recipient');
    theirs = decoded.bytes;
  } catch {
    throw new Error('invalid age recipient');
  }
  const ephemeral = generateKeyPairSync('x25519');
  const share = Buffer.from(String(ephemeral.publicKey.export({ format: 'jwk' }).x), 'base64url');
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKey(theirs) });
  if (secret.every((byte) => byte === 0)) throw new Error('invalid age recipient');
  const wrapKey = hkdf(secret, Buffer.concat([share, theirs]), 'age-encryption.org/v1/X25519');
  return stanza('X25519', [base64(share)], seal(wrapKey, ZERO_NONCE, fileKey));
}

const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';

/** scrypt as age uses it, on Node's thread pool: the main thread goes on while it runs. */
function scryptKey(passphrase: string, salt: Uint8Array, workFactor: number): Promise<Buffer> {
  const cost = 2 ** workFactor;
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, Buffer.concat([Buffer.from(SCRYPT_LABEL), salt]), 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
}

async function scryptStanza(passphrase: string, workFactor: number, fileKey: Uint8Array): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(passphrase, salt, workFactor);
  return stanza('scrypt', [base64(salt), String(workFactor)], seal(key, ZERO_NONCE, fileKey));
}

/**
 * Opens a passphrase file's scrypt stanza, by age's rules (the only stanza, a 16-byte salt, a
 * 32-byte body). The work factor comes from the file: one above what Tremplin and the age tool
 * write (2^18) is refused before any work — the age-encryption library allows 2^20, about 10 s
 * and 1 GiB of synchronous work on the main process, which a hostile file could ask for.
 */
function passphraseIdentity(passphrase: string): Identity {
  return {
    async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
      const found = stanzas.find((candidate) => candidate.args[0] === 'scrypt');
      if (!found) return null;
      const [, salt = '', factor = ''] = found.args;
      if (stanzas.length !== 1 || found.args.length !== 3 || !/^[1-9][0-9]*$/.test(factor)) throw new DecryptionError('damaged');
      let saltBytes: Uint8Array;
      try {
        saltBytes = base64nopad.decode(salt);
      } catch {
        throw new DecryptionError('damaged');
      }
      if (saltBytes.length !== 16 || found.body.length !== FILE_KEY_BYTES + TAG) throw new DecryptionError('damaged');
      const workFactor = Number(factor);
      if (workFactor > DEFAULT_SCRYPT_WORK_FACTOR) throw new DecryptionError('too_costly');
      const key = await scryptKey(passphrase, saltBytes, workFactor);
      try {
        return unseal(key, ZERO_NONCE, found.body);
      } catch {
        return null;
      }
    },
  };
}

/** The header for these stanzas, closed by its MAC under the file key. */
function header(stanzas: string[], fileKey: Uint8Array): Buffer {
  const text = `${VERSION_LINE}\n${stanzas.join('')}---`;
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(text).digest();
  return Buffer.from(`${text} ${base64(mac)}\n`);
}

/** Where the header ends: after its MAC line, which starts `---` (stanza lines start `->`, bodies are base64). */
function headerLength(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEADER_MAX));
  if (!head.subarray(0, VERSION_LINE.length + 1).equals(Buffer.from(`${VERSION_LINE}\n`))) throw new DecryptionError('not_age');
  const mac = head.indexOf('\n--- ');
  const end = mac === -1 ? -1 : head.indexOf('\n', mac + 1);
  if (end === -1) throw new DecryptionError('damaged');
  return end + 1;
}

/** A file made with a passphrase: its header carries a scrypt stanza. */
export function isPassphraseFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 512)));
  return head.includes('\n-> scrypt ');
}

/** The file key, from a header one of our keys opens; the header's MAC is checked. */
async function fileKeyOf(headerBytes: Uint8Array, keys: AgeKeys): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  try {
    // A key that is not one (a recovery key mistyped) opens nothing.
    for (const identity of keys.identities ?? []) decrypter.addIdentity(identity);
  } catch {
    throw new DecryptionError('no_matching_key');
  }
  if (keys.passphrase !== undefined) decrypter.addIdentity(passphraseIdentity(keys.passphrase));
  try {
    return await decrypter.decryptHeader(headerBytes);
  } catch (error) {
    if (error instanceof DecryptionError) throw error;
    // The library's errors are not a stable interface: a file made for other keys, or one changed.
    const message = error instanceof Error ? error.message : String(error);
    throw new DecryptionError(/no identity matched/i.test(message) ? 'no_matching_key' : 'damaged');
  }
}

// ---------------------------------------------------------------- payload

/** Seals chunk after chunk; the last one is told apart by its nonce, so a cut file is refused. */
class PayloadSealer {
  private index = 0;
  constructor(private readonly key: Buffer) {}
  seal(chunk: Uint8Array, last: boolean): Buffer {
    return seal(this.key, chunkNonce(this.index++, last), chunk);
  }
  /** Seals one chunk into `output` at `offset`; returns where the next one goes. */
  sealInto(chunk: Uint8Array, last: boolean, output: Uint8Array, offset: number): number {
    const cipher = createCipheriv('chacha20-poly1305', this.key, chunkNonce(this.index++, last), { authTagLength: TAG });
    let at = offset;
    const sealed = cipher.update(chunk);
    output.set(sealed, at);
    at += sealed.length;
    release(sealed);
    for (const piece of [cipher.final(), cipher.getAuthTag()]) {
      output.set(piece, at);
      at += piece.length;
    }
    return at;
  }
}

class PayloadOpener {
  private index = 0;
  constructor(private readonly key: Buffer) {}
  open(sealed: Uint8Array, last: boolean): Buffer {
    const plaintext = unseal(this.key, chunkNonce(this.index, last), sealed);
    // Only an empty file ends with an empty chunk.
    if (last && plaintext.length === 0 && this.index > 0) throw new DecryptionError('damaged');
    this.index++;
    return plaintext;
  }
}

export interface AgeKeys {
  identities?: readonly string[];
  passphrase?: string;
}

export type AgeRecipients = { recipients: readonly string[] } | { passphrase: string; workFactor?: number };

/**
 * scrypt work factor for passphrase files: age's default (2^18) costs about a second here,
 * which is what makes a six-word passphrase expensive to guess. Tests may lower it. It is also
 * the most a file may ask for when it is opened.
 */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

/** A file's header and nonce, and the sealer of its payload. */
async function begin(to: AgeRecipients): Promise<{ start: Buffer; sealer: PayloadSealer }> {
  const fileKey = randomBytes(FILE_KEY_BYTES);
  let stanzas: string[];
  if ('recipients' in to) {
    if (to.recipients.length === 0) throw new Error('no recipient');
    stanzas = to.recipients.map((recipient) => x25519Stanza(recipient, fileKey));
  } else {
    stanzas = [await scryptStanza(to.passphrase, to.workFactor ?? DEFAULT_SCRYPT_WORK_FACTOR, fileKey)];
  }
  const nonce = randomBytes(NONCE_BYTES);
  return { start: Buffer.concat([header(stanzas, fileKey), nonce]), sealer: new PayloadSealer(hkdf(fileKey, nonce, 'payload')) };
}

/**
 * An age file about to be written: its size is known before any byte is sealed, so its bytes
 * are sealed where they go (an export's, straight into its envelope: sealing 40 MB into a buffer
 * of their own, then copying them, paid twice for 40 MB of fresh memory, a fifth of an export).
 */
export interface AgeFile {
  size: number;
  /** Writes the whole file into `output`, exactly `size` bytes long; once. */
  sealInto(output: Uint8Array): void;
}

/**
 * The age file of a plaintext given as pieces, in order: they are sealed a chunk at a time,
 * never joined into one buffer (an export's JSON comes as the pieces SQLite wrote).
 */
export async function ageFileOf(pieces: readonly Uint8Array[], to: AgeRecipients): Promise<AgeFile> {
  const { start, sealer } = await begin(to);
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const size = start.length + length + Math.max(1, Math.ceil(length / CHUNK)) * TAG;
  return {
    size,
    sealInto(output) {
      if (output.length !== size) throw new Error('age: wrong output size');
      output.set(start);
      let written = start.length;
      let consumed = 0;
      // A chunk whose bytes span pieces is gathered here first.
      const gathered = new Uint8Array(Math.min(CHUNK, length));
      let filled = 0;
      for (const piece of pieces) {
        let offset = 0;
        while (offset < piece.length) {
          if (filled === 0 && piece.length - offset >= CHUNK) {
            consumed += CHUNK;
            written = sealer.sealInto(piece.subarray(offset, offset + CHUNK), consumed === length, output, written);
            offset += CHUNK;
            continue;
          }
          const taken = Math.min(CHUNK - filled, piece.length - offset);
          gathered.set(piece.subarray(offset, offset + taken), filled);
          filled += taken;
          offset += taken;
          consumed += taken;
          if (filled === CHUNK || consumed === length) {
            written = sealer.sealInto(gathered.subarray(0, filled), consumed === length, output, written);
            filled = 0;
          }
        }
      }
      // Only an empty file ends with an empty chunk.
      if (length === 0) written = sealer.sealInto(gathered, true, output, written);
      if (written !== size) throw new Error('age: sealed size mismatch');
    },
  };
}

export async function encrypt(plaintext: Uint8Array, to: AgeRecipients): Promise<Uint8Array> {
  const file = await ageFileOf([plaintext], to);
  const output = Buffer.allocUnsafe(file.size);
  file.sealInto(output);
  return plain(output);
}

export function encryptToRecipients(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  return encrypt(plaintext, { recipients });
}

export function encryptWithPassphrase(plaintext: Uint8Array, passphrase: string, workFactor: number = DEFAULT_SCRYPT_WORK_FACTOR): Promise<Uint8Array> {
  return encrypt(plaintext, { passphrase, workFactor });
}

/**
 * Opens a file with our secret keys and/or a passphrase, telling apart a file that is not age
 * at all, one made for other keys (or another passphrase), and one whose bytes were changed or cut.
 */
export async function decrypt(ciphertext: Uint8Array, keys: AgeKeys): Promise<Uint8Array> {
  const length = headerLength(ciphertext);
  const fileKey = await fileKeyOf(ciphertext.subarray(0, length), keys);
  const nonce = ciphertext.subarray(length, length + NONCE_BYTES);
  if (nonce.length < NONCE_BYTES) throw new DecryptionError('damaged');
  const opener = new PayloadOpener(hkdf(fileKey, nonce, 'payload'));
  const payload = ciphertext.subarray(length + NONCE_BYTES);
  const parts: Buffer[] = [];
  let offset = 0;
  do {
    const end = Math.min(offset + SEALED_CHUNK, payload.length);
    parts.push(opener.open(payload.subarray(offset, end), end === payload.length));
    offset = end;
  } while (offset < payload.length);
  const whole = Buffer.concat(parts);
  parts.forEach(release);
  return plain(whole);
}

// ---------------------------------------------------------------- files

/** Chunks per read or write of a file: 1 MiB at a time. */
const CHUNKS_PER_IO = 16;

/** Bytes read a piece at a time: a file, or a database snapshot held elsewhere. */
export interface PlainSource {
  size: number;
  /** Exactly `length` bytes from `position` (fewer: the source changed, and the encryption stops). */
  read(position: number, length: number): Promise<Uint8Array>;
}

/**
 * Encrypts what a source holds into a file, a megabyte at a time: a database of several
 * gigabytes never sits whole in this thread's memory. The output is flushed to disk before the
 * promise settles.
 */
export async function encryptToFile(source: PlainSource, output: string, to: AgeRecipients): Promise<void> {
  const { start, sealer } = await begin(to);
  const sink = await open(output, 'w', PRIVATE_FILE_MODE);
  try {
    const { size } = source;
    await sink.write(start);
    const io = CHUNK * CHUNKS_PER_IO;
    let position = 0;
    do {
      const wanted = Math.min(io, size - position);
      const piece = await source.read(position, wanted);
      if (piece.length !== wanted) throw new Error('the file changed while it was being encrypted');
      const sealed: Buffer[] = [];
      for (let offset = 0; offset < piece.length || (size === 0 && sealed.length === 0); offset += CHUNK) {
        const end = Math.min(offset + CHUNK, piece.length);
        sealed.push(sealer.seal(piece.subarray(offset, end), position + end === size));
      }
      // Written as sealed, not joined first (a copy of the whole file less through this thread's
      // memory), and each chunk's memory given back once written.
      await sink.writev(sealed);
      sealed.forEach(release);
      position += piece.length;
    } while (position < size);
    await sink.sync();
  } finally {
    await sink.close();
  }
}

/**
 * Decrypts a file into another, a megabyte at a time; a damaged or cut file throws
 * DecryptionError. `transform`, given each megabyte in order (the last may be shorter), returns
 * what is written instead: the plaintext never reaches the disk.
 */
export async function decryptFile(input: string, output: string, keys: AgeKeys, transform?: (plain: Buffer) => Buffer): Promise<void> {
  const source = await open(input, 'r');
  const sink = await open(output, 'w', PRIVATE_FILE_MODE);
  try {
    const size = (await source.stat()).size;
    const head = Buffer.alloc(Math.min(size, HEADER_MAX + NONCE_BYTES));
    await source.read(head, 0, head.length, 0);
    const length = headerLength(head);
    const fileKey = await fileKeyOf(head.subarray(0, length), keys);
    const nonce = head.subarray(length, length + NONCE_BYTES);
    if (nonce.length < NONCE_BYTES) throw new DecryptionError('damaged');
    const opener = new PayloadOpener(hkdf(fileKey, nonce, 'payload'));
    const buffer = Buffer.alloc(SEALED_CHUNK * CHUNKS_PER_IO);
    let position = length + NONCE_BYTES;
    do {
      const wanted = Math.min(buffer.length, size - position);
      const { bytesRead } = await source.read(buffer, 0, wanted, position);
      if (bytesRead !== wanted) throw new DecryptionError('damaged');
      const opened: Buffer[] = [];
      for (let offset = 0; offset < bytesRead || opened.length === 0; offset += SEALED_CHUNK) {
        const end = Math.min(offset + SEALED_CHUNK, bytesRead);
        opened.push(opener.open(buffer.subarray(offset, end), position + end === size));
      }
      const plain = Buffer.concat(opened);
      opened.forEach(release);
      const written = transform ? transform(plain) : plain;
      await sink.write(written);
      release(plain);
      if (written !== plain) release(written);
      position += bytesRead;
    } while (position < size);
  } finally {
    await source.close();
    await sink.close();
  }
}
