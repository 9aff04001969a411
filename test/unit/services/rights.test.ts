import { RESTRICTION_REASONS } from '../../../shared/candidates';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InputOf, type MethodName, type OutputOf, api } from '../../../shared/api';
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { candidateHandlers } from '../../../electron/api/handlers/candidates';
import { employerHandlers } from '../../../electron/api/handlers/employers';
import { pipelineHandlers } from '../../../electron/api/handlers/pipeline';
import { rightsHandlers } from '../../../electron/api/handlers/rights';
import { timelineHandlers } from '../../../electron/api/handlers/timeline';
import type { Handler } from '../../../electron/api/router';
import type { Db } from '../../../electron/db/open';
import { openDatabase } from '../../../electron/db/open';
import { seed } from '../../../electron/tools/seed';
import { ok, refused } from '../../support/api';
import { recoveryKeyOf } from '../../support/accounts';
import { exportTo, importFile, refusedWith, twoPartners, useExchangeBackend } from '../../support/exchange';
import { RESIDENT_CARD, rows } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend, useTempDir } from '../../support/temp';

/** The tables that hold a row naming the candidate, and how: what an erasure must leave empty. */
const ROWS_NAMING = [
  ['candidates', 'id = ? OR merged_into_id = ?'],
  ['candidate_sectors', 'candidate_id = ?'],
  ['candidate_barriers', 'candidate_id = ?'],
  ['candidate_barrier_events', 'candidate_id = ?'],
  ['candidate_diagnoses', 'candidate_id = ?'],
  ['plan_objectives', 'candidate_id = ?'],
  ['plan_steps', 'candidate_id = ?'],
  ['plan_step_events', 'candidate_id = ?'],
  ['appointments', 'candidate_id = ?'],
  ['candidate_sharing_consents', 'candidate_id = ?'],
  ['candidate_merges', 'kept_id = ? OR merged_id = ?'],
  ['presentations', 'candidate_id = ?'],
  ['placements', 'candidate_id = ?'],
  ['recruitments', 'candidate_id = ?'],
  ['session_visits', 'candidate_id = ?'],
  ['timeline_events', "subject_type = 'candidate' AND subject_id = ?"],
  ['exchanged_records', 'record_id = ?'],
] as const;

function countsNaming(backend: Parameters<typeof rows>[0], id: string): Record<string, number> {
  return Object.fromEntries(
    ROWS_NAMING.map(([table, where]) => {
      const params = Array.from({ length: where.split('?').length - 1 }, () => id);
      return [table, (rows(backend, `SELECT count(*) AS n FROM ${table} WHERE ${where}`, ...params)[0] as { n: number }).n];
    }),
  );
}

