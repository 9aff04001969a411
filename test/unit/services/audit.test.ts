import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { AUDIT_EVENTS, AUDIT_SUBJECT_TYPES, subjectTypeOfEntry } from '../../../shared/audit';
import { csvCell, retentionStart } from '../../../electron/services/audit';
import { TEST_ADMINISTRATOR } from '../../support/accounts';
import { ok, refused } from '../../support/api';
import { MISSING_ID, basics, candidate, manualClock, rows } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend } from '../../support/temp';

const staff = { ...accountOf('staff'), name: 'Marc Lefèvre' };

describe('the audit log', () => {
  const openBackend = useBackend();

  it('writes every entry under the signed-in account, with its name at the time', async () => {
    const backend = await openBackend({ clock: manualClock() });
    signInAs(backend, staff);
    const person = await candidate(backend);
    await ok(backend, 'candidates.update', { id: person.id, phone: '06 12 34 56 78' });
    signInAs(backend, accountOf('administrator'));
    const { items, total } = await ok(backend, 'audit.list', { accountId: staff.accountId });
    expect(total).toBe(2);
    expect(items.map((entry) => [entry.action, entry.actor, entry.subjectId])).toEqual([
      ['candidates.update', 'Marc Lefèvre', person.id],
      ['candidates.create', 'Marc Lefèvre', person.id],
    ]);
  });

  it('logs the opening of a file as a read, and nothing for a file that is not there', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const person = await candidate(backend);
    signInAs(backend, staff);
    clock.tick();
    await ok(backend, 'candidates.get', { id: person.id });
    await ok(backend, 'candidates.barrierHistory', { id: person.id });
    await refused(backend, 'candidates.get', { id: MISSING_ID }, {}, 'not_found');
    const reads = rows(backend, "SELECT action, actor, account_id AS accountId, subject_id AS subjectId, details FROM audit_log WHERE details LIKE '%read%'");
    expect(reads).toEqual([
      { action: 'candidates.get', actor: 'Marc Lefèvre', accountId: staff.accountId, subjectId: person.id, details: '{"access":"read"}' },
      { action: 'candidates.barrierHistory', actor: 'Marc Lefèvre', accountId: staff.accountId, subjectId: person.id, details: '{"access":"read"}' },
    ]);
  });

  it('filters by candidate (their file and their journey), by subject, by period, and pages', async () => {
    const clock = manualClock();
    const backend = await openBackend({ clock });
    const { person, job } = await basics(backend);
    const other = await candidate(backend, { firstName: 'Omar', lastName: 'Haddad' });
    clock.set('2026-03-12T09:00:00.000Z');
    const presentation = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
    const call = await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-03-12' });
    await ok(backend, 'candidates.get', { id: person.id });
    await ok(backend, 'candidates.get', { id: other.id });

    const about = await ok(backend, 'audit.list', { candidateId: person.id });
    expect(about.items.map((entry) => entry.action).sort()).toEqual(['candidates.create', 'candidates.get', 'presentations.create', 'timeline.add']);
    expect(about.items.map((entry) => entry.subjectId)).toContain(presentation.id);
    expect(JSON.stringify(about.items)).not.toContain(other.id);
    // timeline.add names the file it is about, the event in its details (the audit naming).
    expect(about.items.find((entry) => entry.action === 'timeline.add')).toMatchObject({ subjectType: 'candidate', subjectId: person.id, details: { eventId: call.id } });

    expect((await ok(backend, 'audit.list', { subjectType: 'employer' })).total).toBe(1);
    expect((await ok(backend, 'audit.list', { subjectId: other.id })).items.map((entry) => entry.action)).toEqual(['candidates.get', 'candidates.create']);
    const march12 = await ok(backend, 'audit.list', { from: '2026-03-12', to: '2026-03-12' });
    expect(march12.total).toBe(4);
    // Before the 12th: the first account's setup and sign-in, two creations, the employer and its job need.
    expect((await ok(backend, 'audit.list', { to: '2026-03-11' })).total).toBe(6);

    const all = await ok(backend, 'audit.list', {});
    const pages = [0, 3, 6, 9].map((offset) => ok(backend, 'audit.list', { limit: 3, offset }));
    const read = await Promise.all(pages);
    expect(read.flatMap((page) => page.items)).toEqual(all.items);
    expect(all.total).toBe(10);
    expect(read.map((page) => [page.items.length, page.total])).toEqual([[3, 10], [3, 10], [3, 10], [1, 10]]);
    await refused(backend, 'audit.list', { from: 'yesterday' }, { from: 'common.errors.date' });
  });

  it('finds the entries written before subjects were named in the singular, by subject and by candidate', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company } = await basics(backend);
    const insert = backend.database.sqlite.prepare(
      "INSERT INTO audit_log (id, at, actor, action, subject_type, subject_id) VALUES (?, '2026-01-05T10:00:00.000Z', 'Ancien auteur', ?, ?, ?)",
    );
    insert.run('a0000000-0000-4000-8000-000000000001', 'employers.update', 'employers', company.id);
    insert.run('a0000000-0000-4000-8000-000000000002', 'candidates.update', 'candidates', person.id);

    const employers = await ok(backend, 'audit.list', { subjectType: 'employer' });
    expect(employers.items.map((entry) => [entry.action, entry.subjectType])).toEqual([
      ['employers.create', 'employer'],
      ['employers.update', 'employers'],
    ]);
    const about = await ok(backend, 'audit.list', { candidateId: person.id });
    expect(about.items.map((entry) => entry.subjectType).sort()).toEqual(['candidate', 'candidates']);
    expect((await ok(backend, 'audit.list', { subjectType: 'nothingEverLogged' })).total).toBe(0);
  });

  it('filters by kind of record as each entry is read, named today or after its method group, and a drop-in session is not a sign-in', async () => {
    const backend = await openBackend();
    const sqlite = backend.database.sqlite;
    sqlite.exec('DELETE FROM audit_log');
    // Every name an entry may carry (today's kinds, the method groups it carried before, one never used), beside
    // every action (the contract's methods, the log's events, a method since removed from each group).
    const groups = [...new Set(Object.keys(api).map((method) => method.split('.')[0] as string))];
    const names = [...AUDIT_SUBJECT_TYPES, ...groups, 'nothingEverLogged'];
    const actions = [...Object.keys(api), ...AUDIT_EVENTS, ...groups.map((group) => `${group}.removedLongAgo`)];
    const insert = sqlite.prepare("INSERT INTO audit_log (id, at, action, subject_type, subject_id) VALUES (?, '2026-01-05T10:00:00.000Z', ?, ?, '')");
    let written = 0;
    sqlite.transaction(() => {
      for (const subjectType of names) for (const action of actions) insert.run(`e${written++}`, action, subjectType);
    })();
    const expected = new Map<string, number>();
    for (const subjectType of names) for (const action of actions) {
      const type = subjectTypeOfEntry({ subjectType, action });
      if (type) expected.set(type, (expected.get(type) ?? 0) + 1);
    }
    const found = new Map<string, number>();
    for (const type of AUDIT_SUBJECT_TYPES) found.set(type, (await ok(backend, 'audit.list', { subjectType: type, limit: 1 })).total);
    expect(found).toEqual(new Map(AUDIT_SUBJECT_TYPES.map((type) => [type, expected.get(type) ?? 0])));
    const signIns = await ok(backend, 'audit.list', { subjectType: 'account', limit: 500 });
    expect(signIns.items.filter((entry) => entry.subjectType === 'session' && entry.action.startsWith('sessions.'))).toEqual([]);
  });

  it('exports the filtered log as CSV a spreadsheet opens safely, and logs the export', async () => {
    const backend = await openBackend({ clock: manualClock() });
    signInAs(backend, { ...staff, name: '=HYPERLINK("http://evil";"x")' });
    const person = await candidate(backend);
    signInAs(backend, accountOf('administrator'));
    const { fileName, csv } = await ok(backend, 'audit.exportCsv', { candidateId: person.id });
    expect(fileName).toBe('tremplin-audit-2026-03-10.csv');
    expect(csv.startsWith('\uFEFFat;actor;accountId;action;subjectType;subjectId;details\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `2026-03-10T09:00:00.000Z;"'=HYPERLINK(""http://evil"";""x"")";${staff.accountId};candidates.create;candidate;${person.id};"{""fields"":[""firstName"",""lastName"",""authorisationDocument"",""authorisationStart"",""authorisationExpiry""]}"`,
    );
    expect(rows(backend, "SELECT actor, details FROM audit_log WHERE action = 'audit.exportCsv'")).toEqual([
      { actor: 'Test administrator', details: JSON.stringify({ rows: 1, candidateId: person.id }) },
    ]);
  });

  it('writes cells as text: formulas defused, separators and quotes quoted', () => {
    expect(['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', 'a;b', 'say "hi"', 'two\nlines', 'plain', null].map(csvCell)).toEqual([
      "'=1+1",
      "'+33 6",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      '"a;b"',
      '"say ""hi"""',
      '"two\nlines"',
      'plain',
      '',
    ]);
  });

  it('purges the entries older than 12 months, and logs the purge', async () => {
    const clock = manualClock('2025-02-28T09:59:59.999Z');
    const backend = await openBackend({ clock });
    const old = await candidate(backend);
    clock.set('2025-03-01T10:00:00.000Z');
    await ok(backend, 'candidates.update', { id: old.id, phone: '06 12 34 56 78' });
    clock.set('2026-02-28T10:00:00.000Z');
    // The first account's setup and sign-in, logged at the same instant, go with the candidate's creation.
    expect(backend.audit.purgeExpired()).toEqual({ purged: 3, before: '2025-02-28T10:00:00.000Z' });
    // The oldest instant kept is 12 months ago to the millisecond; nothing older is left: a second run removes nothing and logs nothing.
    expect(backend.audit.purgeExpired()).toEqual({ purged: 0, before: '2025-02-28T10:00:00.000Z' });
    expect(rows(backend, 'SELECT at, actor, action, details FROM audit_log ORDER BY at')).toEqual([
      { at: '2025-03-01T10:00:00.000Z', actor: TEST_ADMINISTRATOR.name, action: 'candidates.update', details: '{"fields":["phone"]}' },
      { at: '2026-02-28T10:00:00.000Z', actor: null, action: 'audit.purge', details: '{"purged":3,"before":"2025-02-28T10:00:00.000Z"}' },
    ]);
  });

  it('keeps 12 calendar months, a short month ending on its last day', () => {
    expect(retentionStart(new Date('2026-12-03T02:00:00.000Z')).toISOString()).toBe('2025-12-03T02:00:00.000Z');
    expect(retentionStart(new Date('2028-02-29T08:00:00.000Z')).toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(retentionStart(new Date('2026-01-31T08:00:00.000Z')).toISOString()).toBe('2025-01-31T08:00:00.000Z');
  });

  it('is for administrators only', async () => {
    const backend = await openBackend();
    signInAs(backend, staff);
    await refused(backend, 'audit.list', {}, {}, 'forbidden');
    await refused(backend, 'audit.exportCsv', {}, {}, 'forbidden');
  });
});
