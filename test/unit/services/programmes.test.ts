import { describe, expect, it } from 'vitest';
import { contentSnapshot, ok, refused } from '../../support/api';
import { MISSING_ID, candidate, manualClock, rows } from '../../support/records';
import { signInAs, useBackend } from '../../support/temp';
import { accountOf } from '../../support/session';

describe('programmes and funders', () => {
  const openBackend = useBackend();

  it('are named, renamed and archived in Settings, each name once', async () => {
    const backend = await openBackend();
    const fse = await ok(backend, 'programmes.create', { name: 'FSE+ 2026' });
    const plie = await ok(backend, 'programmes.create', { name: 'PLIE' });
    await refused(backend, 'programmes.create', { name: 'PLIE' }, { name: 'programmes.errors.exists' });
    await refused(backend, 'programmes.rename', { id: fse.id, name: 'PLIE' }, { name: 'programmes.errors.exists' });
    await refused(backend, 'programmes.rename', { id: MISSING_ID, name: 'X' }, {}, 'not_found');
    expect(await ok(backend, 'programmes.rename', { id: plie.id, name: 'PLIE Lyon' })).toMatchObject({ name: 'PLIE Lyon', archivedAt: null });
    await ok(backend, 'programmes.archive', { id: fse.id });
    expect((await ok(backend, 'programmes.list', {})).map((item) => item.name)).toEqual(['PLIE Lyon']);
    expect((await ok(backend, 'programmes.list', { includeArchived: true })).map((item) => item.name)).toEqual(['FSE+ 2026', 'PLIE Lyon']);
    expect(rows(backend, "SELECT action, subject_type FROM audit_log WHERE action LIKE 'programmes.%' ORDER BY at, rowid")).toEqual([
      { action: 'programmes.create', subject_type: 'programme' },
      { action: 'programmes.create', subject_type: 'programme' },
      { action: 'programmes.rename', subject_type: 'programme' },
      { action: 'programmes.archive', subject_type: 'programme' },
    ]);
  });

  it('are set on a file with the day joined, the whole list at once; bad lists change nothing', async () => {
    const backend = await openBackend();
    const person = await candidate(backend);
    const fse = await ok(backend, 'programmes.create', { name: 'FSE+ 2026' });
    const plie = await ok(backend, 'programmes.create', { name: 'PLIE' });
    const set = (programmes: { programmeId: string; joinedOn: string }[]) => ({ id: person.id, programmes });
    expect(await ok(backend, 'programmes.setForCandidate', set([{ programmeId: plie.id, joinedOn: '2026-03-01' }, { programmeId: fse.id, joinedOn: '2026-01-15' }]))).toEqual([
      { programmeId: fse.id, joinedOn: '2026-01-15' },
      { programmeId: plie.id, joinedOn: '2026-03-01' },
    ]);
    await refused(backend, 'programmes.setForCandidate', set([{ programmeId: MISSING_ID, joinedOn: '2026-03-01' }]), { programmes: 'common.errors.notFound' });
    await refused(backend, 'programmes.setForCandidate', set([{ programmeId: fse.id, joinedOn: '2026-02-30' }]), { 'programmes.0.joinedOn': 'common.errors.date' });
    await refused(backend, 'programmes.setForCandidate', set([{ programmeId: fse.id, joinedOn: '2026-01-01' }, { programmeId: fse.id, joinedOn: '2026-02-01' }]), {
      programmes: 'programmes.errors.twice',
    });
    await refused(backend, 'programmes.setForCandidate', { id: MISSING_ID, programmes: [] }, {}, 'not_found');
    // An archived programme stays on the file that has it, and is added to no other.
    await ok(backend, 'programmes.archive', { id: plie.id });
    await ok(backend, 'programmes.setForCandidate', set([{ programmeId: plie.id, joinedOn: '2026-03-02' }]));
    const other = await candidate(backend, { firstName: 'Awa', lastName: 'Diallo' });
    await refused(backend, 'programmes.setForCandidate', { id: other.id, programmes: [{ programmeId: plie.id, joinedOn: '2026-03-02' }] }, { programmes: 'programmes.errors.archived' });
    expect(await ok(backend, 'programmes.ofCandidate', { id: person.id })).toEqual([{ programmeId: plie.id, joinedOn: '2026-03-02' }]);
    expect(rows(backend, "SELECT subject_type, subject_id FROM audit_log WHERE action = 'programmes.setForCandidate'")).toEqual([
      { subject_type: 'candidate', subject_id: person.id },
      { subject_type: 'candidate', subject_id: person.id },
    ]);
  });

  it('only an administrator names them; a volunteer cannot set them on a file outside their scope', async () => {
    const backend = await openBackend();
    const person = await candidate(backend);
    const fse = await ok(backend, 'programmes.create', { name: 'FSE+ 2026' });
    signInAs(backend, accountOf('staff'));
    await refused(backend, 'programmes.create', { name: 'PLIE' }, {}, 'forbidden');
    expect(await ok(backend, 'programmes.list', {})).toHaveLength(1);
    signInAs(backend, accountOf('volunteer', MISSING_ID));
    const before = contentSnapshot(backend);
    await refused(backend, 'programmes.setForCandidate', { id: person.id, programmes: [{ programmeId: fse.id, joinedOn: '2026-01-01' }] }, {}, 'not_found');
    expect(contentSnapshot(backend)).toEqual(before);
  });

  it('follow a merge to the kept file (the earlier day joined), come back with its undo, and go with an erasure', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const keep = await candidate(backend);
    const other = await candidate(backend, { firstName: 'Amina', lastName: 'Diallo' });
    const fse = await ok(backend, 'programmes.create', { name: 'FSE+ 2026' });
    const plie = await ok(backend, 'programmes.create', { name: 'PLIE' });
    await ok(backend, 'programmes.setForCandidate', { id: keep.id, programmes: [{ programmeId: fse.id, joinedOn: '2026-02-01' }] });
    await ok(backend, 'programmes.setForCandidate', {
      id: other.id,
      programmes: [
        { programmeId: fse.id, joinedOn: '2026-01-10' },
        { programmeId: plie.id, joinedOn: '2026-03-01' },
      ],
    });
    await ok(backend, 'candidates.merge', { keepId: keep.id, mergeId: other.id });
    expect(await ok(backend, 'programmes.ofCandidate', { id: keep.id })).toEqual([
      { programmeId: fse.id, joinedOn: '2026-01-10' },
      { programmeId: plie.id, joinedOn: '2026-03-01' },
    ]);
    await ok(backend, 'candidates.undoMerge', { mergedId: other.id });
    expect(await ok(backend, 'programmes.ofCandidate', { id: keep.id })).toEqual([{ programmeId: fse.id, joinedOn: '2026-02-01' }]);
    expect(await ok(backend, 'programmes.ofCandidate', { id: other.id })).toHaveLength(2);
    await ok(backend, 'rights.erase', { candidateId: other.id, reason: 'request' });
    expect(rows(backend, 'SELECT count(*) AS n FROM candidate_programmes WHERE candidate_id = ?', other.id)).toEqual([{ n: 0 }]);
    expect(rows(backend, 'SELECT count(*) AS n FROM candidate_status_history WHERE candidate_id = ?', other.id)).toEqual([{ n: 0 }]);
  });

  it('narrow the candidates list and its export, the page and its count alike', async () => {
    const backend = await openBackend();
    const fse = await ok(backend, 'programmes.create', { name: 'FSE+ 2026' });
    const plie = await ok(backend, 'programmes.create', { name: 'PLIE' });
    const amina = await candidate(backend, { firstName: 'Amina', lastName: 'Diallo' });
    const karim = await candidate(backend, { firstName: 'Karim', lastName: 'Zerbib' });
    await candidate(backend, { firstName: 'Hélène', lastName: 'Dupré' });
    await ok(backend, 'programmes.setForCandidate', { id: amina.id, programmes: [{ programmeId: fse.id, joinedOn: '2026-01-15' }] });
    await ok(backend, 'programmes.setForCandidate', { id: karim.id, programmes: [{ programmeId: fse.id, joinedOn: '2026-02-01' }, { programmeId: plie.id, joinedOn: '2026-02-01' }] });
    const names = async (filters: { programmeId?: string; query?: string }) => {
      const page = await ok(backend, 'candidates.list', filters);
      return { names: page.items.map((item) => item.lastName), total: page.total };
    };
    expect(await names({})).toEqual({ names: ['Diallo', 'Dupré', 'Zerbib'], total: 3 });
    expect(await names({ programmeId: fse.id })).toEqual({ names: ['Diallo', 'Zerbib'], total: 2 });
    expect(await names({ programmeId: plie.id })).toEqual({ names: ['Zerbib'], total: 1 });
    expect(await names({ programmeId: plie.id, query: 'diallo' })).toEqual({ names: [], total: 0 });
    expect(await names({ programmeId: MISSING_ID })).toEqual({ names: [], total: 0 });
    const exported = await ok(backend, 'candidates.export', { format: 'csv', language: 'fr', filters: { programmeId: fse.id } });
    const lines = Buffer.from(exported.contentBase64, 'base64').toString('utf8').trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['Diallo', 'Zerbib']);
  });
});
