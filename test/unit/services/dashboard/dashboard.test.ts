import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import { followUps, placements, presentations, recruitments } from '../../../../electron/db/schema';
import { type Clock, newId } from '../../../../electron/core/clock';
import type { InputOf } from '../../../../shared/api';
import { DEFAULT_TARGETS, type Dashboard } from '../../../../shared/dashboard';
import { addDays } from '../../../../shared/dates';
import { ok, refused } from '../../../support/api';
import { useBackend } from '../../../support/temp';
import { RESIDENT_CARD } from '../../../support/records';

const TODAY = '2026-03-10';

/** A clock the test sets to a day (at 09:00 UTC): files get created "in the past". */
function settableClock(day = TODAY) {
  let now = Date.parse(`${day}T09:00:00.000Z`);
  const clock: Clock & { setDay(day: string): void } = {
    now: () => new Date(now),
    setDay: (next) => {
      now = Date.parse(`${next}T09:00:00.000Z`);
    },
  };
  return clock;
}

const day = (offset: number) => addDays(TODAY, offset);

/** A file whose person agreed to be contacted (the lists of people to call keep only those). */
async function candidate(backend: Backend, firstName: string, fields: Partial<InputOf<'candidates.create'>> = {}) {
  return ok(backend, 'candidates.create', { firstName, lastName: 'Test', consentRecording: true, consentContact: true, ...fields });
}

async function dashboard(backend: Backend, limit?: number): Promise<Dashboard> {
  return ok(backend, 'dashboard.get', limit === undefined ? {} : { limit });
}

/** A need at an employer, for presentations, placements and recruitments inserted straight into the tables. */
async function employerWithNeed(backend: Backend) {
  const employer = await ok(backend, 'employers.create', { name: 'Transports Martin' });
  const need = await ok(backend, 'jobNeeds.create', { employerId: employer.id, occupation: 'Cariste', contractType: 'cdd' });
  return { employer, need };
}

const stamp = `${TODAY}T09:00:00.000Z`;
const recordColumns = () => ({ id: newId(), createdAt: stamp, updatedAt: stamp });