describe('erasure (art. 17) through the API', { timeout: 60_000 }, () => {
  const openBackend = useBackend();
  const openExchangeBackend = useExchangeBackend();

  it('deletes every row about the person and the files merged into theirs, in the register, and is refused a second time', async () => {
    const backend = await openBackend();
    const company = await ok(backend, 'employers.create', { name: 'Transports Martin' });
    const job = await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' });
    const partner = await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    const person = await ok(backend, 'candidates.create', {
      firstName: 'Zenobie',
      lastName: 'Krasnodebska',
      phone: '06 71 82 93 04',
      ...RESIDENT_CARD,
      consentRecording: true,
      consentDate: '2026-01-10',
      sharingPartnerIds: [partner.id],
      barriers: [{ theme: 'housing', status: 'open', action: 'Demande SIAO' }],
    });
    const oldFile = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska', email: 'zk@example.org' });
    await ok(backend, 'candidates.merge', { keepId: person.id, mergeId: oldFile.id });
    const other = await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Appel' });
    const presented = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-03-01' });
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', presentationId: presented.id, startDate: '2026-04-01' });
    await ok(backend, 'placements.create', { candidateId: person.id, kind: 'pmsmp', employerId: company.id, objective: 'Découvrir', startDate: '2026-05-01', endDate: '2026-05-10' });
    const session = await ok(backend, 'sessions.create', { date: '2026-11-10', place: 'Maison des associations', volunteerIds: [] });
    await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id });
    const goal = await ok(backend, 'plans.addObjective', { candidateId: person.id, label: 'Logement stable' });
    await ok(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Dossier SIAO', responsible: 'person' });
    await ok(backend, 'appointments.create', { candidateId: person.id, kind: 'interview', startsAt: '2026-03-05T10:00', presentationId: presented.id, sessionId: session.id });
    expect(countsNaming(backend, person.id)).toMatchObject({ candidate_diagnoses: 1, plan_objectives: 1, plan_steps: 1, plan_step_events: 1, appointments: 1, candidates: 2, presentations: 1, recruitments: 1, placements: 1, session_visits: 1, candidate_merges: 1 });

    const copy = await ok(backend, 'rights.accessExport', { candidateId: person.id, format: 'json' });
    expect(copy.fileName).toMatch(/^tremplin-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/);
    const held = JSON.parse(copy.content);
    expect(held.files.map((file: { id: string; lastName: string }) => [file.id, file.lastName])).toEqual([
      [person.id, 'Krasnodebska'],
      [oldFile.id, 'Krasnodebska'],
    ]);
    expect(held.files[0].barrierHistory).toHaveLength(1);
    expect(held.files[0].plan.objectives[0].steps[0].label).toBe('Dossier SIAO');
    expect(held.files[0].appointments[0].kind).toBe('interview');
    expect(held.sharingConsents).toEqual([{ candidateId: person.id, partnerId: partner.id }]);
    expect(held.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'call', text: 'Appel' })]));
    for (const part of ['presentations', 'recruitments', 'placements', 'sessionVisits']) expect(held[part], part).toHaveLength(1);
    expect(held.followUps.length).toBeGreaterThan(0);
    expect(held.audit.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['candidates.create', 'candidates.merge', 'presentations.create']));
    // Reading everything about someone is itself logged, by id.
    expect(rows(backend, "SELECT subject_id AS id FROM audit_log WHERE action = 'rights.accessExport'")).toEqual([{ id: person.id }]);

    // Staff give people their copy (rights requests), but only an administrator erases.
    signInAs(backend, accountOf('staff'));
    await refused(backend, 'rights.erase', { candidateId: person.id, reason: 'request' }, {}, 'forbidden');
    signInAs(backend, accountOf('administrator'));

    const erased = await ok(backend, 'rights.erase', { candidateId: person.id, reason: 'request' });
    expect(new Set(erased.erasedIds)).toEqual(new Set([person.id, oldFile.id]));
    expect(erased.partnersToTell).toEqual([]);
    for (const id of [person.id, oldFile.id]) {
      expect(countsNaming(backend, id), id).toEqual(Object.fromEntries(ROWS_NAMING.map(([table]) => [table, 0])));
    }
    expect(rows(backend, 'SELECT count(*) AS n FROM follow_ups')).toEqual([{ n: 0 }]);
    expect(rows(backend, 'SELECT count(*) AS n FROM presentation_events')).toEqual([{ n: 0 }]);
    expect((await ok(backend, 'candidates.list', { query: 'krasnodebska', archived: 'all' })).total).toBe(0);
    expect((await ok(backend, 'candidates.list', { query: 'demir' })).total).toBe(1);
    expect(rows(backend, 'SELECT candidate_id AS id, reason FROM erasure_register ORDER BY candidate_id')).toEqual(
      [person.id, oldFile.id].sort().map((id) => ({ id, reason: 'request' })),
    );
    expect(rows(backend, "SELECT subject_id AS id, details FROM audit_log WHERE action = 'rights.erase'")).toEqual([
      { id: person.id, details: JSON.stringify({ reason: 'request', files: 2 }) },
    ]);
    // Everything else stays: the employer, the need, the other person, the session.
    expect((await ok(backend, 'candidates.get', { id: other.id })).lastName).toBe('Demir');
    expect(rows(backend, 'SELECT count(*) AS n FROM job_needs')).toEqual([{ n: 1 }]);

    await refusedWith(backend, 'rights.erase', { candidateId: person.id, reason: 'request' }, 'rights.errors.alreadyErased', { code: 'conflict' });
    await refusedWith(backend, 'rights.erase', { candidateId: '0190b3a0-0000-7000-8000-000000000000', reason: 'request' }, 'rights.errors.notFound', {
      code: 'not_found',
    });
    await refused(backend, 'rights.erase', { candidateId: other.id, reason: 'because' }, { reason: 'common.errors.choice' });
  });

  it('does not bring the person back with a restore of an older backup', async () => {
    const backend = await openBackend();
    const person = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska' });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Appel' });
    const taken = await ok(backend, 'backups.backupNow', {});
    await ok(backend, 'rights.erase', { candidateId: person.id, reason: 'consentWithdrawn' });
    const kept = await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });

    await ok(backend, 'backups.restore', { name: taken.name, recoveryKey: recoveryKeyOf(backend) });
    expect(countsNaming(backend, person.id)).toEqual(Object.fromEntries(ROWS_NAMING.map(([table]) => [table, 0])));
    expect((await ok(backend, 'candidates.list', { query: 'krasnodebska', archived: 'all' })).total).toBe(0);
    // The restore did go back: what came after the backup is gone.
    expect(rows(backend, 'SELECT count(*) AS n FROM candidates WHERE id = ?', kept.id)).toEqual([{ n: 0 }]);
    expect(rows(backend, 'SELECT candidate_id AS id FROM erasure_register')).toEqual([{ id: person.id }]);
    expect(rows(backend, "SELECT details FROM audit_log WHERE action = 'backups.restore'")).toEqual([{ details: JSON.stringify({ erasedAgain: 1 }) }]);
    await refusedWith(backend, 'rights.erase', { candidateId: person.id, reason: 'request' }, 'rights.errors.alreadyErased', { code: 'conflict' });
  });

  it('names the partners who received the file, and leaves the person out of a partner file that holds them', async () => {
    const { a, b, amina, cardBatA, cardAatB } = await twoPartners(openExchangeBackend);
    const first = await exportTo(a, cardBatA.id, [amina.id]);
    await importFile(b, first.content);
    expect(rows(b, 'SELECT count(*) AS n FROM candidates WHERE id = ?', amina.id)).toEqual([{ n: 1 }]);

    expect(await ok(a, 'rights.erasurePreview', { candidateId: amina.id })).toEqual({
      partnersToTell: [{ associationId: cardBatA.associationId, name: 'Forum Réfugiés', lastSentAt: expect.any(String) }],
    });
    // B erases the person (told by A); A sends its file again: the person does not come back at B.
    await ok(b, 'rights.erase', { candidateId: amina.id, reason: 'request' });
    const again = await exportTo(a, cardBatA.id, [amina.id]);
    const { preview, result } = await importFile(b, again.content);
    expect(preview.erasedLeftOut).toBe(1);
    expect(preview.items.filter((item) => item.recordType === 'candidate' || item.recordType === 'timelineEvent')).toEqual([]);
    expect(JSON.stringify(preview)).not.toContain('Nguy');
    expect(result.written).toBe(0);
    expect(countsNaming(b, amina.id)).toEqual(Object.fromEntries(ROWS_NAMING.map(([table]) => [table, 0])));
    expect(cardAatB.associationId).toBeTruthy();
  });

  it('leaves out of a partner file a person whose file is frozen here, instead of refusing the whole file', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openExchangeBackend);
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    await ok(b, 'candidates.restrict', { id: amina.id, reason: RESTRICTION_REASONS[0] });
    const frozen = rows(b, 'SELECT * FROM candidates WHERE id = ?', amina.id);
    await ok(a, 'candidates.update', { id: amina.id, phone: '06 11 22 33 44' });
    const { preview, result } = await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    expect(preview.erasedLeftOut).toBe(1);
    expect(result.written).toBe(0);
    expect(rows(b, 'SELECT * FROM candidates WHERE id = ?', amina.id)).toEqual(frozen);
  });
});

