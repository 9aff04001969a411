import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { nameTokens, similarNames } from '../../../electron/core/names';
import { findDuplicatesOfMany } from '../../../electron/services/duplicates';
import { contentSnapshot, ok } from '../../support/api';
import { useBackend } from '../../support/temp';
import { manualClock } from '../../support/records';

describe('name similarity', () => {
  it.each([
    ['Mohamed Ali', 'ALI Mohammed', true],
    ['Hélène Dupont', 'dupont helene', true],
    ['Fatoumata Binta Diallo', 'Diallo Fatoumata', true],
    ['Jean Dupont', 'Jeanne Dupont', false],
    ['Ali Ben', 'Ala Ben', false],
    ['Amina Diallo', 'Awa Diallo', false],
    // Spellings of one name: a vowel written two ways, Arabic and Cyrillic names in Latin letters, Cyrillic script.
    ['Aminata Traore', 'Aminatou Traoré', true],
    ['Mohamed Ali', 'Muhammad Ali', true],
    ['Youssef Benali', 'Yusuf Benali', true],
    ['Oualid Djamel', 'Walid Jamel', true],
    ['Khaled Abdelkader', 'Khalid Abdulqadir', true],
    ['Olena Chevtchenko', 'Olena Shevchenko', true],
    ['Шевченко Олена', 'Shevchenko Olena', true],
    ['Iouri Joukov', 'Yuri Zhukov', true],
    ['Hassan Ali', 'Hussein Ali', false],
    ['Amina Diallo', 'Aminata Diallo', false],
  ])('%s ~ %s: %s', (a, b, similar) => {
    expect(similarNames(nameTokens(a), nameTokens(b))).toBe(similar);
  });

  test.prop([fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 })])(
    'a name is similar to itself in any order',
    (parts) => {
      const tokens = nameTokens(...parts);
      fc.pre(tokens.length > 0);
      expect(similarNames(tokens, [...tokens].reverse())).toBe(true);
    },
  );
});

