import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import type { ErrorCode } from '../../../shared/errors';
import { ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';

const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';
const LOGISTICS = '00000000-0000-7000-8000-000000000001';
const CLEANING = '00000000-0000-7000-8000-000000000004';

function count(backend: Backend, table: string): number {
  return backend.database.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
}

/** Asserts an error result of this code (and these field keys), and that the database did not change. */
async function visitEvents(backend: Backend, candidateId: string) {
  const { items } = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: candidateId });
  return items.filter((event) => event.kind === 'dropin_visit');
}

async function setting(backend: Backend) {
  const volunteer = (firstName: string, lastName: string) => ok(backend, 'volunteers.create', { firstName, lastName });
  const zoe = await volunteer('Zoé', 'Bernard');
  const amina = await volunteer('Amina', 'Diallo');
  const session = await ok(backend, 'sessions.create', { date: '2026-11-10', place: 'Maison des associations', volunteerIds: [amina.id, zoe.id] });
  const person = await ok(backend, 'candidates.create', { firstName: 'Samir', lastName: 'Haddad', phone: '06 11 22 33 44', frenchLevel: 'A2', consentContact: true });
  return { zoe, amina, session, person };
}

describe('drop-in sessions API', () => {
  const openBackend = useBackend();

  it('creates a session with the volunteers present and gets it back', async () => {
    const backend = await openBackend();
    const { zoe, amina, session } = await setting(backend);
    expect(session).toMatchObject({ date: '2026-11-10', place: 'Maison des associations', notes: null, visits: [], archivedAt: null, origin: null });
    expect(session.volunteers.map((volunteer) => volunteer.id)).toEqual([zoe.id, amina.id]);
    expect(session.volunteers[0]).toEqual({ id: zoe.id, firstName: 'Zoé', lastName: 'Bernard', active: true, archivedAt: null });
    expect(await ok(backend, 'sessions.get', { id: session.id })).toEqual(session);
  });

  it.each([
    ['no date', { place: 'Local' }, { date: 'common.errors.required' }],
    ['blank place', { date: '2026-11-10', place: ' ' }, { place: 'common.errors.required' }],
    ['impossible date', { date: '2026-02-30', place: 'Local' }, { date: 'common.errors.date' }],
    ['date as text', { date: 'mardi', place: 'Local' }, { date: 'common.errors.date' }],
    ['unknown volunteer', { date: '2026-11-10', place: 'Local', volunteerIds: [MISSING_ID] }, { volunteerIds: 'common.errors.notFound' }],
    ['unknown field', { date: '2026-11-10', place: 'Local', room: 'B' }, { _: 'common.errors.unknownField' }],
  ])('refuses create with %s and writes nothing', async (_case, input, fields) => {
    const backend = await openBackend();
    await refused(backend, 'sessions.create', input, fields);
  });

  it('updates only the fields sent; a new date moves the visits on the timeline', async () => {
    const backend = await openBackend();
    const { zoe, session, person } = await setting(backend);
    await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id });
    const renamed = await ok(backend, 'sessions.update', { id: session.id, notes: 'Salle 2' });
    expect(renamed).toMatchObject({ notes: 'Salle 2', place: 'Maison des associations', date: '2026-11-10' });
    expect(renamed.volunteers).toHaveLength(2);
    expect(renamed.visits).toHaveLength(1);

    const moved = await ok(backend, 'sessions.update', { id: session.id, date: '2026-11-12', volunteerIds: [zoe.id] });
    expect(moved.volunteers.map((volunteer) => volunteer.id)).toEqual([zoe.id]);
    expect((await visitEvents(backend, person.id)).map((event) => event.occurredAt)).toEqual(['2026-11-12']);

    await refused(backend, 'sessions.update', { id: session.id, place: '' }, { place: 'common.errors.required' });
    await refused(backend, 'sessions.update', { id: session.id, volunteerIds: [MISSING_ID] }, { volunteerIds: 'common.errors.notFound' });
    await refused(backend, 'sessions.update', { id: MISSING_ID, place: 'Ailleurs' }, {}, 'not_found');
    expect((await ok(backend, 'sessions.update', { id: session.id, volunteerIds: [] })).volunteers).toEqual([]);
  });

  it('lists sessions newest first with counts, by period and archive state', async () => {
    const backend = await openBackend();
    const { amina, session, person } = await setting(backend);
    const older = await ok(backend, 'sessions.create', { date: '2026-10-01', place: 'Mairie' });
    const later = await ok(backend, 'sessions.create', { date: '2026-12-01', place: 'Mairie', volunteerIds: [amina.id] });
    await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id });
    const ids = async (input: InputOf<'sessions.list'>) => (await ok(backend, 'sessions.list', input)).items.map((item) => item.id);

    const list = await ok(backend, 'sessions.list', {});
    expect(list.total).toBe(3);
    expect(list.items.map((item) => item.id)).toEqual([later.id, session.id, older.id]);
    expect(list.items[1]).toMatchObject({ date: '2026-11-10', place: 'Maison des associations', visitCount: 1, volunteerCount: 2 });
    expect(list.items[2]).toMatchObject({ visitCount: 0, volunteerCount: 0 });
    expect(await ids({ descending: false })).toEqual([older.id, session.id, later.id]);
    expect(await ids({ from: '2026-11-01' })).toEqual([later.id, session.id]);
    expect(await ids({ from: '2026-10-01', to: '2026-11-10' })).toEqual([session.id, older.id]);
    expect(await ids({ limit: 1, offset: 1 })).toEqual([session.id]);

    const archived = await ok(backend, 'sessions.archive', { id: older.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ids({})).toEqual([later.id, session.id]);
    expect(await ids({ archived: 'archived' })).toEqual([older.id]);
    expect(await ids({ archived: 'all' })).toHaveLength(3);
    expect((await ok(backend, 'sessions.restore', { id: older.id })).archivedAt).toBeNull();

    await refused(backend, 'sessions.list', { from: '2026-12-01', to: '2026-11-01' }, { to: 'common.errors.periodOrder' });
    await refused(backend, 'sessions.list', { limit: 0 }, { limit: 'common.errors.tooSmall?minimum=1' });
    for (const method of ['sessions.get', 'sessions.archive', 'sessions.restore'] as const) {
      await refused(backend, method, { id: MISSING_ID }, {}, 'not_found');
      await refused(backend, method, { id: 'x' }, { id: 'common.errors.id' });
    }
  });

  it('records a visit once per session, updating its note, with one timeline event', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    const visit = await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id, note: 'Cherche en logistique' });
    expect(visit).toMatchObject({
      sessionId: session.id,
      candidateId: person.id,
      firstName: 'Samir',
      lastName: 'Haddad',
      phone: '+33611223344',
      frenchLevel: 'A2',
      authorisationDocument: null,
      authorisationExpiry: null,
      note: 'Cherche en logistique',
    });
    expect(visit.seenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await visitEvents(backend, person.id)).toMatchObject([{ occurredAt: '2026-11-10', text: 'Cherche en logistique' }]);

    const again = await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id, note: 'Revenu avec son CV' });
    expect(again).toEqual({ ...visit, note: 'Revenu avec son CV' });
    expect(await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id })).toEqual(again);
    expect((await ok(backend, 'sessions.get', { id: session.id })).visits).toEqual([again]);
    expect(await visitEvents(backend, person.id)).toMatchObject([{ text: 'Revenu avec son CV' }]);
    expect(count(backend, 'session_visits')).toBe(1);
  });

  it('refuses visits to unknown, merged or archived records and writes nothing', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    const twin = await ok(backend, 'candidates.create', { firstName: 'Samir', lastName: 'Hadad' });
    await ok(backend, 'candidates.merge', { keepId: person.id, mergeId: twin.id });
    const visit = { sessionId: session.id, candidateId: person.id };
    await refused(backend, 'sessions.addVisit', { ...visit, candidateId: MISSING_ID }, { candidateId: 'common.errors.notFound' });
    await refused(backend, 'sessions.addVisit', { ...visit, candidateId: twin.id }, { candidateId: 'sessions.errors.candidateMerged' });
    await refused(backend, 'sessions.addVisit', { ...visit, sessionId: MISSING_ID }, {}, 'not_found');
    await refused(backend, 'sessions.addVisit', { ...visit, note: 'x'.repeat(1001) }, { note: 'common.errors.tooLong?maximum=1000' });
    await refused(backend, 'sessions.addVisit', { sessionId: session.id }, { candidateId: 'common.errors.id' });
    await ok(backend, 'sessions.archive', { id: session.id });
    await refused(backend, 'sessions.addVisit', visit, {}, 'conflict');
  });

  it('removes a visit recorded by mistake with its timeline event', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    const other = await ok(backend, 'sessions.create', { date: '2026-11-17', place: 'Mairie' });
    const visit = await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id });
    await ok(backend, 'sessions.addVisit', { sessionId: other.id, candidateId: person.id });
    expect(await ok(backend, 'sessions.removeVisit', { id: visit.id })).toEqual(visit);
    expect((await ok(backend, 'sessions.get', { id: session.id })).visits).toEqual([]);
    expect((await visitEvents(backend, person.id)).map((event) => event.occurredAt)).toEqual(['2026-11-17']);
    await refused(backend, 'sessions.removeVisit', { id: visit.id }, {}, 'not_found');
    await refused(backend, 'sessions.removeVisit', { id: 'x' }, { id: 'common.errors.id' });
  });
});

