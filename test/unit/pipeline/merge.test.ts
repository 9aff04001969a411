import { describe, expect, it } from 'vitest';
import { contentSnapshot, ok } from '../../support/api';
import { useBackend } from '../../support/temp';
import { candidate, employer, manualClock, need, rows } from './support';

describe('merging candidate files moves their journey', () => {
  const openBackend = useBackend();

  it('moves presentations, placements and recruitments to the kept file', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const keep = await candidate(backend, { firstName: 'Mohamed', lastName: 'Ali' });
    const other = await candidate(backend, { firstName: 'Mohammed', lastName: 'Ali' });
    const company = await employer(backend);
    const driver = await need(backend, company.id);
    const baker = await need(backend, company.id, { occupation: 'Boulanger' });
    const kept = await ok(backend, 'presentations.create', { candidateId: keep.id, jobNeedId: driver.id });
    const moved = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: baker.id });
    const placement = await ok(backend, 'placements.create', { candidateId: other.id, kind: 'training', organisation: 'AFPA', startDate: '2026-01-05', endDate: '2026-02-27' });
    const recruitment = await ok(backend, 'recruitments.create', { candidateId: other.id, kind: 'cdd', organisation: 'Adecco', startDate: '2025-06-02', endDate: '2025-09-30' });

    await ok(backend, 'candidates.merge', { keepId: keep.id, mergeId: other.id });

    const ofKept = async () => ({
      presentations: (await ok(backend, 'presentations.list', { candidateId: keep.id })).items.map((item) => [item.id, item.state, item.candidateName]),
      placements: (await ok(backend, 'placements.list', { candidateId: keep.id })).items.map((item) => item.id),
      recruitments: (await ok(backend, 'recruitments.list', { candidateId: keep.id })).items.map((item) => item.id),
    });
    // The recruitment, older than the merge, closed the merged file's presentation back then.
    expect(await ofKept()).toEqual({
      presentations: [
        [moved.id, 'obsolete', 'Mohamed Ali'],
        [kept.id, 'proposed', 'Mohamed Ali'],
      ],
      placements: [placement.id],
      recruitments: [recruitment.id],
    });
    expect((await ok(backend, 'presentations.list', { candidateId: other.id })).total).toBe(0);
    expect((await ok(backend, 'placements.list', { candidateId: other.id, archived: 'all' })).total).toBe(0);
    const [audit] = rows(backend, "SELECT details FROM audit_log WHERE action = 'candidate.merge'") as { details: string }[];
    expect(JSON.parse(audit?.details ?? '{}').moved).toEqual({ presentations: 1, placements: 1, recruitments: 1 });
  });

  it('keeps one place per need: the less advanced duplicate is withdrawn, the kept file wins a tie', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const keep = await candidate(backend, { firstName: 'Olena' });
    const other = await candidate(backend, { firstName: 'Olena', lastName: 'Shevchenko' });
    const company = await employer(backend);
    const [first, second] = [await need(backend, company.id), await need(backend, company.id, { occupation: 'Vendeuse' })];
    const keptBehind = await ok(backend, 'presentations.create', { candidateId: keep.id, jobNeedId: first.id });
    const otherAhead = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: first.id });
    await ok(backend, 'presentations.transition', { id: otherAhead.id, to: 'presented' });
    const keptTie = await ok(backend, 'presentations.create', { candidateId: keep.id, jobNeedId: second.id });
    const otherTie = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: second.id });

    clock.tick();
    await ok(backend, 'candidates.merge', { keepId: keep.id, mergeId: other.id });
    const state = async (id: string) => (await ok(backend, 'presentations.get', { id })).state;
    expect([await state(keptBehind.id), await state(otherAhead.id), await state(keptTie.id), await state(otherTie.id)]).toEqual([
      'withdrawn',
      'presented',
      'proposed',
      'withdrawn',
    ]);
    const withdrawn = await ok(backend, 'presentations.get', { id: otherTie.id });
    expect(withdrawn.candidateId).toBe(keep.id);
    expect(withdrawn.history.at(-1)).toMatchObject({ from: 'proposed', to: 'withdrawn', on: '2026-03-10', author: null, note: 'Doublon retiré à la fusion des fiches' });
  });

  it('moves everything or nothing: the journey moves in the merge\'s transaction', async () => {
    const backend = await openBackend();
    const keep = await candidate(backend);
    const other = await candidate(backend, { firstName: 'Aminata' });
    await ok(backend, 'placements.create', { candidateId: other.id, kind: 'training', startDate: '2026-01-05', endDate: '2026-02-27' });
    await ok(backend, 'recruitments.create', { candidateId: other.id, kind: 'cdi', organisation: 'Adecco', startDate: '2026-02-02' });
    // A failure the merge cannot foresee, on the last table it moves.
    backend.database.sqlite.exec('CREATE TRIGGER refuse_boom BEFORE UPDATE OF candidate_id ON recruitments BEGIN SELECT RAISE(ABORT, \'boom\'); END');
    const before = contentSnapshot(backend);
    expect(await backend.dispatch('candidates.merge', { keepId: keep.id, mergeId: other.id })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(contentSnapshot(backend)).toEqual(before);
  });
});
