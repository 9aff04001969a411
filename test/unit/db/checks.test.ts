import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../support/temp';

// Counts the connections opened on this thread: a large file's checks must open theirs on a worker.
const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock('better-sqlite3-multiple-ciphers', async (importOriginal) => {
  const Original = ((await importOriginal()) as { default: new (...args: unknown[]) => object }).default;
  class Counted extends Original {
    constructor(...args: unknown[]) {
      super(...args);
      opened.count++;
    }
  }
  return { default: Counted };
});

const { checkDatabase } = await import('../../../electron/db/checks');
const { openDatabase } = await import('../../../electron/db/open');
const { sourceMigrationsDir } = await import('../../../electron/api/backend');

describe('the consistency checks', () => {
  const tempDir = useTempDir();

  it('run on a worker thread for a large file, never again on this one once the worker has answered', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    const database = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    // Over both checks' limits for the calling thread (see CHECKED_HERE_UP_TO).
    database.sqlite.exec('CREATE TABLE filler (bytes BLOB); INSERT INTO filler VALUES (randomblob(5 * 1024 * 1024));');
    database.close();
    opened.count = 0;
    expect(await checkDatabase(file, 'quick_check', null)).toEqual([]);
    expect(await checkDatabase(file, 'integrity_check', null)).toEqual([]);
    // Let the workers exit, and anything their exit would start run.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(opened.count).toBe(0);
  });

  it('run here for a small file, where a worker would cost more than the check', async () => {
    const file = path.join(tempDir(), 'tremplin.sqlite');
    (await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir })).close();
    opened.count = 0;
    expect(await checkDatabase(file, 'quick_check', null)).toEqual([]);
    expect(opened.count).toBe(1);
  });
});