/** Every file under a folder, with its bytes, lowercased as Latin-1 text (the search index folds case). */
function filesUnder(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, text: readFileSync(file).toString('latin1').toLowerCase() }));
}

describe('erasure on disk', { timeout: 60_000 }, () => {
  const tempDir = useTempDir();

  it('leaves no byte of the name or the phone in any file of the data folder (a plain database, where leftovers would show)', async () => {
    const dir = tempDir();
    const opened = await openDatabase({ key: null, file: path.join(dir, 'tremplin.sqlite'), migrationsDir: sourceMigrationsDir });
    const db: Db = opened.db;
    seed(db, { candidates: 300, employers: 5, jobNeeds: 5, volunteers: 2, partners: 2, sessions: 2, events: 200 }, 5);
    const handlers = { ...candidateHandlers(db), ...timelineHandlers(db), ...employerHandlers(db), ...pipelineHandlers(db), ...rightsHandlers(db) };
    const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      const handler = (handlers as unknown as Record<string, Handler<M>>)[method];
      if (!handler) throw new Error(method);
      return (await handler(api[method].input.parse(input) as never)) as OutputOf<M>;
    };
    const company = await call('employers.create', { name: 'Transports Martin' });
    const job = await call('jobNeeds.create', { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' });
    const person = await call('candidates.create', {
      firstName: 'Zenobie',
      lastName: 'Krasnodebska',
      otherNames: ['Wojciechowska'],
      phone: '06 71 82 93 04',
      email: 'zenobie.k@example.org',
      barriers: [{ theme: 'housing', status: 'open', action: 'Hébergée chez Krasnodebska' }],
    });
    await call('timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Appel à Zenobie Krasnodebska' });
    await call('presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-03-01', note: 'Krasnodebska motivée' });
    // Several writes after, so the person's pages were written to the file, not only to the log.
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await call('candidates.update', { id: person.id, commune: 'Villeurbanne' });

    const needles = ['krasnodebska', 'wojciechowska', 'zenobie.k@', '671829304', '0671829304'];
    const found = () => filesUnder(dir).flatMap(({ file, text }) => needles.filter((needle) => text.includes(needle)).map((needle) => `${path.basename(file)}: ${needle}`));
    // The scan sees them before: it would see a leftover.
    expect(found().length).toBeGreaterThan(needles.length);

    await call('rights.erase', { candidateId: person.id, reason: 'request' });
    expect(found()).toEqual([]);
    opened.close();
    expect(found()).toEqual([]);
  });
});