describe('quick intake', () => {
  const openBackend = useBackend();

  it('creates a new person, the visit and the timeline event', async () => {
    const backend = await openBackend();
    const { session } = await setting(backend);
    const result = await ok(backend, 'sessions.intake', {
      sessionId: session.id,
      firstName: ' Awa ',
      lastName: 'Traoré',
      phone: '+221 77 123 45 67',
      frenchLevel: 'A1',
      authorisationDocument: 'asylum_certificate',
      authorisationExpiry: '2027-03-31',
      sectorId: CLEANING,
      note: 'Orientée par le CADA',
    });
    expect(result.created).toBe(true);
    expect(result.candidate).toMatchObject({ firstName: 'Awa', lastName: 'Traoré', phone: '+221771234567', frenchLevel: 'A1', status: 'new', authorisationExpiry: '2027-03-31' });
    expect(result.visit).toMatchObject({ sessionId: session.id, candidateId: result.candidate.id, note: 'Orientée par le CADA', authorisationDocument: 'asylum_certificate' });
    const file = await ok(backend, 'candidates.get', { id: result.candidate.id });
    expect(file).toMatchObject({ authorisationDocument: 'asylum_certificate', sectorIds: [CLEANING] });
    expect(await visitEvents(backend, file.id)).toMatchObject([{ occurredAt: '2026-11-10', text: 'Orientée par le CADA', subjectType: 'candidate' }]);

    const minimal = await ok(backend, 'sessions.intake', { sessionId: session.id, firstName: 'Yonas', lastName: 'Tesfaye' });
    expect(minimal.candidate).toMatchObject({ frenchLevel: 'not_assessed', phone: null, status: 'new' });
    expect((await ok(backend, 'sessions.get', { id: session.id })).visits).toHaveLength(2);
  });

  it('updates only the given fields that differ on a known person', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    const before = await ok(backend, 'candidates.update', { id: person.id, sectorIds: [LOGISTICS], authorisationDocument: 'refugee_resident_card' });

    // Nothing new: the file is not touched.
    const same = await ok(backend, 'sessions.intake', { sessionId: session.id, candidateId: person.id, frenchLevel: 'not_assessed', authorisationDocument: 'refugee_resident_card', sectorId: LOGISTICS });
    expect(same.created).toBe(false);
    expect(await ok(backend, 'candidates.get', { id: person.id })).toEqual(before);

    const result = await ok(backend, 'sessions.intake', {
      sessionId: session.id,
      candidateId: person.id,
      firstName: 'Autre',
      lastName: 'Nom',
      phone: '07 99 99 99 99',
      frenchLevel: 'B1',
      authorisationExpiry: '2035-01-01',
      sectorId: CLEANING,
      note: 'Niveau revu',
    });
    expect(result.created).toBe(false);
    const after = await ok(backend, 'candidates.get', { id: person.id });
    expect(after).toMatchObject({
      firstName: 'Samir',
      lastName: 'Haddad',
      phone: '+33611223344',
      frenchLevel: 'B1',
      authorisationDocument: 'refugee_resident_card',
      authorisationExpiry: '2035-01-01',
      sectorIds: [LOGISTICS, CLEANING],
    });
    expect(result.candidate).toMatchObject({ id: person.id, frenchLevel: 'B1', updatedAt: after.updatedAt });
    // Seen twice in the same session: one visit, the latest note, one timeline event.
    expect(result.visit).toMatchObject({ id: same.visit.id, note: 'Niveau revu', frenchLevel: 'B1' });
    expect(await visitEvents(backend, person.id)).toHaveLength(1);
    expect(count(backend, 'candidates')).toBe(1);
  });

  it.each([
    ['no names for a new person', {}, 'validation', { firstName: 'common.errors.required', lastName: 'common.errors.required' }],
    ['a bad phone', { phone: 'demain' }, 'validation', { phone: 'common.errors.phone' }],
    ['an unknown French level', { frenchLevel: 'B3' }, 'validation', { frenchLevel: 'common.errors.choice' }],
    ['an impossible expiry', { authorisationExpiry: '2027-02-30' }, 'validation', { authorisationExpiry: 'common.errors.date' }],
    ['an unknown sector', { sectorId: MISSING_ID }, 'validation', { sectorId: 'common.errors.notFound' }],
    ['an unknown person', { candidateId: MISSING_ID }, 'validation', { candidateId: 'common.errors.notFound' }],
    ['an unknown session', { sessionId: MISSING_ID }, 'not_found', {}],
  ] as const)('refuses an intake with %s and writes nothing', async (_case, change, code, fields) => {
    const backend = await openBackend();
    const { session } = await setting(backend);
    const input = { sessionId: session.id, firstName: 'Awa', lastName: 'Traoré', ...change };
    if (Object.keys(change).length === 0) Object.assign(input, { firstName: undefined, lastName: undefined });
    await refused(backend, 'sessions.intake', input, fields, code as ErrorCode);
  });

  it('refuses an intake that breaks the known file, or into an archived session', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    await ok(backend, 'candidates.update', { id: person.id, authorisationStart: '2026-01-01' });
    const known = { sessionId: session.id, candidateId: person.id };
    await refused(backend, 'sessions.intake', { ...known, authorisationExpiry: '2025-12-31' }, { authorisationExpiry: 'candidates.errors.expiryBeforeStart' });
    await ok(backend, 'sessions.archive', { id: session.id });
    await refused(backend, 'sessions.intake', { ...known, frenchLevel: 'B2' }, {}, 'conflict');
  });

  it('writes nothing at all when a late part of the intake fails', async () => {
    const backend = await openBackend();
    const { session, person } = await setting(backend);
    // The timeline event is written last: make it fail.
    backend.database.sqlite.exec(
      "CREATE TRIGGER fail_timeline BEFORE INSERT ON timeline_events BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    await refused(backend, 'sessions.intake', { sessionId: session.id, firstName: 'Awa', lastName: 'Traoré', sectorId: CLEANING, note: 'x' }, {}, 'internal');
    await refused(backend, 'sessions.intake', { sessionId: session.id, candidateId: person.id, frenchLevel: 'C1', sectorId: CLEANING }, {}, 'internal');
    await refused(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id }, {}, 'internal');
    expect(count(backend, 'candidates')).toBe(1);
    expect(count(backend, 'session_visits')).toBe(0);
    expect((await ok(backend, 'candidates.get', { id: person.id })).frenchLevel).toBe('A2');
  });
});
