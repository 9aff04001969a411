import { createHash } from 'node:crypto';
import { closeSync, cpSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { openSignedIn } from '../../support/accounts';
import { BASELINE_FILE } from '../../../electron/db/baseline';
import { checkDatabase } from '../../../electron/db/checks';
import { applyMigrations, readMigrations } from '../../../electron/db/migrations';
import { DatabaseOpenError, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/temp';

const migrations = readMigrations(sourceMigrationsDir);
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A database file holding only the first `count` migrations, as an older Tremplin left it. */
function olderDatabase(file: string, count: number) {
  const sqlite = new Database(file);
  applyMigrations(sqlite, migrations.slice(0, count));
  sqlite.close();
}

describe('openDatabase', () => {
  const tempDir = useTempDir();

  it('creates the file, applies every migration and sets the pragmas', async () => {
    const file = path.join(tempDir(), 'nested', 'tremplin.sqlite');
    const { sqlite, close } = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tags = sqlite.prepare('SELECT tag FROM schema_migrations ORDER BY version').pluck().all();
    expect(tags).toEqual(migrations.map((migration) => migration.tag));
    close();
  });

  it('reopens an up-to-date file without migrating or backing up', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    (await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).close();
    const again = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    expect(again.sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    again.close();
    expect(readdirSync(dir)).not.toContain('backups');
  });

  it('backs the file up with the backup API before migrating an older database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    olderDatabase(file, 1);
    const { sqlite, close } = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    close();
    const backups = readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('opens a file whose last write was cut short, as SQLite recovers it (a hot rollback journal)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tremplin.sqlite');
    (await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).close();
    const writer = new Database(file);
    writer.pragma('journal_mode = DELETE');
    writer.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    // A transaction too large for the cache spills pages into the file before its commit, its rollback journal beside it.
    writer.pragma('cache_size = 10');
    writer.exec('BEGIN');
    const insert = writer.prepare("INSERT INTO settings (key, value) VALUES (?, 'cut short')");
    for (let index = 0; index < 2000; index++) insert.run(`cut-${index}`);
    // The files as a kill at this moment leaves them: a copy taken while the writer holds its lock.
    const cut = tempDir();
    cpSync(dir, cut, { recursive: true });
    writer.exec('ROLLBACK');
    writer.close();
    expect(readdirSync(cut)).toContain('tremplin.sqlite-journal');

    const opened = await openDatabase({ key: null, file: path.join(cut, 'tremplin.sqlite'), migrationsDir: sourceMigrationsDir });
    expect(opened.sqlite.prepare("SELECT key FROM settings WHERE key = 'kept' OR key LIKE 'cut-%'").pluck().all()).toEqual(['kept']);
    opened.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    const sqlite = new Database(file);
    applyMigrations(sqlite, migrations);
    sqlite.pragma(`user_version = ${migrations.length + 1}`);
    sqlite.close();
    const before = hashOf(file);
    await expect(openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({
      code: 'database_too_new',
    });
    expect(hashOf(file)).toBe(before);
  });

  it('refuses a database whose applied migrations differ from ours', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    olderDatabase(file, 1);
    const sqlite = new Database(file);
    sqlite.prepare("UPDATE schema_migrations SET tag = 'someone_elses_branch' WHERE version = 1").run();
    sqlite.close();
    const before = hashOf(file);
    await expect(openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).rejects.toBeInstanceOf(
      DatabaseOpenError,
    );
    expect(hashOf(file)).toBe(before);
  });

  it('reports a damaged file instead of repairing it, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    const before = hashOf(file);
    await expect(openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({
      code: 'database_corrupt',
    });
    expect(hashOf(file)).toBe(before);
  });

  it('applies migrations all or nothing, from the baseline or one by one', async () => {
    const last = migrations.at(-1)?.tag ?? '';
    const broken = 'CREATE TABLE half_done (id INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;';
    const breakings: Record<string, (dir: string) => void> = {
      'the last migration': (dir) => {
        rmSync(path.join(dir, BASELINE_FILE));
        writeFileSync(path.join(dir, `${last}.sql`), broken);
      },
      'the baseline': (dir) => writeFileSync(path.join(dir, BASELINE_FILE), `${readFileSync(path.join(dir, BASELINE_FILE), 'utf8')}\n--> statement-breakpoint\n${broken}`),
    };
    for (const [what, breakIn] of Object.entries(breakings)) {
      const dir = tempDir();
      const brokenDir = path.join(dir, 'migrations');
      cpSync(sourceMigrationsDir, brokenDir, { recursive: true });
      breakIn(brokenDir);
      const file = path.join(dir, 'tremplin.sqlite');
      await expect(openDatabase({ key: null, file, migrationsDir: brokenDir }), what).rejects.toThrow();
      const sqlite = new Database(file, { readonly: true });
      expect(sqlite.pragma('user_version', { simple: true }), what).toBe(0);
      expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get(), what).toBe(0);
      sqlite.close();
    }
  });
});

