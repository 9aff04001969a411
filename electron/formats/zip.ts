import { Unzip, UnzipInflate } from 'fflate';
import { SheetReadError } from './csv';

/**
 * Unzips an XLSX or ODS file with a bound on what it may unpack to: a "zip bomb" (a few
 * kilobytes that inflate to gigabytes) is refused once its output passes the bound, without
 * holding that output. The sizes a zip declares can lie, so the output is counted as it comes:
 * the input is fed in small pieces, each of which inflates to a few megabytes at most.
 */

export interface UnzipLimits {
  /** Bytes all the wanted entries may unpack to, together. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

/** A spreadsheet of 100,000 rows unpacks to tens of megabytes; ten times more is not one. */
export const SHEET_UNZIP_LIMITS: UnzipLimits = { maxUnpackedBytes: 256 * 1024 * 1024, maxEntries: 2000 };

/** Deflate inflates a byte to 1,032 at most: pieces this size unpack to 4 MiB at worst between two checks. */
const PIECE_BYTES = 4096;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The wanted entries' contents (all of them, to check a file's bounds, when `wanted` is
 * omitted: their bytes are counted, then dropped).
 */
export function unzipBounded(bytes: Uint8Array, limits: UnzipLimits, wanted?: (name: string) => boolean): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let unpacked = 0;
  let entries = 0;
  let refusal: SheetReadError | null = null;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries) refusal ??= new SheetReadError('sheets.errors.tooLargeUnpacked');
    const keep = wanted?.(file.name) ?? false;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new SheetReadError('sheets.errors.damagedFile');
        return;
      }
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) {
        refusal = new SheetReadError('sheets.errors.tooLargeUnpacked');
        return;
      }
      if (keep) chunks.push(chunk);
      if (final && keep) files.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += PIECE_BYTES) {
      unzip.push(bytes.subarray(offset, offset + PIECE_BYTES), offset + PIECE_BYTES >= bytes.length);
    }
  } catch {
    // fflate throws on a broken archive (a bad header, an unknown compression).
    refusal ??= new SheetReadError('sheets.errors.damagedFile');
  }
  if (refusal) throw refusal;
  return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}
