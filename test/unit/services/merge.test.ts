import { describe, expect, it } from 'vitest';
import { contentSnapshot, ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { candidate, employer, manualClock, need, rows } from '../../support/records';

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
    const [audit] = rows(backend, "SELECT details FROM audit_log WHERE action = 'candidates.merge'") as { details: string }[];
    expect(JSON.parse(audit?.details ?? '{}').moved).toEqual({ presentations: 1, placements: 1, recruitments: 1 });
  });

  it('moves the action plan and the appointments too, and an undo puts them back', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const keep = await candidate(backend, { firstName: 'Mohamed', lastName: 'Ali' });
    const other = await candidate(backend, { firstName: 'Mohammed', lastName: 'Ali' });
    const objective = await ok(backend, 'plans.addObjective', { candidateId: other.id, label: 'Permis de conduire' });
    const step = await ok(backend, 'plans.addStep', { objectiveId: objective.id, kind: 'other', label: 'Code de la route', responsible: 'person' });
    const meeting = await ok(backend, 'appointments.create', { candidateId: other.id, kind: 'dropin', startsAt: '2026-03-11T09:30' });
    const owners = () =>
      rows(backend, 'SELECT candidate_id AS owner FROM plan_objectives UNION ALL SELECT candidate_id FROM plan_steps UNION ALL SELECT candidate_id FROM appointments');

    await ok(backend, 'candidates.merge', { keepId: keep.id, mergeId: other.id });
    expect(owners()).toEqual([{ owner: keep.id }, { owner: keep.id }, { owner: keep.id }]);
    expect((await ok(backend, 'plans.get', { candidateId: keep.id })).objectives.map((item) => item.steps.map((each) => each.id))).toEqual([[step.id]]);
    expect((await ok(backend, 'appointments.list', { candidateId: keep.id })).map((item) => item.id)).toEqual([meeting.id]);

    await ok(backend, 'candidates.undoMerge', { mergedId: other.id });
    expect(owners()).toEqual([{ owner: other.id }, { owner: other.id }, { owner: other.id }]);
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

describe('merging keeps the values the person merging sees, and can be undone', () => {
  const openBackend = useBackend();

  /** The case: an older file, then a newer one of the same person with a new number, a better level, housing open again and new consent. */
  async function twoFilesOfAminata(clock = manualClock()) {
    const backend = await openBackend({ clock });
    const partner = await ok(backend, 'partners.create', { name: 'CADA des Brotteaux', kind: 'asylum_housing' });
    const older = await candidate(backend, {
      firstName: 'Aminata',
      lastName: 'Traore',
      birthDate: '1990-03-15',
      phone: '06 99 88 77 66',
      email: 'aminata@example.org',
      frenchLevel: 'A2',
      barriers: [{ theme: 'housing', status: 'lifted', changedOn: '2026-01-10' }],
      consentRecording: true,
      consentDate: '2026-01-05',
    });
    clock.tick();
    const newer = await candidate(backend, {
      firstName: 'Aminata',
      lastName: 'Traore',
      birthDate: '1990-03-15',
      phone: '07 11 22 33 44',
      phoneWhatsapp: true,
      frenchLevel: 'B1',
      barriers: [{ theme: 'housing', status: 'open', changedOn: '2026-03-01' }],
      consentRecording: true,
      consentContact: true,
      consentDate: '2026-03-10',
      sharingPartnerIds: [partner.id],
    });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: newer.id, kind: 'call', occurredAt: '2026-03-09', text: 'Nouveau numéro' });
    clock.tick();
    return { backend, clock, partner, older, newer };
  }

  it('keeps the most recent value where the files differ, both numbers, and the latest consent', async () => {
    const { backend, partner, older, newer } = await twoFilesOfAminata();
    const kept = await ok(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id });
    expect(kept).toMatchObject({
      phone: '+33711223344',
      phoneWhatsapp: true,
      secondPhone: '+33699887766',
      email: 'aminata@example.org',
      frenchLevel: 'B1',
      barriers: [{ theme: 'housing', status: 'open', changedOn: '2026-03-01', action: null }],
      consentContact: true,
      consentDate: '2026-03-10',
      sharingPartnerIds: [partner.id],
    });
    const timeline = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: older.id });
    expect(timeline.items.map((event) => event.text)).toEqual(['Nouveau numéro']);
    // The new number finds the kept file, not only the archived one.
    expect((await ok(backend, 'candidates.findDuplicates', { phone: '07 11 22 33 44' })).map((match) => match.candidate.id)).toEqual([older.id]);
  });

  it('keeps what the person merging chose, field by field', async () => {
    const { backend, older, newer } = await twoFilesOfAminata();
    const kept = await ok(backend, 'candidates.merge', {
      keepId: older.id,
      mergeId: newer.id,
      choices: { fields: { french: 'keep' }, barriers: { housing: 'keep' }, phones: ['+33711223344'] },
    });
    expect(kept).toMatchObject({ frenchLevel: 'A2', barriers: [{ theme: 'housing', status: 'lifted' }], phone: '+33711223344', secondPhone: null, phoneWhatsapp: true });
  });

  it('refuses a choice that would blank a value or a number of neither file, changing nothing', async () => {
    const { backend, older, newer } = await twoFilesOfAminata();
    await refused(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id, choices: { fields: { email: 'other' } } }, { 'fields.email': 'candidates.errors.mergeChoice' });
    await refused(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id, choices: { phones: ['+33600000000'] } }, { phones: 'candidates.errors.mergePhones' });
    await refused(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id, choices: { phones: [] } }, { 'choices.phones': 'candidates.errors.mergePhones' });
  });

  it('undoes a merge: both files and everything that moved are as they were', async () => {
    const { backend, older, newer } = await twoFilesOfAminata();
    const company = await employer(backend);
    await ok(backend, 'presentations.create', { candidateId: older.id, jobNeedId: (await need(backend, company.id)).id });
    const withoutLog = () => {
      const { audit_log: _log, candidate_status_history: history, ...content } = contentSnapshot(backend);
      // Rows the undo deletes and writes again come back in another physical order: compared as a set.
      return { ...content, history: (history ?? []).map((row) => JSON.stringify(row)).sort() };
    };
    const before = withoutLog();
    await ok(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id });
    expect(withoutLog()).not.toEqual(before);

    const restored = await ok(backend, 'candidates.undoMerge', { mergedId: newer.id });
    expect(restored).toEqual(older);
    expect(withoutLog()).toEqual(before);
    // The search index follows: both files are active again.
    expect((await ok(backend, 'candidates.list', { query: 'traore' })).items.map((item) => item.id).sort()).toEqual([older.id, newer.id].sort());
    expect(rows(backend, "SELECT action FROM audit_log WHERE action LIKE 'candidates.%erge'")).toEqual([{ action: 'candidates.merge' }, { action: 'candidates.undoMerge' }]);
    await refused(backend, 'candidates.undoMerge', { mergedId: newer.id }, {}, 'conflict');
  });

  it('refuses to undo once something else changed the files, changing nothing', async () => {
    const { backend, older, newer } = await twoFilesOfAminata();
    await ok(backend, 'candidates.merge', { keepId: older.id, mergeId: newer.id });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: older.id, kind: 'note', occurredAt: '2026-03-10', text: 'Après la fusion' });
    await refused(backend, 'candidates.undoMerge', { mergedId: newer.id }, {}, 'conflict');
  });
});
