import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { PRESENTATION_STATES, PRESENTATION_TRANSITIONS, type PresentationState } from '../../../shared/pipeline';
import { ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { MISSING_ID, basics, candidate, employer, manualClock, need, rows } from '../../support/records';

/**
 * The shortest path of hand-made changes from `proposed` to each state, read from the table;
 * `obsolete` is reached only through a recruitment elsewhere.
 */
function pathsFromProposed(): Map<PresentationState, PresentationState[]> {
  const paths = new Map<PresentationState, PresentationState[]>([['proposed', []]]);
  const queue: PresentationState[] = ['proposed'];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of PRESENTATION_TRANSITIONS[state]) {
      if (paths.has(next)) continue;
      paths.set(next, [...(paths.get(state) ?? []), next]);
      queue.push(next);
    }
  }
  return paths;
}
const PATHS = pathsFromProposed();

/** A presentation brought to `state` the way people (or a recruitment) would. */
async function presentationIn(backend: Backend, state: PresentationState) {
  const { person, job, company } = await basics(backend);
  const created = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, author: 'Claire' });
  if (state === 'obsolete') {
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-03-02' });
  } else {
    const path = PATHS.get(state) ?? [];
    for (const to of path) {
      await ok(backend, 'presentations.transition', { id: created.id, to, refusalReason: to === 'refused' ? 'no_answer' : null });
    }
  }
  return ok(backend, 'presentations.get', { id: created.id });
}

const ALLOWED = PRESENTATION_STATES.flatMap((from) => PRESENTATION_TRANSITIONS[from].map((to) => [from, to] as const));
const REFUSED = PRESENTATION_STATES.flatMap((from) =>
  PRESENTATION_STATES.filter((to) => !PRESENTATION_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const),
);

