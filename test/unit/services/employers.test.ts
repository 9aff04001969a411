import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import type { Contact } from '../../../shared/employers';
import { contentSnapshot, ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { manualClock } from '../../support/records';

const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';
const LOGISTICS = '00000000-0000-7000-8000-000000000001';
const CONSTRUCTION = '00000000-0000-7000-8000-000000000003';
const VALID_SIRET = '73282932000074';
const BAD_LUHN_SIRET = '73282932000075';

/** Asserts a validation error naming these fields, and that the database did not change. */
function employer(backend: Backend, input: Partial<InputOf<'employers.create'>> = {}) {
  return ok(backend, 'employers.create', { name: 'Transports Martin', ...input });
}

function need(backend: Backend, employerId: string, input: Partial<InputOf<'jobNeeds.create'>> = {}) {
  return ok(backend, 'jobNeeds.create', { employerId, occupation: 'Cariste', contractType: 'cdd', ...input });
}

const contactsOf = (backend: Backend) =>
  backend.database.sqlite.prepare('SELECT name, position FROM employer_contacts ORDER BY employer_id, position').all();

describe('employers API', () => {
  const openBackend = useBackend();

  it('creates an employer with its contacts, normalised SIRET, phone and e-mail', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'employers.create', {
      name: '  Société Générale ',
      siret: ' 732 829 320 00074 ',
      sectorId: LOGISTICS,
      address: '12 rue des Docks',
      postalCode: '69007',
      commune: 'Lyon',
      charterSignedOn: '2024-05-02',
      notes: '',
      contacts: [
        { name: 'Claire Petit', role: 'RH', phone: '04 78 00 00 00', email: 'Claire.Petit@Exemple.fr' },
        { name: 'Marc Roux' },
      ],
    });
    expect(created).toMatchObject({
      name: 'Société Générale',
      siret: VALID_SIRET,
      sectorId: LOGISTICS,
      address: '12 rue des Docks',
      postalCode: '69007',
      commune: 'Lyon',
      charterSignedOn: '2024-05-02',
      notes: null,
      openNeeds: 0,
      jobNeeds: [],
      origin: null,
      archivedAt: null,
    });
    expect(created.contacts).toEqual([
      { id: expect.any(String), name: 'Claire Petit', role: 'RH', phone: '+33478000000', email: 'claire.petit@exemple.fr' },
      { id: expect.any(String), name: 'Marc Roux', role: null, phone: null, email: null },
    ]);
    expect(created.companyContacts).toEqual({ year: new Date().getUTCFullYear(), count: 0 });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await ok(backend, 'employers.get', { id: created.id })).toEqual(created);
  });

  it('accepts a name alone', async () => {
    const backend = await openBackend();
    const created = await employer(backend);
    expect(created).toMatchObject({ siret: null, sectorId: null, charterSignedOn: null, contacts: [] });
  });

  it.each([
    ['missing name', {}, { name: 'common.errors.required' }],
    ['blank name', { name: '   ' }, { name: 'common.errors.required' }],
    ['SIRET failing the Luhn check', { name: 'A', siret: BAD_LUHN_SIRET }, { siret: 'employers.errors.siretChecksum' }],
    ['SIRET of 13 digits', { name: 'A', siret: '7328293200007' }, { siret: 'employers.errors.siretFormat' }],
    ['SIRET with letters', { name: 'A', siret: '732829320000AB' }, { siret: 'employers.errors.siretFormat' }],
    ['unknown sector', { name: 'A', sectorId: MISSING_ID }, { sectorId: 'common.errors.notFound' }],
    ['sector not an id', { name: 'A', sectorId: 'logistics' }, { sectorId: 'common.errors.id' }],
    ['charter signed in the future', { name: 'A', charterSignedOn: '2999-01-01' }, { charterSignedOn: 'common.errors.dateInFuture' }],
    ['impossible charter date', { name: 'A', charterSignedOn: '2024-02-30' }, { charterSignedOn: 'common.errors.date' }],
    ['bad postal code', { name: 'A', postalCode: '6900' }, { postalCode: 'common.errors.postalCode' }],
    ['contact without a name', { name: 'A', contacts: [{ name: ' ', role: 'RH' }] }, { 'contacts.0.name': 'common.errors.required' }],
    [
      'second contact with a bad e-mail',
      { name: 'A', contacts: [{ name: 'Claire' }, { name: 'Marc', email: 'marc@' }] },
      { 'contacts.1.email': 'common.errors.email' },
    ],
    ['contact with a bad phone', { name: 'A', contacts: [{ name: 'Claire', phone: 'soon' }] }, { 'contacts.0.phone': 'common.errors.phone' }],
    ['contact with an unknown id', { name: 'A', contacts: [{ id: MISSING_ID, name: 'Claire' }] }, { 'contacts.0.id': 'common.errors.notFound' }],
    ['unknown field', { name: 'A', nafCode: '4941A' }, { _: 'common.errors.unknownField' }],
    ['notes too long', { name: 'A', notes: 'x'.repeat(5001) }, { notes: 'common.errors.tooLong?maximum=5000' }],
  ])('refuses create with %s and writes nothing', async (_case, input, fields) => {
    const backend = await openBackend();
    await refused(backend, 'employers.create', input, fields);
  });

  it('refuses a SIRET another employer has, archived or not', async () => {
    const backend = await openBackend();
    const first = await employer(backend, { siret: VALID_SIRET });
    const second = await employer(backend, { name: 'Autre' });
    await refused(backend, 'employers.create', { name: 'Copie', siret: '73282932 000074' }, { siret: 'employers.errors.siretTaken' });
    await refused(backend, 'employers.update', { id: second.id, siret: VALID_SIRET }, { siret: 'employers.errors.siretTaken' });
    await ok(backend, 'employers.archive', { id: first.id });
    await refused(backend, 'employers.create', { name: 'Copie', siret: VALID_SIRET }, { siret: 'employers.errors.siretTaken' });
    // Its own SIRET sent again is no conflict.
    expect((await ok(backend, 'employers.update', { id: first.id, siret: VALID_SIRET, name: 'Renommé' })).name).toBe('Renommé');
  });

  it('updates only the fields sent; contacts sent replace the list and keep the ids sent back', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const created = await employer(backend, {
      siret: VALID_SIRET,
      commune: 'Lyon',
      sectorId: LOGISTICS,
      contacts: [{ name: 'Claire Petit' }, { name: 'Marc Roux' }],
    });
    clock.tick();
    const renamed = await ok(backend, 'employers.update', { id: created.id, name: 'Martin SAS', sectorId: CONSTRUCTION });
    expect(renamed).toMatchObject({ name: 'Martin SAS', siret: VALID_SIRET, commune: 'Lyon', sectorId: CONSTRUCTION });
    expect(renamed.contacts).toEqual(created.contacts);
    expect(renamed.createdAt).toBe(created.createdAt);
    expect(renamed.updatedAt).toBe('2026-03-10T09:01:00.000Z');

    const [claire, marc] = created.contacts as [Contact, Contact];
    const reordered = await ok(backend, 'employers.update', {
      id: created.id,
      contacts: [{ ...marc, role: 'Chef d’équipe' }, { name: 'Nadia Benali' }, claire],
    });
    expect(reordered.contacts.map((contact) => contact.name)).toEqual(['Marc Roux', 'Nadia Benali', 'Claire Petit']);
    expect(reordered.contacts[0]).toEqual({ ...marc, role: 'Chef d’équipe' });
    expect(reordered.contacts[2]).toEqual(claire);
    expect(reordered.contacts[1]?.id).not.toBe(marc.id);

    const cleared = await ok(backend, 'employers.update', { id: created.id, siret: '', charterSignedOn: null, contacts: [] });
    expect(cleared).toMatchObject({ siret: null, charterSignedOn: null, contacts: [], name: 'Martin SAS' });
    expect(contactsOf(backend)).toEqual([]);
  });

  it('refuses bad updates and changes nothing, contacts included', async () => {
    const backend = await openBackend();
    const created = await employer(backend, { contacts: [{ name: 'Claire Petit' }] });
    const other = await employer(backend, { name: 'Autre', contacts: [{ name: 'Nadia' }] });
    const cases: [unknown, Record<string, string>][] = [
      [{ id: created.id, name: 'Nouveau nom', contacts: [{ name: 'Zoé' }, { name: 'Marc', phone: 'x' }] }, { 'contacts.1.phone': 'common.errors.phone' }],
      [{ id: created.id, siret: BAD_LUHN_SIRET }, { siret: 'employers.errors.siretChecksum' }],
      [{ id: created.id, sectorId: MISSING_ID }, { sectorId: 'common.errors.notFound' }],
      [{ id: created.id, name: '' }, { name: 'common.errors.required' }],
      [{ id: created.id, contacts: [{ id: other.contacts[0]?.id, name: 'Nadia' }] }, { 'contacts.0.id': 'common.errors.notFound' }],
      [
        { id: created.id, contacts: [created.contacts[0], created.contacts[0]] },
        { contacts: 'employers.errors.contactRepeated' },
      ],
      [{ id: 'not-a-uuid', name: 'X' }, { id: 'common.errors.id' }],
    ];
    for (const [input, fields] of cases) await refused(backend, 'employers.update', input, fields);
    expect(await backend.dispatch('employers.update', { id: MISSING_ID, name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'employers.errors.notFound' },
    });
    expect(await ok(backend, 'employers.get', { id: created.id })).toEqual(created);
  });

  it('writes the employer and its contacts in one transaction', async () => {
    const backend = await openBackend();
    const created = await employer(backend, { contacts: [{ name: 'Claire Petit' }] });
    // A failure the schema cannot see, half-way through writing the contacts.
    backend.database.sqlite.exec(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON employer_contacts WHEN new.name = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const before = contentSnapshot(backend);
    const update = await backend.dispatch('employers.update', {
      id: created.id,
      name: 'Renommé',
      contacts: [{ name: 'Marc Roux' }, { name: 'Boom' }],
    });
    expect(update).toMatchObject({ ok: false, error: { code: 'internal' } });
    const create = await backend.dispatch('employers.create', { name: 'Nouveau', contacts: [{ name: 'Boom' }] });
    expect(create).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(contentSnapshot(backend)).toEqual(before);
    expect(await ok(backend, 'employers.get', { id: created.id })).toEqual(created);
  });

  it('answers not_found or validation for get, archive and restore of unknown ids', async () => {
    const backend = await openBackend();
    for (const method of ['employers.get', 'employers.archive', 'employers.restore', 'jobNeeds.get', 'jobNeeds.archive', 'jobNeeds.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: 42 }, { id: 'common.errors.id' });
      await refused(backend, method, {}, { id: 'common.errors.id' });
    }
  });

  it('archives and restores, and the list filters on it', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const a = await employer(backend, { name: 'Alpha' });
    await employer(backend, { name: 'Bêta' });
    clock.tick();
    const archived = await ok(backend, 'employers.archive', { id: a.id });
    expect(archived.archivedAt).toBe('2026-03-10T09:01:00.000Z');
    expect(archived.updatedAt).toBe(archived.archivedAt);
    clock.tick();
    expect(await ok(backend, 'employers.archive', { id: a.id })).toEqual(archived); // already archived: unchanged
    const names = async (archivedFilter: 'active' | 'archived' | 'all') =>
      (await ok(backend, 'employers.list', { archived: archivedFilter })).items.map((item) => item.name);
    expect(await names('active')).toEqual(['Bêta']);
    expect(await names('archived')).toEqual(['Alpha']);
    expect(await names('all')).toEqual(['Alpha', 'Bêta']);
    const restored = await ok(backend, 'employers.restore', { id: a.id });
    expect(restored).toMatchObject({ archivedAt: null, updatedAt: '2026-03-10T09:02:00.000Z' });
    expect(await names('active')).toEqual(['Alpha', 'Bêta']);
  });

  it('searches names, SIRET and commune without accents, and keeps the index in step with edits', async () => {
    const backend = await openBackend();
    const sg = await employer(backend, { name: 'Société Générale', commune: 'Évreux' });
    await employer(backend, { name: 'Boulangerie Générale', siret: VALID_SIRET, postalCode: '27000' });
    await employer(backend, { name: 'Transports Martin' });
    const search = async (query: string) => (await ok(backend, 'employers.list', { query })).items.map((item) => item.name);
    expect(await search('societe generale')).toEqual(['Société Générale']);
    expect(await search('SOCIÉTÉ')).toEqual(['Société Générale']);
    expect(await search('generale')).toEqual(['Boulangerie Générale', 'Société Générale']);
    expect(await search('evreux')).toEqual(['Société Générale']);
    expect(await search('7328293')).toEqual(['Boulangerie Générale']);
    expect(await search('27000')).toEqual(['Boulangerie Générale']);
    expect(await search('  ')).toHaveLength(3);
    for (const hostile of ['"', 'NEAR(a b)', '*', 'a OR b', '-x', '^', '(((']) {
      expect((await backend.dispatch('employers.list', { query: hostile })).ok, hostile).toBe(true);
    }
    await ok(backend, 'employers.update', { id: sg.id, name: 'Crédit Lyonnais' });
    expect(await search('societe')).toEqual([]);
    expect(await search('credit')).toEqual(['Crédit Lyonnais']);
  });

  it('filters on sector, charter and open needs, sorts and pages', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const alpha = await employer(backend, { name: 'Alpha', sectorId: LOGISTICS, charterSignedOn: '2024-01-15' });
    clock.tick();
    const beta = await employer(backend, { name: 'Beta', sectorId: CONSTRUCTION });
    clock.tick();
    await employer(backend, { name: 'Gamma', sectorId: LOGISTICS });
    await need(backend, alpha.id);
    await need(backend, alpha.id, { positions: 3 });
    const filled = await need(backend, beta.id);
    await ok(backend, 'jobNeeds.setState', { id: filled.id, state: 'filled' });
    const archivedNeed = await need(backend, beta.id);
    await ok(backend, 'jobNeeds.archive', { id: archivedNeed.id });

    const list = async (input: InputOf<'employers.list'>) => (await ok(backend, 'employers.list', input)).items.map((item) => item.name);
    expect(await list({ sectorId: LOGISTICS })).toEqual(['Alpha', 'Gamma']);
    expect(await list({ charterSigned: 'yes' })).toEqual(['Alpha']);
    expect(await list({ charterSigned: 'no' })).toEqual(['Beta', 'Gamma']);
    expect(await list({ hasOpenNeeds: true })).toEqual(['Alpha']);
    expect(await list({ hasOpenNeeds: false })).toEqual(['Beta', 'Gamma']);
    expect(await list({ sort: 'created', descending: true })).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(await list({ sort: 'name', descending: true })).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(await list({ sort: 'updated' })).toEqual(['Alpha', 'Beta', 'Gamma']);

    const page = await ok(backend, 'employers.list', { limit: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => [item.name, item.openNeeds])).toEqual([
      ['Beta', 0],
      ['Gamma', 0],
    ]);
    expect((await ok(backend, 'employers.list', {})).items[0]).toEqual({
      id: alpha.id,
      name: 'Alpha',
      siret: null,
      sectorId: LOGISTICS,
      postalCode: null,
      commune: null,
      charterSignedOn: '2024-01-15',
      kind: null,
      openNeeds: 2,
      archivedAt: null,
      updatedAt: alpha.updatedAt,
    });
    for (const bad of [
      { limit: 0 },
      { limit: 501 },
      { offset: -1 },
      { archived: 'deleted' },
      { charterSigned: 'maybe' },
      { hasOpenNeeds: 'yes' },
      { sort: 'siret' },
      { sectorId: 'logistics' },
      { query: 'x'.repeat(101) },
    ]) {
      await refused(backend, 'employers.list', bad, {});
    }
  });

  it('counts this year’s calls, meetings and messages with the employer', async () => {
    // The contacts are recorded once they have happened, then counted as on 15 June 2026.
    const clock = manualClock('2027-01-02T10:00:00.000Z');
    const backend = await openBackend({ clock });
    const created = await employer(backend);
    const other = await employer(backend, { name: 'Autre' });
    const partner = await ok(backend, 'partners.create', { name: 'CADA', kind: 'asylum_housing' });
    const add = (input: Partial<InputOf<'timeline.add'>>) =>
      ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: created.id, kind: 'call', occurredAt: '2026-02-03', ...input });
    await add({});
    await add({ kind: 'meeting', occurredAt: '2026-12-31T16:30:00.000Z' });
    await add({ kind: 'message', occurredAt: '2026-01-01' });
    await add({ kind: 'note' });
    await add({ occurredAt: '2025-12-31T23:59:00.000Z' });
    await add({ occurredAt: '2027-01-01' });
    await add({ subjectId: other.id });
    await add({ subjectType: 'partner', subjectId: partner.id });
    clock.set('2026-06-15T10:00:00.000Z');
    expect((await ok(backend, 'employers.get', { id: created.id })).companyContacts).toEqual({ year: 2026, count: 3 });
    expect((await ok(backend, 'employers.get', { id: other.id })).companyContacts).toEqual({ year: 2026, count: 1 });
  });
});

