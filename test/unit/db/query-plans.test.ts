import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { seed } from '../../../electron/tools/seed';
import { everyDuplicateKeyRow } from '../../../electron/store/candidates';
import type { InputOf, MethodName } from '../../../shared/api';
import { ok } from '../../support/api';
import { useBackend, useTempDir } from '../../support/temp';

/**
 * The hot queries must reach the big tables through an index: a plain `SCAN candidates` is
 * fine at 200 files and felt at 100,000. Plans do not depend on the amount of data here (no
 * ANALYZE statistics), so a small seeded folder pins what a federation's database will do.
 */

const BIG_TABLES = ['candidates', 'timeline_events', 'job_needs', 'presentations', 'placements', 'recruitments', 'follow_ups', 'candidate_sectors'];

interface Plan {
  statement: string;
  steps: string[];
}

async function plansOf<M extends MethodName>(backend: Backend, statements: string[], method: M, input: InputOf<M>): Promise<Plan[]> {
  statements.length = 0;
  await ok(backend, method, input);
  const selects = statements.filter((statement) => /^\s*(SELECT|WITH)\b/i.test(statement));
  return selects.map((statement) => ({
    statement,
    steps: (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((row) => row.detail),
  }));
}

/** Full scans of a big table, without an index (a covering index scan is fine: it reads the index only). */
function fullScans(plans: Plan[]): string[] {
  return plans.flatMap((plan) =>
    plan.steps
      .filter((step) => BIG_TABLES.some((table) => new RegExp(`^SCAN ${table}( AS \\w+)?$`).test(step)))
      .map((step) => `${step} in: ${plan.statement.slice(0, 160)}`),
  );
}

describe('query plans of the hot paths', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  async function seeded() {
    const statements: string[] = [];
    const backend = await openBackend({ file: path.join(tempDir(), 'tremplin.sqlite'), trace: (sql) => statements.push(sql) });
    seed(backend.database.db, { candidates: 300, employers: 20, jobNeeds: 40, volunteers: 10, partners: 10, sessions: 5, events: 1000 });
    return { backend, statements };
  }

  it('candidate lists: search, filters, sorting and deep pages use indexes', async () => {
    const { backend, statements } = await seeded();
    const sectorId = '00000000-0000-7000-8000-000000000001';
    const inputs: InputOf<'candidates.list'>[] = [
      {},
      { query: 'moha' },
      { statuses: ['active'], frenchLevels: ['A2', 'B1'] },
      { sectorId },
      { authorisationExpiringWithinDays: 60, sort: 'authorisation_expiry' },
      { offset: 150, sort: 'updated', descending: true },
    ];
    for (const input of inputs) {
      const plans = await plansOf(backend, statements, 'candidates.list', input);
      expect(plans.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(fullScans(plans), JSON.stringify(input)).toEqual([]);
    }
    const page = await plansOf(backend, statements, 'candidates.list', {});
    expect(page[0]?.steps.join(' ')).toContain('candidates_archived_name_idx');
    const search = await plansOf(backend, statements, 'candidates.list', { query: 'moha' });
    expect(search.flatMap((plan) => plan.steps).join(' ')).toMatch(/candidate_search VIRTUAL TABLE INDEX/);
  });

  it("candidate lists: the states and levels counted from the report's index, the expiring page walking the names' index", async () => {
    const { backend, statements } = await seeded();
    const [page, total] = await plansOf(backend, statements, 'candidates.list', { statuses: ['active'], frenchLevels: ['A2', 'B1'] });
    expect(page?.steps).toEqual(['SEARCH candidates USING INDEX candidates_archived_name_idx (archived_at=?)']);
    expect(total?.steps).toContain('SCAN candidates USING COVERING INDEX candidates_report_idx');
    expect(total?.steps.join(' ')).not.toContain('candidates_status_idx');
    const expiring = await plansOf(backend, statements, 'candidates.list', { authorisationExpiringWithinDays: 60 });
    expect(expiring[0]?.steps).toEqual([
      'SEARCH candidates USING INDEX candidates_archived_name_idx (archived_at=?)',
      'LIST SUBQUERY 1',
      'SEARCH candidates USING COVERING INDEX candidates_archived_expiry_status_idx (archived_at=? AND authorisation_expiry<?)',
      'CREATE BLOOM FILTER',
    ]);
    expect(expiring[1]?.steps).toEqual(['SEARCH candidates USING COVERING INDEX candidates_archived_expiry_status_idx (archived_at=? AND authorisation_expiry<?)']);
  });

  it('duplicates, the timeline of a file and job needs of an employer use indexes', async () => {
    const { backend, statements } = await seeded();
    const [candidate] = (await ok(backend, 'candidates.list', { limit: 1 })).items;
    const [employer] = (await ok(backend, 'employers.list', { limit: 1 })).items;
    if (!candidate || !employer) throw new Error('seed made nothing');
    const plans = [
      ...(await plansOf(backend, statements, 'candidates.findDuplicates', { firstName: 'Amina', lastName: 'Diallo', birthDate: '1990-01-01', phone: '0612345678', email: 'a@b.fr' })),
      ...(await plansOf(backend, statements, 'timeline.list', { subjectType: 'candidate', subjectId: candidate.id })),
      ...(await plansOf(backend, statements, 'jobNeeds.list', { employerId: employer.id })),
    ];
    expect(fullScans(plans)).toEqual([]);
  });

  it("employers' list finds each employer's open needs from its own needs, not every open need", async () => {
    const { backend, statements } = await seeded();
    for (const input of [{}, { hasOpenNeeds: true }, { hasOpenNeeds: false }] as InputOf<'employers.list'>[]) {
      const [page] = await plansOf(backend, statements, 'employers.list', input);
      const needs = page?.steps.filter((step) => step.includes('job_needs')) ?? [];
      expect(needs.length, JSON.stringify(input)).toBeGreaterThan(0);
      for (const step of needs) expect(step, JSON.stringify(input)).toMatch(/^SEARCH job_needs (EXISTS )?USING INDEX job_needs_employer_idx \(employer_id=\?\)$/);
    }
  });

  it("presentations' list cuts its page from the presentations alone, then reads names for that page only", async () => {
    const { backend, statements } = await seeded();
    const [employer] = (await ok(backend, 'employers.list', { limit: 1 })).items;
    if (!employer) throw new Error('seed made nothing');
    for (const input of [{}, { states: ['proposed', 'presented', 'interview'] }, { employerId: employer.id }] as InputOf<'presentations.list'>[]) {
      const [page, total] = await plansOf(backend, statements, 'presentations.list', input);
      // The outer query reaches the page's presentations by rowid; the joins follow for them alone.
      expect(page?.steps[0], JSON.stringify(input)).toBe('SEARCH presentations USING INTEGER PRIMARY KEY (rowid=?)');
      expect(total?.steps.join(' '), JSON.stringify(input)).not.toMatch(/candidates|employers/);
    }
  });

  it("job needs' list cuts its page before reading the needs' whole rows", async () => {
    const { backend, statements } = await seeded();
    for (const input of [{}, { sort: 'occupation' }, { states: ['open'] }] as InputOf<'jobNeeds.list'>[]) {
      const [page] = await plansOf(backend, statements, 'jobNeeds.list', input);
      expect(page?.steps[0], JSON.stringify(input)).toBe('SEARCH job_needs USING INTEGER PRIMARY KEY (rowid=?)');
    }
  });

  it("partners' list counts every partner's files in grouped passes over indexes, not a search per partner", async () => {
    const { backend, statements } = await seeded();
    const [page] = await plansOf(backend, statements, 'partners.list', {});
    // Every referred file counted from the referral index alone, in its order; the archived ones from the report's index.
    expect(page?.steps).toContain('SEARCH candidates USING COVERING INDEX candidates_referral_partner_idx (referral_partner_id>?)');
    expect(page?.steps).toContain('SCAN candidates USING COVERING INDEX candidates_report_idx');
    expect(page?.steps.join(' ')).not.toMatch(/CORRELATED/);
  });

  it('the files due for erasure are searched by their reference day, not every unmerged file', async () => {
    const { backend, statements } = await seeded();
    const plans = (await plansOf(backend, statements, 'retention.due', {})).filter((plan) => /from "candidates"/i.test(plan.statement));
    expect(plans.map((plan) => plan.steps.join(' '))).toEqual([
      expect.stringContaining('candidates_retention_idx (anonymised_at=? AND <expr><?)'),
      expect.stringContaining('candidates_retention_idx (anonymised_at=? AND <expr><?)'),
    ]);
  });

  it("an import's duplicate check reads the keys of every file from their own covering index, not the table's wide rows", async () => {
    const { backend, statements } = await seeded();
    statements.length = 0;
    expect(everyDuplicateKeyRow(backend.database.db)).toHaveLength(300);
    const [statement] = statements;
    const steps = (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((row) => row.detail);
    expect(steps).toEqual(['SCAN candidates USING COVERING INDEX candidates_duplicate_keys_idx']);
  });
});