describe('dashboard: what is due', () => {
  const openBackend = useBackend();

  it('is empty on a new installation, with the default targets', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const value = await dashboard(backend);
    const empty = { items: [], total: 0 };
    expect(value).toEqual({
      today: TODAY,
      authorisations: empty,
      followUps: empty,
      placements: empty,
      presentations: empty,
      quietCandidates: empty,
      erasureProposed: empty,
      period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' },
      counts: [
        { thing: 'candidates', count: 0, target: null },
        { thing: 'presentations', count: 0, target: null },
        { thing: 'placements', count: 0, target: null },
        { thing: 'recruitments', count: 0, target: null },
        { thing: 'companyContacts', count: 0, target: 200 },
      ],
    });
  });

  it('lists authorisations expired or ending within 60 days, expired first, for files still followed', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const in60 = await candidate(backend, 'In60', { authorisationExpiry: day(60) });
    const in59 = await candidate(backend, 'In59', { authorisationExpiry: day(59) });
    await candidate(backend, 'In61', { authorisationExpiry: day(61) });
    const expired = await candidate(backend, 'Expired', { authorisationExpiry: day(-5), status: 'employed' });
    const today = await candidate(backend, 'Today', { authorisationExpiry: TODAY, status: 'on_hold' });
    await candidate(backend, 'Left', { authorisationExpiry: day(10), status: 'left' });
    await candidate(backend, 'NoExpiry');
    const archived = await candidate(backend, 'Archived', { authorisationExpiry: day(10) });
    await ok(backend, 'candidates.archive', { id: archived.id });

    const { authorisations } = await dashboard(backend);
    expect(authorisations.total).toBe(4);
    expect(authorisations.items).toEqual([
      { candidateId: expired.id, candidateName: 'Expired Test', expiry: day(-5), daysLeft: -5 },
      { candidateId: today.id, candidateName: 'Today Test', expiry: TODAY, daysLeft: 0 },
      { candidateId: in59.id, candidateName: 'In59 Test', expiry: day(59), daysLeft: 59 },
      { candidateId: in60.id, candidateName: 'In60 Test', expiry: day(60), daysLeft: 60 },
    ]);

    // The limit keeps the most urgent; the total still counts them all.
    const limited = await dashboard(backend, 2);
    expect(limited.authorisations.items.map((item) => item.candidateName)).toEqual(['Expired Test', 'Today Test']);
    expect(limited.authorisations.total).toBe(4);
  });

  it('lists new and active files with no contact for 90 days or more, the longest silence first', async () => {
    const clock = settableClock();
    const backend = await openBackend({ clock });
    const contactedOn = async (name: string, date: string, fields: Partial<InputOf<'candidates.create'>> = {}) => {
      const created = await candidate(backend, name, { status: 'active', ...fields });
      await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: created.id, kind: 'call', occurredAt: date });
      return created;
    };
    const quiet90 = await contactedOn('Quiet90', day(-90), { status: 'new' });
    const quiet91 = await contactedOn('Quiet91', `${day(-91)}T16:30:00.000Z`);
    await contactedOn('Quiet89', day(-89));
    await contactedOn('OnHold', day(-200), { status: 'on_hold' });
    await contactedOn('Employed', day(-200), { status: 'employed' });
    const archived = await contactedOn('Archived', day(-200));
    await ok(backend, 'candidates.archive', { id: archived.id });
    // A file nobody has called counts from its creation.
    clock.setDay(day(-95));
    const neverCalled = await candidate(backend, 'NeverCalled');
    clock.setDay(day(-89));
    await candidate(backend, 'NewlyCreated');
    clock.setDay(TODAY);
    // An older call followed by a recent one: the recent one counts.
    const called = await contactedOn('CalledAgain', day(-300));
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: called.id, kind: 'meeting', occurredAt: day(-10) });

    const { quietCandidates } = await dashboard(backend);
    expect(quietCandidates).toEqual({
      total: 3,
      items: [
        { candidateId: neverCalled.id, candidateName: 'NeverCalled Test', lastContactOn: null },
        { candidateId: quiet91.id, candidateName: 'Quiet91 Test', lastContactOn: day(-91) },
        { candidateId: quiet90.id, candidateName: 'Quiet90 Test', lastContactOn: day(-90) },
      ],
    });
  });

  it('lists pending follow-ups due within 7 days or overdue, of recruitments not archived', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const { employer } = await employerWithNeed(backend);
    const person = await candidate(backend, 'Awa', { status: 'employed' });
    const { db } = backend.database;
    const recruitment = (fields: Partial<typeof recruitments.$inferInsert> = {}) => {
      const row = { ...recordColumns(), candidateId: person.id, kind: 'cdd', employerId: employer.id, startDate: day(-400), ...fields };
      db.insert(recruitments).values(row).run();
      return row.id;
    };
    const followUp = (recruitmentId: string, monthsAfter: number, dueOn: string, result = 'pending') => {
      const id = newId();
      db.insert(followUps).values({ id, recruitmentId, monthsAfter, dueOn, result, updatedAt: stamp }).run();
      return id;
    };
    const hired = recruitment();
    const overdue = followUp(hired, 1, day(-30));
    const overdue3 = followUp(hired, 3, day(-20));
    const in6 = followUp(hired, 6, day(6));
    const in7 = followUp(hired, 12, day(7));
    const agency = recruitment({ employerId: null, organisation: 'Intérim Plus', kind: 'temporary' });
    followUp(agency, 1, day(8));
    const at6Of = followUp(agency, 3, day(6));
    const archived = recruitment({ archivedAt: stamp });
    followUp(archived, 1, day(-1));

    const { followUps: due } = await dashboard(backend);
    expect(due.total).toBe(5);
    const common = { candidateId: person.id, candidateName: 'Awa Test' };
    expect(due.items).toEqual([
      { ...common, followUpId: overdue, recruitmentId: hired, hostName: 'Transports Martin', monthsAfter: 1, dueOn: day(-30) },
      { ...common, followUpId: overdue3, recruitmentId: hired, hostName: 'Transports Martin', monthsAfter: 3, dueOn: day(-20) },
      { ...common, followUpId: at6Of, recruitmentId: agency, hostName: 'Intérim Plus', monthsAfter: 3, dueOn: day(6) },
      { ...common, followUpId: in6, recruitmentId: hired, hostName: 'Transports Martin', monthsAfter: 6, dueOn: day(6) },
      { ...common, followUpId: in7, recruitmentId: hired, hostName: 'Transports Martin', monthsAfter: 12, dueOn: day(7) },
    ]);
  });

  it('lists placements without an outcome ending within 14 days or past their end', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const { employer } = await employerWithNeed(backend);
    const person = await candidate(backend, 'Nour');
    const { db } = backend.database;
    const placement = (endDate: string, fields: Partial<typeof placements.$inferInsert> = {}) => {
      const row = { ...recordColumns(), candidateId: person.id, kind: 'pmsmp', employerId: employer.id, startDate: day(-40), endDate, ...fields };
      db.insert(placements).values(row).run();
      return row.id;
    };
    const in14 = placement(day(14));
    const in13 = placement(day(13), { kind: 'training', employerId: null, organisation: 'AFPA' });
    placement(day(15));
    const past = placement(day(-3));
    placement(day(-1), { outcome: 'ended', endedOn: day(-1) });
    placement(day(2), { archivedAt: stamp });

    const { placements: due } = await dashboard(backend);
    expect(due.total).toBe(3);
    const common = { candidateId: person.id, candidateName: 'Nour Test' };
    expect(due.items).toEqual([
      { ...common, placementId: past, kind: 'pmsmp', hostName: 'Transports Martin', endDate: day(-3) },
      { ...common, placementId: in13, kind: 'training', hostName: 'AFPA', endDate: day(13) },
      { ...common, placementId: in14, kind: 'pmsmp', hostName: 'Transports Martin', endDate: day(14) },
    ]);
  });

  it('lists open presentations unchanged for 30 days or more, the longest wait first', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const { employer, need } = await employerWithNeed(backend);
    const person = await candidate(backend, 'Yonas');
    const { db } = backend.database;
    const presentation = (state: string, stateChangedOn: string, fields: Partial<typeof presentations.$inferInsert> = {}) => {
      const row = { ...recordColumns(), candidateId: person.id, jobNeedId: need.id, state, proposedOn: day(-60), stateChangedOn, ...fields };
      db.insert(presentations).values(row).run();
      return row.id;
    };
    const at30 = presentation('presented', day(-30));
    presentation('proposed', day(-29));
    const at31 = presentation('interview', day(-31));
    const at45 = presentation('proposed', day(-45));
    presentation('accepted', day(-100));
    presentation('refused', day(-100), { refusalReason: 'no_answer' });
    presentation('proposed', day(-100), { archivedAt: stamp });

    const { presentations: stale } = await dashboard(backend);
    expect(stale.total).toBe(3);
    const common = { candidateId: person.id, candidateName: 'Yonas Test', employerName: employer.name, occupation: 'Cariste' };
    expect(stale.items).toEqual([
      { ...common, presentationId: at45, state: 'proposed', stateChangedOn: day(-45) },
      { ...common, presentationId: at31, state: 'interview', stateChangedOn: day(-31) },
      { ...common, presentationId: at30, state: 'presented', stateChangedOn: day(-30) },
    ]);
  });
});