describe('job needs API', () => {
  const openBackend = useBackend();

  it('creates a need with defaults and the employer’s sector', async () => {
    const backend = await openBackend();
    const company = await employer(backend, { sectorId: LOGISTICS });
    const created = await ok(backend, 'jobNeeds.create', {
      employerId: company.id,
      occupation: ' Préparateur de commandes ',
      romeCode: 'n1103',
      contractType: 'cdd',
      hoursPerWeek: 17.5,
      startDate: '2026-09-01',
      endDate: '2027-02-28',
      minFrenchLevel: 'A2',
    });
    expect(created).toEqual({
      id: expect.any(String),
      employerId: company.id,
      employerName: 'Transports Martin',
      occupation: 'Préparateur de commandes',
      romeCode: 'N1103',
      sectorId: LOGISTICS,
      positions: 1,
      contractType: 'cdd',
      hoursPerWeek: 17.5,
      place: null,
      postalCode: null,
      startDate: '2026-09-01',
      endDate: '2027-02-28',
      minFrenchLevel: 'A2',
      drivingLicenceRequired: false,
      authorisationThroughContract: true,
      validUntil: null,
      state: 'open',
      notes: null,
      origin: null,
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
      archivedAt: null,
    });
    expect(await ok(backend, 'jobNeeds.get', { id: created.id })).toEqual(created);
    const withoutSector = await need(backend, company.id, { sectorId: null, contractType: 'cdi', positions: 500, hoursPerWeek: 48 });
    expect(withoutSector).toMatchObject({ sectorId: null, contractType: 'cdi', endDate: null, positions: 500, hoursPerWeek: 48 });
    const detail = await ok(backend, 'employers.get', { id: company.id });
    expect(detail.openNeeds).toBe(2);
    expect(detail.jobNeeds.map((item) => item.id)).toEqual([withoutSector.id, created.id]);
  });

  it('refuses bad needs and writes nothing', async () => {
    const backend = await openBackend();
    const company = await employer(backend);
    const archived = await employer(backend, { name: 'Fermée' });
    await ok(backend, 'employers.archive', { id: archived.id });
    const base = { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' };
    const cases: [string, unknown, Record<string, string>][] = [
      ['nothing', {}, { employerId: 'common.errors.required', occupation: 'common.errors.required', contractType: 'common.errors.required' }],
      ['blank occupation', { ...base, occupation: '  ' }, { occupation: 'common.errors.required' }],
      ['no positions', { ...base, positions: 0 }, { positions: 'common.errors.tooSmall?minimum=1' }],
      ['too many positions', { ...base, positions: 501 }, { positions: 'common.errors.tooBig?maximum=500' }],
      ['half a position', { ...base, positions: 1.5 }, { positions: 'common.errors.number' }],
      ['no hours', { ...base, hoursPerWeek: 0 }, { hoursPerWeek: 'common.errors.greaterThan?minimum=0' }],
      ['more than 48 hours', { ...base, hoursPerWeek: 48.5 }, { hoursPerWeek: 'common.errors.tooBig?maximum=48' }],
      ['hours as text', { ...base, hoursPerWeek: '35' }, { hoursPerWeek: 'common.errors.type' }],
      ['unknown contract', { ...base, contractType: 'freelance' }, { contractType: 'common.errors.choice' }],
      ['end date for a CDI', { ...base, contractType: 'cdi', endDate: '2027-01-01' }, { endDate: 'employers.errors.cdiEndDate' }],
      ['end before start', { ...base, startDate: '2026-09-01', endDate: '2026-08-31' }, { endDate: 'employers.errors.endBeforeStart' }],
      ['impossible start date', { ...base, startDate: '2026-02-30' }, { startDate: 'common.errors.date' }],
      ['"not assessed" as a requirement', { ...base, minFrenchLevel: 'not_assessed' }, { minFrenchLevel: 'common.errors.choice' }],
      ['unknown French level', { ...base, minFrenchLevel: 'D1' }, { minFrenchLevel: 'common.errors.choice' }],
      ['bad ROME code', { ...base, romeCode: '1103' }, { romeCode: 'common.errors.romeCode' }],
      ['unknown state', { ...base, state: 'paused' }, { state: 'common.errors.choice' }],
      ['licence not a boolean', { ...base, drivingLicenceRequired: 'yes' }, { drivingLicenceRequired: 'common.errors.type' }],
      ['unknown employer', { ...base, employerId: MISSING_ID }, { employerId: 'common.errors.notFound' }],
      ['archived employer', { ...base, employerId: archived.id }, { employerId: 'employers.errors.employerArchived' }],
      ['unknown sector', { ...base, sectorId: MISSING_ID }, { sectorId: 'common.errors.notFound' }],
      ['unknown field', { ...base, salary: 1800 }, { _: 'common.errors.unknownField' }],
    ];
    for (const [label, input, fields] of cases) {
      await refused(backend, 'jobNeeds.create', input, fields).catch((error: Error) => {
        throw new Error(`${label}: ${error.message}`);
      });
    }
  });

  it('updates only the fields sent and checks the whole need again', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const company = await employer(backend);
    const created = await need(backend, company.id, { startDate: '2026-09-01', endDate: '2026-12-31', place: 'Vénissieux' });
    clock.tick();
    const updated = await ok(backend, 'jobNeeds.update', { id: created.id, hoursPerWeek: 35, drivingLicenceRequired: true });
    expect(updated).toMatchObject({ hoursPerWeek: 35, drivingLicenceRequired: true, place: 'Vénissieux', endDate: '2026-12-31' });
    expect(updated.updatedAt).toBe('2026-03-10T09:01:00.000Z');
    expect(updated.createdAt).toBe(created.createdAt);

    await refused(backend, 'jobNeeds.update', { id: created.id, contractType: 'cdi' }, { endDate: 'employers.errors.cdiEndDate' });
    await refused(backend, 'jobNeeds.update', { id: created.id, endDate: '2026-08-01' }, { endDate: 'employers.errors.endBeforeStart' });
    await refused(backend, 'jobNeeds.update', { id: created.id, startDate: '2027-01-01' }, { endDate: 'employers.errors.endBeforeStart' });
    await refused(backend, 'jobNeeds.update', { id: created.id, sectorId: MISSING_ID }, { sectorId: 'common.errors.notFound' });
    await refused(backend, 'jobNeeds.update', { id: created.id, positions: 0 }, { positions: 'common.errors.tooSmall?minimum=1' });
    await refused(backend, 'jobNeeds.update', { id: created.id, employerId: company.id }, { _: 'common.errors.unknownField' });
    expect(await backend.dispatch('jobNeeds.update', { id: MISSING_ID, positions: 2 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'employers.errors.jobNeedNotFound' },
    });

    const permanent = await ok(backend, 'jobNeeds.update', { id: created.id, contractType: 'cdi', endDate: null, minFrenchLevel: 'B1' });
    expect(permanent).toMatchObject({ contractType: 'cdi', endDate: null, startDate: '2026-09-01', minFrenchLevel: 'B1' });
  });

  it('sets the state, and setting the same state changes nothing', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const company = await employer(backend);
    const created = await need(backend, company.id);
    clock.tick();
    const filled = await ok(backend, 'jobNeeds.setState', { id: created.id, state: 'filled' });
    expect(filled).toMatchObject({ state: 'filled', updatedAt: '2026-03-10T09:01:00.000Z' });
    clock.tick();
    expect(await ok(backend, 'jobNeeds.setState', { id: created.id, state: 'filled' })).toEqual(filled);
    expect((await ok(backend, 'employers.get', { id: company.id })).openNeeds).toBe(0);
    await refused(backend, 'jobNeeds.setState', { id: created.id, state: 'paused' }, { state: 'common.errors.choice' });
    await refused(backend, 'jobNeeds.setState', { id: created.id }, { state: 'common.errors.choice' });
    expect(await backend.dispatch('jobNeeds.setState', { id: MISSING_ID, state: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('archives and restores a need', async () => {
    const backend = await openBackend();
    const company = await employer(backend);
    const created = await need(backend, company.id);
    const archived = await ok(backend, 'jobNeeds.archive', { id: created.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ok(backend, 'jobNeeds.archive', { id: created.id })).toEqual(archived);
    expect(await ok(backend, 'employers.get', { id: company.id })).toMatchObject({ openNeeds: 0, jobNeeds: [] });
    expect((await ok(backend, 'jobNeeds.restore', { id: created.id })).archivedAt).toBeNull();
    expect((await ok(backend, 'employers.get', { id: company.id })).openNeeds).toBe(1);
  });

  it('lists needs by employer, state, sector, occupation text and archive, with the employer’s name', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const martin = await employer(backend, { sectorId: LOGISTICS });
    const bati = await employer(backend, { name: 'Bâti Sud', sectorId: CONSTRUCTION });
    const cariste = await need(backend, martin.id, { occupation: 'Cariste', startDate: '2026-05-01' });
    clock.tick();
    const preparateur = await need(backend, martin.id, { occupation: 'Préparateur de commandes (100% nuit)' });
    clock.tick();
    const macon = await need(backend, bati.id, { occupation: 'Maçon', startDate: '2026-04-01' });
    clock.tick();
    const coffreur = await need(backend, bati.id, { occupation: 'Coffreur bancheur' });
    await ok(backend, 'jobNeeds.setState', { id: macon.id, state: 'closed' });
    await ok(backend, 'jobNeeds.archive', { id: coffreur.id });

    const list = async (input: InputOf<'jobNeeds.list'>) => (await ok(backend, 'jobNeeds.list', input)).items.map((item) => item.occupation);
    expect(await list({})).toEqual(['Maçon', 'Préparateur de commandes (100% nuit)', 'Cariste']);
    expect(await list({ descending: false })).toEqual(['Cariste', 'Préparateur de commandes (100% nuit)', 'Maçon']);
    expect(await list({ employerId: martin.id })).toEqual(['Préparateur de commandes (100% nuit)', 'Cariste']);
    expect(await list({ states: ['open'] })).toEqual(['Préparateur de commandes (100% nuit)', 'Cariste']);
    expect(await list({ states: ['closed', 'filled'] })).toEqual(['Maçon']);
    expect(await list({ sectorId: CONSTRUCTION })).toEqual(['Maçon']);
    expect(await list({ query: 'CARI' })).toEqual(['Cariste']);
    expect(await list({ query: 'commandes nuit' })).toEqual(['Préparateur de commandes (100% nuit)']);
    expect(await list({ query: '100%' })).toEqual(['Préparateur de commandes (100% nuit)']);
    expect(await list({ query: '%' })).toEqual(['Préparateur de commandes (100% nuit)']);
    expect(await list({ query: '_' })).toEqual([]);
    expect(await list({ archived: 'archived' })).toEqual(['Coffreur bancheur']);
    expect(await list({ archived: 'all', employerId: bati.id })).toEqual(['Coffreur bancheur', 'Maçon']);
    expect(await list({ sort: 'occupation', descending: false })).toEqual(['Cariste', 'Maçon', 'Préparateur de commandes (100% nuit)']);
    expect(await list({ sort: 'start', descending: false })).toEqual(['Maçon', 'Cariste', 'Préparateur de commandes (100% nuit)']);
    expect(await list({ sort: 'start' })).toEqual(['Cariste', 'Maçon', 'Préparateur de commandes (100% nuit)']);

    const page = await ok(backend, 'jobNeeds.list', { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toEqual([{ ...preparateur, employerName: 'Transports Martin' }]);
    expect((await ok(backend, 'jobNeeds.list', { employerId: bati.id, archived: 'all' })).items.map((item) => item.employerName)).toEqual([
      'Bâti Sud',
      'Bâti Sud',
    ]);
    expect(cariste.employerName).toBe('Transports Martin');
    for (const bad of [
      { limit: 0 },
      { offset: -1 },
      { states: ['paused'] },
      { employerId: 'martin' },
      { sort: 'salary' },
      { archived: 'deleted' },
      { query: 'x'.repeat(101) },
    ]) {
      await refused(backend, 'jobNeeds.list', bad, {});
    }
  });
});

describe('job needs of an archived employer', () => {
  const openBackend = useBackend();

  it('leave the active list with it and come back when it is restored', async () => {
    const backend = await openBackend();
    const company = await ok(backend, 'employers.create', { name: 'Nettoyage Martin' });
    await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Agent d’entretien', contractType: 'cdd' });
    expect((await ok(backend, 'jobNeeds.list', {})).total).toBe(1);
    await ok(backend, 'employers.archive', { id: company.id });
    expect(await ok(backend, 'jobNeeds.list', {})).toEqual({ items: [], total: 0 });
    expect((await ok(backend, 'jobNeeds.list', { archived: 'all' })).total).toBe(1);
    await ok(backend, 'employers.restore', { id: company.id });
    expect((await ok(backend, 'jobNeeds.list', {})).total).toBe(1);
  });
});
