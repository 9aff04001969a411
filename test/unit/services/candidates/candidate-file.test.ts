import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { InputOf } from '../../../../shared/api';
import { contentSnapshot, expectTranslated, ok, refused } from '../../../support/api';
import { useBackend } from '../../../support/temp';
import { manualClock } from '../../../support/records';

async function sectorId(backend: Backend, seedKey: string): Promise<string> {
  const sector = (await ok(backend, 'sectors.list', {})).find((item) => item.seedKey === seedKey);
  if (!sector) throw new Error(`no seeded sector ${seedKey}`);
  return sector.id;
}

async function partnerId(backend: Backend): Promise<string> {
  const now = new Date().toISOString();
  const id = '0190b3a0-1111-7000-8000-000000000001';
  backend.database.sqlite
    .prepare("INSERT INTO partners (id, name, kind, created_at, updated_at) VALUES (?, 'CADA Lyon', 'asylum_housing', ?, ?)")
    .run(id, now, now);
  return id;
}

describe('the complete candidate file', () => {
  const openBackend = useBackend();

  it('stores every section and reads it back', async () => {
    const backend = await openBackend();
    const logistics = await sectorId(backend, 'logistics');
    const cleaning = await sectorId(backend, 'cleaning');
    const partner = await partnerId(backend);
    const input: InputOf<'candidates.create'> = {
      firstName: 'Amina',
      lastName: 'Diallo',
      otherNames: ['Aminata Diallo', 'Aminata Diallo', 'أمينة'],
      gender: 'female',
      birthDate: '1994-03-02',
      nationality: 'GN',
      languages: ['fr', 'ff', 'fr'],
      phone: '+224 622 12 34 56',
      phoneWhatsapp: true,
      secondPhone: '06 12 34 56 78',
      email: 'Amina.Diallo@Example.org',
      address: '3 rue de la République',
      postalCode: '69001',
      commune: 'Lyon',
      publicCategory: 'refugee',
      status: 'active',
      frenchLevel: 'A2',
      frenchLevelProof: 'tcf',
      frenchLevelDate: '2026-09-01',
      authorisationDocument: 'protection_receipt',
      authorisationStart: '2026-06-01',
      authorisationExpiry: '2026-12-01',
      employerMustApply: false,
      mobility: 'public_transport',
      maxTravelMinutes: 45,
      sectorIds: [logistics, cleaning, logistics],
      occupations: [{ label: 'Préparatrice de commandes', romeCode: 'n1103' }],
      experience: 'Two years in a warehouse in Conakry',
      qualifications: [{ label: 'Baccalauréat', recognised: false }],
      availability: 'Mornings',
      availableFrom: '2026-12-01',
      referralPartnerId: partner,
      referrerContact: 'Mme Martin, travailleuse sociale',
      referredOn: '2026-10-15',
      consentRecording: true,
      consentContact: true,
      consentDate: '2026-10-15',
      consentMethod: 'written',
      sharingPartnerIds: [partner],
      barriers: [
        { theme: 'housing', status: 'open', action: 'SIAO request', changedOn: '2026-10-15' },
        { theme: 'health', status: 'lifted', action: null, changedOn: null },
      ],
    };
    const created = await ok(backend, 'candidates.create', input);
    expect(created).toMatchObject({
      otherNames: ['Aminata Diallo', 'أمينة'],
      languages: ['fr', 'ff'],
      phone: '+224622123456',
      secondPhone: '+33612345678',
      email: 'amina.diallo@example.org',
      occupations: [{ label: 'Préparatrice de commandes', romeCode: 'N1103' }],
      sectorIds: expect.arrayContaining([logistics, cleaning]),
      sharingPartnerIds: [partner],
      mergedIntoId: null,
    });
    expect(created.sectorIds).toHaveLength(2);
    expect(created.barriers.map((barrier) => barrier.theme)).toEqual(['health', 'housing']);
    expect(await ok(backend, 'candidates.get', { id: created.id })).toEqual(created);
    // Found by another form of the name, and by the national form of a French number.
    expect((await ok(backend, 'candidates.list', { query: 'aminata' })).total).toBe(1);
    expect((await ok(backend, 'candidates.list', { query: '0612' })).total).toBe(1);
    for (const query of ['06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78', '06 12 34', 'diallo 06 12']) {
      expect((await ok(backend, 'candidates.list', { query })).total, query).toBe(1);
    }
    expect((await ok(backend, 'candidates.list', { query: '06 12 35' })).total).toBe(0);
  });

  it('updates only the fields it is sent', async () => {
    const backend = await openBackend();
    const logistics = await sectorId(backend, 'logistics');
    const created = await ok(backend, 'candidates.create', {
      firstName: 'Yusuf',
      lastName: 'Karimi',
      commune: 'Lyon',
      sectorIds: [logistics],
      barriers: [{ theme: 'french', status: 'open' }],
    });
    const updated = await ok(backend, 'candidates.update', { id: created.id, frenchLevel: 'B1', mobility: 'bicycle' });
    expect(updated).toMatchObject({ commune: 'Lyon', sectorIds: [logistics], frenchLevel: 'B1', mobility: 'bicycle' });
    expect(updated.barriers).toHaveLength(1);
    const cleared = await ok(backend, 'candidates.update', { id: created.id, commune: '', sectorIds: [], barriers: [] });
    expect(cleared).toMatchObject({ commune: null, sectorIds: [], barriers: [], frenchLevel: 'B1' });
  });

  it.each([
    ['a document that expires before it starts', { authorisationStart: '2026-06-01', authorisationExpiry: '2026-05-01' }, 'authorisationExpiry'],
    ['a consent withdrawn before it was given', { consentDate: '2026-06-01', consentWithdrawnOn: '2026-05-01' }, 'consentWithdrawnOn'],
    ['an asylum registration in the future', { asylumRegisteredOn: '2999-01-01' }, 'asylumRegisteredOn'],
    ['an unknown sector', { sectorIds: ['0190b3a0-0000-7000-8000-00000000abcd'] }, 'sectorIds'],
    ['an unknown referring partner', { referralPartnerId: '0190b3a0-0000-7000-8000-00000000abcd' }, 'referralPartnerId'],
    ['an invalid phone number', { phone: '+33 1' }, 'phone'],
    ['a bad ROME code', { occupations: [{ label: 'Cariste', romeCode: 'Z9' }] }, 'occupations.0.romeCode'],
    ['two entries for one barrier', { barriers: [{ theme: 'housing', status: 'open' }, { theme: 'housing', status: 'lifted' }] }, 'barriers'],
    ['an unknown language', { languages: ['xx'] }, 'languages.0'],
    ['a negative distance', { maxDistanceKm: -5 }, 'maxDistanceKm'],
    ['a bad postal code', { postalCode: '6900' }, 'postalCode'],
  ])('refuses %s on create and on update, changing nothing', async (_case, fields, field) => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Karimi' });
    const before = contentSnapshot(backend);
    for (const [method, input] of [
      ['candidates.create', { firstName: 'A', lastName: 'B', ...fields }],
      ['candidates.update', { id: created.id, ...fields }],
    ] as const) {
      const result = await backend.dispatch(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'validation' } });
      if (!result.ok) expect(Object.keys(result.error.fields ?? {}), method).toContain(field);
    }
    expect(contentSnapshot(backend)).toEqual(before);
  });

  it('keeps the history of each barrier: opened, updated, lifted, reopened, removed, with who and when', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const created = await ok(backend, 'candidates.create', {
      firstName: 'Amina',
      lastName: 'Diallo',
      barriers: [{ theme: 'housing', status: 'open', action: 'Demande au 115', changedOn: '2026-03-01' }],
    });
    const update = (input: Omit<InputOf<'candidates.update'>, 'id'>) => {
      clock.tick();
      return ok(backend, 'candidates.update', { id: created.id, ...input });
    };
    const housing = { theme: 'housing', status: 'open', changedOn: '2026-03-01' } as const;
    await update({ author: 'Claire', barriers: [{ ...housing, action: 'Dossier SIAO déposé' }] });
    await update({ author: 'Claire', barriers: [{ ...housing, status: 'lifted', action: 'Logée en résidence sociale', changedOn: '2026-03-09' }] });
    // Another section's save leaves the barriers and their history alone.
    await update({ author: 'Marc', commune: 'Lyon' });
    await update({ author: 'Marc', barriers: [{ ...housing, action: 'Fin de la résidence', changedOn: '2026-03-10' }, { theme: 'digital', status: 'open' }] });
    await update({ barriers: [{ ...housing, action: 'Fin de la résidence', changedOn: '2026-03-10' }] });
    const history = await ok(backend, 'candidates.barrierHistory', { id: created.id });
    expect(history.map((event) => [event.theme, event.change, event.barrier?.status ?? null, event.barrier?.action ?? null, event.author, event.createdAt])).toEqual([
      ['digital', 'removed', null, null, null, '2026-03-10T09:05:00.000Z'],
      ['digital', 'opened', 'open', null, 'Marc', '2026-03-10T09:04:00.000Z'],
      ['housing', 'reopened', 'open', 'Fin de la résidence', 'Marc', '2026-03-10T09:04:00.000Z'],
      ['housing', 'lifted', 'lifted', 'Logée en résidence sociale', 'Claire', '2026-03-10T09:02:00.000Z'],
      ['housing', 'updated', 'open', 'Dossier SIAO déposé', 'Claire', '2026-03-10T09:01:00.000Z'],
      ['housing', 'opened', 'open', 'Demande au 115', null, '2026-03-10T09:00:00.000Z'],
    ]);
    expect(await backend.dispatch('candidates.barrierHistory', { id: '0190b3a0-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('checks consistency against the stored file on a partial update', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', {
      firstName: 'Yusuf',
      lastName: 'Karimi',
      authorisationStart: '2026-01-01',
      authorisationExpiry: '2026-12-31',
    });
    const result = await backend.dispatch('candidates.update', { id: created.id, authorisationStart: '2027-01-01' });
    expect(result).toMatchObject({ ok: false, error: { fields: { authorisationExpiry: 'candidates.errors.expiryBeforeStart' } } });
  });
});