describe('dashboard: consent and follow-ups made moot', () => {
  const openBackend = useBackend();

  it('chases nobody who withdrew consent, and lists as quiet only those who agreed to be contacted', async () => {
    const clock = settableClock(day(-200));
    const backend = await openBackend({ clock });
    const { employer } = await employerWithNeed(backend);
    const staying = await candidate(backend, 'Staying', { status: 'active', authorisationExpiry: day(10) });
    const leaving = await candidate(backend, 'Leaving', { status: 'active', authorisationExpiry: day(10) });
    const silent = await candidate(backend, 'NoContactTick', { status: 'active', consentContact: false, authorisationExpiry: day(10) });
    clock.setDay(TODAY);
    const { db } = backend.database;
    for (const person of [staying, leaving]) {
      const recruitmentId = newId();
      db.insert(recruitments).values({ ...recordColumns(), id: recruitmentId, candidateId: person.id, kind: 'cdd', employerId: employer.id, startDate: day(-40) }).run();
      db.insert(followUps).values({ id: newId(), recruitmentId, monthsAfter: 1, dueOn: day(-10), result: 'pending', updatedAt: stamp }).run();
    }
    const names = (list: { items: { candidateName: string }[]; total: number }) => [list.total, list.items.map((item) => item.candidateName)];

    const before = await dashboard(backend);
    expect(names(before.authorisations)).toEqual([3, ['Staying Test', 'Leaving Test', 'NoContactTick Test']]);
    expect(names(before.quietCandidates)).toEqual([2, ['Staying Test', 'Leaving Test']]);
    expect(names(before.followUps)).toEqual([2, expect.arrayContaining(['Staying Test', 'Leaving Test'])]);

    await ok(backend, 'candidates.update', { id: leaving.id, consentWithdrawnOn: day(-1) });
    await ok(backend, 'candidates.update', { id: silent.id, consentContact: false });
    const after = await dashboard(backend);
    expect(names(after.authorisations)).toEqual([2, ['Staying Test', 'NoContactTick Test']]);
    expect(names(after.quietCandidates)).toEqual([1, ['Staying Test']]);
    expect(names(after.followUps)).toEqual([1, ['Staying Test']]);
  });

  it('no longer shows a follow-up late once a later one of the same recruitment is recorded', async () => {
    const backend = await openBackend({ clock: settableClock() });
    const { employer } = await employerWithNeed(backend);
    const person = await candidate(backend, 'Awa', { status: 'employed', ...RESIDENT_CARD });
    const hired = await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: employer.id, startDate: day(-400) });
    const [at1, at3, at6, at12] = hired.followUps;
    expect((await dashboard(backend)).followUps.total).toBe(4);
    // The 3-month follow-up is recorded, the 1-month one was skipped: it is no longer due.
    await ok(backend, 'followUps.record', { id: at3?.id as string, result: 'employed', recordedOn: day(-300) });
    const due = await dashboard(backend);
    expect(due.followUps.items.map((item) => item.followUpId)).toEqual([at6?.id, at12?.id]);
    expect(due.followUps.total).toBe(2);
    expect(at1?.monthsAfter).toBe(1);
  });
});