/**
 * An up-to-date file whose version and migrations read fine but one page of the candidates'
 * table is garbage: only quick_check, which reads every page, finds it.
 */
function damagedDatabase(file: string, applied = migrations.length) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  applyMigrations(sqlite, migrations.slice(0, applied));
  const insert = sqlite.prepare("INSERT INTO candidates (id, first_name, last_name, created_at, updated_at) VALUES (?, 'Amina', ?, 'x', 'x')");
  sqlite.transaction(() => {
    for (let index = 0; index < 2000; index++) insert.run(`c${index}`, `Diallo ${'x'.repeat(200)} ${index}`);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  const leaves = sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'candidates' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  sqlite.close();
  const page = leaves[Math.floor(leaves.length / 2)] ?? 0;
  const handle = openSync(file, 'r+');
  writeSync(handle, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(handle);
}

describe('the start-up check', () => {
  const tempDir = useTempDir();

  it('finds a damaged page on a worker thread, and nothing in a sound file', async () => {
    const sound = path.join(tempDir(), 'tremplin.sqlite');
    (await openDatabase({ key: null, file: sound, migrationsDir: sourceMigrationsDir })).close();
    expect(await checkDatabase(sound, 'quick_check', null)).toEqual([]);
    const damaged = path.join(tempDir(), 'tremplin.sqlite');
    damagedDatabase(damaged);
    expect((await checkDatabase(damaged, 'quick_check', null)).length).toBeGreaterThan(0);
    expect(await checkDatabase(path.join(tempDir(), 'missing.sqlite'), 'integrity_check', null)).toHaveLength(1);
  });

  it('refuses a file that fails quick_check before handing it out, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    damagedDatabase(file);
    const before = hashOf(file);
    await expect(openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).rejects.toMatchObject({ code: 'database_corrupt' });
    expect(hashOf(file)).toBe(before);
  });

  it('in the background, answers no call and writes nothing until the check passes, then refuses every call of a damaged file', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    // The file as the app writes it (encrypted, with its keyring), then one page of the candidates' table garbage.
    const first = await openSignedIn({ file, logger: { error: () => {} } });
    const { sqlite } = first.database;
    const insert = sqlite.prepare("INSERT INTO candidates (id, first_name, last_name, created_at, updated_at) VALUES (?, 'Amina', ?, 'x', 'x')");
    sqlite.transaction(() => {
      for (let index = 0; index < 2000; index++) insert.run(`c${index}`, `Diallo ${'x'.repeat(200)} ${index}`);
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    const leaves = sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'candidates' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    first.close();
    const handle = openSync(file, 'r+');
    writeSync(handle, Buffer.alloc(pageSize, 0xa5), 0, pageSize, ((leaves[Math.floor(leaves.length / 2)] ?? 0) - 1) * pageSize);
    closeSync(handle);
    const before = hashOf(file);
    const statements: string[] = [];
    const backend = await openSignedIn({ file, checkInBackground: true, dailyBackups: true, logger: { error: () => {} }, trace: (sql) => statements.push(sql) });
    const created = backend.dispatch('candidates.create', { firstName: 'Hélène', lastName: 'Martin' });
    await expect(backend.ready).rejects.toMatchObject({ code: 'database_corrupt' });
    expect(await created).toMatchObject({ ok: false, error: { code: 'database_corrupt', message: 'errors.database_corrupt' } });
    expect(await backend.dispatch('candidates.list', {})).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    backend.close();
    expect(statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql))).toEqual([]);
    expect(hashOf(file)).toBe(before);
  });

  it('in the background, a sound file answers once checked; a file to migrate is checked first', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    (await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).close();
    const backend = await openSignedIn({ file, checkInBackground: true, logger: { error: () => {} } });
    expect(await backend.dispatch('candidates.create', { firstName: 'Hélène', lastName: 'Martin' })).toMatchObject({ ok: true });
    await expect(backend.ready).resolves.toBeUndefined();
    backend.close();

    const older = path.join(tempDir(), 'tremplin.sqlite');
    damagedDatabase(older, 1);
    const before = hashOf(older);
    await expect(openDatabase({ key: null, file: older, migrationsDir: sourceMigrationsDir, checkInBackground: true })).rejects.toMatchObject({
      code: 'database_corrupt',
    });
    expect(hashOf(older)).toBe(before);
  });
});