describe('withdrawing consent', () => {
  const openBackend = useBackend();

  async function consenting(backend: Backend) {
    const partner = await partnerId(backend);
    const created = await ok(backend, 'candidates.create', {
      firstName: 'Amina',
      lastName: 'Diallo',
      consentRecording: true,
      consentContact: true,
      consentDate: '2026-01-05',
      sharingPartnerIds: [partner],
    });
    return { partner, created };
  }

  it('clears the contact and sharing ticks, even when the form still sends them, and notes it in the history', async () => {
    const backend = await openBackend();
    const { partner, created } = await consenting(backend);
    // The consent section sends all its fields: the ticks as they were, and the new date.
    const withdrawn = await ok(backend, 'candidates.update', {
      id: created.id,
      consentContact: true,
      sharingPartnerIds: [partner],
      consentWithdrawnOn: '2026-02-10',
    });
    expect(withdrawn).toMatchObject({ consentWithdrawnOn: '2026-02-10', consentContact: false, sharingPartnerIds: [] });
    expect(await ok(backend, 'candidates.get', { id: created.id })).toMatchObject({ consentContact: false, sharingPartnerIds: [] });
    const history = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: created.id });
    expect(history.items).toMatchObject([
      { kind: 'note', occurredAt: '2026-02-10', text: 'Consentement retiré. Retiré de la fiche : accord pour être contacté(e) ; partage avec CADA Lyon.' },
    ]);
    // Saving the section again changes nothing more and writes no second note.
    await ok(backend, 'candidates.update', { id: created.id, consentContact: false, sharingPartnerIds: [], consentWithdrawnOn: '2026-02-10' });
    expect((await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: created.id })).total).toBe(1);
  });

  it('refuses ticking again while the withdrawal stands, changing nothing; clearing the withdrawal allows it and is noted', async () => {
    const backend = await openBackend();
    const { partner, created } = await consenting(backend);
    await ok(backend, 'candidates.update', { id: created.id, consentWithdrawnOn: '2026-02-10' });
    await refused(backend, 'candidates.update', { id: created.id, consentContact: true }, { consentContact: 'candidates.errors.consentWithdrawnTicks' });
    await refused(backend, 'candidates.update', { id: created.id, sharingPartnerIds: [partner] }, { sharingPartnerIds: 'candidates.errors.consentWithdrawnTicks' });
    expectTranslated('candidates.errors.consentWithdrawnTicks');

    const again = await ok(backend, 'candidates.update', { id: created.id, consentWithdrawnOn: null, consentContact: true, sharingPartnerIds: [partner] });
    expect(again).toMatchObject({ consentWithdrawnOn: null, consentContact: true, sharingPartnerIds: [partner] });
    const history = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: created.id });
    expect(history.items.map((event) => event.text)).toContain('Retrait du consentement annulé : la personne a de nouveau donné son accord.');
  });

  it('keeps no ticks on a file created with its consent already withdrawn', async () => {
    const backend = await openBackend();
    const partner = await partnerId(backend);
    const created = await ok(backend, 'candidates.create', {
      firstName: 'Yusuf',
      lastName: 'Karimi',
      consentContact: true,
      consentWithdrawnOn: '2026-02-10',
      sharingPartnerIds: [partner],
    });
    expect(created).toMatchObject({ consentContact: false, sharingPartnerIds: [] });
  });
});

