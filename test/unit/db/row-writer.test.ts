import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRowWriter } from '../../../electron/db/row-writer';
import { candidates } from '../../../electron/db/schema';
import { useBackend } from '../../support/temp';

describe('the row writer', () => {
  const openBackend = useBackend();

  it('inserts many rows in batches of one shape, in their order, a column a row leaves out taking its default, with nulls and JSON kept', async () => {
    const statements: string[] = [];
    const backend = await openBackend({ trace: (statement) => statements.push(statement) });
    const db = backend.database.db;
    const rows = Array.from({ length: 250 }, (_, index) => ({
      id: `c${String(index).padStart(3, '0')}`,
      firstName: `Prénom ${index}`,
      lastName: 'Diallo',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      // A run of rows without a phone, then rows with one: they share the statements all the same.
      ...(index >= 120 && index < 180 ? {} : { phone: index % 2 === 0 ? null : `+3361234${String(index).padStart(4, '0')}` }),
      ...(index === 7 ? { otherNames: ['Aminata', 'Ami'], consentRecording: true } : {}),
    }));
    statements.length = 0;
    db.transaction((tx) => createRowWriter(tx).insertAll(candidates, rows));
    // Every row with the columns any of them sets, up to 100 rows a statement: 100 | 100 | 50.
    const inserts = statements.filter((statement) => statement.startsWith('insert into "candidates"'));
    expect(inserts).toHaveLength(3);
    expect(new Set(inserts.map((statement) => statement.slice(0, statement.indexOf(' values'))))).toHaveProperty('size', 1);
    const stored = db.select().from(candidates).orderBy(asc(candidates.seq)).all();
    expect(stored.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(stored[7]).toMatchObject({ otherNames: ['Aminata', 'Ami'], consentRecording: true, phone: '+33612340007' });
    expect(stored[8]?.phone).toBeNull();
    expect(stored[150]?.phone).toBeNull();
    expect(stored[151]).toMatchObject({ firstName: 'Prénom 151', otherNames: [], consentRecording: false });
    // The full-text index saw every row.
    const indexed = backend.database.sqlite.prepare("SELECT count(*) FROM candidate_search WHERE candidate_search MATCH 'diallo'").pluck().get();
    expect(indexed).toBe(250);
  });
});
