import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { addDays } from '../../../shared/dates';
import { today } from '../../../shared/validation';
import { contentSnapshot, ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';

const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';
const LOGISTICS = '00000000-0000-7000-8000-000000000001';
const CONSTRUCTION = '00000000-0000-7000-8000-000000000003';
const TEMPORARY_WORK = '00000000-0000-7000-8000-000000000010';

const helene = { firstName: 'Hélène', lastName: 'Dupont', phone: '06 12 34 56 78', email: 'Helene@Exemple.fr' };

function volunteer(backend: Backend, input: Partial<InputOf<'volunteers.create'>> & { lastName: string }) {
  return ok(backend, 'volunteers.create', { firstName: 'Marc', ...input });
}

/** Asserts a validation error naming these fields, and that the database did not change. */
function lastYear(): string {
  return `${Number(today().slice(0, 4)) - 1}-12-31`;
}

describe('volunteers API', () => {
  const openBackend = useBackend();

  it('creates a volunteer with defaults, normalised contact and sectors', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'volunteers.create', { ...helene, firstName: ' Hélène ', sectorIds: [LOGISTICS, LOGISTICS, CONSTRUCTION] });
    expect(created).toMatchObject({
      firstName: 'Hélène',
      lastName: 'Dupont',
      phone: '+33612345678',
      email: 'helene@exemple.fr',
      active: true,
      availability: null,
      notes: null,
      origin: null,
      archivedAt: null,
      pairs: [],
      hoursThisYear: { year: Number(today().slice(0, 4)), minutes: 0 },
    });
    expect(created.sectors.map((sector) => sector.seedKey)).toEqual(['logistics', 'construction']);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await ok(backend, 'volunteers.get', { id: created.id })).toEqual(created);
  });

  it.each([
    ['missing names', {}, { firstName: 'common.errors.required', lastName: 'common.errors.required' }],
    ['blank last name', { firstName: 'A', lastName: '  ' }, { lastName: 'common.errors.required' }],
    ['bad e-mail', { firstName: 'A', lastName: 'B', email: 'a@' }, { email: 'common.errors.email' }],
    ['bad phone', { firstName: 'A', lastName: 'B', phone: 'call me' }, { phone: 'common.errors.phone' }],
    ['active not a boolean', { firstName: 'A', lastName: 'B', active: 'yes' }, { active: 'common.errors.type' }],
    ['sector not an id', { firstName: 'A', lastName: 'B', sectorIds: ['logistics'] }, { 'sectorIds.0': 'common.errors.id' }],
    ['unknown sector', { firstName: 'A', lastName: 'B', sectorIds: [LOGISTICS, MISSING_ID] }, { sectorIds: 'common.errors.notFound' }],
    ['unknown field', { firstName: 'A', lastName: 'B', nir: '1840312345678' }, { _: 'common.errors.unknownField' }],
    ['notes too long', { firstName: 'A', lastName: 'B', notes: 'x'.repeat(2001) }, { notes: 'common.errors.tooLong?maximum=2000' }],
  ])('refuses create with %s and writes nothing', async (_case, input, fields) => {
    const backend = await openBackend();
    await refused(backend, 'volunteers.create', input, fields);
  });

  it('updates only the fields sent and replaces sectors when sent', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'volunteers.create', { ...helene, availability: 'Mardi matin', sectorIds: [LOGISTICS] });
    const renamed = await ok(backend, 'volunteers.update', { id: created.id, lastName: 'Dupont-Martin' });
    expect(renamed).toMatchObject({ lastName: 'Dupont-Martin', phone: '+33612345678', availability: 'Mardi matin', active: true });
    expect(renamed.sectors.map((sector) => sector.id)).toEqual([LOGISTICS]);
    expect(renamed.createdAt).toBe(created.createdAt);

    const changed = await ok(backend, 'volunteers.update', { id: created.id, phone: null, active: false, sectorIds: [CONSTRUCTION, TEMPORARY_WORK] });
    expect(changed).toMatchObject({ phone: null, active: false, email: 'helene@exemple.fr', lastName: 'Dupont-Martin' });
    expect(changed.sectors.map((sector) => sector.id)).toEqual([CONSTRUCTION, TEMPORARY_WORK]);

    expect((await ok(backend, 'volunteers.update', { id: created.id, sectorIds: [] })).sectors).toEqual([]);
  });

  it('refuses bad updates and changes nothing', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'volunteers.create', { ...helene, sectorIds: [LOGISTICS] });
    await refused(backend, 'volunteers.update', { id: created.id, firstName: '' }, { firstName: 'common.errors.required' });
    await refused(backend, 'volunteers.update', { id: created.id, email: 'x@' }, { email: 'common.errors.email' });
    await refused(backend, 'volunteers.update', { id: created.id, sectorIds: [MISSING_ID] }, { sectorIds: 'common.errors.notFound' });
    await refused(backend, 'volunteers.update', { id: 'not-a-uuid', lastName: 'X' }, { id: 'common.errors.id' });
    expect(await backend.dispatch('volunteers.update', { id: MISSING_ID, lastName: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'volunteers.errors.notFound' },
    });
    expect(await ok(backend, 'volunteers.get', { id: created.id })).toEqual(created);
  });

  it('answers not_found or validation for get, archive and restore of unknown ids', async () => {
    const backend = await openBackend();
    for (const method of ['volunteers.get', 'volunteers.archive', 'volunteers.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: 42 }, { id: 'common.errors.id' });
      await refused(backend, method, {}, { id: 'common.errors.id' });
    }
  });

  it('archives and restores, and the list filters on it', async () => {
    const backend = await openBackend();
    const a = await ok(backend, 'volunteers.create', helene);
    await volunteer(backend, { lastName: 'Martin' });
    const archived = await ok(backend, 'volunteers.archive', { id: a.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ok(backend, 'volunteers.archive', { id: a.id })).toEqual(archived);
    const names = async (archivedFilter: 'active' | 'archived' | 'all') =>
      (await ok(backend, 'volunteers.list', { archived: archivedFilter })).items.map((item) => item.lastName);
    expect(await names('active')).toEqual(['Martin']);
    expect(await names('archived')).toEqual(['Dupont']);
    expect(await names('all')).toEqual(['Dupont', 'Martin']);
    expect((await ok(backend, 'volunteers.restore', { id: a.id })).archivedAt).toBeNull();
    expect(await names('active')).toEqual(['Dupont', 'Martin']);
  });

  it('lists with search, filters, sorting and paging', async () => {
    const backend = await openBackend();
    const dupont = await ok(backend, 'volunteers.create', { ...helene, sectorIds: [LOGISTICS] });
    await volunteer(backend, { lastName: 'Martin', sectorIds: [LOGISTICS, CONSTRUCTION], active: false });
    await volunteer(backend, { firstName: 'Zoé', lastName: 'Bernard', phone: '07 00 00 00 01' });
    const list = (input: InputOf<'volunteers.list'>) => ok(backend, 'volunteers.list', input);
    const names = async (input: InputOf<'volunteers.list'>) => (await list(input)).items.map((item) => item.lastName);

    expect(await names({})).toEqual(['Bernard', 'Dupont', 'Martin']);
    expect(await names({ query: 'helene' })).toEqual(['Dupont']);
    expect(await names({ query: 'HÉL dup' })).toEqual(['Dupont']);
    expect(await names({ query: '+33700' })).toEqual(['Bernard']);
    // A number as the list shows it, as people write it, or its beginning.
    for (const query of ['07 00 00 00 01', '07.00.00.00.01', '+33 7 00 00 00 01', '0033 7 00 00 00 01', '+33 (0)7 00 00 00 01', '07 00 00', 'zoé 07 00']) {
      expect(await names({ query }), query).toEqual(['Bernard']);
    }
    expect(await names({ query: 'exemple.fr' })).toEqual(['Dupont']);
    expect(await names({ query: '"OR' })).toEqual([]);
    expect(await names({ active: 'yes' })).toEqual(['Bernard', 'Dupont']);
    expect(await names({ active: 'no' })).toEqual(['Martin']);
    expect(await names({ sectorId: LOGISTICS })).toEqual(['Dupont', 'Martin']);
    expect(await names({ sectorId: CONSTRUCTION, active: 'yes' })).toEqual([]);
    expect(await names({ descending: true })).toEqual(['Martin', 'Dupont', 'Bernard']);

    await ok(backend, 'volunteers.update', { id: dupont.id, notes: 'Touched last' });
    expect((await names({ sort: 'updated', descending: true }))[0]).toBe('Dupont');

    const page = await list({ limit: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.lastName)).toEqual(['Dupont', 'Martin']);
    expect(page.items[1]?.sectors.map((sector) => sector.seedKey)).toEqual(['logistics', 'construction']);

    for (const input of [{ active: 'maybe' }, { limit: 0 }, { sort: 'age' }, { sectorId: 'x' }]) {
      await refused(backend, 'volunteers.list', input, {});
    }
  });
});

