import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../electron/db/handles';
import { settings } from '../../../electron/db/schema';
import { readSetting, writeSetting } from '../../../electron/store/settings';
import { z } from 'zod';
import { useBackend } from '../../support/temp';

describe('the database handles', () => {
  const openBackend = useBackend();

  it('let a read handle read, and the connection and a transaction write through the same store functions', async () => {
    const backend = await openBackend();
    const db = backend.database.db;
    backend.database.db.transaction((tx) => writeSetting(tx, 'handles.test', { n: 1 }));
    const read: ReadDb = db;
    expect(readSetting(read, 'handles.test', z.object({ n: z.number() }))).toEqual({ n: 1 });
    writeSetting(db, 'handles.test', { n: 2 });
    expect(read.select().from(settings).all().find((row) => row.key === 'handles.test')?.value).toEqual({ n: 2 });
  });

  it('keep a read handle from writing, and from reaching a write, by types alone', async () => {
    const backend = await openBackend();
    const read: ReadDb = backend.database.db;
    const write: WriteDb = backend.database.db;
    // Never called: each marked line must stay a compile error, or `npm run typecheck` fails.
    const refusedAtCompileTime = () => {
      // @ts-expect-error a read handle has no insert
      read.insert(settings);
      // @ts-expect-error no update
      read.update(settings);
      // @ts-expect-error no delete
      read.delete(settings);
      // @ts-expect-error no raw statement run
      read.run;
      // @ts-expect-error nor raw rows (`get` stays, for a count or a pragma)
      read.all;
      // @ts-expect-error no transaction
      read.transaction;
      // @ts-expect-error no connection to write through
      read.$client;
      // @ts-expect-error a store write cannot be handed a read handle
      writeSetting(read, 'handles.test', 1);
    };
    void refusedAtCompileTime;
    // No wrapper at run time: both are the one connection.
    expect(read).toBe(write);
  });
});