describe('dashboard: each card in full', () => {
  const openBackend = useBackend();

  it('gives all the items a card counts, page by page, in the card’s order', async () => {
    const clock = settableClock(day(-200));
    const backend = await openBackend({ clock });
    for (let index = 0; index < 60; index++) {
      await candidate(backend, `Quiet${String(index).padStart(2, '0')}`, { status: 'active', authorisationExpiry: day(index) });
    }
    clock.setDay(TODAY);
    const home = await dashboard(backend, 50);
    expect([home.quietCandidates.items.length, home.quietCandidates.total]).toEqual([50, 60]);

    for (const card of ['authorisations', 'quietCandidates'] as const) {
      const all = await ok(backend, 'dashboard.due', { card });
      expect(all.total, card).toBe(60);
      expect(all.items, card).toHaveLength(60);
      expect(all.items.slice(0, 50), card).toEqual(home[card].items);
      const pages = [
        ...(await ok(backend, 'dashboard.due', { card, limit: 25 })).items,
        ...(await ok(backend, 'dashboard.due', { card, limit: 25, offset: 25 })).items,
        ...(await ok(backend, 'dashboard.due', { card, limit: 25, offset: 50 })).items,
      ];
      expect(pages, card).toEqual(all.items);
    }
    expect((await ok(backend, 'dashboard.due', { card: 'authorisations' })).items.at(-1)).toMatchObject({ candidateName: 'Quiet59 Test', daysLeft: 59 });
  });

  it('refuses an unknown card or a page out of bounds, changing nothing', async () => {
    const backend = await openBackend();
    await refused(backend, 'dashboard.due', { card: 'volunteers' }, { card: /^common\.errors\./ });
    await refused(backend, 'dashboard.due', { card: 'placements', limit: 501 }, { limit: 'common.errors.tooBig' });
    await refused(backend, 'dashboard.due', { card: 'placements', offset: -1 }, { offset: 'common.errors.tooSmall' });
  });
});

