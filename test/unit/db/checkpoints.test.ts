import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkpointOffThread, withoutAutoCheckpoint } from '../../../electron/db/checkpoints';
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
