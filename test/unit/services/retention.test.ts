import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { createRetentionService } from '../../../electron/services/retention';
import { seed } from '../../../electron/tools/seed';
import type { ReportPeriodInput } from '../../../shared/reports';
import { CANDIDATE_RETENTION_DAYS } from '../../../shared/retention';
import { ok, refused } from '../../support/api';
import { employer, manualClock, rows } from '../../support/records';
import { useBackend, useTempDir } from '../../support/temp';

const PERIODS: ReportPeriodInput[] = [
  { kind: 'year', year: 2025 },
  { kind: 'year', year: 2026 },
  { kind: 'quarter', year: 2026, quarter: 1 },
  { kind: 'quarter', year: 2025, quarter: 4 },
  { kind: 'month', year: 2026, month: 3 },
  { kind: 'month', year: 2025, month: 11 },
];

const count = (backend: Backend, query: string, ...params: unknown[]) => (rows(backend, query, ...params)[0] as { n: number }).n;

async function reportsOf(backend: Backend) {
  const reports = [];
  for (const period of PERIODS) reports.push(await ok(backend, 'reports.get', { period }));
  return reports;
}

describe('retention: anonymisation keeps every report the same', { timeout: 120_000 }, () => {
  const openBackend = useBackend();

  it('a seeded database gives the same full reports, to the unit, after every file is anonymised, and nothing that names a person is left', async () => {
    const backend = await openBackend();
    seed(backend.database.db, { candidates: 300, employers: 20, jobNeeds: 40, volunteers: 10, partners: 8, sessions: 20, events: 2000 }, 7, new Date('2026-06-30T12:00:00Z'));
    const before = await reportsOf(backend);
    const files = count(backend, 'SELECT count(*) AS n FROM candidates');
    expect(count(backend, "SELECT count(*) AS n FROM candidates WHERE phone IS NOT NULL OR email IS NOT NULL")).toBeGreaterThan(0);
    expect(count(backend, "SELECT count(*) AS n FROM timeline_events WHERE subject_type = 'candidate' AND text IS NOT NULL")).toBeGreaterThan(0);

    // Ten years on, every file is past its date: the run anonymises them all, in one transaction.
    const later = createRetentionService(backend.database.db, manualClock('2036-07-01T08:00:00.000Z'));
    const run = await later.runExpired();
    expect(run.anonymised).toBeGreaterThan(0);

    expect(await reportsOf(backend)).toEqual(before);
    expect(count(backend, 'SELECT count(*) AS n FROM candidates')).toBe(files);
    expect(count(backend, 'SELECT count(*) AS n FROM candidates WHERE anonymised_at IS NULL')).toBe(0);
    expect(
      count(
        backend,
        `SELECT count(*) AS n FROM candidates WHERE first_name <> '' OR last_name <> '' OR other_names <> '[]' OR phone IS NOT NULL OR second_phone IS NOT NULL
          OR email IS NOT NULL OR address IS NOT NULL OR commune IS NOT NULL OR postal_code IS NOT NULL OR experience IS NOT NULL OR referrer_contact IS NOT NULL
          OR substr(birth_date, 9, 2) NOT IN ('01')`,
      ),
    ).toBe(0);
    expect(count(backend, "SELECT count(*) AS n FROM timeline_events WHERE subject_type = 'candidate' AND (text IS NOT NULL OR author IS NOT NULL)")).toBe(0);
    expect(count(backend, 'SELECT count(*) AS n FROM candidate_barriers WHERE action IS NOT NULL')).toBe(0);
    expect(count(backend, 'SELECT count(*) AS n FROM candidate_sharing_consents')).toBe(0);
    expect(count(backend, 'SELECT count(*) AS n FROM session_visits WHERE note IS NOT NULL')).toBe(0);
    expect(count(backend, 'SELECT count(*) AS n FROM presentation_events WHERE note IS NOT NULL OR author IS NOT NULL')).toBe(0);
    // The search index holds no name or number any more: no search finds anyone.
    expect(count(backend, "SELECT count(*) AS n FROM candidate_search WHERE candidate_search MATCH 'names : a* OR contact : 0*'")).toBe(0);
    expect((await ok(backend, 'candidates.list', { archived: 'all', query: 'a' })).total).toBe(0);
    expect(rows(backend, "SELECT action, details FROM audit_log WHERE action = 'retention.expired'")).toEqual([
      { action: 'retention.expired', details: JSON.stringify({ anonymised: run.anonymised, presentationsCleared: run.presentationsCleared }) },
    ]);
  });
});

