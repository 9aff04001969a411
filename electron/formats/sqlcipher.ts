import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * SQLCipher 4's page format, written from the pages of a plain SQLite image: how a backup (the
 * decrypted pages of the database, db/backups.ts: checkedBytes) is opened again without a plain
 * copy on disk. The image keeps SQLCipher's 80 reserved bytes at the end of each page; each
 * page's content is encrypted in place with AES-256-CBC under a fresh IV, followed by the IV and
 * an HMAC-SHA512 of the ciphertext, the IV and the page number (4 bytes, little-endian). The first
 * page's 16 bytes of "SQLite format 3" become the file's salt. With a raw key (`x'…'`, see
 * db/cipher.ts) the key encrypts as it is, and the HMAC key is PBKDF2-HMAC-SHA512 of it over the
 * salt masked with 0x3a, two iterations: what SQLCipher 4 and SQLite3 Multiple Ciphers (legacy 4)
 * read.
 */

const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
/** Bytes SQLCipher 4 reserves at the end of each page: the IV and the HMAC. */
export const SQLCIPHER_RESERVED_BYTES = IV_BYTES + HMAC_BYTES;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KEY_ITERATIONS = 2;
/** The first 16 bytes of a plain SQLite file. */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** An image whose pages have no room for SQLCipher's IV and HMAC (a plain database's from before encryption at rest). */
export class ImageLayoutError extends Error {
  constructor() {
    super('the image does not have SQLCipher 4 pages');
    this.name = 'ImageLayoutError';
  }
}

/** Whether a plain image (its first page at least) has SQLCipher's page size and reserved bytes, so its pages can be sealed in place. */
export function hasSqlcipherLayout(firstPage: Buffer): boolean {
  if (firstPage.length < 100 || !firstPage.subarray(0, SALT_BYTES).equals(SQLITE_HEADER)) return false;
  return firstPage.readUInt16BE(16) === PAGE_SIZE && firstPage[20] === SQLCIPHER_RESERVED_BYTES;
}

/**
 * Seals the pages of a plain image under a 32-byte key, a piece at a time in order (pieces of
 * whole pages): the file written from the pieces opens with the key as a raw key. Throws on a
 * piece that is not whole pages (RangeError), or ImageLayoutError at the first page of an image
 * whose layout is not SQLCipher's (hasSqlcipherLayout).
 */
export function sqlcipherPageSealer(key: Buffer): (piece: Buffer) => Buffer {
  if (key.length !== 32) throw new RangeError('the key must be 32 bytes');
  const salt = randomBytes(SALT_BYTES);
  const hmacKey = pbkdf2Sync(
    key,
    salt.map((byte) => byte ^ HMAC_SALT_MASK),
    HMAC_KEY_ITERATIONS,
    32,
    'sha512',
  );
  let pageNumber = 1;
  const pageNumberBytes = Buffer.alloc(4);
  const content = PAGE_SIZE - SQLCIPHER_RESERVED_BYTES;
  return (piece) => {
    if (piece.length % PAGE_SIZE !== 0) throw new RangeError('a piece of an image is whole pages');
    const sealed = Buffer.allocUnsafe(piece.length);
    // The pages' IVs drawn at once: one call a page was an eighth of the sealing's time.
    const ivs = randomBytes((piece.length / PAGE_SIZE) * IV_BYTES);
    for (let start = 0; start < piece.length; start += PAGE_SIZE, pageNumber += 1) {
      const page = piece.subarray(start, start + PAGE_SIZE);
      const out = sealed.subarray(start, start + PAGE_SIZE);
      // Page 1's header names the format in clear: the salt takes its place.
      const offset = pageNumber === 1 ? SALT_BYTES : 0;
      if (pageNumber === 1) {
        if (!hasSqlcipherLayout(page)) throw new ImageLayoutError();
        salt.copy(out);
      }
      const iv = ivs.subarray((start / PAGE_SIZE) * IV_BYTES, (start / PAGE_SIZE + 1) * IV_BYTES);
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const encrypted = cipher.update(page.subarray(offset, content));
      encrypted.copy(out, offset);
      cipher.final();
      iv.copy(out, content);
      pageNumberBytes.writeUInt32LE(pageNumber);
      createHmac('sha512', hmacKey).update(out.subarray(offset, content + IV_BYTES)).update(pageNumberBytes).digest().copy(out, content + IV_BYTES);
    }
    return sealed;
  };
}