describe('duplicates and merge', () => {
  const openBackend = useBackend();

  it('flags the same person by birth date and names in any order, by phone, by e-mail', async () => {
    const backend = await openBackend();
    const mohamed = await ok(backend, 'candidates.create', {
      firstName: 'Mohamed',
      lastName: 'Ali',
      birthDate: '1990-05-04',
      phone: '06 11 22 33 44',
      email: 'mo.ali@example.org',
    });
    await ok(backend, 'candidates.create', { firstName: 'Ali', lastName: 'Hassan', birthDate: '1990-05-04' });
    const probe = async (input: Parameters<typeof ok<'candidates.findDuplicates'>>[2]) =>
      (await ok(backend, 'candidates.findDuplicates', input)).map((match) => [match.candidate.id, match.reasons]);
    expect(await probe({ firstName: 'ALI', lastName: 'Mohammed', birthDate: '1990-05-04' })).toEqual([
      [mohamed.id, ['same_birth_date_similar_names']],
    ]);
    expect(await probe({ firstName: 'X', lastName: 'Y', phone: '+33611223344', email: 'MO.ALI@example.org' })).toEqual([
      [mohamed.id, ['same_phone', 'same_email']],
    ]);
    expect(await probe({ firstName: 'Mohamed', lastName: 'Ali', birthDate: '1991-05-04' })).toEqual([]);
    expect(await probe({ firstName: 'Mohamed', lastName: 'Ali', birthDate: '1990-05-04', excludeId: mohamed.id })).toEqual([]);
  });

  it('finds the same files for an import of many rows (one pass over the files) as for each row alone (queries by value)', async () => {
    const backend = await openBackend();
    const mohamed = await ok(backend, 'candidates.create', { firstName: 'Mohamed', lastName: 'Ali', birthDate: '1990-05-04', phone: '06 11 22 33 44', secondPhone: '07 00 00 00 01', email: 'mo.ali@example.org' });
    await ok(backend, 'candidates.create', { firstName: 'Ali', lastName: 'Hassan', birthDate: '1990-05-04' });
    // Found by another form of the name, in both ways.
    const usage = await ok(backend, 'candidates.create', { firstName: 'Fatou', lastName: 'Ndiaye', otherNames: ['Fatoumata Diop'], birthDate: '1992-07-08', consentRecording: true, consentContact: true });
    const merged = await ok(backend, 'candidates.create', { firstName: 'Awa', lastName: 'Sow', birthDate: '1985-01-02', phone: '06 99 88 77 66' });
    const kept = await ok(backend, 'candidates.create', { firstName: 'Awa', lastName: 'Sow', birthDate: '1985-01-02' });
    await ok(backend, 'candidates.merge', { keepId: kept.id, mergeId: merged.id });
    const probes = [
      { firstName: 'ALI', lastName: 'Mohammed', birthDate: '1990-05-04' },
      { firstName: 'X', lastName: 'Y', birthDate: null, phone: '+33700000001', email: 'MO.ALI@example.org' },
      { firstName: 'Awa', lastName: 'Sow', birthDate: '1985-01-02', phone: '+33699887766' },
      { firstName: 'Fatoumata', lastName: 'Diop', birthDate: '1992-07-08' },
      // Enough rows for the one pass, none of them anyone's duplicate.
      ...Array.from({ length: 600 }, (_, index) => ({ firstName: `P${index}`, lastName: 'Martin', birthDate: '2001-01-01', phone: `+3361000${String(index).padStart(4, '0')}` })),
    ];
    const many = findDuplicatesOfMany(backend.database.db, probes);
    const alone = probes.map((probe) => findDuplicatesOfMany(backend.database.db, [probe])[0]);
    expect(many).toEqual(alone);
    expect(many.slice(0, 4).map((found) => found.map((match) => [match.candidate.id, match.reasons]))).toEqual([
      [[mohamed.id, ['same_birth_date_similar_names']]],
      [[mohamed.id, ['same_phone', 'same_email']]],
      // The merge gave the kept file the phone it lacked; the merged one is no one's duplicate.
      [[kept.id, ['same_birth_date_similar_names', 'same_phone']]],
      [[usage.id, ['same_birth_date_similar_names']]],
    ]);
    expect(many.slice(4).every((found) => found.length === 0)).toBe(true);
  });

  it('flags a spelling of the same name with the same birth date (Aminatou ~ Aminata)', async () => {
    const backend = await openBackend();
    const aminata = await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Traore', birthDate: '1990-03-15' });
    const found = await ok(backend, 'candidates.findDuplicates', { firstName: 'Aminatou', lastName: 'Traoré', birthDate: '1990-03-15' });
    expect(found.map((match) => [match.candidate.id, match.reasons])).toEqual([[aminata.id, ['same_birth_date_similar_names']]]);
  });

  it('finds a file by both names alone, as the drop-in room does, unless its birth date is another one', async () => {
    const backend = await openBackend();
    const undated = await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Traore' });
    const sameDate = await ok(backend, 'candidates.create', { firstName: 'Traoré', lastName: 'Aminata', birthDate: '1990-03-15' });
    await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Traore', birthDate: '1984-07-01' });
    await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Traoretti' }); // found by the search (a prefix), not the same name
    const probe = async (input: Parameters<typeof ok<'candidates.findDuplicates'>>[2]) =>
      (await ok(backend, 'candidates.findDuplicates', input)).map((match) => [match.candidate.id, match.reasons]);
    expect(await probe({ firstName: 'Aminata', lastName: 'Traore', birthDate: '1990-03-15' })).toEqual([
      [sameDate.id, ['same_birth_date_similar_names']],
      [undated.id, ['same_names']],
    ]);
    const byNamesOnly = await probe({ firstName: 'aminata', lastName: 'TRAORE' });
    expect(byNamesOnly).toHaveLength(3);
    expect(byNamesOnly.every(([, reasons]) => JSON.stringify(reasons) === '["same_names"]')).toBe(true);
    expect(await probe({ firstName: 'A', lastName: 'Traore' })).toEqual([]);
  });

  it('merges two files: the kept one gains what it lacked, links move, the other is archived', async () => {
    const clock = manualClock('2026-11-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const sectors = await ok(backend, 'sectors.list', {});
    const [logistics, cleaning] = [sectors[0]?.id ?? '', sectors[3]?.id ?? ''];
    const keep = await ok(backend, 'candidates.create', {
      firstName: 'Mohamed',
      lastName: 'Ali',
      birthDate: '1990-05-04',
      frenchLevel: 'A2',
      sectorIds: [logistics],
      languages: ['ar'],
      consentRecording: true,
    });
    clock.tick();
    const other = await ok(backend, 'candidates.create', {
      firstName: 'Mohammed',
      lastName: 'Ali',
      birthDate: '1990-05-04',
      phone: '06 11 22 33 44',
      frenchLevel: 'B1',
      sectorIds: [cleaning, logistics],
      languages: ['fr', 'ar'],
      barriers: [{ theme: 'housing', status: 'open' }],
      consentContact: true,
    });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: other.id, kind: 'call', occurredAt: '2026-11-02', text: 'Called about CV' });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: keep.id, kind: 'note', occurredAt: '2026-11-03', text: 'Met at drop-in' });

    const merged = await ok(backend, 'candidates.merge', { keepId: keep.id, mergeId: other.id });
    expect(merged).toMatchObject({
      frenchLevel: 'B1', // where both files hold a value, the most recently updated file's is kept
      phone: '+33611223344', // an empty field is filled in
      languages: ['ar', 'fr'],
      otherNames: ['Mohammed Ali'],
      consentRecording: true,
      consentContact: false, // consent is never widened by a merge: neither statement is dated, the kept file's stays
    });
    expect([...merged.sectorIds].sort()).toEqual([logistics, cleaning].sort());
    expect(merged.barriers.map((barrier) => barrier.theme)).toEqual(['housing']);
    const timeline = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: keep.id });
    expect(timeline.items.map((event) => event.text)).toEqual(['Met at drop-in', 'Called about CV']);
    const gone = await ok(backend, 'candidates.get', { id: other.id });
    expect(gone.mergedIntoId).toBe(keep.id);
    expect(gone.archivedAt).not.toBeNull();
    expect((await ok(backend, 'candidates.list', { query: 'mohammed' })).items.map((item) => item.id)).toEqual([keep.id]);
    const audit = backend.database.sqlite.prepare("SELECT action, subject_id FROM audit_log WHERE action IN ('candidates.merge', 'candidates.undoMerge')").all();
    expect(audit).toEqual([{ action: 'candidates.merge', subject_id: keep.id }]);
  });

  it('refuses to merge a file with itself or twice, changing nothing', async () => {
    const backend = await openBackend();
    const a = await ok(backend, 'candidates.create', { firstName: 'A', lastName: 'A' });
    const b = await ok(backend, 'candidates.create', { firstName: 'B', lastName: 'B' });
    const before = contentSnapshot(backend);
    expect(await backend.dispatch('candidates.merge', { keepId: a.id, mergeId: a.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await backend.dispatch('candidates.merge', { keepId: a.id, mergeId: '0190b3a0-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.dispatch('candidates.merge', { keepId: a.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(contentSnapshot(backend)).toEqual(before);
    await ok(backend, 'candidates.merge', { keepId: a.id, mergeId: b.id });
    expect(await backend.dispatch('candidates.merge', { keepId: a.id, mergeId: b.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
