import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../../../electron/tools/seed';
import { ok } from '../../support/api';
import { useBackend, useTempDir } from '../../support/temp';

/**
 * The report reads the big tables from indexes alone (0016): a candidate's row is ~2 KB of
 * encrypted pages, its entry in candidates_report_idx ~100 bytes, and at 100,000 files the
 * difference is most of a report's time. Plans do not depend on the amount of data here (no
 * ANALYZE statistics), so a small seeded folder pins what a federation's database will do.
 */

/** The big tables (and the aliases the report's statements give them) that must be read from a covering index. */
const COVERED = /^(SEARCH|SCAN) (candidates|c|presentations|pr|recruitments|rc|follow_ups|fu|timeline_events|t)( |$)/;
/** A table's largest rowid (what the facts are sized by ahead of a whole read): one path down its b-tree, not its rows. */
const LARGEST_ROWID = /^SELECT max\(rowid\) FROM \w+$/;

describe("the report's query plans", () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('read candidates, presentations, recruitments, follow-ups and the timeline from covering indexes only', async () => {
    const statements: string[] = [];
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), trace: (sql) => statements.push(sql) });
    seed(backend.database.db, { candidates: 300, employers: 20, jobNeeds: 40, volunteers: 10, partners: 10, sessions: 5, events: 1000 });
    statements.length = 0;
    await ok(backend, 'reports.get', { period: { kind: 'year', year: 2026 }, filters: { publicCategories: ['refugee'] } });
    const selects = statements.filter((statement) => /^\s*(SELECT|WITH)\b/i.test(statement) && /FROM/i.test(statement) && !LARGEST_ROWID.test(statement));
    expect(selects.length).toBeGreaterThanOrEqual(10);
    const uncovered = selects.flatMap((statement) =>
      (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .filter((step) => COVERED.test(step) && !step.includes('COVERING INDEX'))
        .map((step) => `${step} in: ${statement.slice(0, 120)}`),
    );
    expect(uncovered).toEqual([]);
  });
});
