import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { applyMigrations, readMigrations } from '../../../electron/db/migrations';
import { type BackupFile, backupsToKeep, writeRecoveryRecipient } from '../../../electron/db/backups';
import { generateAgeKey } from '../../../electron/formats/age';
import { contentSnapshot, ok, refused } from '../../support/api';
import { recoveryKeyOf } from '../../support/accounts';
import { bundleForNode } from '../../support/bundle';
import { association, exportTo, importFile, refusedWith, twoPartners, useExchangeBackend } from '../../support/exchange';
import { useBackend, useTempDir } from '../../support/temp';

function hasAge(): boolean {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasSqliteShell(): boolean {
  return spawnSync('sqlite3', ['-version'], { stdio: 'ignore' }).status === 0;
}

const backupAt = (takenAt: string, reason: BackupFile['reason'] = 'daily'): BackupFile => ({ name: takenAt, file: takenAt, takenAt, reason, bytes: 1 });

describe('retention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups, and the newest', () => {
    // One backup a day for 400 days, the newest on 2026-11-22.
    const days = Array.from({ length: 400 }, (_, index) => new Date(Date.UTC(2026, 10, 22) - index * 86_400_000).toISOString());
    const keep = backupsToKeep(days.map((day) => backupAt(day)));
    const kept = [...keep].sort().reverse();
    expect(kept.slice(0, 7).map((name) => name.slice(0, 10))).toEqual([
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
      '2026-11-16',
    ]);
    // Weeks start on Monday: the newest of the 4 latest weeks are the 22nd, 15th, 8th and 1st (Sundays).
    for (const day of [7, 14, 21]) expect(keep.has(days[day] as string)).toBe(true);
    // One per month for 12 months: the newest of each month (its last day).
    expect(keep.has('2026-10-31T00:00:00.000Z')).toBe(true);
    expect(keep.has('2025-12-31T00:00:00.000Z')).toBe(true);
    expect(keep.has('2025-11-30T00:00:00.000Z')).toBe(false);
    expect(keep.size).toBe(7 + 3 + 11);
  });

  it('keeps several backups of one day only once, the newest', () => {
    const keep = backupsToKeep([backupAt('2026-11-22T08:00:00.000Z'), backupAt('2026-11-22T18:00:00.000Z')]);
    expect([...keep]).toEqual(['2026-11-22T18:00:00.000Z']);
  });

  it('keeps the last 5 backups taken before an import, a migration or a restore, whatever came after', () => {
    const beforeChanges = ['01', '02', '03', '04', '05', '06'].map((hour) => backupAt(`2026-11-22T${hour}:00:00.000Z`, 'before-import'));
    const keep = backupsToKeep([...beforeChanges, backupAt('2026-11-22T20:00:00.000Z'), backupAt('2026-11-22T21:00:00.000Z', 'manual')]);
    expect([...keep].sort()).toEqual(['02', '03', '04', '05', '06', '20', '21'].map((hour) => `2026-11-22T${hour}:00:00.000Z`));
  });

  it('keeps every backup taken on demand, whatever came after, and leaves them out of the daily count', () => {
    const manual = ['2025-01-05T10:00:00.000Z', '2026-11-22T09:00:00.000Z'].map((takenAt) => backupAt(takenAt, 'manual'));
    const keep = backupsToKeep([...manual, backupAt('2026-11-22T08:00:00.000Z'), backupAt('2026-11-22T18:00:00.000Z'), backupAt('2026-11-23T08:00:00.000Z')]);
    expect([...keep].sort()).toEqual(['2025-01-05T10:00:00.000Z', '2026-11-22T09:00:00.000Z', '2026-11-22T18:00:00.000Z', '2026-11-23T08:00:00.000Z']);
  });
});

