import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { followUpDueDates, followUpSuperseded, outcomeClass } from '../../../shared/pipeline';
import { contentSnapshot, ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { MISSING_ID, basics, candidate, employer, manualClock, need, rows } from '../../support/records';

function hire(backend: Backend, input: InputOf<'recruitments.create'>) {
  return ok(backend, 'recruitments.create', input);
}

describe('outcome classes and follow-up dates', () => {
  it.each([
    ['CDI', 'cdi', '2026-03-01', null, 'durable'],
    ['business creation', 'business_creation', '2026-03-01', null, 'durable'],
    ['CDD of 6 months exactly (1 March – 31 August)', 'cdd', '2026-03-01', '2026-08-31', 'durable'],
    ['CDD one day short of 6 months', 'cdd', '2026-03-01', '2026-08-30', 'transition'],
    ['temporary work from 31 August to 27 February (6 months, clamped)', 'temporary', '2026-08-31', '2027-02-27', 'durable'],
    ['temporary work from 31 August to 26 February', 'temporary', '2026-08-31', '2027-02-26', 'transition'],
    ['CDDI of a year (subsidised)', 'cddi', '2026-03-01', '2027-02-28', 'transition'],
    ['qualifying training', 'qualifying_training', '2026-03-01', '2026-12-31', 'positive'],
  ] as const)('%s: %s', (_case, kind, startDate, endDate, expected) => {
    expect(outcomeClass({ kind, startDate, endDate })).toBe(expected);
  });

  it('falls 1, 3, 6 and 12 months after the start, kept within the month', () => {
    expect(followUpDueDates('2026-08-31')).toEqual([
      { monthsAfter: 1, dueOn: '2026-09-30' },
      { monthsAfter: 3, dueOn: '2026-11-30' },
      { monthsAfter: 6, dueOn: '2027-02-28' },
      { monthsAfter: 12, dueOn: '2027-08-31' },
    ]);
    expect(followUpDueDates('2027-08-31')[2]).toEqual({ monthsAfter: 6, dueOn: '2028-02-29' });
  });

  it('makes a follow-up still waiting moot once a later one is recorded, and only then', () => {
    const steps = (...results: string[]) => results.map((result, index) => ({ monthsAfter: [1, 3, 6, 12][index] as number, result: result as 'pending' }));
    const skipped = steps('pending', 'employed', 'pending', 'pending');
    expect(skipped.map((followUp) => followUpSuperseded(followUp, skipped))).toEqual([true, false, false, false]);
    const waiting = steps('employed', 'pending', 'pending', 'pending');
    expect(waiting.map((followUp) => followUpSuperseded(followUp, waiting))).toEqual([false, false, false, false]);
    const late = steps('pending', 'pending', 'pending', 'left');
    expect(late.map((followUp) => followUpSuperseded(followUp, late))).toEqual([true, true, true, false]);
  });
});

describe('recruitments', () => {
  const openBackend = useBackend();

  it('records a hire with its four follow-ups and its outcome class', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company, job } = await basics(backend);
    const created = await hire(backend, {
      candidateId: person.id,
      kind: 'cdd',
      jobNeedId: job.id,
      hoursPerWeek: 35,
      startDate: '2026-08-31',
      endDate: '2027-02-27',
      notes: 'Contrat signé',
    });
    expect(created).toMatchObject({
      candidateId: person.id,
      candidateName: 'Amina Diallo',
      kind: 'cdd',
      employerId: company.id,
      hostName: 'Transports Martin',
      organisation: null,
      jobNeedId: job.id,
      presentationId: null,
      hoursPerWeek: 35,
      startDate: '2026-08-31',
      endDate: '2027-02-27',
      outcomeClass: 'durable',
      notes: 'Contrat signé',
      archivedAt: null,
      createdAt: '2026-03-10T09:00:00.000Z',
    });
    expect(created.followUps.map(({ monthsAfter, dueOn, result, leftReason, recordedOn }) => ({ monthsAfter, dueOn, result, leftReason, recordedOn }))).toEqual([
      { monthsAfter: 1, dueOn: '2026-09-30', result: 'pending', leftReason: null, recordedOn: null },
      { monthsAfter: 3, dueOn: '2026-11-30', result: 'pending', leftReason: null, recordedOn: null },
      { monthsAfter: 6, dueOn: '2027-02-28', result: 'pending', leftReason: null, recordedOn: null },
      { monthsAfter: 12, dueOn: '2027-08-31', result: 'pending', leftReason: null, recordedOn: null },
    ]);
    expect(await ok(backend, 'recruitments.get', { id: created.id })).toEqual(created);
    expect((await ok(backend, 'candidates.get', { id: person.id })).status).toBe('employed');
    expect(rows(backend, "SELECT action FROM audit_log WHERE action LIKE 'recruitments.%'")).toEqual([{ action: 'recruitments.create' }]);
  });

  it('accepts the presentation it came from and makes the other waiting ones obsolete', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, company, job } = await basics(backend);
    const bakery = await employer(backend, 'Boulangerie Faure');
    const baker = await need(backend, bakery.id, { occupation: 'Boulanger' });
    const cleaner = await need(backend, bakery.id, { occupation: 'Agent d’entretien' });
    const waiter = await need(backend, company.id, { occupation: 'Serveur' });
    const omar = await candidate(backend, { firstName: 'Omar' });

    const chosen = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-03-01' });
    await ok(backend, 'presentations.transition', { id: chosen.id, to: 'presented', on: '2026-03-02' });
    await ok(backend, 'presentations.transition', { id: chosen.id, to: 'interview', on: '2026-03-05' });
    const waiting = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: baker.id, on: '2026-03-03' });
    const interview = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: cleaner.id, on: '2026-03-03' });
    await ok(backend, 'presentations.transition', { id: interview.id, to: 'presented' });
    await ok(backend, 'presentations.transition', { id: interview.id, to: 'interview' });
    const closed = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: waiter.id, on: '2026-03-03' });
    await ok(backend, 'presentations.transition', { id: closed.id, to: 'refused', refusalReason: 'not_mobile' });
    const someoneElses = await ok(backend, 'presentations.create', { candidateId: omar.id, jobNeedId: baker.id });

    clock.tick();
    const created = await hire(backend, { candidateId: person.id, kind: 'cdi', presentationId: chosen.id, startDate: '2026-04-01' });
    expect(created).toMatchObject({ presentationId: chosen.id, jobNeedId: job.id, employerId: company.id, outcomeClass: 'durable' });

    const accepted = await ok(backend, 'presentations.get', { id: chosen.id });
    expect(accepted).toMatchObject({ state: 'accepted', stateChangedOn: '2026-03-10', allowedTransitions: ['withdrawn'] });
    expect(accepted.history.at(-1)).toMatchObject({ from: 'interview', to: 'accepted', on: '2026-03-10', author: null, note: 'Recrutement enregistré (début le 01/04/2026)' });
    for (const [presentation, from] of [
      [waiting, 'proposed'],
      [interview, 'interview'],
    ] as const) {
      const now = await ok(backend, 'presentations.get', { id: presentation.id });
      expect(now).toMatchObject({ state: 'obsolete', allowedTransitions: [] });
      expect(now.history.at(-1)).toMatchObject({ from, to: 'obsolete', on: '2026-03-10', author: null, note: 'Recrutement ailleurs (début le 01/04/2026)' });
    }
    expect((await ok(backend, 'presentations.get', { id: closed.id })).state).toBe('refused');
    expect((await ok(backend, 'presentations.get', { id: someoneElses.id })).state).toBe('proposed');
    const [audit] = rows(backend, "SELECT details FROM audit_log WHERE action = 'recruitments.create'") as { details: string }[];
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ presentationId: chosen.id, employed: true, needFilled: true });
    expect(JSON.parse(audit?.details ?? '{}').obsolete.sort()).toEqual([waiting.id, interview.id].sort());
    expect(rows(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'presentations.transition' AND at = ?", '2026-03-10T09:01:00.000Z')).toEqual([{ n: 3 }]);
  });

  it('leaves an accepted presentation as it is and refuses a closed one', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, job } = await basics(backend);
    const other = await candidate(backend, { firstName: 'Omar' });
    const refusedOne = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: job.id });
    await ok(backend, 'presentations.transition', { id: refusedOne.id, to: 'refused', refusalReason: 'lacking_skills' });

    const presentation = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    await ok(backend, 'presentations.transition', { id: presentation.id, to: 'presented' });
    const accepted = await ok(backend, 'presentations.transition', { id: presentation.id, to: 'accepted' });
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', presentationId: presentation.id, startDate: '2026-04-01' });
    expect(await ok(backend, 'presentations.get', { id: presentation.id })).toMatchObject({ history: accepted.history, state: 'accepted' });

    await refused(backend, 'recruitments.create', { candidateId: other.id, kind: 'cdi', presentationId: refusedOne.id, startDate: '2026-04-01' }, {
      presentationId: 'matching.errors.presentationClosed',
    });
  });

  it('fills the need once its positions are taken', async () => {
    const backend = await openBackend();
    const { company } = await basics(backend);
    const twoPositions = await need(backend, company.id, { positions: 2 });
    const [first, second] = [await candidate(backend, { firstName: 'A' }), await candidate(backend, { firstName: 'B' })];
    const hireFor = (candidateId: string) => hire(backend, { candidateId, kind: 'cdi', jobNeedId: twoPositions.id, startDate: '2026-04-01' });
    await hireFor(first.id);
    expect((await ok(backend, 'jobNeeds.get', { id: twoPositions.id })).state).toBe('open');
    await hireFor(second.id);
    expect((await ok(backend, 'jobNeeds.get', { id: twoPositions.id })).state).toBe('filled');

    const closedNeed = await need(backend, company.id, { state: 'closed' });
    await hire(backend, { candidateId: first.id, kind: 'cdi', jobNeedId: closedNeed.id, startDate: '2026-05-01' });
    expect((await ok(backend, 'jobNeeds.get', { id: closedNeed.id })).state).toBe('closed');
  });

  it('keeps the status of a person entering qualifying training, and counts it as a positive outcome', async () => {
    const backend = await openBackend();
    const person = await candidate(backend, { status: 'active' });
    const training = await hire(backend, { candidateId: person.id, kind: 'qualifying_training', organisation: 'AFPA', startDate: '2026-04-01', endDate: '2026-12-18' });
    expect(training.outcomeClass).toBe('positive');
    expect((await ok(backend, 'candidates.get', { id: person.id })).status).toBe('active');
    const business = await hire(backend, { candidateId: person.id, kind: 'business_creation', startDate: '2027-01-04' });
    expect(business).toMatchObject({ hostName: null, endDate: null, outcomeClass: 'durable' });
  });

  it('refuses bad input and mismatched references, and writes nothing', async () => {
    const backend = await openBackend();
    const { person, company, job } = await basics(backend);
    const other = await candidate(backend, { firstName: 'Omar' });
    const otherCompany = await employer(backend, 'Boulangerie Faure');
    const theirPresentation = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: job.id });
    const archived = await candidate(backend, { firstName: 'Olena' });
    await ok(backend, 'candidates.archive', { id: archived.id });
    const base = { candidateId: person.id, kind: 'cdd', employerId: company.id, startDate: '2026-04-01', endDate: '2026-09-30' };
    const cases: [unknown, Record<string, string>][] = [
      [{ ...base, kind: 'interim' }, { kind: 'common.errors.choice' }],
      [{ ...base, endDate: null }, { endDate: 'matching.errors.endRequired' }],
      [{ ...base, endDate: '' }, { endDate: 'matching.errors.endRequired' }],
      [{ ...base, kind: 'cdi' }, { endDate: 'matching.errors.openEndedHasEnd' }],
      [{ ...base, kind: 'business_creation' }, { endDate: 'matching.errors.openEndedHasEnd' }],
      [{ ...base, endDate: '2026-03-31' }, { endDate: 'matching.errors.endBeforeStart' }],
      [{ ...base, employerId: null }, { employerId: 'matching.errors.employerRequired' }],
      [{ ...base, startDate: '2026-04-31' }, { startDate: 'common.errors.date' }],
      [{ ...base, hoursPerWeek: 0 }, { hoursPerWeek: 'common.errors.greaterThan?minimum=0' }],
      [{ ...base, hoursPerWeek: 49 }, { hoursPerWeek: 'common.errors.tooBig?maximum=48' }],
      [{ ...base, candidateId: MISSING_ID }, { candidateId: 'common.errors.notFound' }],
      [{ ...base, candidateId: archived.id }, { candidateId: 'matching.errors.candidateArchived' }],
      [{ ...base, employerId: MISSING_ID }, { employerId: 'common.errors.notFound' }],
      [{ ...base, employerId: otherCompany.id, jobNeedId: job.id }, { jobNeedId: 'matching.errors.needOfOtherEmployer' }],
      [{ ...base, jobNeedId: MISSING_ID }, { jobNeedId: 'common.errors.notFound' }],
      [{ ...base, presentationId: theirPresentation.id }, { presentationId: 'matching.errors.presentationOfOtherCandidate' }],
      [{ ...base, presentationId: MISSING_ID }, { presentationId: 'common.errors.notFound' }],
      [{ ...base, outcomeClass: 'durable' }, { _: 'common.errors.unknownField' }],
    ];
    for (const [input, fields] of cases) await refused(backend, 'recruitments.create', input, fields);
  });

  it('writes the recruitment, its follow-ups and what it changes in one transaction', async () => {
    const backend = await openBackend();
    const { person, job } = await basics(backend);
    const presentation = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    // A failure the checks cannot see, after the recruitment and its follow-ups are written.
    backend.database.sqlite.exec("CREATE TRIGGER refuse_boom BEFORE UPDATE ON job_needs WHEN new.state = 'filled' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    const before = contentSnapshot(backend);
    const result = await backend.dispatch('recruitments.create', { candidateId: person.id, kind: 'cdi', presentationId: presentation.id, startDate: '2026-04-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(contentSnapshot(backend)).toEqual(before);
  });

  it('updates the fields sent, and moves the follow-ups not yet recorded when the start moves', async () => {
    const clock = manualClock('2026-06-01T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const { person, company } = await basics(backend);
    const created = await hire(backend, { candidateId: person.id, kind: 'cdd', employerId: company.id, startDate: '2026-03-01', endDate: '2026-05-31' });
    expect(created.outcomeClass).toBe('transition');
    const [oneMonth] = created.followUps;
    await ok(backend, 'followUps.record', { id: oneMonth?.id ?? '', result: 'employed', recordedOn: '2026-04-02', author: 'Claire' });
    clock.tick();
    const moved = await ok(backend, 'recruitments.update', { id: created.id, startDate: '2026-03-31', endDate: '2026-09-30', hoursPerWeek: 24 });
    expect(moved).toMatchObject({ startDate: '2026-03-31', endDate: '2026-09-30', hoursPerWeek: 24, outcomeClass: 'durable', employerId: company.id, updatedAt: '2026-06-01T09:01:00.000Z' });
    expect(moved.followUps.map((followUp) => [followUp.monthsAfter, followUp.dueOn, followUp.result])).toEqual([
      [1, '2026-04-01', 'employed'],
      [3, '2026-06-30', 'pending'],
      [6, '2026-09-30', 'pending'],
      [12, '2027-03-31', 'pending'],
    ]);
    const toCdi = await ok(backend, 'recruitments.update', { id: created.id, kind: 'cdi', endDate: null });
    expect(toCdi).toMatchObject({ kind: 'cdi', endDate: null, outcomeClass: 'durable', followUps: moved.followUps });

    await refused(backend, 'recruitments.update', { id: created.id, kind: 'cdd' }, { endDate: 'matching.errors.endRequired' });
    await refused(backend, 'recruitments.update', { id: created.id, endDate: '2026-12-31' }, { endDate: 'matching.errors.openEndedHasEnd' });
    await refused(backend, 'recruitments.update', { id: created.id, employerId: null }, { employerId: 'matching.errors.employerRequired' });
    await refused(backend, 'recruitments.update', { id: created.id, candidateId: person.id }, { _: 'common.errors.unknownField' });
    expect(await backend.dispatch('recruitments.update', { id: MISSING_ID, hoursPerWeek: 20 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'matching.errors.recruitmentNotFound' },
    });
    expect(rows(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'recruitments.update'")).toEqual([{ n: 2 }]);
  });

  it('records follow-ups: still employed, left and why, unknown; pending clears', async () => {
    const clock = manualClock('2026-06-15T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const { person, company } = await basics(backend);
    const created = await hire(backend, { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-03-02' });
    const [one, three, six] = created.followUps.map((followUp) => followUp.id) as [string, string, string, string];
    clock.tick();
    const afterOne = await ok(backend, 'followUps.record', { id: one, result: 'employed', author: 'Claire', note: 'Tout va bien' });
    expect(afterOne.followUps[0]).toMatchObject({ result: 'employed', recordedOn: '2026-06-15', author: 'Claire', note: 'Tout va bien', leftReason: null });
    expect(afterOne.updatedAt).toBe('2026-06-15T09:01:00.000Z');
    const afterThree = await ok(backend, 'followUps.record', { id: three, result: 'left', leftReason: 'trial_period', recordedOn: '2026-05-20' });
    expect(afterThree.followUps[1]).toMatchObject({ result: 'left', leftReason: 'trial_period', recordedOn: '2026-05-20' });
    const unknown = await ok(backend, 'followUps.record', { id: six, result: 'unknown' });
    expect(unknown.followUps[2]).toMatchObject({ result: 'unknown', recordedOn: '2026-06-15' });
    const cleared = await ok(backend, 'followUps.record', { id: three, result: 'pending' });
    expect(cleared.followUps[1]).toMatchObject({ result: 'pending', leftReason: null, recordedOn: null, author: null });

    await refused(backend, 'followUps.record', { id: six, result: 'left' }, { leftReason: 'matching.errors.leftReasonRequired' });
    await refused(backend, 'followUps.record', { id: six, result: 'employed', leftReason: 'moved' }, { leftReason: 'matching.errors.leftReasonOnlyWhenLeft' });
    await refused(backend, 'followUps.record', { id: six, result: 'left', leftReason: 'bored' }, { leftReason: 'common.errors.choice' });
    await refused(backend, 'followUps.record', { id: six, result: 'fine' }, { result: 'common.errors.choice' });
    await refused(backend, 'followUps.record', { id: six, result: 'employed', recordedOn: '2026-06-16' }, { recordedOn: 'common.errors.dateInFuture' });
    await refused(backend, 'followUps.record', { id: six, result: 'employed', recordedOn: '2026-03-01' }, { recordedOn: 'matching.errors.recordedBeforeStart' });
    await refused(backend, 'followUps.record', { id: 'x', result: 'employed' }, { id: 'common.errors.id' });
    expect(await backend.dispatch('followUps.record', { id: MISSING_ID, result: 'employed' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'matching.errors.followUpNotFound' },
    });
    expect(rows(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'followUps.record'")).toEqual([{ n: 4 }]);
  });

  it('lists by candidate, employer, need and archive state, latest start first', async () => {
    const backend = await openBackend();
    const { person, company, job } = await basics(backend);
    const omar = await candidate(backend, { firstName: 'Omar', lastName: 'Khalil' });
    const first = await hire(backend, { candidateId: person.id, kind: 'cdd', jobNeedId: job.id, startDate: '2026-01-05', endDate: '2026-03-31' });
    const second = await hire(backend, { candidateId: omar.id, kind: 'temporary', organisation: 'Adecco', startDate: '2026-02-01', endDate: '2026-02-28' });
    const all = await ok(backend, 'recruitments.list', {});
    expect(all).toEqual({
      total: 2,
      items: [
        {
          id: second.id,
          candidateId: omar.id,
          candidateName: 'Omar Khalil',
          kind: 'temporary',
          employerId: null,
          hostName: 'Adecco',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          outcomeClass: 'transition',
          updatedAt: second.updatedAt,
          overlaps: [],
        },
        expect.objectContaining({ id: first.id, hostName: 'Transports Martin' }),
      ],
    });
    const ids = async (input: InputOf<'recruitments.list'>) => (await ok(backend, 'recruitments.list', input)).items.map((item) => item.id);
    expect(await ids({ candidateId: person.id })).toEqual([first.id]);
    expect(await ids({ employerId: company.id })).toEqual([first.id]);
    expect(await ids({ jobNeedId: job.id })).toEqual([first.id]);
    await ok(backend, 'recruitments.archive', { id: second.id });
    expect(await ids({})).toEqual([first.id]);
    expect(await ids({ archived: 'archived' })).toEqual([second.id]);
    expect(await ids({ archived: 'all', limit: 1, offset: 1 })).toEqual([first.id]);
    expect((await ok(backend, 'recruitments.restore', { id: second.id })).archivedAt).toBeNull();
    await refused(backend, 'recruitments.list', { archived: 'some' }, { archived: 'common.errors.choice' });
    for (const method of ['recruitments.get', 'recruitments.archive', 'recruitments.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: null }, { id: 'common.errors.id' });
    }
  });
});
