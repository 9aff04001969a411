import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';

const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';

/** Asserts a validation error naming these fields, and that the database did not change. */
function partner(backend: Backend, input: Partial<InputOf<'partners.create'>> = {}) {
  return ok(backend, 'partners.create', { name: 'CADA des Brotteaux', kind: 'asylum_housing', ...input });
}

function referred(backend: Backend, partnerId: string, lastName: string) {
  return ok(backend, 'candidates.create', { firstName: 'Amina', lastName, referralPartnerId: partnerId });
}

describe('partners API', () => {
  const openBackend = useBackend();

  it('creates a partner with its contacts and normalised phone and e-mail', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'partners.create', {
      name: ' Forum Réfugiés ',
      kind: 'reception_centre',
      address: '28 rue de la Baisse',
      postalCode: '69100',
      commune: 'Villeurbanne',
      phone: '04 78 03 74 45',
      email: 'Accueil@Exemple.org',
      contacts: [{ name: 'Sophie Morel', role: 'Travailleuse sociale', email: 'SOPHIE@exemple.org' }, { name: 'Karim Haddad' }],
    });
    expect(created).toMatchObject({
      name: 'Forum Réfugiés',
      kind: 'reception_centre',
      address: '28 rue de la Baisse',
      postalCode: '69100',
      commune: 'Villeurbanne',
      phone: '+33478037445',
      email: 'accueil@exemple.org',
      notes: null,
      referredCount: 0,
      origin: null,
      archivedAt: null,
    });
    expect(created.contacts).toEqual([
      { id: expect.any(String), name: 'Sophie Morel', role: 'Travailleuse sociale', phone: null, email: 'sophie@exemple.org' },
      { id: expect.any(String), name: 'Karim Haddad', role: null, phone: null, email: null },
    ]);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await ok(backend, 'partners.get', { id: created.id })).toEqual(created);
  });

  it.each([
    ['nothing', {}, { name: 'common.errors.required', kind: 'common.errors.required' }],
    ['blank name', { name: ' ', kind: 'other' }, { name: 'common.errors.required' }],
    ['unknown kind', { name: 'A', kind: 'church' }, { kind: 'common.errors.choice' }],
    ['bad e-mail', { name: 'A', kind: 'other', email: 'a@' }, { email: 'common.errors.email' }],
    ['bad phone', { name: 'A', kind: 'other', phone: 'ask Sophie' }, { phone: 'common.errors.phone' }],
    ['bad postal code', { name: 'A', kind: 'other', postalCode: 'F-69100' }, { postalCode: 'common.errors.postalCode' }],
    ['second contact without a name', { name: 'A', kind: 'other', contacts: [{ name: 'Sophie' }, { role: 'Directeur' }] }, { 'contacts.1.name': 'common.errors.required' }],
    ['contact with an unknown id', { name: 'A', kind: 'other', contacts: [{ id: MISSING_ID, name: 'Sophie' }] }, { 'contacts.0.id': 'common.errors.notFound' }],
    ['contacts not a list', { name: 'A', kind: 'other', contacts: 'Sophie' }, { contacts: 'common.errors.type' }],
    ['unknown field', { name: 'A', kind: 'other', siret: '73282932000074' }, { _: 'common.errors.unknownField' }],
  ])('refuses create with %s and writes nothing', async (_case, input, fields) => {
    const backend = await openBackend();
    await refused(backend, 'partners.create', input, fields);
  });

  it('updates only the fields sent; contacts sent replace the list', async () => {
    const backend = await openBackend();
    const created = await partner(backend, { commune: 'Lyon', phone: '0478000000', contacts: [{ name: 'Sophie Morel' }] });
    const renamed = await ok(backend, 'partners.update', { id: created.id, name: 'CADA Lyon 6e', kind: 'reception_centre' });
    expect(renamed).toMatchObject({ name: 'CADA Lyon 6e', kind: 'reception_centre', commune: 'Lyon', phone: '+33478000000' });
    expect(renamed.contacts).toEqual(created.contacts);
    expect(renamed.createdAt).toBe(created.createdAt);
    expect(renamed.updatedAt >= created.updatedAt).toBe(true);

    const sophie = created.contacts[0];
    const replaced = await ok(backend, 'partners.update', {
      id: created.id,
      contacts: [{ name: 'Karim Haddad' }, { id: sophie?.id, name: 'Sophie Morel-Petit' }],
    });
    expect(replaced.contacts.map((contact) => [contact.name, contact.id === sophie?.id])).toEqual([
      ['Karim Haddad', false],
      ['Sophie Morel-Petit', true],
    ]);
    expect((await ok(backend, 'partners.update', { id: created.id, contacts: [] })).contacts).toEqual([]);
  });

  it('refuses bad updates and changes nothing, contacts included', async () => {
    const backend = await openBackend();
    const created = await partner(backend, { contacts: [{ name: 'Sophie Morel' }] });
    const other = await partner(backend, { name: 'Secours', contacts: [{ name: 'Karim' }] });
    await refused(
      backend,
      'partners.update',
      { id: created.id, name: 'Nouveau', contacts: [{ name: 'Léa' }, { name: 'Paul', email: 'paul@' }] },
      { 'contacts.1.email': 'common.errors.email' },
    );
    await refused(backend, 'partners.update', { id: created.id, kind: 'club' }, { kind: 'common.errors.choice' });
    await refused(backend, 'partners.update', { id: created.id, contacts: [{ id: other.contacts[0]?.id, name: 'Karim' }] }, { 'contacts.0.id': 'common.errors.notFound' });
    await refused(backend, 'partners.update', { id: 'cada', name: 'X' }, { id: 'common.errors.id' });
    expect(await backend.dispatch('partners.update', { id: MISSING_ID, name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'partners.errors.notFound' },
    });
    expect(await ok(backend, 'partners.get', { id: created.id })).toEqual(created);
  });

  it('answers not_found or validation for get, archive and restore of unknown ids', async () => {
    const backend = await openBackend();
    for (const method of ['partners.get', 'partners.archive', 'partners.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await refused(backend, method, { id: 42 }, { id: 'common.errors.id' });
      await refused(backend, method, { id: MISSING_ID, name: 'x' }, { _: 'common.errors.unknownField' });
    }
  });

  it('counts the candidates it referred who are not archived', async () => {
    const backend = await openBackend();
    const cada = await partner(backend);
    const other = await partner(backend, { name: 'Secours Populaire', kind: 'social_service' });
    await referred(backend, cada.id, 'Diallo');
    const archived = await referred(backend, cada.id, 'Haddad');
    await referred(backend, other.id, 'Petit');
    await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Sans partenaire' });
    expect((await ok(backend, 'partners.get', { id: cada.id })).referredCount).toBe(2);
    await ok(backend, 'candidates.archive', { id: archived.id });
    expect((await ok(backend, 'partners.get', { id: cada.id })).referredCount).toBe(1);
    const items = (await ok(backend, 'partners.list', {})).items;
    expect(items.map((item) => [item.name, item.referredCount])).toEqual([
      ['CADA des Brotteaux', 1],
      ['Secours Populaire', 1],
    ]);
  });

  it('archives and restores, and the list filters on it', async () => {
    const backend = await openBackend();
    const a = await partner(backend, { name: 'Alpha' });
    await partner(backend, { name: 'Bêta' });
    const archived = await ok(backend, 'partners.archive', { id: a.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ok(backend, 'partners.archive', { id: a.id })).toEqual(archived);
    const names = async (archivedFilter: 'active' | 'archived' | 'all') =>
      (await ok(backend, 'partners.list', { archived: archivedFilter })).items.map((item) => item.name);
    expect(await names('active')).toEqual(['Bêta']);
    expect(await names('archived')).toEqual(['Alpha']);
    expect(await names('all')).toEqual(['Alpha', 'Bêta']);
    expect((await ok(backend, 'partners.restore', { id: a.id })).archivedAt).toBeNull();
    expect(await names('active')).toEqual(['Alpha', 'Bêta']);
  });

  it('searches name, commune and e-mail without accents, filters on kind, sorts and pages', async () => {
    const backend = await openBackend();
    const forum = await partner(backend, { name: 'Forum Réfugiés', kind: 'reception_centre', commune: 'Villeurbanne' });
    await partner(backend, { name: 'Maison de la Métropole', kind: 'social_service', commune: 'Évreux', email: 'mdm@exemple.org' });
    await partner(backend, { name: 'Régie de quartier', kind: 'integration_enterprise' });
    const search = async (query: string) => (await ok(backend, 'partners.list', { query })).items.map((item) => item.name);
    expect(await search('refugies')).toEqual(['Forum Réfugiés']);
    expect(await search('maison metropole')).toEqual(['Maison de la Métropole']);
    expect(await search('EVREUX')).toEqual(['Maison de la Métropole']);
    expect(await search('mdm@exe')).toEqual(['Maison de la Métropole']);
    expect(await search('villeur')).toEqual(['Forum Réfugiés']);
    expect(await search('"(')).toHaveLength(3);
    await ok(backend, 'partners.update', { id: forum.id, name: 'Forum Asile' });
    expect(await search('refugies')).toEqual([]);

    const list = async (input: InputOf<'partners.list'>) => (await ok(backend, 'partners.list', input)).items.map((item) => item.name);
    expect(await list({ kinds: ['social_service', 'integration_enterprise'] })).toEqual(['Maison de la Métropole', 'Régie de quartier']);
    expect(await list({ sort: 'name', descending: true })).toEqual(['Régie de quartier', 'Maison de la Métropole', 'Forum Asile']);
    expect(await list({ sort: 'created' })).toEqual(['Forum Asile', 'Maison de la Métropole', 'Régie de quartier']);
    expect((await list({ sort: 'updated', descending: true }))[0]).toBe('Forum Asile');
    const page = await ok(backend, 'partners.list', { limit: 1, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        name: 'Régie de quartier',
        kind: 'integration_enterprise',
        commune: null,
        phone: null,
        email: null,
        referredCount: 0,
        archivedAt: null,
        updatedAt: expect.any(String),
      },
    ]);
    for (const bad of [{ limit: 0 }, { offset: -1 }, { kinds: ['church'] }, { sort: 'kind' }, { archived: 'gone' }, { query: 'x'.repeat(101) }]) {
      const result = await backend.dispatch('partners.list', bad);
      expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });
});