describe('backups through the API', { timeout: 60_000 }, () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('use the recovery key made with the first account; encrypted, listed and restorable with the sheet', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    const recoveryKey = recoveryKeyOf(backend);
    expect(recoveryKey).toMatch(/^AGE-SECRET-KEY-1/);
    // The secret half is nowhere on disk.
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(folder, name);
      if (statSync(file).isFile()) expect(readFileSync(file).includes(recoveryKey), name).toBe(false);
    }
    await refused(backend, 'backups.setupRecovery', {}, {}, 'conflict');

      const amina = await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
      const taken = await ok(backend, 'backups.backupNow', {});
      const status = await ok(backend, 'backups.status', {});
      expect(status.recoveryConfigured).toBe(true);
      expect(status.backups[0]?.name).toBe(taken.name);

      await ok(backend, 'candidates.update', { id: amina.id, lastName: 'Changed after the backup' });
      await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });

      const wrongKey = `AGE-SECRET-KEY-1${'Q'.repeat(58)}`;
      await refused(backend, 'backups.previewRestore', { name: taken.name, recoveryKey: wrongKey });
      await refused(backend, 'backups.restore', { name: taken.name, recoveryKey: wrongKey });
      const spokenKey = recoveryKey.toLowerCase().replace(/(.{8})/g, '$1 ');
      const preview = await ok(backend, 'backups.previewRestore', { name: taken.name, recoveryKey: spokenKey });
      expect(preview.counts.candidates).toBe(1);

      const restored = await ok(backend, 'backups.restore', { name: taken.name, recoveryKey });
      expect(restored.counts.candidates).toBe(1);
      expect((await ok(backend, 'candidates.get', { id: amina.id })).lastName).toBe('Diallo');
      expect((await ok(backend, 'candidates.list', { query: 'demir' })).total).toBe(0);
      expect((await ok(backend, 'candidates.list', { query: 'diallo' })).total).toBe(1);
      // What was there before the restore was kept aside.
      expect((await ok(backend, 'backups.status', {})).backups.some((backup) => backup.reason === 'before-restore')).toBe(true);
    });

  it.skipIf(!hasAge())('a backup opens with the age tool and the recovery key into a sound SQLite file', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    const recoveryKey = recoveryKeyOf(backend);
    await ok(backend, 'candidates.create', { firstName: 'Hélène', lastName: 'Martin' });
    const taken = await ok(backend, 'backups.backupNow', {});
    writeFileSync(path.join(folder, 'recovery.txt'), `${recoveryKey}\n`);
    const plain = path.join(folder, 'opened.sqlite');
    execFileSync('age', ['-d', '-i', path.join(folder, 'recovery.txt'), '-o', plain, path.join(folder, 'backups', taken.name)]);
    const opened = new Database(plain, { readonly: true });
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.prepare('SELECT first_name FROM candidates').pluck().get()).toBe('Hélène');
    opened.close();
    // The standard SQLite shell reads it too: plain SQLite inside age, the recovery key the one secret.
    if (hasSqliteShell()) expect(execFileSync('sqlite3', [plain, 'SELECT last_name FROM candidates'], { encoding: 'utf8' }).trim()).toBe('Martin');
    // Encrypted: the name is in no file of the data folder (database, WAL, backups) but the copy opened here.
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(folder, name);
      if (name !== 'opened.sqlite' && statSync(file).isFile()) expect(readFileSync(file).includes('Hélène'), name).toBe(false);
    }
  });

  it('takes one daily backup a day', async () => {
    let now = new Date('2026-11-22T09:00:00.000Z');
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), clock: { now: () => now } });
    expect((await backend.backups.runDaily())?.reason).toBe('daily');
    now = new Date('2026-11-22T17:00:00.000Z');
    expect(await backend.backups.runDaily()).toBeNull();
    now = new Date('2026-11-23T08:00:00.000Z');
    expect((await backend.backups.runDaily())?.takenAt).toBe('2026-11-23T08:00:00.000Z');
    // An import's backup is the day's newest, which retention keeps in place of the daily one: no second daily backup that day.
    now = new Date('2026-11-23T10:00:00.000Z');
    await backend.backups.beforeImport();
    const ofThe23rd = backend.backups.status().backups.filter((backup) => backup.takenAt.startsWith('2026-11-23'));
    expect(ofThe23rd.map((backup) => backup.reason)).toEqual(['before-import']);
    now = new Date('2026-11-23T11:00:00.000Z');
    expect(await backend.backups.runDaily()).toBeNull();
    // A backup on demand is kept apart from the days' and does not count as one.
    now = new Date('2026-11-24T08:00:00.000Z');
    await backend.backups.backupNow();
    expect((await backend.backups.runDaily())?.reason).toBe('daily');
  });

  it('a restore that fails changes nothing', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const before = contentSnapshot(backend);
    await refused(backend, 'backups.restore', { name: 'tremplin-2026-01-01T00-00-00-000Z-daily.sqlite.age', recoveryKey: `AGE-SECRET-KEY-1${'Q'.repeat(58)}` }, {}, 'not_found');
    expect(contentSnapshot(backend)).toEqual(before);
  });
});

