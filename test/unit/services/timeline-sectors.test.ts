import { describe, expect, it } from 'vitest';
import { SEEDED_SECTORS } from '../../../shared/domain';
import { contentSnapshot, ok, refused } from '../../support/api';
import { accountOf } from '../../support/session';
import { signInAs, useBackend } from '../../support/temp';
import { manualClock, rows } from '../../support/records';

describe('timeline', () => {
  const openBackend = useBackend();

  it('adds, edits and lists events newest first', async () => {
    const backend = await openBackend();
    const person = await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Martin' });
    const subject = { subjectType: 'candidate', subjectId: person.id } as const;
    await ok(backend, 'timeline.add', { ...subject, kind: 'call', occurredAt: '2026-11-01T10:00:00.000Z', author: 'Claire', text: 'First call' });
    const meeting = await ok(backend, 'timeline.add', { ...subject, kind: 'meeting', occurredAt: '2026-11-05' });
    await ok(backend, 'timeline.add', { ...subject, kind: 'message', occurredAt: '2026-11-03T09:30:00.000Z' });
    const edited = await ok(backend, 'timeline.update', { id: meeting.id, kind: 'dropin_visit', occurredAt: '2026-11-05', text: 'Came with her CV' });
    expect(edited).toMatchObject({ kind: 'dropin_visit', text: 'Came with her CV', author: null });
    const list = await ok(backend, 'timeline.list', subject);
    expect(list.total).toBe(3);
    expect(list.items.map((event) => event.kind)).toEqual(['dropin_visit', 'message', 'call']);
  });

  it('refuses bad events and changes nothing', async () => {
    const backend = await openBackend();
    const person = await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Martin' });
    const before = contentSnapshot(backend);
    const base = { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-11-01' } as const;
    for (const [input, field] of [
      [{ ...base, kind: 'visio' }, 'kind'],
      [{ ...base, occurredAt: '2026-13-01' }, 'occurredAt'],
      [{ ...base, occurredAt: 'yesterday' }, 'occurredAt'],
      [{ ...base, occurredAt: '2025-01-15 (appel du matin…)' }, 'occurredAt'],
      [{ ...base, occurredAt: '2025-01-15\0' }, 'occurredAt'],
      [{ ...base, occurredAt: `2025-01-15T10:00:00.000Z${'x'.repeat(1024 * 1024)}` }, 'occurredAt'],
      [{ ...base, subjectType: 'volunteer' }, 'subjectType'],
      [{ ...base, subjectId: '0190b3a0-0000-7000-8000-000000000000' }, 'subjectId'],
      [{ ...base, subjectType: 'employer' }, 'subjectId'],
      [{ ...base, text: 'x'.repeat(5001) }, 'text'],
    ] as const) {
      const result = await backend.dispatch('timeline.add', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation', fields: { [field]: expect.any(String) } } });
    }
    expect(await backend.dispatch('timeline.update', { id: '0190b3a0-0000-7000-8000-000000000000', kind: 'call', occurredAt: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(contentSnapshot(backend)).toEqual(before);
    const event = await ok(backend, 'timeline.add', base);
    const withEvent = contentSnapshot(backend);
    for (const occurredAt of ['2025-01-15 (appel du matin…)', '2025-01-15\0']) {
      expect(await backend.dispatch('timeline.update', { id: event.id, kind: 'call', occurredAt })).toMatchObject({ ok: false, error: { fields: { occurredAt: 'common.errors.date' } } });
    }
    expect(contentSnapshot(backend)).toEqual(withEvent);
    expect(await backend.dispatch('timeline.list', { subjectType: 'candidate' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a day that has not come yet, when an entry is added or corrected', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const person = await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Martin' });
    const base = { subjectType: 'candidate', subjectId: person.id, kind: 'call' } as const;
    const call = await ok(backend, 'timeline.add', { ...base, occurredAt: '2026-03-10T18:00:00.000Z' });
    await refused(backend, 'timeline.add', { ...base, occurredAt: '2026-03-11' }, { occurredAt: 'common.errors.dateInFuture' });
    await refused(backend, 'timeline.add', { ...base, occurredAt: '2026-03-11T08:00:00.000Z' }, { occurredAt: 'common.errors.dateInFuture' });
    await refused(backend, 'timeline.update', { id: call.id, kind: 'call', occurredAt: '2026-04-01' }, { occurredAt: 'common.errors.dateInFuture' });
  });

  it('corrects and deletes an entry a person typed, each change in the audit log under the signed-in account, without the text', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const person = await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Martin' });
    const subject = { subjectType: 'candidate', subjectId: person.id } as const;
    const typed = await ok(backend, 'timeline.add', { ...subject, kind: 'call', occurredAt: '2026-03-09', author: 'Claire', text: 'Appel sur son CV' });
    clock.tick();
    signInAs(backend, { ...accountOf('staff'), name: 'Marc' });
    const corrected = await ok(backend, 'timeline.update', { id: typed.id, kind: 'meeting', occurredAt: '2026-03-08', text: 'Rendez-vous sur son CV', by: 'Marc' });
    expect(corrected).toMatchObject({ kind: 'meeting', occurredAt: '2026-03-08', text: 'Rendez-vous sur son CV', author: 'Claire', automatic: false });
    clock.tick();
    signInAs(backend, { ...accountOf('administrator'), name: 'Claire' });
    const removed = await ok(backend, 'timeline.remove', { id: typed.id, by: 'Claire' });
    signInAs(backend, accountOf('administrator'));
    expect(removed).toMatchObject({ id: typed.id, kind: 'meeting' });
    expect((await ok(backend, 'timeline.list', subject)).total).toBe(0);
    await refused(backend, 'timeline.remove', { id: typed.id }, {}, 'not_found');
    const audit = rows(backend, "SELECT at, actor, account_id AS accountId, action, subject_id AS subjectId, details FROM audit_log WHERE action IN ('timeline.update', 'timeline.remove') ORDER BY at") as { details: string }[];
    expect(audit.map((entry) => ({ ...entry, details: JSON.parse(entry.details) }))).toEqual([
      {
        at: '2026-03-10T09:01:00.000Z',
        actor: 'Marc',
        accountId: accountOf('staff').accountId,
        action: 'timeline.update',
        subjectId: person.id,
        details: { eventId: typed.id, changed: ['kind', 'occurredAt', 'text'], before: { kind: 'call', occurredAt: '2026-03-09' } },
      },
      {
        at: '2026-03-10T09:02:00.000Z',
        actor: 'Claire',
        accountId: accountOf('administrator').accountId,
        action: 'timeline.remove',
        subjectId: person.id,
        details: { eventId: typed.id, kind: 'meeting', occurredAt: '2026-03-08' },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('CV');
  });

  it('keeps the entries a drop-in session wrote for the session to change', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const person = await ok(backend, 'candidates.create', { firstName: 'Zoé', lastName: 'Martin' });
    const session = await ok(backend, 'sessions.create', { date: '2026-03-09', place: 'Local' });
    await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id, note: 'Venue avec son CV' });
    const typed = await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'dropin_visit', occurredAt: '2026-03-02' });
    const { items } = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: person.id });
    expect(items.map((event) => [event.occurredAt, event.automatic])).toEqual([
      ['2026-03-09', true],
      ['2026-03-02', false],
    ]);
    const visit = items[0]?.id ?? '';
    await refused(backend, 'timeline.update', { id: visit, kind: 'note', occurredAt: '2026-03-09' }, {}, 'conflict');
    await refused(backend, 'timeline.remove', { id: visit }, {}, 'conflict');
    expect(await backend.dispatch('timeline.remove', { id: visit })).toMatchObject({ ok: false, error: { message: 'timeline.errors.automaticEvent' } });
    await ok(backend, 'timeline.remove', { id: typed.id });
  });

  it('counts company contacts in a period, last day included', async () => {
    const backend = await openBackend();
    const now = new Date().toISOString();
    const employerId = '0190b3a0-2222-7000-8000-000000000001';
    backend.database.sqlite
      .prepare("INSERT INTO employers (id, name, created_at, updated_at) VALUES (?, 'Boulangerie', ?, ?)")
      .run(employerId, now, now);
    const add = (kind: 'call' | 'meeting' | 'note' | 'message', occurredAt: string) =>
      ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: employerId, kind, occurredAt });
    await add('call', '2026-01-01');
    await add('meeting', '2026-06-30T17:00:00.000Z');
    await add('note', '2026-03-01');
    await add('message', '2025-12-31T23:59:00.000Z');
    expect(await ok(backend, 'timeline.countCompanyContacts', { from: '2026-01-01', to: '2026-06-30' })).toEqual({ count: 2 });
    expect(await backend.dispatch('timeline.countCompanyContacts', { from: '2026-07-01', to: '2026-06-30' })).toMatchObject({ ok: false, error: { fields: { to: 'common.errors.periodOrder' } } });
  });
});

