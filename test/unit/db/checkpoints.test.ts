import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/db/cipher';
import { checkpointOffThread, emptyLog, withoutAutoCheckpoint } from '../../../electron/db/checkpoints';
import type { Db } from '../../../electron/db/open';
import { useBackend } from '../../support/temp';

describe("a large write's checkpoint, on a worker", () => {
  const openBackend = useBackend();

  /** Some 1,500 pages in one transaction: past SQLite's 1,000-page automatic checkpoint. */
  const PAGES = 1500;
  const fill = (sqlite: Db['$client']) => {
    sqlite.exec('CREATE TABLE IF NOT EXISTS filler (bytes BLOB)');
    sqlite.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO filler SELECT randomblob(3000) FROM n').run(PAGES);
  };

  it('commits with the log left in its file, the worker then copies it into the database, as SQLite would have', async () => {
    const { database } = await openBackend();
    const { db, sqlite, file, key } = database;
    expect(key).not.toBeNull();
    const sizeBefore = statSync(file).size;

    // Without it, SQLite copies the log at the commit: the file grows by the pages written.
    sqlite.transaction(() => fill(sqlite))();
    const grown = statSync(file).size - sizeBefore;
    expect(grown).toBeGreaterThan(PAGES * 3000);

    const sizeAfterFirst = statSync(file).size;
    withoutAutoCheckpoint(db, () => sqlite.transaction(() => fill(sqlite))());
    expect(statSync(file).size).toBe(sizeAfterFirst);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    const result = await checkpointOffThread({ file, key });
    expect(result).toMatchObject({ busy: 0 });
    expect(result?.checkpointed).toBe(result?.log);
    expect(result?.log).toBeGreaterThan(PAGES);
    expect(statSync(file).size - sizeAfterFirst).toBeGreaterThan(PAGES * 3000);
    expect(sqlite.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2 * PAGES);
  });

  it('puts the automatic checkpoint back when the write fails', async () => {
    const { database } = await openBackend();
    expect(() =>
      withoutAutoCheckpoint(database.db, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('gives null when the worker cannot open the file (a wrong key): nothing is lost, SQLite checkpoints at a later commit', async () => {
    const { database } = await openBackend();
    expect(await checkpointOffThread({ file: database.file, key: Buffer.alloc(32, 7) })).toBeNull();
  });
});

describe('emptying the log after an erasure', () => {
  const openBackend = useBackend();
  const logSize = (file: string) => statSync(`${file}-wal`).size;

  it('empties it at once when no other connection is reading', async () => {
    const { database } = await openBackend();
    const { sqlite, file } = database;
    sqlite.exec("CREATE TABLE erased (name TEXT); INSERT INTO erased VALUES ('Amina Diallo')");
    expect(logSize(file)).toBeGreaterThan(0);
    const retries: (() => void)[] = [];
    expect(emptyLog(sqlite, (again) => retries.push(again))).toBe(true);
    expect(logSize(file)).toBe(0);
    expect(retries).toHaveLength(0);
  });

  it('does not wait while a reader holds an older snapshot, and empties it on a later try once the reader is done', async () => {
    const { database } = await openBackend();
    const { sqlite, file, key } = database;
    sqlite.exec("CREATE TABLE erased (name TEXT); INSERT INTO erased VALUES ('Amina Diallo')");
    // A backup's reader: a read transaction begun before the erasure.
    const reader = openReadOnly(file, key);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM erased').get();
    sqlite.exec('DELETE FROM erased');

    const retries: (() => void)[] = [];
    expect(emptyLog(sqlite, (again) => retries.push(again))).toBe(false);
    expect(retries).toHaveLength(1);
    expect(logSize(file)).toBeGreaterThan(0);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);

    // Still reading: the next try asks for another.
    retries.shift()?.();
    expect(retries).toHaveLength(1);

    reader.prepare('COMMIT').run();
    reader.close();
    retries.shift()?.();
    expect(retries).toHaveLength(0);
    expect(logSize(file)).toBe(0);
  });
});