describe('pairs API', () => {
  const openBackend = useBackend();

  async function team(backend: Backend) {
    const amina = await volunteer(backend, { firstName: 'Amina', lastName: 'Diallo' });
    const marc = await volunteer(backend, { lastName: 'Martin' });
    const zoe = await volunteer(backend, { firstName: 'Zoé', lastName: 'Bernard' });
    return { amina, marc, zoe };
  }

  it('creates, gets and lists pairs with their volunteers and sector', async () => {
    const backend = await openBackend();
    const { amina, marc, zoe } = await team(backend);
    const logistics = await ok(backend, 'pairs.create', { kind: 'sector', sectorId: LOGISTICS, firstVolunteerId: amina.id, secondVolunteerId: marc.id });
    expect(logistics).toMatchObject({
      kind: 'sector',
      sector: { id: LOGISTICS, seedKey: 'logistics', name: null, archivedAt: null },
      firstVolunteer: { id: amina.id, firstName: 'Amina', lastName: 'Diallo', active: true, archivedAt: null },
      secondVolunteer: { id: marc.id, lastName: 'Martin' },
      archivedAt: null,
    });
    const agencies = await ok(backend, 'pairs.create', { kind: 'temp_agencies', firstVolunteerId: zoe.id, secondVolunteerId: marc.id });
    expect(agencies.sector).toBeNull();
    // A big sector may need a second pair.
    const second = await ok(backend, 'pairs.create', { kind: 'sector', sectorId: LOGISTICS, firstVolunteerId: zoe.id, secondVolunteerId: amina.id });

    expect(await ok(backend, 'pairs.get', { id: logistics.id })).toEqual(logistics);
    expect((await ok(backend, 'pairs.list', {})).map((pair) => pair.id)).toEqual([logistics.id, second.id, agencies.id]);
    expect((await ok(backend, 'pairs.list', { kind: 'temp_agencies' })).map((pair) => pair.id)).toEqual([agencies.id]);
    expect((await ok(backend, 'pairs.list', { volunteerId: marc.id })).map((pair) => pair.id)).toEqual([logistics.id, agencies.id]);
    expect((await ok(backend, 'pairs.list', { sectorId: LOGISTICS })).map((pair) => pair.id)).toEqual([logistics.id, second.id]);

    const marcFile = await ok(backend, 'volunteers.get', { id: marc.id });
    expect(marcFile.pairs.map((pair) => pair.id)).toEqual([logistics.id, agencies.id]);
  });

  it('refuses pairs that break the rules and writes nothing', async () => {
    const backend = await openBackend();
    const { amina, marc, zoe } = await team(backend);
    const resting = await volunteer(backend, { lastName: 'Petit', active: false });
    const gone = await volunteer(backend, { lastName: 'Leroy' });
    await ok(backend, 'volunteers.archive', { id: gone.id });
    const pair = (input: object): InputOf<'pairs.create'> => ({ kind: 'sector', sectorId: LOGISTICS, firstVolunteerId: amina.id, secondVolunteerId: marc.id, ...input });

    await refused(backend, 'pairs.create', pair({ secondVolunteerId: amina.id }), { secondVolunteerId: 'volunteers.errors.pairSameVolunteer' });
    await refused(backend, 'pairs.create', pair({ firstVolunteerId: resting.id }), { firstVolunteerId: 'volunteers.errors.volunteerUnavailable' });
    await refused(backend, 'pairs.create', pair({ secondVolunteerId: gone.id }), { secondVolunteerId: 'volunteers.errors.volunteerUnavailable' });
    await refused(backend, 'pairs.create', pair({ secondVolunteerId: MISSING_ID }), { secondVolunteerId: 'common.errors.notFound' });
    await refused(backend, 'pairs.create', pair({ sectorId: null }), { sectorId: 'volunteers.errors.pairSectorRequired' });
    await refused(backend, 'pairs.create', pair({ sectorId: undefined }), { sectorId: 'volunteers.errors.pairSectorRequired' });
    await refused(backend, 'pairs.create', pair({ kind: 'temp_agencies' }), { sectorId: 'volunteers.errors.pairSectorNotAllowed' });
    await refused(backend, 'pairs.create', pair({ sectorId: MISSING_ID }), { sectorId: 'common.errors.notFound' });
    await refused(backend, 'pairs.create', pair({ kind: 'trio' }), { kind: 'common.errors.choice' });
    await refused(backend, 'pairs.create', { kind: 'sector', sectorId: LOGISTICS }, { firstVolunteerId: 'common.errors.id' });

    await ok(backend, 'pairs.create', pair({}));
    const before = contentSnapshot(backend);
    // The same two people, in either order, for the same sector.
    for (const input of [pair({}), pair({ firstVolunteerId: marc.id, secondVolunteerId: amina.id })]) {
      expect(await backend.dispatch('pairs.create', input)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'volunteers.errors.pairExists' } });
    }
    expect(contentSnapshot(backend)).toEqual(before);
    // The same two for another sector, or with a third person, are other pairs.
    await ok(backend, 'pairs.create', pair({ sectorId: CONSTRUCTION }));
    await ok(backend, 'pairs.create', pair({ secondVolunteerId: zoe.id }));
  });

  it('updates only the fields sent, checking the whole pair', async () => {
    const backend = await openBackend();
    const { amina, marc, zoe } = await team(backend);
    const created = await ok(backend, 'pairs.create', { kind: 'sector', sectorId: LOGISTICS, firstVolunteerId: amina.id, secondVolunteerId: marc.id });
    const moved = await ok(backend, 'pairs.update', { id: created.id, sectorId: CONSTRUCTION });
    expect(moved).toMatchObject({ sector: { id: CONSTRUCTION }, firstVolunteer: { id: amina.id }, secondVolunteer: { id: marc.id } });

    await refused(backend, 'pairs.update', { id: created.id, kind: 'temp_agencies' }, { sectorId: 'volunteers.errors.pairSectorNotAllowed' });
    await refused(backend, 'pairs.update', { id: created.id, sectorId: null }, { sectorId: 'volunteers.errors.pairSectorRequired' });
    await refused(backend, 'pairs.update', { id: created.id, secondVolunteerId: amina.id }, { secondVolunteerId: 'volunteers.errors.pairSameVolunteer' });
    const agencies = await ok(backend, 'pairs.update', { id: created.id, kind: 'temp_agencies', sectorId: null });
    expect(agencies).toMatchObject({ kind: 'temp_agencies', sector: null });

    // A volunteer who has since stopped may stay in the pair; a new one must be active.
    await ok(backend, 'volunteers.update', { id: marc.id, active: false });
    await ok(backend, 'pairs.update', { id: created.id, firstVolunteerId: zoe.id });
    await ok(backend, 'volunteers.update', { id: amina.id, active: false });
    await refused(backend, 'pairs.update', { id: created.id, firstVolunteerId: amina.id }, { firstVolunteerId: 'volunteers.errors.volunteerUnavailable' });

    const twin = await ok(backend, 'pairs.create', { kind: 'temp_agencies', firstVolunteerId: zoe.id, secondVolunteerId: (await volunteer(backend, { lastName: 'Roux' })).id });
    expect(await backend.dispatch('pairs.update', { id: twin.id, secondVolunteerId: marc.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    await ok(backend, 'volunteers.update', { id: marc.id, active: true });
    expect(await backend.dispatch('pairs.update', { id: twin.id, secondVolunteerId: marc.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'volunteers.errors.pairExists' },
    });
    expect(await backend.dispatch('pairs.update', { id: MISSING_ID, kind: 'temp_agencies' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'volunteers.errors.pairNotFound' },
    });
  });

  it('archives and restores, refusing to restore a pair formed again meanwhile', async () => {
    const backend = await openBackend();
    const { amina, marc } = await team(backend);
    const input = { kind: 'sector', sectorId: LOGISTICS, firstVolunteerId: amina.id, secondVolunteerId: marc.id } as const;
    const first = await ok(backend, 'pairs.create', input);
    const archived = await ok(backend, 'pairs.archive', { id: first.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ok(backend, 'pairs.list', {})).toEqual([]);
    expect((await ok(backend, 'pairs.list', { archived: 'archived' })).map((pair) => pair.id)).toEqual([first.id]);
    expect((await ok(backend, 'volunteers.get', { id: amina.id })).pairs).toEqual([]);

    const again = await ok(backend, 'pairs.create', input);
    expect(await backend.dispatch('pairs.restore', { id: first.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok(backend, 'pairs.archive', { id: again.id });
    expect((await ok(backend, 'pairs.restore', { id: first.id })).archivedAt).toBeNull();
    for (const method of ['pairs.get', 'pairs.archive', 'pairs.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: 'x' }, { id: 'common.errors.id' });
    }
    await refused(backend, 'pairs.list', { archived: 'gone' }, { archived: 'common.errors.choice' });
  });
});

describe('volunteer hours API', () => {
  const openBackend = useBackend();

  it('stores hours as minutes, lists them with a total, and counts this year on the volunteer', async () => {
    const backend = await openBackend();
    const amina = await volunteer(backend, { firstName: 'Amina', lastName: 'Diallo' });
    const marc = await volunteer(backend, { lastName: 'Martin' });
    const session = await ok(backend, 'sessions.create', { date: today(), place: 'Local associatif' });

    const entry = await ok(backend, 'volunteerHours.add', { volunteerId: amina.id, date: today(), hours: 2.5, sessionId: session.id, task: ' Permanence ' });
    expect(entry).toMatchObject({ minutes: 150, date: today(), sessionId: session.id, task: 'Permanence', volunteer: { id: amina.id, lastName: 'Diallo' } });
    expect((await ok(backend, 'volunteerHours.add', { volunteerId: amina.id, date: today(), hours: 1.25 })).minutes).toBe(75);
    expect((await ok(backend, 'volunteerHours.add', { volunteerId: amina.id, date: lastYear(), minutes: 45 })).sessionId).toBeNull();
    await ok(backend, 'volunteerHours.add', { volunteerId: marc.id, date: today(), hours: 24 });

    const all = await ok(backend, 'volunteerHours.list', {});
    expect(all.totalMinutes).toBe(150 + 75 + 45 + 1440);
    expect(all.items.map((item) => item.date)).toEqual([today(), today(), today(), lastYear()]);
    const hers = await ok(backend, 'volunteerHours.list', { volunteerId: amina.id });
    expect(hers.totalMinutes).toBe(270);
    expect((await ok(backend, 'volunteerHours.list', { volunteerId: amina.id, to: lastYear() })).totalMinutes).toBe(45);
    expect((await ok(backend, 'volunteerHours.list', { from: today(), to: today() })).totalMinutes).toBe(150 + 75 + 1440);
    expect((await ok(backend, 'volunteers.get', { id: amina.id })).hoursThisYear.minutes).toBe(225);

    const removed = await ok(backend, 'volunteerHours.remove', { id: entry.id });
    expect(removed).toEqual(entry);
    expect((await ok(backend, 'volunteerHours.list', { volunteerId: amina.id })).totalMinutes).toBe(120);
    expect(await backend.dispatch('volunteerHours.remove', { id: entry.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'volunteers.errors.hoursNotFound' },
    });
  });

  it('keeps hours given at a drop-in session on the day of the session, even when it moves', async () => {
    const backend = await openBackend();
    const amina = await volunteer(backend, { lastName: 'Diallo' });
    const yesterday = addDays(today(), -1);
    const session = await ok(backend, 'sessions.create', { date: yesterday, place: 'Local associatif' });
    const atSession = { volunteerId: amina.id, minutes: 120, sessionId: session.id };
    await refused(backend, 'volunteerHours.add', { ...atSession, date: today() }, { date: 'volunteers.errors.notSessionDay' });
    const entry = await ok(backend, 'volunteerHours.add', { ...atSession, date: yesterday });
    const earlier = addDays(today(), -3);
    await ok(backend, 'sessions.update', { id: session.id, date: earlier });
    const { items } = await ok(backend, 'volunteerHours.list', { volunteerId: amina.id });
    expect(items.map((item) => [item.id, item.date])).toEqual([[entry.id, earlier]]);
  });

  it('refuses bad entries and writes nothing', async () => {
    const backend = await openBackend();
    const amina = await volunteer(backend, { lastName: 'Diallo' });
    const base = { volunteerId: amina.id, date: today() };
    for (const [input, fields] of [
      [{ ...base }, { hours: 'volunteers.errors.hoursOrMinutes' }],
      [{ ...base, hours: 1, minutes: 60 }, { hours: 'volunteers.errors.hoursOrMinutes' }],
      [{ ...base, hours: 0 }, { hours: 'common.errors.greaterThan?minimum=0' }],
      [{ ...base, hours: -1 }, { hours: 'common.errors.greaterThan?minimum=0' }],
      [{ ...base, hours: 0.001 }, { hours: 'volunteers.ui.hours.invalidDuration' }],
      [{ ...base, hours: 24.5 }, { hours: 'common.errors.tooBig?maximum=24' }],
      [{ ...base, hours: '2,5' }, { hours: 'common.errors.type' }],
      [{ ...base, minutes: 0 }, { minutes: 'common.errors.tooSmall?minimum=1' }],
      [{ ...base, minutes: 1441 }, { minutes: 'common.errors.tooBig?maximum=1440' }],
      [{ ...base, minutes: 1.5 }, { minutes: /^common\.errors\./ }],
      [{ ...base, minutes: 30, date: '2999-01-01' }, { date: 'common.errors.dateInFuture' }],
      [{ ...base, minutes: 30, date: '2026-02-30' }, { date: 'common.errors.date' }],
      [{ ...base, minutes: 30, date: '' }, { date: 'common.errors.required' }],
      [{ ...base, minutes: 30, volunteerId: MISSING_ID }, { volunteerId: 'common.errors.notFound' }],
      [{ ...base, minutes: 30, sessionId: MISSING_ID }, { sessionId: 'common.errors.notFound' }],
      [{ ...base, minutes: 30, task: 'x'.repeat(201) }, { task: 'common.errors.tooLong?maximum=200' }],
    ] as const) {
      await refused(backend, 'volunteerHours.add', input, fields);
    }
    await refused(backend, 'volunteerHours.list', { from: '2026-03-01', to: '2026-02-01' }, { to: 'common.errors.periodOrder' });
    await refused(backend, 'volunteerHours.list', { volunteerId: 'x' }, { volunteerId: 'common.errors.id' });
    await refused(backend, 'volunteerHours.remove', { id: 'x' }, { id: 'common.errors.id' });
  });
});