describe('presentations', () => {
  const openBackend = useBackend();

  it('reaches every state (the table has no dead state)', () => {
    expect([...PATHS.keys(), 'obsolete'].sort()).toEqual([...PRESENTATION_STATES].sort());
    expect(ALLOWED.length + REFUSED.length).toBe(PRESENTATION_STATES.length ** 2);
  });

  it('proposes a candidate for an open need and logs the proposal', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company, job } = await basics(backend);
    const created = await ok(backend, 'presentations.create', {
      candidateId: person.id,
      jobNeedId: job.id,
      on: '2026-03-05',
      author: ' Claire ',
      note: 'Rencontrée à la permanence',
    });
    expect(created).toMatchObject({
      candidateId: person.id,
      candidateName: 'Amina Diallo',
      jobNeedId: job.id,
      occupation: 'Cariste',
      employerId: company.id,
      employerName: 'Transports Martin',
      state: 'proposed',
      refusalReason: null,
      proposedOn: '2026-03-05',
      stateChangedOn: '2026-03-05',
      allowedTransitions: ['presented', 'refused', 'withdrawn'],
      origin: null,
      createdAt: '2026-03-10T09:00:00.000Z',
    });
    expect(created.history).toEqual([
      { id: expect.any(String), from: null, to: 'proposed', on: '2026-03-05', author: 'Claire', note: 'Rencontrée à la permanence', createdAt: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(await ok(backend, 'presentations.get', { id: created.id })).toEqual(created);
    expect(rows(backend, "SELECT action, subject_id FROM audit_log WHERE action LIKE 'presentations.%'")).toEqual([{ action: 'presentations.create', subject_id: created.id }]);
  });

  it('dates a proposal today when no day is given', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, job } = await basics(backend);
    const created = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    expect(created).toMatchObject({ proposedOn: '2026-03-10', stateChangedOn: '2026-03-10', history: [{ on: '2026-03-10', author: null, note: null }] });
  });

  it('refuses proposals that cannot be, and writes nothing', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company, job } = await basics(backend);
    const archived = await candidate(backend, { firstName: 'Olena' });
    await ok(backend, 'candidates.archive', { id: archived.id });
    const gone = await candidate(backend, { firstName: 'Yonas', status: 'left' });
    const withdrawn = await candidate(backend, { firstName: 'Samir', consentRecording: true, consentWithdrawnOn: '2026-03-01' });
    const filled = await need(backend, company.id, { state: 'filled' });
    const closed = await need(backend, company.id, { state: 'closed' });
    const archivedNeed = await need(backend, company.id);
    await ok(backend, 'jobNeeds.archive', { id: archivedNeed.id });
    const otherCompany = await employer(backend, 'Fermée');
    const needOfArchivedEmployer = await need(backend, otherCompany.id);
    await ok(backend, 'employers.archive', { id: otherCompany.id });

    const base = { candidateId: person.id, jobNeedId: job.id };
    const cases: [string, unknown, Record<string, string>][] = [
      ['no candidate', { jobNeedId: job.id }, { candidateId: 'common.errors.id' }],
      ['candidate not an id', { ...base, candidateId: 'amina' }, { candidateId: 'common.errors.id' }],
      ['unknown candidate', { ...base, candidateId: MISSING_ID }, { candidateId: 'common.errors.notFound' }],
      ['archived candidate', { ...base, candidateId: archived.id }, { candidateId: 'matching.errors.candidateArchived' }],
      ['candidate who left', { ...base, candidateId: gone.id }, { candidateId: 'matching.errors.candidateLeft' }],
      ['candidate who withdrew consent', { ...base, candidateId: withdrawn.id }, { candidateId: 'matching.errors.consentWithdrawn' }],
      ['unknown need', { ...base, jobNeedId: MISSING_ID }, { jobNeedId: 'common.errors.notFound' }],
      ['filled need', { ...base, jobNeedId: filled.id }, { jobNeedId: 'matching.errors.needNotOpen' }],
      ['closed need', { ...base, jobNeedId: closed.id }, { jobNeedId: 'matching.errors.needNotOpen' }],
      ['archived need', { ...base, jobNeedId: archivedNeed.id }, { jobNeedId: 'matching.errors.needArchived' }],
      ['need of an archived employer', { ...base, jobNeedId: needOfArchivedEmployer.id }, { jobNeedId: 'matching.errors.needArchived' }],
      ['day ahead', { ...base, on: '2026-03-11' }, { on: 'common.errors.dateInFuture' }],
      ['impossible day', { ...base, on: '2026-02-30' }, { on: 'common.errors.date' }],
      ['note too long', { ...base, note: 'x'.repeat(2001) }, { note: 'common.errors.tooLong?maximum=2000' }],
      ['author too long', { ...base, author: 'x'.repeat(101) }, { author: 'common.errors.tooLong?maximum=100' }],
      ['state chosen by hand', { ...base, state: 'accepted' }, { _: 'common.errors.unknownField' }],
    ];
    for (const [, input, fields] of cases) await refused(backend, 'presentations.create', input, fields);
  });

  it('once the person withdraws consent, takes the presentation no further towards the employer, but lets it be closed', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const proposed = await presentationIn(backend, 'proposed');
    await ok(backend, 'candidates.update', { id: proposed.candidateId, consentWithdrawnOn: '2026-03-09' });
    await refused(backend, 'presentations.transition', { id: proposed.id, to: 'presented' }, { to: 'matching.errors.consentWithdrawn' });
    expect(await ok(backend, 'presentations.transition', { id: proposed.id, to: 'withdrawn' })).toMatchObject({ state: 'withdrawn' });

    const backend2 = await openBackend({ clock: manualClock() });
    const presented = await presentationIn(backend2, 'presented');
    await ok(backend2, 'candidates.update', { id: presented.candidateId, consentWithdrawnOn: '2026-03-09' });
    for (const to of ['interview', 'accepted'] as const) {
      await refused(backend2, 'presentations.transition', { id: presented.id, to }, { to: 'matching.errors.consentWithdrawn' });
    }
    expect(await ok(backend2, 'presentations.transition', { id: presented.id, to: 'refused', refusalReason: 'candidate_declined' })).toMatchObject({
      state: 'refused',
    });
  });

  it('refuses a second presentation while one holds the place, and allows it once closed', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, job } = await basics(backend);
    const input = { candidateId: person.id, jobNeedId: job.id };
    const first = await ok(backend, 'presentations.create', input);
    await refused(backend, 'presentations.create', input, {}, 'conflict');
    await ok(backend, 'presentations.transition', { id: first.id, to: 'presented' });
    await ok(backend, 'presentations.transition', { id: first.id, to: 'accepted' });
    await refused(backend, 'presentations.create', input, {}, 'conflict');
    await ok(backend, 'presentations.transition', { id: first.id, to: 'withdrawn' });
    const second = await ok(backend, 'presentations.create', input);
    expect(second.id).not.toBe(first.id);
    expect(await backend.dispatch('presentations.create', input)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'matching.errors.alreadyPresented' } });
  });

  it.each(ALLOWED)('allows %s → %s and logs it', async (from, to) => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const before = await presentationIn(backend, from);
    clock.tick();
    const after = await ok(backend, 'presentations.transition', {
      id: before.id,
      to,
      author: 'Marc',
      note: 'Au téléphone',
      refusalReason: to === 'refused' ? 'french_level' : null,
    });
    expect(after).toMatchObject({
      state: to,
      stateChangedOn: '2026-03-10',
      refusalReason: to === 'refused' ? 'french_level' : null,
      allowedTransitions: PRESENTATION_TRANSITIONS[to],
      updatedAt: '2026-03-10T09:01:00.000Z',
    });
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.at(-1)).toMatchObject({ from, to, on: '2026-03-10', author: 'Marc', note: 'Au téléphone' });
  });

  it.each(REFUSED)('refuses %s → %s and changes nothing', async (from, to) => {
    const backend = await openBackend({ clock: manualClock() });
    const presentation = await presentationIn(backend, from);
    const input = { id: presentation.id, to, refusalReason: to === 'refused' ? 'other' : null };
    if (to === 'obsolete') await refused(backend, 'presentations.transition', input, { to: 'matching.errors.obsoleteIsAutomatic' });
    else await refused(backend, 'presentations.transition', input, {}, 'conflict');
    const result = await backend.dispatch('presentations.transition', input);
    if (to !== 'obsolete') {
      const message = from === to ? 'matching.errors.alreadyInState' : 'matching.errors.transitionNotAllowed';
      expect(result).toMatchObject({ ok: false, error: { message } });
    }
  });

  it('asks for a refusal reason only with a refusal, and keeps the day order', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, job } = await basics(backend);
    const { id } = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-03-04' });
    await refused(backend, 'presentations.transition', { id, to: 'refused' }, { refusalReason: 'matching.errors.refusalReasonRequired' });
    await refused(backend, 'presentations.transition', { id, to: 'refused', refusalReason: 'bored' }, { refusalReason: 'common.errors.choice' });
    await refused(backend, 'presentations.transition', { id, to: 'presented', refusalReason: 'no_answer' }, {
      refusalReason: 'matching.errors.refusalReasonOnlyWhenRefused',
    });
    await refused(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-03' }, { on: 'matching.errors.beforePreviousChange' });
    await refused(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-11' }, { on: 'common.errors.dateInFuture' });
    await refused(backend, 'presentations.transition', { id, to: 'hired' }, { to: 'common.errors.choice' });
    await refused(backend, 'presentations.transition', { id: 'x', to: 'presented' }, { id: 'common.errors.id' });
    expect(await backend.dispatch('presentations.transition', { id: MISSING_ID, to: 'presented' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'matching.errors.presentationNotFound' },
    });
    // The same day as the previous change is fine.
    const presented = await ok(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-04' });
    const refusedOne = await ok(backend, 'presentations.transition', { id, to: 'refused', refusalReason: 'position_filled', on: '2026-03-09' });
    expect(presented.stateChangedOn).toBe('2026-03-04');
    expect(refusedOne).toMatchObject({ state: 'refused', refusalReason: 'position_filled', stateChangedOn: '2026-03-09', allowedTransitions: [] });
    expect(refusedOne.history.map((event) => [event.from, event.to, event.on])).toEqual([
      [null, 'proposed', '2026-03-04'],
      ['proposed', 'presented', '2026-03-04'],
      ['presented', 'refused', '2026-03-09'],
    ]);
    expect(rows(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'presentations.transition'")).toEqual([{ n: 2 }]);
  });

  it('schedules an interview ahead, keeps facts from being dated ahead, and records what happened once its day comes', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, job } = await basics(backend);
    const { id } = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-03-02' });
    await refused(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-12' }, { on: 'common.errors.dateInFuture' });
    await ok(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-03' });
    const planned = await ok(backend, 'presentations.transition', { id, to: 'interview', on: '2026-03-17', note: 'À 10 h chez Transports Martin' });
    expect(planned).toMatchObject({ state: 'interview', stateChangedOn: '2026-03-17' });
    // What follows an interview is a fact: not ahead of today, even when the interview is.
    await refused(backend, 'presentations.transition', { id, to: 'accepted', on: '2026-03-17' }, { on: 'common.errors.dateInFuture' });
    clock.set('2026-03-18T09:00:00.000Z');
    await refused(backend, 'presentations.transition', { id, to: 'accepted', on: '2026-03-16' }, { on: 'matching.errors.beforePreviousChange' });
    const accepted = await ok(backend, 'presentations.transition', { id, to: 'accepted', on: '2026-03-17' });
    expect(accepted.history.map((event) => [event.to, event.on])).toEqual([
      ['proposed', '2026-03-02'],
      ['presented', '2026-03-03'],
      ['interview', '2026-03-17'],
      ['accepted', '2026-03-17'],
    ]);
  });

  it('lets an interview still to come be cancelled before its day, by a person or by a recruitment', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, company, job } = await basics(backend);
    const other = await need(backend, company.id, { occupation: 'Magasinier' });
    const ids: string[] = [];
    for (const jobNeedId of [job.id, other.id]) {
      const { id } = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId, on: '2026-03-02' });
      await ok(backend, 'presentations.transition', { id, to: 'presented', on: '2026-03-04' });
      await ok(backend, 'presentations.transition', { id, to: 'interview', on: '2026-03-20' });
      ids.push(id);
    }
    const [first, second] = ids as [string, string];
    await refused(backend, 'presentations.transition', { id: first, to: 'withdrawn', on: '2026-03-03' }, { on: 'matching.errors.beforePreviousChange' });
    const withdrawn = await ok(backend, 'presentations.transition', { id: first, to: 'withdrawn', on: '2026-03-09', note: 'A trouvé ailleurs' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', stateChangedOn: '2026-03-09' });
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-04-01' });
    const obsolete = await ok(backend, 'presentations.get', { id: second });
    // Made obsolete today, not on the day of an interview that will not take place.
    expect(obsolete).toMatchObject({ state: 'obsolete', stateChangedOn: '2026-03-10' });
  });

  it('answers not_found or validation for get', async () => {
    const backend = await openBackend();
    expect(await backend.dispatch('presentations.get', { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await refused(backend, 'presentations.get', { id: 'nope' }, { id: 'common.errors.id' });
  });

  it('lists by candidate, need, employer and state, most recent change first, with names', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const amina = await candidate(backend);
    const omar = await candidate(backend, { firstName: 'Omar', lastName: 'Khalil' });
    const martin = await employer(backend);
    const bakery = await employer(backend, 'Boulangerie Faure');
    const driver = await need(backend, martin.id);
    const baker = await need(backend, bakery.id, { occupation: 'Boulanger' });
    const a1 = await ok(backend, 'presentations.create', { candidateId: amina.id, jobNeedId: driver.id, on: '2026-03-01' });
    const a2 = await ok(backend, 'presentations.create', { candidateId: amina.id, jobNeedId: baker.id, on: '2026-03-02' });
    const o1 = await ok(backend, 'presentations.create', { candidateId: omar.id, jobNeedId: baker.id, on: '2026-03-03' });
    await ok(backend, 'presentations.transition', { id: a1.id, to: 'presented', on: '2026-03-08' });

    const list = (input: Parameters<typeof ok<'presentations.list'>>[2]) => ok(backend, 'presentations.list', input);
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.id)).toEqual([a1.id, o1.id, a2.id]);
    expect(all.items[0]).toEqual({
      id: a1.id,
      candidateId: amina.id,
      candidateName: 'Amina Diallo',
      jobNeedId: driver.id,
      occupation: 'Cariste',
      employerId: martin.id,
      employerName: 'Transports Martin',
      state: 'presented',
      refusalReason: null,
      proposedOn: '2026-03-01',
      stateChangedOn: '2026-03-08',
      updatedAt: expect.any(String),
    });
    const ids = async (input: Parameters<typeof list>[0]) => (await list(input)).items.map((item) => item.id);
    expect(await ids({ candidateId: amina.id })).toEqual([a1.id, a2.id]);
    expect(await ids({ jobNeedId: baker.id })).toEqual([o1.id, a2.id]);
    expect(await ids({ employerId: bakery.id })).toEqual([o1.id, a2.id]);
    expect(await ids({ employerId: bakery.id, candidateId: omar.id })).toEqual([o1.id]);
    expect(await ids({ states: ['presented', 'interview'] })).toEqual([a1.id]);
    expect(await ids({ states: ['proposed'], limit: 1, offset: 1 })).toEqual([a2.id]);
    expect((await list({ states: ['proposed'], limit: 1 })).total).toBe(2);
    expect(await ids({ candidateId: MISSING_ID })).toEqual([]);
    await refused(backend, 'presentations.list', { states: ['lost'] }, { 'states.0': 'common.errors.choice' });
    await refused(backend, 'presentations.list', { limit: 0 }, { limit: 'common.errors.tooSmall?minimum=1' });
    await refused(backend, 'presentations.list', { employerId: 'x' }, { employerId: 'common.errors.id' });
  });

  it('reads a list in the same number of queries whatever its length (no query per row)', async () => {
    const backend = await openBackend();
    const { person, company } = await basics(backend);
    const prepare = vi.spyOn(backend.database.sqlite, 'prepare');
    const queriesFor = async () => {
      prepare.mockClear();
      await ok(backend, 'presentations.list', {});
      return prepare.mock.calls.length;
    };
    const forOne = await queriesFor();
    for (let index = 0; index < 5; index++) {
      const job = await need(backend, company.id, { occupation: `Poste ${index}` });
      await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    }
    expect(await queriesFor()).toBe(forOne);
  });
});
