import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type BackupFile, backupsToKeep } from '../../../electron/exchange/backups';
import { contentSnapshot, ok, refused } from '../../support/api';
import { useBackend, useTempDir } from '../../support/temp';

function hasAge(): boolean {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
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
    expect([...keep].sort()).toEqual(['02', '03', '04', '05', '06'].map((hour) => `2026-11-22T${hour}:00:00.000Z`).concat('2026-11-22T21:00:00.000Z'));
  });
});

describe('backups through the API', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('are refused until a recovery key exists, then encrypted, listed and restorable with the sheet', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    await refused(backend, 'backups.backupNow', {});
    const { recoveryKey } = await ok(backend, 'backups.setupRecovery', {});
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
    const { recoveryKey } = await ok(backend, 'backups.setupRecovery', {});
    await ok(backend, 'candidates.create', { firstName: 'Hélène', lastName: 'Martin' });
    const taken = await ok(backend, 'backups.backupNow', {});
    writeFileSync(path.join(folder, 'recovery.txt'), `${recoveryKey}\n`);
    const plain = path.join(folder, 'opened.sqlite');
    execFileSync('age', ['-d', '-i', path.join(folder, 'recovery.txt'), '-o', plain, path.join(folder, 'backups', taken.name)]);
    const opened = new Database(plain, { readonly: true });
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.prepare('SELECT first_name FROM candidates').pluck().get()).toBe('Hélène');
    opened.close();
  });

  it('takes one daily backup a day, and none before backups are set up', async () => {
    let now = new Date('2026-11-22T09:00:00.000Z');
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), clock: { now: () => now } });
    expect(await backend.backups.runDaily()).toBeNull();
    await ok(backend, 'backups.setupRecovery', {});
    expect((await backend.backups.runDaily())?.reason).toBe('daily');
    now = new Date('2026-11-22T17:00:00.000Z');
    expect(await backend.backups.runDaily()).toBeNull();
    now = new Date('2026-11-23T08:00:00.000Z');
    expect((await backend.backups.runDaily())?.takenAt).toBe('2026-11-23T08:00:00.000Z');
  });

  it('a restore that fails changes nothing', async () => {
    const folder = tempDir();
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite') });
    await ok(backend, 'backups.setupRecovery', {});
    await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const before = contentSnapshot(backend);
    await refused(backend, 'backups.restore', { name: 'tremplin-2026-01-01T00-00-00-000Z-daily.sqlite.age', recoveryKey: `AGE-SECRET-KEY-1${'Q'.repeat(58)}` }, {}, 'not_found');
    expect(contentSnapshot(backend)).toEqual(before);
  });
});
