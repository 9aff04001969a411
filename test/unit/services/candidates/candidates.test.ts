import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import { FOLLOW_UP_STATUSES } from '../../../../shared/domain';
import { ok } from '../../../support/api';
import { budgetFor } from '../../../support/budget';
import { useBackend } from '../../../support/temp';

const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';

function rowCount(backend: Backend): number {
  return backend.database.sqlite.prepare('SELECT count(*) FROM candidates').pluck().get() as number;
}

const helene = { firstName: 'Hélène', lastName: 'Dupont', phone: '06 12 34 56 78', email: 'helene.dupont@exemple.fr' };

describe('candidates API', () => {
  const openBackend = useBackend();

  it('creates a candidate with defaults and trimmed fields', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', {
      firstName: '  Amina ',
      lastName: 'Diallo',
      birthDate: '1994-03-02',
      phone: '',
      commune: 'Lyon',
    });
    expect(created).toMatchObject({
      firstName: 'Amina',
      lastName: 'Diallo',
      birthDate: '1994-03-02',
      phone: null,
      email: null,
      commune: 'Lyon',
      frenchLevel: 'not_assessed',
      origin: null,
      archivedAt: null,
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await ok(backend, 'candidates.get', { id: created.id })).toEqual(created);
  });

  it.each([
    ['missing names', {}, ['firstName', 'lastName']],
    ['blank first name', { firstName: '   ', lastName: 'Diallo' }, ['firstName']],
    ['bad e-mail', { firstName: 'A', lastName: 'B', email: 'not-an-email' }, ['email']],
    ['bad phone', { firstName: 'A', lastName: 'B', phone: 'call me' }, ['phone']],
    ['impossible date', { firstName: 'A', lastName: 'B', birthDate: '1990-02-30' }, ['birthDate']],
    ['birth date in the future', { firstName: 'A', lastName: 'B', birthDate: '2999-01-01' }, ['birthDate']],
    ['unknown French level', { firstName: 'A', lastName: 'B', frenchLevel: 'D1' }, ['frenchLevel']],
    ['unknown field', { firstName: 'A', lastName: 'B', nir: '1840312345678' }, ['_']],
    ['name too long', { firstName: 'A'.repeat(101), lastName: 'B' }, ['firstName']],
  ])('refuses create with %s and writes nothing', async (_case, input, fields) => {
    const backend = await openBackend();
    const result = await backend.dispatch('candidates.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: 'errors.validation' } });
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(fields);
    for (const key of Object.values(result.error.fields ?? {})) expect(key).toMatch(/^common\.errors\.\w+(\?.+)?$/);
    expect(rowCount(backend)).toBe(0);
  });

  it('refuses input that is not an object', async () => {
    const backend = await openBackend();
    expect(await backend.dispatch('candidates.create', 'Hélène')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await backend.dispatch('candidates.list', null)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('updates every field and keeps id and createdAt', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', helene);
    const updated = await ok(backend, 'candidates.update', {
      id: created.id,
      firstName: 'Hélène',
      lastName: 'Dupont-Martin',
      birthDate: null,
      phone: '+33 7 00 00 00 00',
      email: null,
      commune: 'Villeurbanne',
      frenchLevel: 'B1',
    });
    expect(updated).toMatchObject({ id: created.id, createdAt: created.createdAt, lastName: 'Dupont-Martin', email: null });
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
  });

  it('refuses bad updates and changes nothing', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', helene);
    const bad = await backend.dispatch('candidates.update', { ...helene, id: created.id, email: 'x@' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', fields: { email: 'common.errors.email' } } });
    const noId = await backend.dispatch('candidates.update', { ...helene, id: 'not-a-uuid' });
    expect(noId).toMatchObject({ ok: false, error: { code: 'validation', fields: { id: 'common.errors.id' } } });
    const missing = await backend.dispatch('candidates.update', { ...helene, id: MISSING_ID });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'candidates.errors.notFound' } });
    expect(await ok(backend, 'candidates.get', { id: created.id })).toEqual(created);
  });

  it('answers not_found or validation for get, archive and restore of unknown ids', async () => {
    const backend = await openBackend();
    for (const method of ['candidates.get', 'candidates.archive', 'candidates.restore'] as const) {
      expect(await backend.dispatch(method, { id: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await backend.dispatch(method, { id: 42 })).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await backend.dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });

  it('archives and restores, and the list filters on it', async () => {
    const backend = await openBackend();
    const a = await ok(backend, 'candidates.create', helene);
    await ok(backend, 'candidates.create', { firstName: 'Jeanne', lastName: 'Martin' });
    const archived = await ok(backend, 'candidates.archive', { id: a.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await ok(backend, 'candidates.archive', { id: a.id })).toEqual(archived); // already archived: unchanged
    const names = async (archivedFilter: 'active' | 'archived' | 'all') =>
      (await ok(backend, 'candidates.list', { archived: archivedFilter })).items.map((item) => item.lastName);
    expect(await names('active')).toEqual(['Martin']);
    expect(await names('archived')).toEqual(['Dupont']);
    expect(await names('all')).toEqual(['Dupont', 'Martin']);
    const restored = await ok(backend, 'candidates.restore', { id: a.id });
    expect(restored.archivedAt).toBeNull();
    expect(await names('active')).toEqual(['Dupont', 'Martin']);
  });

  it('searches names, phone and e-mail without accents, by prefix, in any order', async () => {
    const backend = await openBackend();
    await ok(backend, 'candidates.create', helene);
    await ok(backend, 'candidates.create', { firstName: 'Jeanne', lastName: 'Dupont', phone: '+33 7 98 76 54 32' });
    await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: "N'Diaye", email: 'zoe@example.org' });
    const search = async (query: string) =>
      (await ok(backend, 'candidates.list', { query })).items.map((item) => `${item.firstName} ${item.lastName}`);
    expect(await search('helene')).toEqual(['Hélène Dupont']);
    expect(await search('HEL')).toEqual(['Hélène Dupont']);
    expect(await search('dupont j')).toEqual(['Jeanne Dupont']);
    expect(await search('j dupont')).toEqual(['Jeanne Dupont']);
    expect(await search('dupont')).toEqual(['Hélène Dupont', 'Jeanne Dupont']);
    expect(await search('0612')).toEqual(['Hélène Dupont']);
    expect(await search('33798')).toEqual(['Jeanne Dupont']);
    expect(await search('zoe@exa')).toEqual(["Zoé N'Diaye"]);
    expect(await search('ndiaye')).toEqual([]);
    expect(await search('diaye')).toEqual(["Zoé N'Diaye"]);
    expect(await search('  ')).toHaveLength(3);
    for (const hostile of ['"', 'NEAR(a b)', '*', 'a OR b', '-x', '^', '(((', 'dupont" OR "']) {
      const result = await backend.dispatch('candidates.list', { query: hostile });
      expect(result.ok, hostile).toBe(true);
    }
  });

  it('keeps the search index in step with edits', async () => {
    const backend = await openBackend();
    const created = await ok(backend, 'candidates.create', helene);
    await ok(backend, 'candidates.update', { ...helene, id: created.id, lastName: 'Moreau', email: null });
    const found = async (query: string) => (await ok(backend, 'candidates.list', { query })).total;
    expect(await found('dupont')).toBe(0);
    expect(await found('moreau')).toBe(1);
  });

  it('counts what a search finds among active, archived or all files, alone or with other filters', async () => {
    const backend = await openBackend();
    const files = [];
    for (const [firstName, status] of [['Mariam', 'active'], ['Marc', 'new'], ['Maryse', 'active'], ['Omar', 'active']] as const) {
      files.push(await ok(backend, 'candidates.create', { firstName, lastName: 'Diallo', status }));
    }
    await ok(backend, 'candidates.archive', { id: files[2]?.id ?? '' });
    const total = async (input: Record<string, unknown>) => (await ok(backend, 'candidates.list', { query: 'mar', limit: 1, ...input })).total;
    expect(await total({})).toBe(2);
    expect(await total({ archived: 'archived' })).toBe(1);
    expect(await total({ archived: 'all' })).toBe(3);
    expect(await total({ statuses: ['active'] })).toBe(1);
    expect(await total({ statuses: ['active'], archived: 'all' })).toBe(2);
    expect(await total({ query: 'diallo o' })).toBe(1);
  });

  it('archiving and restoring a file moves it between the searches; the word "archived" matches no file by its state', async () => {
    const backend = await openBackend();
    const file = await ok(backend, 'candidates.create', helene);
    const found = async (query: string, archived: 'active' | 'archived' | 'all') => (await ok(backend, 'candidates.list', { query, archived })).total;
    await ok(backend, 'candidates.archive', { id: file.id });
    expect([await found('helene', 'active'), await found('helene', 'archived'), await found('0612', 'all')]).toEqual([0, 1, 1]);
    expect(await found('archived', 'all')).toBe(0);
    // Editing an archived file keeps it archived in the index.
    await ok(backend, 'candidates.update', { id: file.id, lastName: 'Moreau' });
    expect([await found('moreau', 'active'), await found('moreau', 'archived')]).toEqual([0, 1]);
    await ok(backend, 'candidates.restore', { id: file.id });
    expect([await found('moreau', 'active'), await found('moreau', 'archived')]).toEqual([1, 0]);
  });

  // 6,000 files written, then 8 searches × 3 archive states × 3 pages, each read alone and filtered: 144 pages.
  it('a search alone gives what the same search with filters gives, whether few, many or most files match', { timeout: budgetFor(144, 500) }, async () => {
    const statements: string[] = [];
    const backend = await openBackend({ trace: (statement) => statements.push(statement) });
    const sqlite = backend.database.sqlite;
    // 6,000 files: every fourth archived; "Amina" in 70% (most), "Martin" in 40% (many), "Zoé" in 5%, "Xu" once.
    const insert = sqlite.prepare(
      "INSERT INTO candidates (id, first_name, last_name, phone, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', ?)",
    );
    sqlite.transaction(() => {
      for (let index = 0; index < 6000; index++) {
        const firstName = index % 10 < 7 ? 'Amina' : index % 20 === 7 ? 'Zoé' : 'Omar';
        const lastName = index === 4321 ? 'Xu' : index % 5 < 2 ? 'Martin' : `Nom${(index * 7919) % 6000}`;
        const updatedAt = new Date(Date.UTC(2026, 0, 1) + ((index * 104729) % 6000) * 60_000).toISOString();
        insert.run(`c${index}`, firstName, lastName, `06${String(index).padStart(8, '0')}`, index % 4 === 0 ? updatedAt : null, updatedAt);
      }
    })();
    const everyStatus = [...FOLLOW_UP_STATUSES];
    for (const query of ['amina', 'martin', 'zoe', 'xu', 'nobody', '06', 'amina martin', '0600004321']) {
      for (const archived of ['active', 'archived', 'all'] as const) {
        for (const [sort, descending, offset] of [['name', false, 0], ['updated', true, 0], ['name', false, 1990]] as const) {
          const input = { query, archived, sort, descending, offset, limit: 50 };
          const alone = await ok(backend, 'candidates.list', input);
          const filtered = await ok(backend, 'candidates.list', { ...input, statuses: everyStatus });
          expect(alone, JSON.stringify(input)).toEqual(filtered);
        }
      }
    }
    // Each of the three ways to read a page was taken.
    const pages = statements.filter((statement) => statement.startsWith('select') && statement.includes('limit'));
    const alone = pages.filter((statement) => !statement.includes('"status" in'));
    expect(alone.some((statement) => statement.includes('IN (SELECT rowid') && !statement.includes('order by +'))).toBe(true);
    expect(alone.some((statement) => statement.includes('IN (SELECT rowid') && statement.includes('order by +'))).toBe(true);
    expect(alone.some((statement) => statement.includes('EXISTS (SELECT 1 FROM candidate_search'))).toBe(true);
    const page = await ok(backend, 'candidates.list', { query: 'amina' });
    expect(page.total).toBe(3000);
    expect(page.items).toHaveLength(100);
  });

  it('pages results and counts the total', async () => {
    const backend = await openBackend();
    for (const lastName of ['A', 'B', 'C', 'D', 'E']) await ok(backend, 'candidates.create', { firstName: 'X', lastName });
    const page = await ok(backend, 'candidates.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((item) => item.lastName)).toEqual(['C', 'D']);
    for (const bad of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { limit: 1.5 }, { archived: 'deleted' }, { query: 'x'.repeat(101) }]) {
      expect(await backend.dispatch('candidates.list', bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
  });
});
