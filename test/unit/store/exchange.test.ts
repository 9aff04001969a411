import { describe, expect, it } from 'vitest';
import { agreedVersions, recordAgreedVersions } from '../../../electron/store/exchange';
import { useBackend } from '../../support/temp';

describe('versions agreed with a partner', () => {
  const openBackend = useBackend();
  const PARTNER = '01900000-0000-7000-8000-00000000aaaa';

  it('records new versions, moves changed ones and leaves the rest untouched', async () => {
    const { database } = await openBackend();
    const { db, sqlite } = database;
    const write = (entries: Parameters<typeof recordAgreedVersions>[2]) => db.transaction((tx) => recordAgreedVersions(tx, PARTNER, entries));
    write([
      { recordType: 'candidate', id: 'b', updatedAt: '2026-01-01T00:00:00.000Z' },
      { recordType: 'candidate', id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
      { recordType: 'timelineEvent', id: 'e', updatedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    write([
      { recordType: 'candidate', id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
      { recordType: 'candidate', id: 'b', updatedAt: '2026-02-01T00:00:00.000Z' },
      { recordType: 'candidate', id: 'c', updatedAt: '2026-02-01T00:00:00.000Z' },
    ]);
    // b moved and c is new; a, already at its version, is not written again.
    expect((sqlite.prepare('SELECT total_changes()').pluck().get() as number) - changesBefore).toBe(2);
    expect(Object.fromEntries(agreedVersions(db, PARTNER, 'candidate'))).toEqual({
      a: '2026-01-01T00:00:00.000Z',
      b: '2026-02-01T00:00:00.000Z',
      c: '2026-02-01T00:00:00.000Z',
    });
    expect(Object.fromEntries(agreedVersions(db, PARTNER, 'timelineEvent'))).toEqual({ e: '2026-01-02T00:00:00.000Z' });
  });
});
