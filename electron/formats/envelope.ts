/**
 * The one file a staffer sends (`*.tremplin`): a plain POSIX tar archive, so that a partner
 * without Tremplin opens it with standard tools —
 *
 *   tar xf export.tremplin
 *   minisign -V -P <our public key> -m export.json.age     (the signature beside it)
 *   age -d -i <their key> -o export.json export.json.age   (or age -d and the passphrase)
 *
 * The archive holds exactly the entries named below; reading refuses anything else (other
 * names, links, directories, bad checksums, sizes over the caps) before any byte is used.
 */

export const PAYLOAD_NAME = 'export.json.age';
export const SIGNATURE_NAME = 'export.json.age.minisig';
export const README_NAME = 'LISEZ-MOI.txt';

const KNOWN_NAMES = [README_NAME, PAYLOAD_NAME, SIGNATURE_NAME] as const;
type EntryName = (typeof KNOWN_NAMES)[number];

/** Caps per entry: a signature and a readme are small; the payload cap is the caller's. */
const SMALL_ENTRY_MAX = 64 * 1024;

const BLOCK = 512;

export interface Envelope {
  payload: Uint8Array;
  signature: string | null;
  readme: string | null;
}

export class EnvelopeError extends Error {
  constructor(readonly reason: 'not_an_envelope' | 'too_large' | 'damaged') {
    super(`envelope ${reason}`);
    this.name = 'EnvelopeError';
  }
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const write = (text: string, offset: number) => block.set(new TextEncoder().encode(text), offset);
  write(name, 0);
  write(octal(0o644, 8), 100);
  write(octal(0, 8), 108);
  write(octal(0, 8), 116);
  write(octal(size, 12), 124);
  write(octal(mtime, 12), 136);
  write('        ', 148); // checksum field counts as spaces while summing
  write('0', 156);
  write('ustar\u000000', 257);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function padded(length: number): number {
  return Math.ceil(length / BLOCK) * BLOCK;
}

/** An archive made around its payload before the payload is written: see openEnvelope. */
export interface OpenEnvelope {
  /** Where the payload goes, exactly the size given, inside the archive's memory. */
  payload: Uint8Array;
  /** Writes the signature's entry (at most the room given; none when the room is null) and the archive's end; returns the archive's bytes. */
  close(signature: string | null): Uint8Array;
  /** The whole memory the archive was made in (its bytes and the room left): what to give back once it is sent (core/memory.ts's release). */
  memory: Uint8Array;
}

/**
 * An archive with room for a payload of `payloadSize` bytes, written in place (an export seals
 * straight into it), then for its signature, made from the payload once it is there. The
 * entries come in a fixed order; `mtime` in seconds keeps the output reproducible.
 */
export function openEnvelope(payloadSize: number, readme: string | null, mtime: number, signatureRoom: number | null = SMALL_ENTRY_MAX): OpenEnvelope {
  const readmeBytes = readme === null ? null : new TextEncoder().encode(readme);
  const readmeLength = readmeBytes ? BLOCK + padded(readmeBytes.length) : 0;
  const signatureLength = signatureRoom === null ? 0 : BLOCK + padded(signatureRoom);
  // Zeroed: the blocks' padding and the archive's end are zero bytes.
  const memory = new Uint8Array(readmeLength + BLOCK + padded(payloadSize) + signatureLength + 2 * BLOCK);
  if (readmeBytes) {
    memory.set(header(README_NAME, readmeBytes.length, mtime));
    memory.set(readmeBytes, BLOCK);
  }
  memory.set(header(PAYLOAD_NAME, payloadSize, mtime), readmeLength);
  const payloadStart = readmeLength + BLOCK;
  let offset = payloadStart + padded(payloadSize);
  return {
    payload: memory.subarray(payloadStart, payloadStart + payloadSize),
    memory,
    close(signature) {
      if (signature !== null) {
        const bytes = new TextEncoder().encode(signature);
        if (signatureRoom === null || bytes.length > signatureRoom) throw new Error('envelope: the signature is larger than its room');
        memory.set(header(SIGNATURE_NAME, bytes.length, mtime), offset);
        memory.set(bytes, offset + BLOCK);
        offset += BLOCK + padded(bytes.length);
      }
      return memory.subarray(0, offset + 2 * BLOCK);
    },
  };
}

/** An archive of entries whose bytes are all known. */
export function packEnvelope(envelope: Envelope, mtime: number): Uint8Array {
  const signature = envelope.signature === null ? null : new TextEncoder().encode(envelope.signature);
  const archive = openEnvelope(envelope.payload.length, envelope.readme, mtime, signature?.length ?? null);
  archive.payload.set(envelope.payload);
  return archive.close(envelope.signature);
}

function readText(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

function readOctal(block: Uint8Array, offset: number, length: number): number {
  const text = readText(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new EnvelopeError('damaged');
  return Number.parseInt(text, 8);
}

function isZeroBlock(block: Uint8Array): boolean {
  return block.every((byte) => byte === 0);
}

/**
 * Reads an envelope, refusing whatever is not exactly what `packEnvelope` writes (entries may
 * come in any order, as another tar tool may repack them).
 */
export function unpackEnvelope(archive: Uint8Array, maxPayloadBytes: number): Envelope {
  if (archive.length < BLOCK || readText(archive, 257, 5) !== 'ustar') throw new EnvelopeError('not_an_envelope');
  const found = new Map<EntryName, Uint8Array>();
  let offset = 0;
  for (;;) {
    // An archive ends with a zero block: one that stops before it was cut short (a partial
    // download, a full USB key), even when the entries read so far look complete.
    if (offset + BLOCK > archive.length) throw new EnvelopeError('damaged');
    const block = archive.subarray(offset, offset + BLOCK);
    if (isZeroBlock(block)) break;
    if (readText(block, 257, 5) !== 'ustar') throw new EnvelopeError('not_an_envelope');
    const stored = readOctal(block, 148, 8);
    const sum = block.reduce((total, byte, index) => total + (index >= 148 && index < 156 ? 32 : byte), 0);
    if (stored !== sum) throw new EnvelopeError('damaged');
    const name = readText(block, 0, 100);
    const type = String.fromCharCode(block[156] ?? 0);
    if (!(KNOWN_NAMES as readonly string[]).includes(name) || (type !== '0' && type !== '\0')) throw new EnvelopeError('not_an_envelope');
    const entry = name as EntryName;
    if (found.has(entry)) throw new EnvelopeError('not_an_envelope');
    const size = readOctal(block, 124, 12);
    if (size > (entry === PAYLOAD_NAME ? maxPayloadBytes : SMALL_ENTRY_MAX)) throw new EnvelopeError('too_large');
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new EnvelopeError('damaged');
    found.set(entry, archive.subarray(start, start + size));
    offset = start + padded(size);
  }
  const payload = found.get(PAYLOAD_NAME);
  if (!payload) throw new EnvelopeError('not_an_envelope');
  const text = (name: EntryName) => {
    const bytes = found.get(name);
    return bytes ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : null;
  };
  try {
    return { payload, signature: text(SIGNATURE_NAME), readme: text(README_NAME) };
  } catch {
    throw new EnvelopeError('damaged');
  }
}