describe('dashboard: the period and its counts', () => {
  const openBackend = useBackend();

  /** Activity on both sides of each period's ends, seen from 15 May 2026 (second quarter). */
  async function activity() {
    const clock = settableClock();
    const backend = await openBackend({ clock });
    const { employer, need } = await employerWithNeed(backend);
    const createdOn = async (date: string) => {
      clock.setDay(date);
      return candidate(backend, `Created${date}`);
    };
    for (const date of ['2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2026-04-30', '2026-05-01', '2026-05-31', '2026-06-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01']) {
      await createdOn(date);
    }
    // A duplicate created in May and merged into another file: the same person, counted once.
    const duplicate = await createdOn('2026-05-20');
    const kept = await createdOn('2026-05-21');
    await ok(backend, 'candidates.merge', { keepId: kept.id, mergeId: duplicate.id });
    // A file created in May and archived since still counts: it was created then.
    const archived = await createdOn('2026-05-22');
    await ok(backend, 'candidates.archive', { id: archived.id });

    const { db } = backend.database;
    const person = kept.id;
    const dates = ['2026-03-31', '2026-04-01', '2026-05-01', '2026-05-31', '2026-06-30', '2026-07-01'];
    for (const date of dates) {
      db.insert(presentations).values({ ...recordColumns(), candidateId: person, jobNeedId: need.id, state: 'proposed', proposedOn: date, stateChangedOn: date }).run();
      db.insert(placements).values({ ...recordColumns(), candidateId: person, kind: 'pmsmp', startDate: date, endDate: date, organisation: 'AFPA' }).run();
      db.insert(recruitments).values({ ...recordColumns(), candidateId: person, kind: 'cdi', startDate: date, employerId: employer.id }).run();
      // A contact is recorded once it has happened.
      clock.setDay(date);
      await ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: employer.id, kind: 'call', occurredAt: date });
    }
    // Archived pipeline records (entered by mistake) and notes are no company contact: not counted.
    db.insert(presentations).values({ ...recordColumns(), candidateId: person, jobNeedId: need.id, state: 'proposed', proposedOn: '2026-05-10', stateChangedOn: '2026-05-10', archivedAt: stamp }).run();
    db.insert(placements).values({ ...recordColumns(), candidateId: person, kind: 'pmsmp', startDate: '2026-05-10', endDate: '2026-05-12', organisation: 'AFPA', archivedAt: stamp }).run();
    db.insert(recruitments).values({ ...recordColumns(), candidateId: person, kind: 'cdi', startDate: '2026-05-10', employerId: employer.id, archivedAt: stamp }).run();
    await ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: employer.id, kind: 'note', occurredAt: '2026-05-10' });
    clock.setDay('2026-05-31');
    await ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: employer.id, kind: 'meeting', occurredAt: '2026-05-31T17:45:00.000Z' });
    clock.setDay('2026-05-15');
    return backend;
  }

  const countsOf = (value: Dashboard) => Object.fromEntries(value.counts.map(({ thing, count }) => [thing, count]));

  it('counts the month, the quarter or the year containing today, both ends included', async () => {
    const backend = await activity();
    const targets = { candidates: 10, presentations: 20, placements: null, recruitments: 5, companyContacts: 50 };

    await ok(backend, 'dashboard.setTargets', { period: 'month', ...targets });
    const month = await dashboard(backend);
    expect(month.today).toBe('2026-05-15');
    expect(month.period).toEqual({ kind: 'month', from: '2026-05-01', to: '2026-05-31' });
    // Files: 1 and 31 May, the kept one and the archived one (not the merged duplicate).
    expect(countsOf(month)).toEqual({ candidates: 4, presentations: 2, placements: 2, recruitments: 2, companyContacts: 3 });
    expect(month.counts.map(({ thing, target }) => [thing, target])).toEqual(Object.entries(targets));

    await ok(backend, 'dashboard.setTargets', { period: 'quarter', ...targets });
    const quarter = await dashboard(backend);
    expect(quarter.period).toEqual({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(countsOf(quarter)).toEqual({ candidates: 8, presentations: 4, placements: 4, recruitments: 4, companyContacts: 5 });

    await ok(backend, 'dashboard.setTargets', { period: 'year', ...targets });
    const year = await dashboard(backend);
    expect(year.period).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(countsOf(year)).toEqual({ candidates: 12, presentations: 6, placements: 6, recruitments: 6, companyContacts: 7 });
  });
});