describe('sectors', () => {
  const openBackend = useBackend();

  it('starts with the seeded sectors, with the same ids everywhere', async () => {
    const a = await ok(await openBackend(), 'sectors.list', {});
    const b = await ok(await openBackend(), 'sectors.list', {});
    expect(a.map((sector) => sector.seedKey)).toEqual([...SEEDED_SECTORS]);
    expect(a.map((sector) => sector.id)).toEqual(b.map((sector) => sector.id));
  });

  it('adds, renames, archives and restores', async () => {
    const backend = await openBackend();
    const security = await ok(backend, 'sectors.create', { name: 'Sécurité' });
    expect(security).toMatchObject({ name: 'Sécurité', seedKey: null });
    const logistics = (await ok(backend, 'sectors.list', {}))[0];
    if (!logistics) throw new Error('no sector');
    expect(await ok(backend, 'sectors.rename', { id: logistics.id, name: 'Logistique et transport' })).toMatchObject({ name: 'Logistique et transport' });
    expect(await ok(backend, 'sectors.rename', { id: logistics.id, name: null })).toMatchObject({ name: null, seedKey: 'logistics' });
    expect(await ok(backend, 'sectors.rename', { id: security.id, name: '' })).toMatchObject({ name: 'Sécurité' });
    await ok(backend, 'sectors.archive', { id: security.id });
    expect((await ok(backend, 'sectors.list', {})).map((sector) => sector.id)).not.toContain(security.id);
    expect((await ok(backend, 'sectors.list', { includeArchived: true })).map((sector) => sector.id)).toContain(security.id);
    await ok(backend, 'sectors.restore', { id: security.id });
    expect((await ok(backend, 'sectors.list', {})).map((sector) => sector.id)).toContain(security.id);
    for (const bad of [['sectors.create', { name: ' ' }], ['sectors.rename', { id: 'x', name: 'a' }], ['sectors.archive', {}]] as const) {
      expect(await backend.dispatch(bad[0], bad[1])).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await backend.dispatch('sectors.archive', { id: '0190b3a0-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