describe('retention with notice through the API', { timeout: 60_000 }, () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('lists a file 30 days before its date; keeping it (a reason, in the audit log) moves its date one period from today', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const person = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska', phone: '06 71 82 93 04' });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-03-10', text: 'Appel' });
    expect((await ok(backend, 'retention.due', {})).total).toBe(0);
    await refused(backend, 'retention.keep', { candidateId: person.id, reason: 'supportOngoing' }, {}, 'conflict');

    // 2026-03-10 + 730 days = 2028-03-09: listed from 2028-02-08.
    clock.set('2028-02-07T09:00:00.000Z');
    expect((await ok(backend, 'retention.due', {})).total).toBe(0);
    clock.set('2028-02-08T09:00:00.000Z');
    expect(await ok(backend, 'retention.due', {})).toEqual({
      items: [{ candidateId: person.id, firstName: 'Zenobie', lastName: 'Krasnodebska', lastContactOn: '2026-03-10', dueOn: '2028-03-09' }],
      total: 1,
      candidateDays: CANDIDATE_RETENTION_DAYS,
    });
    await refused(backend, 'retention.keep', { candidateId: person.id, reason: 'because' }, { reason: 'common.errors.choice' });

    const kept = await ok(backend, 'retention.keep', { candidateId: person.id, reason: 'personAsked' });
    expect(kept).toEqual({ candidateId: person.id, dueOn: '2030-02-07' });
    expect((await ok(backend, 'retention.due', {})).total).toBe(0);
    expect(rows(backend, "SELECT subject_id AS id, details FROM audit_log WHERE action = 'retention.keep'")).toEqual([
      { id: person.id, details: JSON.stringify({ reason: 'personAsked', days: CANDIDATE_RETENTION_DAYS }) },
    ]);
    // A run on the old date changes nothing: the file was kept.
    clock.set('2028-03-10T09:00:00.000Z');
    const service = createRetentionService(backend.database.db, clock);
    expect(await service.runExpired()).toEqual({ anonymised: 0, presentationsCleared: 0 });
  });

  it('anonymising takes the person out of search, duplicates, matching and edits; a second time is refused', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const person = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska', phone: '06 71 82 93 04', birthDate: '1990-06-17' });
    const company = await employer(backend);
    const job = await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' });
    const presented = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, note: 'Très motivée, parle polonais' });
    await ok(backend, 'presentations.transition', { id: presented.id, to: 'refused', refusalReason: 'french_level', note: 'Le chef dit non' });

    await ok(backend, 'candidates.update', { id: person.id, occupations: [{ label: 'Aide-soignante à domicile', romeCode: null }] });
    const objective = await ok(backend, 'plans.addObjective', { candidateId: person.id, label: 'Soins dentaires avant de chercher', author: 'Claire Martin' });
    await ok(backend, 'plans.addStep', { objectiveId: objective.id, kind: 'other', label: 'Rendez-vous chez Dr Nowak', responsible: 'person' });
    await ok(backend, 'appointments.create', { candidateId: person.id, kind: 'dropin', startsAt: '2026-03-11T09:30', place: 'Chez sa sœur, 4 rue Vauban', notes: 'Vient avec son fils' });

    const result = await ok(backend, 'retention.anonymise', { candidateId: person.id });
    expect(result.anonymisedIds).toEqual([person.id]);
    expect(rows(backend, "SELECT label FROM plan_objectives UNION ALL SELECT label FROM plan_steps UNION ALL SELECT coalesce(place, '') || coalesce(notes, '') FROM appointments")).toEqual([
      { label: '' },
      { label: '' },
      { label: '' },
    ]);
    expect(count(backend, 'SELECT count(*) AS n FROM plan_step_events WHERE changed IS NOT NULL OR author IS NOT NULL')).toBe(0);
    expect(rows(backend, 'SELECT french_level, project, author FROM candidate_diagnoses')).toEqual([{ french_level: 'not_assessed', project: null, author: null }]);
    expect(rows(backend, 'SELECT first_name, last_name, phone, birth_date FROM candidates')).toEqual([{ first_name: '', last_name: '', phone: null, birth_date: '1990-06-01' }]);
    expect(rows(backend, 'SELECT state, refusal_reason, note FROM presentations JOIN presentation_events e ON e.presentation_id = presentations.id ORDER BY e.created_at')).toEqual([
      { state: 'refused', refusal_reason: 'french_level', note: null },
      { state: 'refused', refusal_reason: 'french_level', note: null },
    ]);
    // In the list without a search it is a file with no name (the screen says "Anonymised file"); no search finds it.
    expect((await ok(backend, 'candidates.list', {})).items.map((item) => [item.firstName, item.lastName, item.phone])).toEqual([['', '', null]]);
    expect((await ok(backend, 'candidates.list', { query: 'Krasno' })).total).toBe(0);
    expect((await ok(backend, 'candidates.list', { query: '0671' })).total).toBe(0);
    // No duplicate probe finds them: not by their name, phone, nor the birth month they keep.
    for (const probe of [{ firstName: 'Zenobie', lastName: 'Krasnodebska' }, { phone: '06 71 82 93 04' }, { firstName: '', lastName: '', birthDate: '1990-06-01' }]) {
      expect(await ok(backend, 'candidates.findDuplicates', probe), JSON.stringify(probe)).toEqual([]);
    }
    const matches = await ok(backend, 'matching.forNeed', { jobNeedId: job.id });
    expect(matches.eligibleTotal + matches.excludedTotal).toBe(0);
    await refused(backend, 'candidates.update', { id: person.id, firstName: 'Zenobie' }, {}, 'conflict');
    await refused(backend, 'candidates.archive', { id: person.id }, {}, 'conflict');
    await refused(backend, 'retention.anonymise', { candidateId: person.id }, {}, 'conflict');
    // Erasure still works on an anonymised file (the person may ask for it).
    await ok(backend, 'rights.erase', { candidateId: person.id, reason: 'request' });
    expect(count(backend, 'SELECT count(*) AS n FROM candidates')).toBe(0);
  });

  it('the run takes a backup first, anonymises what is past its date and removes the notes of presentations refused over 2 years ago', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const quiet = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska' });
    const company = await employer(backend);
    const job = await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' });
    clock.set('2027-01-10T09:00:00.000Z');
    const active = await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });
    const presented = await ok(backend, 'presentations.create', { candidateId: active.id, jobNeedId: job.id, on: '2027-01-10', note: 'Motivé' });
    clock.set('2027-01-12T09:00:00.000Z');
    await ok(backend, 'presentations.transition', { id: presented.id, to: 'refused', on: '2027-01-12', refusalReason: 'not_mobile', note: 'Trop loin' });
    clock.set('2029-01-13T09:00:00.000Z');
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: active.id, kind: 'call', occurredAt: '2029-01-13', text: 'Appel' });

    const steps: string[] = [];
    const service = createRetentionService(backend.database.db, clock, {
      backupFirst: async () => {
        steps.push(`backup with ${count(backend, 'SELECT count(*) AS n FROM candidates WHERE anonymised_at IS NOT NULL')} anonymised`);
      },
    });
    expect(await service.runExpired()).toEqual({ anonymised: 1, presentationsCleared: 1 });
    expect(steps).toEqual(['backup with 0 anonymised']);
    expect(rows(backend, 'SELECT id, anonymised_at IS NOT NULL AS anonymised FROM candidates ORDER BY seq')).toEqual([
      { id: quiet.id, anonymised: 1 },
      { id: active.id, anonymised: 0 },
    ]);
    expect(count(backend, 'SELECT count(*) AS n FROM presentation_events WHERE note IS NOT NULL')).toBe(0);
    expect(count(backend, "SELECT count(*) AS n FROM presentations WHERE state = 'refused' AND refusal_reason = 'not_mobile'")).toBe(1);
    // Nothing left to do: no second backup, no second entry.
    expect(await service.runExpired()).toEqual({ anonymised: 0, presentationsCleared: 0 });
    expect(steps).toHaveLength(1);
    expect(count(backend, "SELECT count(*) AS n FROM audit_log WHERE action = 'retention.expired'")).toBe(1);
  });

  it('a frozen file (art. 18) waits past its date, and the run still anonymises the others', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const frozen = await ok(backend, 'candidates.create', { firstName: 'Zenobie', lastName: 'Krasnodebska' });
    const other = await ok(backend, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });
    await ok(backend, 'candidates.restrict', { id: frozen.id, reason: 'legalClaim' });
    clock.set('2029-01-13T09:00:00.000Z');
    expect((await ok(backend, 'retention.due', {})).items.map((item) => item.candidateId)).toEqual([other.id]);
    expect(await createRetentionService(backend.database.db, clock).runExpired()).toEqual({ anonymised: 1, presentationsCleared: 0 });
    expect(rows(backend, 'SELECT id, anonymised_at IS NOT NULL AS anonymised FROM candidates ORDER BY seq')).toEqual([
      { id: frozen.id, anonymised: 0 },
      { id: other.id, anonymised: 1 },
    ]);
  });

  it('the period is the legal one by default, shorter at will, longer only with a reason', async () => {
    const backend = await openBackend();
    expect(await ok(backend, 'retention.settings', {})).toEqual({ candidateDays: 730, reasonForLonger: null });
    await refused(backend, 'retention.saveSettings', { candidateDays: 900, reasonForLonger: '' }, { reasonForLonger: 'retention.errors.reasonRequired' });
    await refused(backend, 'retention.saveSettings', { candidateDays: 30, reasonForLonger: null }, { candidateDays: 'retention.errors.periodTooShort' });
    await refused(backend, 'retention.saveSettings', { candidateDays: 4000, reasonForLonger: 'Convention' }, { candidateDays: 'retention.errors.periodTooLong' });
    expect(await ok(backend, 'retention.saveSettings', { candidateDays: 365, reasonForLonger: 'ignored when shorter' })).toEqual({ candidateDays: 365, reasonForLonger: null });
    const longer = { candidateDays: 1095, reasonForLonger: 'Convention FSE : pièces gardées 3 ans après le programme' };
    expect(await ok(backend, 'retention.saveSettings', longer)).toEqual(longer);
    expect(await ok(backend, 'retention.settings', {})).toEqual(longer);
    expect(rows(backend, "SELECT details FROM audit_log WHERE action = 'retention.saveSettings' ORDER BY at DESC, rowid DESC LIMIT 1")).toEqual([
      { details: JSON.stringify({ candidateDays: 1095, longerThanLegal: true }) },
    ]);
  });

  it('the register of processing (art. 30) is prefilled from the settings, in French, English and Italian', async () => {
    const backend = await openBackend();
    await ok(backend, 'exchange.saveProfile', { name: 'Tremplin Lyon Emploi' });
    await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    await ok(backend, 'retention.saveSettings', { candidateDays: 1095, reasonForLonger: 'Convention FSE de 3 ans' });
    const expected = {
      fr: ['Registre des activités de traitement', 'Tremplin Lyon Emploi', 'Forum Réfugiés', '1095 jours après le dernier contact', 'Convention FSE de 3 ans', 'SQLCipher', 'Journal d’audit : 12 mois'.replace('’', "'"), 'Délégué à la protection des données'],
      en: ['Register of processing activities', 'Forum Réfugiés', '1095 days after the last contact', 'Encrypted backups', 'Audit log: 12 months'],
      it: ['Registro delle attività di trattamento', 'Forum Réfugiés', '1095 giorni dopo', 'Misure di sicurezza'],
    } as const;
    for (const language of ['fr', 'en', 'it'] as const) {
      const file = await ok(backend, 'retention.processingRegister', { language });
      expect(file.fileName).toMatch(/\.pdf$/);
      const pdf = path.join(tempDir(), file.fileName);
      writeFileSync(pdf, Buffer.from(file.content, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const words of expected[language]) expect(text, language).toContain(words);
    }
  });
});