describe('dashboard: targets', () => {
  const openBackend = useBackend();
  const valid = { period: 'quarter', candidates: 50, presentations: 120, placements: 0, recruitments: 30, companyContacts: null } as const;

  it('reads the defaults until targets are set, then keeps them', async () => {
    const backend = await openBackend();
    expect(await ok(backend, 'dashboard.getTargets', {})).toEqual(DEFAULT_TARGETS);
    expect(await ok(backend, 'dashboard.setTargets', valid)).toEqual(valid);
    expect(await ok(backend, 'dashboard.getTargets', {})).toEqual(valid);
    const { counts } = await dashboard(backend);
    expect(counts.map(({ target }) => target)).toEqual([50, 120, 0, 30, null]);
  });

  it('refuses targets that are not whole numbers from 0 to 1,000,000, and changes nothing', async () => {
    const backend = await openBackend();
    await ok(backend, 'dashboard.setTargets', valid);
    await refused(backend, 'dashboard.setTargets', { ...valid, candidates: -1 }, { candidates: 'common.errors.tooSmall?minimum=0' });
    await refused(backend, 'dashboard.setTargets', { ...valid, presentations: 2.5 }, { presentations: 'common.errors.number' });
    await refused(backend, 'dashboard.setTargets', { ...valid, placements: 1_000_001 }, { placements: 'common.errors.tooBig?maximum=1000000' });
    await refused(backend, 'dashboard.setTargets', { ...valid, recruitments: '30' }, { recruitments: 'common.errors.number' });
    await refused(backend, 'dashboard.setTargets', { ...valid, period: 'week' }, { period: 'common.errors.choice' });
    await refused(backend, 'dashboard.setTargets', { ...valid, volunteers: 3 });
    const { companyContacts: _left, ...missing } = valid;
    await refused(backend, 'dashboard.setTargets', missing, { companyContacts: /^common\.errors\./ });
    expect(await ok(backend, 'dashboard.getTargets', {})).toEqual(valid);
  });

  it('reads targets it cannot understand (written by hand or a newer version) as the defaults', async () => {
    const backend = await openBackend();
    backend.database.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('targets', ?)").run(JSON.stringify({ period: 'decade' }));
    expect(await ok(backend, 'dashboard.getTargets', {})).toEqual(DEFAULT_TARGETS);
  });

  it('refuses a list length out of bounds', async () => {
    const backend = await openBackend();
    await refused(backend, 'dashboard.get', { limit: 0 }, { limit: 'common.errors.tooSmall?minimum=1' });
    await refused(backend, 'dashboard.get', { limit: 201 }, { limit: 'common.errors.tooBig?maximum=200' });
    await refused(backend, 'dashboard.get', { limit: 5, today: '2026-01-01' });
    await refused(backend, 'dashboard.getTargets', { period: 'year' });
  });
});
