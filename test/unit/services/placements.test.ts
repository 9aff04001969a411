import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { pmsmpAllowanceDays } from '../../../shared/pipeline';
import { ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { MISSING_ID, basics, candidate, employer, immersion, manualClock, rows } from '../../support/records';

type PlacementInput = InputOf<'placements.create'>;

function place(backend: Backend, input: PlacementInput) {
  return ok(backend, 'placements.create', input);
}


const internship = (candidateId: string, startDate: string, endDate: string, renewsId?: string): PlacementInput => ({
  candidateId,
  kind: 'internship_apprenticeship',
  organisation: 'Comune di Milano – CeLav',
  startDate,
  endDate,
  stipendAmount: 600,
  stipendPayer: 'Comune di Milano',
  ...(renewsId ? { renewsId } : {}),
});

describe('placements', () => {
  const openBackend = useBackend();

  it('records a PMSMP with its host, tutor, objective, prescriber and stipend', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company, job } = await basics(backend);
    const created = await place(backend, {
      ...immersion(person.id, company.id, '2026-03-01', '2026-03-31'),
      jobNeedId: job.id,
      tutor: ' Paul Girard ',
      prescriber: 'France Travail Lyon 7',
      stipendAmount: 0,
      stipendPayer: '',
    });
    expect(created).toMatchObject({
      candidateId: person.id,
      candidateName: 'Amina Diallo',
      kind: 'pmsmp',
      employerId: company.id,
      hostName: 'Transports Martin',
      organisation: null,
      jobNeedId: job.id,
      presentationId: null,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      renewsId: null,
      renewedById: null,
      tutor: 'Paul Girard',
      objective: 'Découvrir le métier de cariste',
      prescriber: 'France Travail Lyon 7',
      stipendAmount: 0,
      stipendPayer: null,
      outcome: null,
      endedOn: null,
      archivedAt: null,
      createdAt: '2026-03-10T09:00:00.000Z',
    });
    expect(await ok(backend, 'placements.get', { id: created.id })).toEqual(created);
    expect(rows(backend, "SELECT action FROM audit_log WHERE action LIKE 'placements.%'")).toEqual([{ action: 'placements.create' }]);
  });

  it('names the host by the organisation typed when it is not one of our employers', async () => {
    const backend = await openBackend();
    const person = await candidate(backend);
    const mission = await place(backend, { candidateId: person.id, kind: 'temp_mission', organisation: 'Adecco Vénissieux', startDate: '2026-04-01', endDate: '2026-09-30' });
    expect(mission).toMatchObject({ employerId: null, hostName: 'Adecco Vénissieux', objective: null });
    const training = await place(backend, { candidateId: person.id, kind: 'training', startDate: '2026-01-05', endDate: '2026-12-18' });
    expect(training.hostName).toBeNull();
  });

  it('takes the employer from the need and the need from the presentation', async () => {
    const backend = await openBackend();
    const { person, company, job } = await basics(backend);
    const presentation = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    const created = await place(backend, { candidateId: person.id, kind: 'pmsmp', objective: 'Essai', presentationId: presentation.id, startDate: '2026-03-02', endDate: '2026-03-13' });
    expect(created).toMatchObject({ presentationId: presentation.id, jobNeedId: job.id, employerId: company.id, hostName: 'Transports Martin' });
  });

  describe('a PMSMP lasts at most one month', () => {
    it.each([
      ['1 to 31 March', '2026-03-01', '2026-03-31', true],
      ['1 March to 1 April', '2026-03-01', '2026-04-01', false],
      ['15 March to 14 April', '2026-03-15', '2026-04-14', true],
      ['15 March to 15 April', '2026-03-15', '2026-04-15', false],
      ['31 January to 27 February (28 February is the clamped same date)', '2026-01-31', '2026-02-27', true],
      ['31 January to 28 February', '2026-01-31', '2026-02-28', false],
      ['31 January to 28 February of a leap year', '2028-01-31', '2028-02-28', true],
      ['31 January to 29 February of a leap year', '2028-01-31', '2028-02-29', false],
      ['one day', '2026-03-01', '2026-03-01', true],
    ])('%s: %s – %s', async (_case, startDate, endDate, allowed) => {
      const backend = await openBackend();
      const { person, company } = await basics(backend);
      const input = immersion(person.id, company.id, startDate, endDate);
      if (allowed) await place(backend, input);
      else await refused(backend, 'placements.create', input, { endDate: 'matching.errors.pmsmpTooLong' });
    });

    it('needs a host and an objective', async () => {
      const backend = await openBackend();
      const { person, company } = await basics(backend);
      await refused(backend, 'placements.create', { ...immersion(person.id, company.id, '2026-03-01', '2026-03-20'), employerId: null }, {
        employerId: 'matching.errors.employerRequired',
      });
      await refused(backend, 'placements.create', { ...immersion(person.id, company.id, '2026-03-01', '2026-03-20'), objective: '  ' }, {
        objective: 'matching.errors.objectiveRequired',
      });
      await refused(backend, 'placements.create', { candidateId: person.id, kind: 'pmsmp', startDate: '2026-03-01', endDate: '2026-04-20' }, {
        endDate: 'matching.errors.pmsmpTooLong',
        employerId: 'matching.errors.employerRequired',
        objective: 'matching.errors.objectiveRequired',
      });
      await place(backend, { ...immersion(person.id, company.id, '2026-03-01', '2026-03-20'), employerId: null, organisation: 'Mairie de Bron' });
    });
  });

  describe('for a person in a job, PMSMPs stay within 25% of the initial contract', () => {
    /** A CDD of 100 days (1 January to 10 April 2026): 25 days of immersion allowed. */
    async function employed(backend: Backend) {
      const { person, company } = await basics(backend);
      const contract = { startDate: '2026-01-01', endDate: '2026-04-10' };
      await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cddi', organisation: 'Régie de quartier', ...contract });
      expect(pmsmpAllowanceDays(contract)).toBe(25);
      return { person, company };
    }

    it('accepts exactly the allowance and refuses one day more', async () => {
      const backend = await openBackend();
      const { person, company } = await employed(backend);
      await refused(backend, 'placements.create', immersion(person.id, company.id, '2026-02-01', '2026-02-26'), {
        endDate: 'matching.errors.pmsmpOverContractShare',
      });
      await place(backend, immersion(person.id, company.id, '2026-02-01', '2026-02-25'));
    });

    it('adds up every immersion during the contract', async () => {
      const backend = await openBackend();
      const { person, company } = await employed(backend);
      await place(backend, immersion(person.id, company.id, '2026-01-10', '2026-01-19')); // 10 days
      const second = immersion(person.id, company.id, '2026-03-01', '2026-03-16'); // 16 days: 26 in all
      await refused(backend, 'placements.create', second, { endDate: 'matching.errors.pmsmpOverContractShare' });
      const fits = await place(backend, { ...second, endDate: '2026-03-15' }); // 25 in all
      await refused(backend, 'placements.update', { id: fits.id, endDate: '2026-03-16' }, { endDate: 'matching.errors.pmsmpOverContractShare' });
      // Updating an immersion counts it once, not twice.
      await ok(backend, 'placements.update', { id: fits.id, tutor: 'Nadia' });
    });

    it('counts the days an immersion really took when it ended early', async () => {
      const backend = await openBackend({ clock: manualClock('2026-06-01T09:00:00.000Z') });
      const { person, company } = await employed(backend);
      const planned = await place(backend, immersion(person.id, company.id, '2026-01-10', '2026-02-03')); // 25 days
      await refused(backend, 'placements.create', immersion(person.id, company.id, '2026-03-02', '2026-03-06'), {
        endDate: 'matching.errors.pmsmpOverContractShare',
      });
      await ok(backend, 'placements.end', { id: planned.id, outcome: 'abandoned', endedOn: '2026-01-29' }); // 20 days taken
      await place(backend, immersion(person.id, company.id, '2026-03-02', '2026-03-06')); // 5 more: 25
    });

    it('leaves out immersions outside the contract, archived ones and archived contracts', async () => {
      const backend = await openBackend();
      const { person, company } = await employed(backend);
      await place(backend, immersion(person.id, company.id, '2025-12-02', '2025-12-31')); // before the contract
      const archived = await place(backend, immersion(person.id, company.id, '2026-01-05', '2026-01-24'));
      await ok(backend, 'placements.archive', { id: archived.id });
      await place(backend, immersion(person.id, company.id, '2026-02-01', '2026-02-25'));
      // Restoring the archived immersion would break the share: refused.
      await refused(backend, 'placements.restore', { id: archived.id }, { endDate: 'matching.errors.pmsmpOverContractShare' });
      const [contract] = (await ok(backend, 'recruitments.list', { candidateId: person.id })).items;
      await ok(backend, 'recruitments.archive', { id: contract?.id ?? '' });
      await place(backend, immersion(person.id, company.id, '2026-03-01', '2026-03-31'));
    });

    it('does not take a share of a CDI, which has no length: only the one-month limit applies', async () => {
      const backend = await openBackend();
      const { person, company } = await basics(backend);
      await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-01-01' });
      await place(backend, immersion(person.id, company.id, '2026-02-01', '2026-02-28'));
      await place(backend, immersion(person.id, company.id, '2026-03-01', '2026-03-31'));
    });
  });

  describe('an internship-apprenticeship lasts 3 months, renewable once', () => {
    it('accepts 3 months exactly and refuses one day more', async () => {
      const backend = await openBackend();
      const person = await candidate(backend);
      await refused(backend, 'placements.create', internship(person.id, '2026-01-15', '2026-04-15'), { endDate: 'matching.errors.internshipTooLong' });
      const created = await place(backend, internship(person.id, '2026-01-15', '2026-04-14'));
      expect(created).toMatchObject({ hostName: 'Comune di Milano – CeLav', stipendAmount: 600, stipendPayer: 'Comune di Milano' });
    });

    it('renews once, the day after the planned end, for 3 months at most', async () => {
      const backend = await openBackend();
      const person = await candidate(backend);
      const first = await place(backend, internship(person.id, '2026-01-15', '2026-04-14'));
      await refused(backend, 'placements.create', internship(person.id, '2026-04-15', '2026-07-15', first.id), {
        endDate: 'matching.errors.internshipTooLong',
      });
      await refused(backend, 'placements.create', internship(person.id, '2026-04-16', '2026-07-15', first.id), {
        startDate: 'matching.errors.renewalMustFollow',
      });
      await refused(backend, 'placements.create', internship(person.id, '2026-04-14', '2026-07-13', first.id), {
        startDate: 'matching.errors.renewalMustFollow',
      });
      const renewal = await place(backend, internship(person.id, '2026-04-15', '2026-07-14', first.id));
      expect(renewal.renewsId).toBe(first.id);
      expect((await ok(backend, 'placements.get', { id: first.id })).renewedById).toBe(renewal.id);

      // Twice is refused; so is renewing the renewal.
      await refused(backend, 'placements.create', internship(person.id, '2026-04-15', '2026-07-14', first.id), {
        renewsId: 'matching.errors.alreadyRenewed',
      });
      await refused(backend, 'placements.create', internship(person.id, '2026-07-15', '2026-10-14', renewal.id), {
        renewsId: 'matching.errors.renewalOfRenewal',
      });
      // The original's end cannot move away from its renewal.
      await refused(backend, 'placements.update', { id: first.id, endDate: '2026-04-10' }, { endDate: 'matching.errors.renewalWouldNotFollow' });
      const other = await place(backend, internship(person.id, '2025-09-01', '2025-11-30'));
      await refused(backend, 'placements.update', { id: first.id, renewsId: other.id }, { renewsId: 'matching.errors.renewalOfRenewal' });

      // An archived renewal frees the original; restoring it after another renewal is refused.
      await ok(backend, 'placements.archive', { id: renewal.id });
      expect((await ok(backend, 'placements.get', { id: first.id })).renewedById).toBeNull();
      await place(backend, internship(person.id, '2026-04-15', '2026-06-30', first.id));
      await refused(backend, 'placements.restore', { id: renewal.id }, { renewsId: 'matching.errors.alreadyRenewed' });
    });

    it('renews only an internship of the same person that has not closed', async () => {
      const backend = await openBackend({ clock: manualClock('2026-06-01T09:00:00.000Z') });
      const { person, company } = await basics(backend);
      const someoneElse = await candidate(backend, { firstName: 'Omar' });
      const theirs = await place(backend, internship(someoneElse.id, '2026-01-15', '2026-04-14'));
      const pmsmp = await place(backend, immersion(person.id, company.id, '2026-03-01', '2026-03-31'));
      const abandoned = await place(backend, internship(person.id, '2026-01-01', '2026-03-31'));
      await ok(backend, 'placements.end', { id: abandoned.id, outcome: 'abandoned', endedOn: '2026-02-10' });
      const extended = await place(backend, internship(person.id, '2025-09-01', '2025-11-30'));
      await ok(backend, 'placements.end', { id: extended.id, outcome: 'extended', endedOn: '2025-11-30' });

      await refused(backend, 'placements.create', internship(person.id, '2026-04-15', '2026-07-14', theirs.id), { renewsId: 'matching.errors.renewsNotInternship' });
      await refused(backend, 'placements.create', internship(person.id, '2026-04-01', '2026-06-30', pmsmp.id), { renewsId: 'matching.errors.renewsNotInternship' });
      await refused(backend, 'placements.create', internship(person.id, '2026-04-01', '2026-06-30', abandoned.id), { renewsId: 'matching.errors.originalClosed' });
      await refused(backend, 'placements.create', internship(person.id, '2026-04-01', '2026-06-30', MISSING_ID), { renewsId: 'common.errors.notFound' });
      await refused(backend, 'placements.create', { ...immersion(person.id, company.id, '2026-04-01', '2026-04-20'), renewsId: extended.id }, {
        renewsId: 'matching.errors.renewalOnlyInternship',
      });
      await place(backend, internship(person.id, '2025-12-01', '2026-02-28', extended.id));
    });
  });

  it('refuses bad input and unknown or mismatched references, and writes nothing', async () => {
    const backend = await openBackend();
    const { person, job } = await basics(backend);
    const other = await candidate(backend, { firstName: 'Omar' });
    const otherCompany = await employer(backend, 'Boulangerie Faure');
    const theirPresentation = await ok(backend, 'presentations.create', { candidateId: other.id, jobNeedId: job.id });
    const archived = await candidate(backend, { firstName: 'Olena' });
    await ok(backend, 'candidates.archive', { id: archived.id });
    const base = { candidateId: person.id, kind: 'training', startDate: '2026-03-01', endDate: '2026-06-30' };
    const cases: [unknown, Record<string, string>][] = [
      [{ ...base, kind: 'holiday' }, { kind: 'common.errors.choice' }],
      [{ ...base, startDate: undefined }, { startDate: 'common.errors.required' }],
      [{ ...base, endDate: '2026-06-31' }, { endDate: 'common.errors.date' }],
      [{ ...base, endDate: '2026-02-28' }, { endDate: 'matching.errors.endBeforeStart' }],
      [{ ...base, candidateId: MISSING_ID }, { candidateId: 'common.errors.notFound' }],
      [{ ...base, candidateId: archived.id }, { candidateId: 'matching.errors.candidateArchived' }],
      [{ ...base, employerId: MISSING_ID }, { employerId: 'common.errors.notFound' }],
      [{ ...base, jobNeedId: MISSING_ID }, { jobNeedId: 'common.errors.notFound' }],
      [{ ...base, employerId: otherCompany.id, jobNeedId: job.id }, { jobNeedId: 'matching.errors.needOfOtherEmployer' }],
      [{ ...base, presentationId: MISSING_ID }, { presentationId: 'common.errors.notFound' }],
      [{ ...base, presentationId: theirPresentation.id }, { presentationId: 'matching.errors.presentationOfOtherCandidate' }],
      [{ ...base, stipendAmount: -1 }, { stipendAmount: 'common.errors.tooSmall?minimum=0' }],
      [{ ...base, stipendAmount: 10_001 }, { stipendAmount: 'common.errors.tooBig?maximum=10000' }],
      [{ ...base, stipendAmount: '600' }, { stipendAmount: 'common.errors.decimal' }],
      [{ ...base, outcome: 'hired' }, { _: 'common.errors.unknownField' }],
      [{ ...base, tutor: 'x'.repeat(151) }, { tutor: 'common.errors.tooLong?maximum=150' }],
    ];
    for (const [input, fields] of cases) await refused(backend, 'placements.create', input, fields);
  });

  it('updates the fields sent and checks the whole placement again', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, company } = await basics(backend);
    const created = await place(backend, { ...immersion(person.id, company.id, '2026-03-01', '2026-03-20'), tutor: 'Paul' });
    clock.tick();
    const updated = await ok(backend, 'placements.update', { id: created.id, endDate: '2026-03-31', tutor: null, notes: 'Bon retour' });
    expect(updated).toMatchObject({ endDate: '2026-03-31', tutor: null, notes: 'Bon retour', objective: created.objective, updatedAt: '2026-03-10T09:01:00.000Z' });
    await refused(backend, 'placements.update', { id: created.id, startDate: '2026-03-02', endDate: '2026-04-02' }, { endDate: 'matching.errors.pmsmpTooLong' });
    await refused(backend, 'placements.update', { id: created.id, objective: null }, { objective: 'matching.errors.objectiveRequired' });
    await refused(backend, 'placements.update', { id: created.id, kind: 'training' }, { _: 'common.errors.unknownField' });
    await refused(backend, 'placements.update', { id: created.id, employerId: MISSING_ID }, { employerId: 'common.errors.notFound' });
    expect(await backend.dispatch('placements.update', { id: MISSING_ID, tutor: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'matching.errors.placementNotFound' } });
    expect(await ok(backend, 'placements.get', { id: created.id })).toEqual(updated);
  });

  it('ends a placement once, on a day within its period and not ahead', async () => {
    const clock = manualClock('2026-04-15T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const { person, company } = await basics(backend);
    const created = await place(backend, { ...immersion(person.id, company.id, '2026-03-01', '2026-03-31'), notes: 'Convention signée' });
    await refused(backend, 'placements.end', { id: created.id, outcome: 'hired', endedOn: '2026-02-28' }, { endedOn: 'matching.errors.endedOutsidePeriod' });
    await refused(backend, 'placements.end', { id: created.id, outcome: 'hired', endedOn: '2026-04-01' }, { endedOn: 'matching.errors.endedOutsidePeriod' });
    await refused(backend, 'placements.end', { id: created.id, outcome: 'won', endedOn: '2026-03-31' }, { outcome: 'common.errors.choice' });
    await refused(backend, 'placements.end', { id: created.id, outcome: 'hired' }, { endedOn: 'common.errors.required' });
    const ended = await ok(backend, 'placements.end', { id: created.id, outcome: 'hired', endedOn: '2026-03-31', note: 'Embauche en CDI' });
    expect(ended).toMatchObject({ outcome: 'hired', endedOn: '2026-03-31', notes: 'Convention signée\nEmbauche en CDI' });
    await refused(backend, 'placements.end', { id: created.id, outcome: 'ended', endedOn: '2026-03-31' }, {}, 'conflict');
    expect(await backend.dispatch('placements.end', { id: MISSING_ID, outcome: 'ended', endedOn: '2026-03-31' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Its period cannot move away from the day it ended.
    await refused(backend, 'placements.update', { id: created.id, endDate: '2026-03-30' }, { endDate: 'matching.errors.endedOutsidePeriod' });

    const future = await place(backend, immersion(person.id, company.id, '2026-04-10', '2026-05-09'));
    await refused(backend, 'placements.end', { id: future.id, outcome: 'abandoned', endedOn: '2026-04-16' }, { endedOn: 'common.errors.dateInFuture' });
    expect(await ok(backend, 'placements.end', { id: future.id, outcome: 'abandoned', endedOn: '2026-04-15' })).toMatchObject({ notes: null });
    expect(rows(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'placements.end'")).toEqual([{ n: 2 }]);
  });

  it('lists by candidate, employer, kind, ongoing or ended, archived, latest start first', async () => {
    const backend = await openBackend({ clock: manualClock('2026-06-01T09:00:00.000Z') });
    const { person, company } = await basics(backend);
    const omar = await candidate(backend, { firstName: 'Omar', lastName: 'Khalil' });
    const march = await place(backend, immersion(person.id, company.id, '2026-03-01', '2026-03-31'));
    const training = await place(backend, { candidateId: omar.id, kind: 'training', organisation: 'AFPA', startDate: '2026-04-01', endDate: '2026-09-30' });
    const may = await place(backend, immersion(omar.id, company.id, '2026-05-01', '2026-05-20'));
    await ok(backend, 'placements.end', { id: march.id, outcome: 'ended', endedOn: '2026-03-31' });
    const ids = async (input: InputOf<'placements.list'>) => (await ok(backend, 'placements.list', input)).items.map((item) => item.id);
    const all = await ok(backend, 'placements.list', {});
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.id)).toEqual([may.id, training.id, march.id]);
    expect(all.items[1]).toEqual({
      id: training.id,
      candidateId: omar.id,
      candidateName: 'Omar Khalil',
      kind: 'training',
      employerId: null,
      hostName: 'AFPA',
      startDate: '2026-04-01',
      endDate: '2026-09-30',
      outcome: null,
      endedOn: null,
      updatedAt: expect.any(String),
      // The immersion during the training is lawful, and flagged.
      overlaps: [{ type: 'placement', id: may.id, kind: 'pmsmp', startDate: '2026-05-01', endDate: '2026-05-20' }],
    });
    expect(await ids({ candidateId: person.id })).toEqual([march.id]);
    expect(await ids({ employerId: company.id })).toEqual([may.id, march.id]);
    expect(await ids({ kinds: ['training'] })).toEqual([training.id]);
    expect(await ids({ ongoing: true })).toEqual([may.id, training.id]);
    expect(await ids({ ongoing: false })).toEqual([march.id]);
    expect(await ids({ limit: 1, offset: 2 })).toEqual([march.id]);
    await ok(backend, 'placements.archive', { id: may.id });
    expect(await ids({})).toEqual([training.id, march.id]);
    expect(await ids({ archived: 'archived' })).toEqual([may.id]);
    expect(await ids({ archived: 'all' })).toHaveLength(3);
    await refused(backend, 'placements.list', { kinds: ['holiday'] }, { 'kinds.0': 'common.errors.choice' });
    await refused(backend, 'placements.list', { ongoing: 'yes' }, { ongoing: 'common.errors.type' });
  });

  it('archives and restores, once each, with an audit entry', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const person = await candidate(backend);
    const created = await place(backend, { candidateId: person.id, kind: 'training', startDate: '2026-03-01', endDate: '2026-06-30' });
    clock.tick();
    const archived = await ok(backend, 'placements.archive', { id: created.id });
    expect(archived).toMatchObject({ archivedAt: '2026-03-10T09:01:00.000Z', updatedAt: '2026-03-10T09:01:00.000Z' });
    clock.tick();
    expect(await ok(backend, 'placements.archive', { id: created.id })).toEqual(archived);
    expect(await ok(backend, 'placements.restore', { id: created.id })).toMatchObject({ archivedAt: null, updatedAt: '2026-03-10T09:02:00.000Z' });
    expect(rows(backend, "SELECT action FROM audit_log WHERE action LIKE 'placements.%' ORDER BY at")).toEqual([
      { action: 'placements.create' },
      { action: 'placements.archive' },
      // The second archive changed nothing, but the call is in the log (the wrapper records every write call).
      { action: 'placements.archive' },
      { action: 'placements.restore' },
    ]);
    for (const method of ['placements.get', 'placements.archive', 'placements.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: 7 }, { id: 'common.errors.id' });
    }
  });
});
