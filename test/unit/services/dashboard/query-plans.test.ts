import { describe, expect, it } from 'vitest';
import { ok } from '../../../support/api';
import { useBackend } from '../../../support/temp';

/**
 * The home screen runs on every start, over 100,000 files and a million timeline events: each
 * of its queries must find its rows through an index, and the counts must read the index
 * alone. The plans are pinned here (the planner has no statistics, so they do not depend on
 * how full the tables are).
 */
describe('dashboard query plans', () => {
  const openBackend = useBackend();

  it('searches every table through the expected index, never scanning one', async () => {
    const backend = await openBackend();
    await ok(backend, 'dashboard.setTargets', { period: 'month', candidates: 1, presentations: 1, placements: 1, recruitments: 1, companyContacts: 1 });
    const { sqlite } = backend.database;
    // Every statement the call prepares, caught on its way to SQLite.
    const statements: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
    await ok(backend, 'dashboard.get', {});
    sqlite.prepare = prepare;

    const plans = statements
      .filter((source) => /^select/i.test(source) && !source.includes('"settings"'))
      // Plans are made before values are bound: nulls stand in for them.
      .map((source) => {
        const values = Array.from({ length: source.split('?').length - 1 }, () => null);
        const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...values) as { detail: string }[];
        return rows.map((row) => row.detail).join('\n');
      });
    expect(plans.length).toBe(17);
    // The files whose erasure is proposed: a partial index holds only them, so walking it whole reads nothing else.
    // The files whose consent was withdrawn or that are restricted, for the follow-ups: read from an index alone (see below).
    const allowedScans = (plan: string) =>
      plan.replace('SCAN candidates USING INDEX candidates_erasure_proposed_idx', '').replace('SCAN candidates USING COVERING INDEX candidates_archived_quiet_idx', '');
    for (const plan of plans) expect(allowedScans(plan)).not.toMatch(/\bSCAN\b/);

    const expected = [
      // Authorisations: the list in expiry order, the count from the index alone.
      'SEARCH candidates USING INDEX candidates_archived_expiry_idx (archived_at=? AND authorisation_expiry<?)',
      'SEARCH candidates USING COVERING INDEX candidates_archived_expiry_status_idx (archived_at=? AND authorisation_expiry<?)',
      'SEARCH follow_ups USING INDEX follow_ups_due_idx (result=? AND due_on<?)',
      // A follow-up made moot by a later one recorded: looked up on the recruitment's follow-ups.
      'SEARCH later USING INDEX follow_ups_unique (recruitment_id=? AND months_after>?)',
      // Their files' consent and anonymisation asked of the few files excluded, from indexes, not of each follow-up's row.
      'SEARCH candidates USING COVERING INDEX candidates_id_unique (id=?)',
      'SCAN candidates USING COVERING INDEX candidates_archived_quiet_idx',
      'SEARCH candidates USING COVERING INDEX candidates_retention_idx (anonymised_at>?)',
      'SEARCH placements USING INDEX placements_end_idx (outcome=? AND end_date<?)',
      'SEARCH presentations USING INDEX presentations_state_idx (state=? AND state_changed_on<?)',
      // Quiet files: list and count on the "last heard of" expression.
      'SEARCH candidates USING INDEX candidates_archived_quiet_idx (archived_at=? AND <expr><?)',
      'SEARCH candidates USING COVERING INDEX candidates_archived_quiet_idx (archived_at=? AND <expr><?)',
      // The period's counts.
      'SEARCH candidates USING COVERING INDEX candidates_created_idx (created_at>? AND created_at<?)',
      // The reports' covering index (0016) answers the count from the index alone.
      'SEARCH presentations USING COVERING INDEX presentations_report_idx (proposed_on>? AND proposed_on<?)',
      'SEARCH placements USING COVERING INDEX placements_report_idx (start_date>? AND start_date<?)',
      'SEARCH recruitments USING COVERING INDEX recruitments_report_idx (start_date>? AND start_date<?)',
      'SEARCH timeline_events USING COVERING INDEX timeline_kind_idx (subject_type=? AND kind=? AND occurred_at>? AND occurred_at<?)',
      // Files whose erasure is proposed: list and count on the partial index of withdrawals.
      'SCAN candidates USING INDEX candidates_erasure_proposed_idx',
    ];
    const all = plans.join('\n');
    for (const line of expected) expect(all).toContain(line);
  });
});