// Two installations, each with keys and several backups: a minute is ample on a busy machine.
describe('a restore keeps the facts about the outside world', { timeout: 60_000 }, () => {
  const openBackend = useExchangeBackend();
  const rows = (backend: Awaited<ReturnType<typeof openBackend>>, table: string) => backend.database.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();

  it('the sender: the next file after a restore is not a replay, and what was shared stays in the log', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    // A new sheet, whose first backup holds everything but the file below.
    const { recoveryKey } = await ok(a, 'backups.setupRecovery', { replace: true });
    const [backup] = (await ok(a, 'backups.status', {})).backups;
    const first = await exportTo(a, cardBatA.id, [amina.id]);
    await importFile(b, first.content);
    const audit = rows(a, 'audit_log');

    await ok(a, 'backups.restore', { name: backup?.name ?? '', recoveryKey });
    expect((await ok(a, 'exchange.log', { candidateId: amina.id })).items).toMatchObject([{ direction: 'export', counterpartName: 'Forum Réfugiés' }]);
    expect(rows(a, 'audit_log')).toEqual(expect.arrayContaining(audit));

    const next = await exportTo(a, cardBatA.id, [amina.id]);
    expect(next.sequence).toBe(first.sequence + 1);
    await importFile(b, next.content);
    expect((await ok(b, 'exchange.log', {})).items.map((item) => item.sequence).sort()).toEqual([first.sequence, next.sequence]);
  });

  it('the receiver: an older file is still a replay after a restore, and the versions agreed stay', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const older = await exportTo(a, cardBatA.id, [amina.id]);
    const newer = await exportTo(a, cardBatA.id, [amina.id]);
    const { recoveryKey } = await ok(b, 'backups.setupRecovery', { replace: true });
    await importFile(b, newer.content);
    // The backup the import started with: everything but the file.
    const backup = (await ok(b, 'backups.status', {})).backups.find((taken) => taken.reason === 'before-import');
    const agreed = rows(b, 'exchanged_records');
    const cards = rows(b, 'partner_cards');
    expect(agreed.length).toBeGreaterThan(0);

    await ok(b, 'backups.restore', { name: backup?.name ?? '', recoveryKey });
    expect((await ok(b, 'candidates.list', { query: 'amina' })).total).toBe(0);
    expect(rows(b, 'exchanged_records')).toEqual(agreed);
    expect(rows(b, 'partner_cards')).toEqual(cards);
    await refusedWith(b, 'exchange.openImport', { fileName: 'f.tremplin', content: older.content }, 'exchange.errors.replay');
  });

  it('a rights request and its answer stay after a restore of a backup from before them', async () => {
    const a = await openBackend();
    const amina = await ok(a, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const { recoveryKey } = await ok(a, 'backups.setupRecovery', { replace: true });
    const [backup] = (await ok(a, 'backups.status', {})).backups;
    const today = new Date().toISOString().slice(0, 10);
    const request = await ok(a, 'rights.recordRequest', { candidateId: amina.id, kind: 'access', receivedOn: today, channel: 'email', requester: 'person' });
    await ok(a, 'rights.answerRequest', { id: request.id, answeredOn: today });
    const requests = rows(a, 'rights_requests');

    await ok(a, 'backups.restore', { name: backup?.name ?? '', recoveryKey });
    expect(rows(a, 'rights_requests')).toEqual(requests);
  });

  it("our profile and keys, and partners' cards: a backup from before they existed does not remove them", async () => {
    const a = await openBackend();
    const cardB = await association(await openBackend(), 'Forum Réfugiés');
    const { recoveryKey } = await ok(a, 'backups.setupRecovery', { replace: true });
    const [backup] = (await ok(a, 'backups.status', {})).backups;
    await ok(a, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    await ok(a, 'exchange.createKeys', { passphrase: 'Tremplin Lyon long passphrase' });
    const own = await ok(a, 'exchange.ownCard', {});
    const forum = await ok(a, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    const cardBatA = await ok(a, 'exchange.importCard', { content: cardB.content, partnerId: forum.id });
    await ok(a, 'exchange.verifyCard', { id: cardBatA.id });

    await ok(a, 'backups.restore', { name: backup?.name ?? '', recoveryKey });
    expect((await ok(a, 'partners.list', {})).total).toBe(0);
    expect((await ok(a, 'exchange.ownCard', {})).fingerprint).toEqual(own.fingerprint);
    // The card stays, verified; its link to a partner record the backup does not hold is cleared.
    expect(rows(a, 'partner_cards')).toMatchObject([{ id: cardBatA.id, partner_id: null, verified_at: expect.any(String) }]);
  });
});

// Each test takes a few backups (integrity check on a worker, encryption): a minute is ample on a busy machine.
describe('backups leave nothing behind', { timeout: 60_000 }, () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();
  const BACKUP = /^tremplin-[0-9TZ-]+-[a-z-]+\.sqlite\.age$/;
  const plainFiles = (dir: string) => readdirSync(dir).filter((name) => readFileSync(path.join(dir, name)).subarray(0, 15).toString() === 'SQLite format 3');

  it('a backup never writes a plain copy, and leaves only itself in the folder', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const dir = path.join(folder, 'backups');
    const written = new Set<string>();
    const watcher = watch(dir, (_event, name) => name && written.add(name));
    await ok(backend, 'backups.backupNow', {});
    await ok(backend, 'backups.backupNow', {});
    // The watcher's last events arrive on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    watcher.close();
    expect(written.size).toBeGreaterThan(0);
    for (const name of written) expect(name).toMatch(/\.age$/);
    const names = readdirSync(dir);
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(BACKUP);
    expect(plainFiles(dir)).toEqual([]);
  });

  it('a backup opened for a preview or a restore is encrypted in its folder: no name in its files meanwhile, nothing left after', async () => {
    const folder = tempDir();
    const opening = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    const recoveryKey = recoveryKeyOf(backend);
    await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const taken = await ok(backend, 'backups.backupNow', {});
    // Each file of the opening folder is read as it is written (the copy, its WAL, the copy a migration takes).
    const seen = new Set<string>();
    const readable = new Set<string>();
    const watcher = watch(opening, { recursive: true }, (_event, name) => {
      const file = name ? path.join(opening, name) : '';
      if (!name || !existsSync(file) || !statSync(file).isFile()) return;
      seen.add(path.basename(name));
      if (readFileSync(file).includes('Diallo')) readable.add(name);
    });
    // The folder a backup is opened in is made in the system's temporary folder.
    const systemTemp = process.env.TMPDIR;
    process.env.TMPDIR = opening;
    try {
      expect((await ok(backend, 'backups.previewRestore', { name: taken.name, recoveryKey })).counts.candidates).toBe(1);
      expect((await ok(backend, 'backups.restore', { name: taken.name, recoveryKey })).counts.candidates).toBe(1);
    } finally {
      if (systemTemp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTemp;
      watcher.close();
    }
    expect(seen).toContain('restored.sqlite');
    expect([...readable]).toEqual([]);
    expect(readdirSync(opening)).toEqual([]);
  });

  it('the check, the copy and the encryption run on a worker: the whole backup is written while this thread is busy', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    const { sqlite } = backend.database;
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('padding', ?)").run(JSON.stringify('x'.repeat(4_000_000)));
    const plainBytes = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
    const dir = path.join(folder, 'backups');
    const sealedBytes = () => readdirSync(dir).filter((name) => name.startsWith('.tmp-')).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
    // Up to its worker's start, a backup runs without waiting: from there this thread does not
    // turn its event loop again until the temporary file holds more than the database's bytes.
    // On this thread, the encryption could not have begun; a bound stops the wait then.
    const taking = backend.backups.backupNow();
    const giveUpAt = Date.now() + 120_000;
    let sealed = 0;
    while (sealed <= plainBytes && Date.now() < giveUpAt) sealed = sealedBytes();
    expect(sealed).toBeGreaterThan(plainBytes);
    const taken = await taking;
    expect(readdirSync(dir)).toContain(taken.name);
  });

  it('the next start deletes what a crashed backup or restore left, but not the files of one still running', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'tremplin.sqlite');
    (await openBackend({ file })).close();
    writeRecoveryRecipient(folder, (await generateAgeKey()).recipient);
    const dir = path.join(folder, 'backups');
    mkdirSync(dir);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const leftovers = [`.tmp-${gone}-0a1b2c3d4e5f.sqlite.age`, '.tmp-0a1b2c3d4e5f.sqlite', '.tmp-0a1b2c3d4e5f.sqlite-wal', '.tmp-0a1b2c3d4e5f.sqlite-shm', 'before-migration-v3-2026-11-22T08-00-00.000Z.sqlite'];
    for (const name of leftovers) writeFileSync(path.join(dir, name), 'partial');
    const running = `.tmp-${process.pid}-0a1b2c3d4e5f.sqlite.age`;
    writeFileSync(path.join(dir, running), 'partial');
    // A restore cut short leaves the decrypted copy in its folder under the system's temporary folder.
    const opening = (pid: number) => {
      const folder = mkdtempSync(path.join(tmpdir(), `tremplin-restore-${pid}-`));
      writeFileSync(path.join(folder, 'restored.sqlite'), 'SQLite format 3');
      return folder;
    };
    const crashedRestore = opening(gone);
    const runningRestore = opening(process.pid);
    await openBackend({ file });
    expect(readdirSync(dir)).toEqual([running]);
    expect(existsSync(crashedRestore)).toBe(false);
    expect(existsSync(path.join(runningRestore, 'restored.sqlite'))).toBe(true);
    rmSync(runningRestore, { recursive: true });
  });

  it('a backup killed midway leaves no plain copy, and the next start deletes its partial file', { timeout: 120_000 }, async () => {
    const folder = tempDir();
    const file = path.join(folder, 'tremplin.sqlite');
    const backend = await openBackend({ file });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    // Some 20 MB, so that the kill often lands while the encrypted file is being written.
    backend.database.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('padding', ?)").run(JSON.stringify('x'.repeat(20_000_000)));
    backend.close();
    const dir = path.join(folder, 'backups');
    // The child bundled: Node loads one file several times faster than tsx loads the backend's modules.
    const script = path.join(tempDir(), 'crash-backup.mjs');
    await bundleForNode(path.join(import.meta.dirname, 'crash-backup.ts'), script);
    const child = spawn(process.execPath, [script, file, sourceMigrationsDir], { stdio: 'ignore' });
    const written: string[] = [];
    // Killed as soon as its first temporary file appears (and so while it is written, or just after).
    await new Promise<void>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (!name) return;
        written.push(name);
        if (name.startsWith('.tmp-')) {
          child.kill('SIGKILL');
          watcher.close();
          resolve();
        }
      });
    });
    await once(child, 'exit');
    for (const name of written) expect(name).toMatch(/\.age$/);
    expect(plainFiles(dir)).toEqual([]);
    await openBackend({ file });
    expect(readdirSync(dir).filter((name) => !BACKUP.test(name))).toEqual([]);
  });

  it('the backup before a migration is encrypted from the start when backups are set up', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'tremplin.sqlite');
    const older = new Database(file);
    applyMigrations(older, readMigrations(sourceMigrationsDir).slice(0, 1));
    older.close();
    writeRecoveryRecipient(folder, (await generateAgeKey()).recipient);
    await openBackend({ file });
    const dir = path.join(folder, 'backups');
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^tremplin-.*-before-migration\.sqlite\.age$/)]);
  });

  it('an import reuses the backup started before it while nothing was written since, and takes a new one after a write', async () => {
    let now = new Date('2026-11-22T09:00:00.000Z');
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), clock: { now: () => now } });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    now = new Date('2026-11-22T10:00:00.000Z');
    // A daily backup is not reused: retention may drop it once a newer one of the same day comes.
    await backend.backups.runDaily();
    backend.backups.prepareImport();
    now = new Date('2026-11-22T10:01:00.000Z');
    const first = await backend.backups.beforeImport();
    expect(first.takenAt).toBe('2026-11-22T10:00:00.000Z');
    now = new Date('2026-11-22T10:01:30.000Z');
    expect(await backend.backups.beforeImport()).toEqual(first);

    await ok(backend, 'sectors.create', { name: 'Maraîchage' });
    now = new Date('2026-11-22T10:02:00.000Z');
    const second = await backend.backups.beforeImport();
    expect(second.name).not.toBe(first.name);
    const { backups } = await ok(backend, 'backups.status', {});
    expect(backups.filter((backup) => backup.reason === 'before-import').map((backup) => backup.name)).toEqual([second.name, first.name]);
  });

  it('a backup taken on demand stays until the staffer deletes it', async () => {
    let now = new Date('2026-11-22T09:00:00.000Z');
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), clock: { now: () => now } });
    await ok(backend, 'backups.setupRecovery', { replace: true });
    now = new Date('2026-11-22T10:00:00.000Z');
    const onDemand = await ok(backend, 'backups.backupNow', {});
    now = new Date('2026-11-22T11:00:00.000Z');
    await backend.backups.runDaily();
    now = new Date('2026-11-22T12:00:00.000Z');
    await backend.backups.beforeImport();
    const { backups } = await ok(backend, 'backups.status', {});
    // The daily one gave way to the newer backup before an import; both taken on demand stay.
    expect(backups.map((backup) => backup.reason)).toEqual(['before-import', 'manual', 'manual']);
    expect(backups[1]?.name).toBe(onDemand.name);
    const names = backups.map((backup) => backup.name);

    await refused(backend, 'backups.delete', { name: 'tremplin-2026-01-01T00-00-00-000Z-manual.sqlite.age' }, {}, 'not_found');
    await refused(backend, 'backups.delete', { name: '../tremplin.sqlite' });
    expect(await ok(backend, 'backups.delete', { name: onDemand.name })).toEqual({ deleted: onDemand.name });
    expect((await ok(backend, 'backups.status', {})).backups.map((backup) => backup.name)).toEqual(names.filter((name) => name !== onDemand.name));
    const audit = backend.database.sqlite.prepare("SELECT subject_id FROM audit_log WHERE action = 'backups.delete'").pluck().all();
    expect(audit).toEqual([onDemand.name]);
  });
});