describe('the candidate list', () => {
  const openBackend = useBackend();

  it('filters by status, French level, sector, expiring authorisation, partner, and sorts', async () => {
    const backend = await openBackend();
    const logistics = await sectorId(backend, 'logistics');
    const partner = await partnerId(backend);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await ok(backend, 'candidates.create', { firstName: 'A', lastName: 'Alpha', status: 'active', frenchLevel: 'A1', authorisationExpiry: inDays(10) });
    await ok(backend, 'candidates.create', { firstName: 'B', lastName: 'Bravo', status: 'new', frenchLevel: 'B2', sectorIds: [logistics] });
    await ok(backend, 'candidates.create', { firstName: 'C', lastName: 'Charlie', status: 'active', frenchLevel: 'B2', authorisationExpiry: inDays(-3), referralPartnerId: partner });
    await ok(backend, 'candidates.create', { firstName: 'D', lastName: 'Delta', status: 'employed', authorisationExpiry: inDays(200) });
    const names = async (input: InputOf<'candidates.list'>) =>
      (await ok(backend, 'candidates.list', input)).items.map((item) => item.lastName);
    expect(await names({ statuses: ['active'] })).toEqual(['Alpha', 'Charlie']);
    expect(await names({ frenchLevels: ['B2'] })).toEqual(['Bravo', 'Charlie']);
    expect(await names({ sectorId: logistics })).toEqual(['Bravo']);
    expect(await names({ authorisationExpiringWithinDays: 30 })).toEqual(['Alpha', 'Charlie']);
    expect(await names({ partnerId: partner })).toEqual(['Charlie']);
    expect(await names({ sort: 'authorisation_expiry' })).toEqual(['Charlie', 'Alpha', 'Delta', 'Bravo']);
    expect(await names({ sort: 'authorisation_expiry', descending: true })).toEqual(['Delta', 'Alpha', 'Charlie', 'Bravo']);
    expect(await names({ sort: 'name', descending: true })).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect(await names({ statuses: ['active'], frenchLevels: ['B2'], query: 'char' })).toEqual(['Charlie']);
  });
});
