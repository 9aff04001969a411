import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLCipher from '@signalapp/sqlcipher';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openBackend, sourceMigrationsDir } from '../../../electron/api/backend';
import { isPlainDatabaseFile, keyConnection } from '../../../electron/db/cipher';
import { applyMigrations, readMigrations } from '../../../electron/db/migrations';
import { ok } from '../../support/api';
import { TEST_ADMINISTRATOR } from '../../support/accounts';
import { writeRecoveryRecipient } from '../../../electron/db/backups';
import { generateAgeKey } from '../../../electron/formats/age';
import { TEST_KEYRING_SCRYPT } from '../../../electron/formats/keyring';
import { seed } from '../../../electron/tools/seed';
import { checkDatabase } from '../../../electron/db/checks';
import { openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/temp';

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const KNOWN_NAME = 'Zenobie Krasnodebska';

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

/** The candidate rows written the way the app stores them, straight through the connection. */
function writeKnownName(sqlite: Database.Database): void {
  sqlite.prepare("INSERT INTO settings (key, value) VALUES ('encryption-test', ?)").run(JSON.stringify({ name: KNOWN_NAME }));
}

describe('the encrypted database', () => {
  const tempDir = useTempDir();

  it('is created in the SQLCipher 4 format: an independent SQLCipher build opens it with the key, not without', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    const key = randomBytes(32);
    const opened = await openDatabase({ key, file, migrationsDir: sourceMigrationsDir });
    writeKnownName(opened.sqlite);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(opened.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    opened.close();
    expect(isPlainDatabaseFile(file)).toBe(false);

    const withKey = new SQLCipher(file);
    withKey.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(withKey.prepare("SELECT value FROM settings WHERE key = 'encryption-test'", { pluck: true }).get()).toContain(KNOWN_NAME);
    withKey.close();
    const withoutKey = new SQLCipher(file);
    expect(() => withoutKey.prepare('SELECT count(*) FROM settings').get()).toThrow(/not a database/);
    withoutKey.close();
    const otherKey = new SQLCipher(file);
    otherKey.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`);
    expect(() => otherKey.prepare('SELECT count(*) FROM settings').get()).toThrow(/not a database/);
    otherKey.close();
  });

  it('shows a known name in no file of the data folder: not in the WAL while it is full, nor after a checkpoint', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    const opened = await openDatabase({ key: randomBytes(32), file, migrationsDir: sourceMigrationsDir });
    writeKnownName(opened.sqlite);
    // Enough rows to spill sorts and fill many WAL frames, with the name among them.
    const insert = opened.sqlite.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    opened.sqlite.transaction(() => {
      for (let index = 0; index < 2000; index++) insert.run(`row-${index}`, `${KNOWN_NAME} ${index} ${'x'.repeat(200)}`);
    })();
    opened.sqlite.prepare("SELECT value FROM settings ORDER BY value DESC").all();
    const whileFull = filesUnder(dir);
    expect(whileFull.map(({ file: name }) => path.basename(name))).toContain('tremplin.sqlite-wal');
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(100_000);
    for (const { file: name, bytes } of whileFull) expect(bytes.includes(KNOWN_NAME), name).toBe(false);

    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.sqlite.prepare("DELETE FROM settings WHERE key LIKE 'row-%'").run();
    for (const { file: name, bytes } of filesUnder(dir)) expect(bytes.includes(KNOWN_NAME), name).toBe(false);
    opened.close();
    for (const { file: name, bytes } of filesUnder(dir)) expect(bytes.includes(KNOWN_NAME), name).toBe(false);
  });

  it('refuses a wrong key with database_key, and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    (await openDatabase({ key: randomBytes(32), file, migrationsDir: sourceMigrationsDir })).close();
    const before = hashOf(file);
    await expect(openDatabase({ key: randomBytes(32), file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({
      name: 'DatabaseOpenError',
      code: 'database_key',
    });
    expect(hashOf(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readdirSync(dir)).toEqual(['tremplin.sqlite']);
  });

  it('refuses an encrypted file opened without a key with database_key, and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    (await openDatabase({ key: randomBytes(32), file, migrationsDir: sourceMigrationsDir })).close();
    const before = hashOf(file);
    await expect(openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({ code: 'database_key' });
    expect(hashOf(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['tremplin.sqlite']);
  });

  it('refuses a file tampered with: its first page as a wrong key, another page in the check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    const key = randomBytes(32);
    const opened = await openDatabase({ key, file, migrationsDir: sourceMigrationsDir });
    writeKnownName(opened.sqlite);
    opened.close();
    const bytes = readFileSync(file);
    const firstPage = Buffer.from(bytes);
    firstPage[100] = (firstPage[100] ?? 0) ^ 0xff;
    writeFileSync(file, firstPage);
    await expect(openDatabase({ key, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({ code: 'database_key' });
    expect(readFileSync(file).equals(firstPage)).toBe(true);

    const laterPage = Buffer.from(bytes);
    const offset = bytes.length - 4096 + 200;
    laterPage[offset] = (laterPage[offset] ?? 0) ^ 0xff;
    writeFileSync(file, laterPage);
    expect((await checkDatabase(file, 'quick_check', key)).length).toBeGreaterThan(0);
    await expect(openDatabase({ key, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({ code: 'database_corrupt' });
    expect(readFileSync(file).equals(laterPage)).toBe(true);
  });

  it('refuses a key for a plain file (it must be converted first), and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    (await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).close();
    const before = hashOf(file);
    await expect(openDatabase({ key: randomBytes(32), file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({
      code: 'database_not_encrypted',
    });
    expect(hashOf(file)).toBe(before);
  });

  it('runs the start-up check on a worker with the key', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    const key = randomBytes(32);
    (await openDatabase({ key, file, migrationsDir: sourceMigrationsDir })).close();
    expect(await checkDatabase(file, 'quick_check', key)).toEqual([]);
    expect(await checkDatabase(file, 'integrity_check', key)).toEqual([]);
    expect((await checkDatabase(file, 'quick_check', null)).length).toBeGreaterThan(0);
  });

  it('copies an older encrypted file before migrating it, encrypted with the same key', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    const key = randomBytes(32);
    const older = new Database(file);
    keyConnection(older, key);
    applyMigrations(older, readMigrations(sourceMigrationsDir).slice(0, 1));
    older.close();
    (await openDatabase({ key, file, migrationsDir: sourceMigrationsDir })).close();
    const [copy = ''] = readdirSync(path.join(dir, 'backups'));
    const copyFile = path.join(dir, 'backups', copy);
    expect(isPlainDatabaseFile(copyFile)).toBe(false);
    const opened = new Database(copyFile, { readonly: true });
    keyConnection(opened, key);
    expect(opened.pragma('user_version', { simple: true })).toBe(1);
    opened.close();
  });

  it('converts a plain database from before accounts when the first account is set up, after an age backup of it, with every record kept', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    const plain = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    seed(plain.db, { candidates: 30, employers: 3, jobNeeds: 3, volunteers: 2, partners: 2, sessions: 2, events: 20 }, 5);
    const person = plain.sqlite.prepare('SELECT id, last_name AS lastName FROM candidates LIMIT 1').get() as { id: string; lastName: string };
    const counted = plain.sqlite.prepare('SELECT count(*) FROM candidates').pluck().get();
    plain.close();
    // Backups were set up before this version: their recovery key serves for the keyring too.
    const recovery = await generateAgeKey();
    writeRecoveryRecipient(dir, recovery.recipient);
    expect(isPlainDatabaseFile(file)).toBe(true);

    const backend = await openBackend({ file, accountScryptCost: TEST_KEYRING_SCRYPT, logger: { error: () => {} } });
    expect(await ok(backend, 'session.status', {})).toMatchObject({ setupNeeded: true });
    const { recoveryKey } = await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    expect(recoveryKey).toBeNull();
    expect((await ok(backend, 'candidates.get', { id: person.id })).lastName).toBe(person.lastName);
    expect((await ok(backend, 'candidates.list', {})).total).toBe(counted);
    const backups = (await ok(backend, 'backups.status', {})).backups;
    expect(backups.map((backup) => backup.reason)).toEqual(['before-migration']);
    // The way back: that backup of the plain file (its pages without SQLCipher's reserved bytes)
    // restores, opened encrypted like any other (db/backups.ts: writeEncryptedCopy).
    await ok(backend, 'candidates.update', { id: person.id, lastName: 'Changed after the conversion' });
    const restored = await ok(backend, 'backups.restore', { name: backups[0]?.name ?? '', recoveryKey: recovery.identity });
    expect(restored.counts.candidates).toBe(counted);
    expect((await ok(backend, 'candidates.get', { id: person.id })).lastName).toBe(person.lastName);
    expect((await ok(backend, 'candidates.list', { query: person.lastName })).total).toBeGreaterThan(0);
    backend.close();
    expect(isPlainDatabaseFile(file)).toBe(false);
    for (const { file: name, bytes } of filesUnder(dir)) expect(bytes.includes(person.lastName), name).toBe(false);
  });
});
