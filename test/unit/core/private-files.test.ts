import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, sourceMigrationsDir } from '../../../electron/api/backend';
import { testSession } from '../../support/session';
import { applyMigrations, readMigrations } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { decryptFile, encryptToFile, generateAgeKey } from '../../../electron/formats/age';
import { ok } from '../../support/api';
import { useTempDir } from '../../support/temp';

/** Every folder and file under `root` (itself included), with its permission bits. */
function modesUnder(root: string): Record<string, string> {
  const modes: Record<string, string> = { '.': (statSync(root).mode & 0o777).toString(8) };
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    modes[name] = (statSync(path.join(root, name)).mode & 0o777).toString(8);
  }
  return modes;
}

function expectOwnerOnly(root: string) {
  const modes = modesUnder(root);
  for (const [name, mode] of Object.entries(modes)) {
    expect(mode, name).toBe(statSync(path.join(root, name)).isDirectory() ? '700' : '600');
  }
  return Object.keys(modes);
}

describe.skipIf(process.platform === 'win32')('files the app writes', () => {
  const tempDir = useTempDir();
  let umask = 0;
  // The usual umask, which gives 0755 folders and 0644 files to anyone who does not ask otherwise.
  beforeEach(() => {
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('the data folder, the database with its WAL and SHM, the recovery recipient and backups are readable by their owner only', async () => {
    const folder = path.join(tempDir(), 'Tremplin');
    mkdirSync(folder, { mode: 0o755 }); // as Electron leaves userData
    const backend = await openBackend({ session: testSession().provider, file: path.join(folder, 'tremplin.sqlite'), logger: { error: () => {} } });
    try {
      await ok(backend, 'backups.setupRecovery', {});
      await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
      await ok(backend, 'backups.backupNow', {});
      const names = expectOwnerOnly(folder);
      expect(names).toEqual(expect.arrayContaining(['tremplin.sqlite', 'tremplin.sqlite-wal', 'tremplin.sqlite-shm', 'recovery-recipient.txt', 'backups']));
      expect(names.filter((name) => name.endsWith('.sqlite.age')).length).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  });

  // A restore decrypts the backup with decryptFile into a folder of its own (mkdtemp, 0700).
  it('the copy taken before a migration, and files age writes, are owner-only', async () => {
    const folder = path.join(tempDir(), 'data');
    mkdirSync(folder);
    const file = path.join(folder, 'tremplin.sqlite');
    const older = new Database(file);
    applyMigrations(older, readMigrations(sourceMigrationsDir).slice(0, 1));
    older.close();
    (await openDatabase({ file, migrationsDir: sourceMigrationsDir })).close();
    expect(readdirSync(path.join(folder, 'backups'))).toHaveLength(1);

    const { identity, recipient } = await generateAgeKey();
    const bytes = readFileSync(file);
    const source = { size: bytes.length, read: async (position: number, length: number) => bytes.subarray(position, position + length) };
    await encryptToFile(source, path.join(folder, 'copy.age'), { recipients: [recipient] });
    await decryptFile(path.join(folder, 'copy.age'), path.join(folder, 'copy.sqlite'), { identities: [identity] });
    expect(expectOwnerOnly(folder)).toEqual(expect.arrayContaining(['copy.age', 'copy.sqlite']));
  });
});
