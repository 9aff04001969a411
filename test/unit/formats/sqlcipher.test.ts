import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLCipher from '@signalapp/sqlcipher';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { keyConnection } from '../../../electron/db/cipher';
import { ImageLayoutError, hasSqlcipherLayout, sqlcipherPageSealer } from '../../../electron/formats/sqlcipher';
import { useTempDir } from '../../support/temp';

const MARKER = 'Zenobie Krasnodebska';

/** The decrypted pages of an encrypted database (as a backup holds them), with a table of named rows spread over many pages. */
function encryptedImage(dir: string): Buffer {
  const db = new Database(path.join(dir, 'source.sqlite'));
  keyConnection(db, randomBytes(32));
  db.exec('CREATE TABLE people (name TEXT); CREATE INDEX people_name ON people (name)');
  const insert = db.prepare('INSERT INTO people VALUES (?)');
  db.transaction(() => {
    for (let index = 0; index < 3000; index++) insert.run(`${MARKER} ${index} ${'x'.repeat(index % 400)}`);
  })();
  const image = db.serialize();
  db.close();
  return image;
}

/** The image sealed a megabyte at a time, as a backup's age stream gives it. */
function sealed(image: Buffer, key: Buffer): Buffer {
  const seal = sqlcipherPageSealer(key);
  const pieces: Buffer[] = [];
  for (let start = 0; start < image.length; start += 2 ** 20) pieces.push(seal(image.subarray(start, start + 2 ** 20)));
  return Buffer.concat(pieces);
}

describe('SQLCipher pages sealed from a plain image', () => {
  const tempDir = useTempDir();

  it('open with the key in SQLCipher 4 itself and in the app’s driver, whole, with nothing readable in the file', () => {
    const dir = tempDir();
    const image = encryptedImage(dir);
    expect(hasSqlcipherLayout(image)).toBe(true);
    expect(image.includes(MARKER)).toBe(true);
    const key = randomBytes(32);
    const file = path.join(dir, 'sealed.sqlite');
    writeFileSync(file, sealed(image, key));
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(image.length);
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);

    const independent = new SQLCipher(file);
    independent.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(independent.prepare('PRAGMA integrity_check', { pluck: true }).get()).toBe('ok');
    expect(independent.prepare('SELECT count(*) FROM people', { pluck: true }).get()).toBe(3000);
    independent.close();

    const driver = new Database(file, { readonly: true });
    keyConnection(driver, key);
    expect(driver.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(driver.prepare("SELECT name FROM people WHERE name LIKE '% 2999 %'").pluck().get()).toContain(MARKER);
    driver.close();

    const otherKey = new Database(file, { readonly: true });
    keyConnection(otherKey, randomBytes(32));
    expect(() => otherKey.prepare('SELECT count(*) FROM people').get()).toThrow(/not a database/);
    otherKey.close();
  });

  it('refuses an image without SQLCipher’s reserved bytes, and pieces that are not whole pages', () => {
    const plain = new Database(':memory:');
    plain.exec("CREATE TABLE t (a); INSERT INTO t VALUES ('a')");
    const image = plain.serialize();
    plain.close();
    expect(hasSqlcipherLayout(image)).toBe(false);
    expect(() => sqlcipherPageSealer(randomBytes(32))(image)).toThrow(ImageLayoutError);
    expect(() => sqlcipherPageSealer(randomBytes(32))(Buffer.alloc(4000))).toThrow(RangeError);
  });
});
