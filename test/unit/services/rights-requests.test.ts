import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { rightsRequestDeadline } from '../../../shared/rights';
import { ok } from '../../support/api';
import { refusedWith } from '../../support/exchange';
import { RESIDENT_CARD, manualClock, rows } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend, useTempDir } from '../../support/temp';

/** A person with something in every part of their file, as a copy of everything held must show. */
async function personWithAJourney(backend: Backend) {
  const company = await ok(backend, 'employers.create', { name: 'Transports Martin' });
  const job = await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Cariste', contractType: 'cdd' });
  const partner = await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const person = await ok(backend, 'candidates.create', {
    firstName: 'Zenobie',
    lastName: 'Krasnodebska',
    birthDate: '1990-07-14',
    phone: '06 71 82 93 04',
    nationality: 'UA',
    frenchLevel: 'B1',
    mobility: 'public_transport',
    ...RESIDENT_CARD,
    consentRecording: true,
    consentDate: '2026-01-10',
    consentMethod: 'written',
    sharingPartnerIds: [partner.id],
    referralPartnerId: partner.id,
    barriers: [{ theme: 'housing', status: 'open', action: 'Demande SIAO' }],
  });
  await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Premier appel' });
  const presented = await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, on: '2026-02-20' });
  await ok(backend, 'placements.create', { candidateId: person.id, kind: 'pmsmp', employerId: company.id, objective: 'Découvrir le métier', startDate: '2026-02-23', endDate: '2026-03-06' });
  await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', presentationId: presented.id, startDate: '2026-03-09' });
  return person;
}

describe('the rights requests register', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('gives one month from receipt, late after it (the one rule the screens use too)', () => {
    expect(rightsRequestDeadline('2026-01-31', '2026-02-20')).toEqual({ dueOn: '2026-02-28', daysLeft: 8, late: false });
    expect(rightsRequestDeadline('2026-03-01', '2026-04-03')).toEqual({ dueOn: '2026-04-01', daysLeft: -2, late: true });
  });

  it('records a request, lists it open with its days left, refuses bad dates, and an access copy closes it', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const person = await personWithAJourney(backend);

    const early = await ok(backend, 'rights.recordRequest', { candidateId: person.id, kind: 'rectification', receivedOn: '2026-02-01', channel: 'letter', requester: 'person' });
    const access = await ok(backend, 'rights.recordRequest', { candidateId: person.id, kind: 'access', receivedOn: '2026-03-02', channel: 'email', requester: 'representative' });
    expect(access).toMatchObject({ candidateName: 'Zenobie Krasnodebska', dueOn: '2026-04-02', daysLeft: 23, late: false, answeredOn: null });
    expect((await ok(backend, 'rights.listRequests', {})).map((request) => [request.kind, request.daysLeft, request.late])).toEqual([
      ['rectification', -9, true],
      ['access', 23, false],
    ]);

    await refusedWith(backend, 'rights.recordRequest', { candidateId: person.id, kind: 'access', receivedOn: '2026-03-11', channel: 'email', requester: 'person' }, 'errors.validation', {
      fields: { receivedOn: 'common.errors.dateInFuture' },
    });
    await refusedWith(backend, 'rights.recordRequest', { candidateId: person.id, kind: 'forget', receivedOn: '2026-03-01', channel: 'email', requester: 'person' }, 'errors.validation', {
      fields: { kind: 'common.errors.choice' },
    });
    await refusedWith(backend, 'rights.answerRequest', { id: early.id, answeredOn: '2026-01-31' }, 'errors.validation', { fields: { answeredOn: 'rights.errors.answerBeforeRequest' } });
    // A copy answers an access or portability request only.
    await refusedWith(backend, 'rights.accessExport', { candidateId: person.id, format: 'json', answersRequestId: early.id }, 'rights.errors.notAnsweredByCopy');

    const copy = await ok(backend, 'rights.accessExport', { candidateId: person.id, format: 'pdf', language: 'fr', answersRequestId: access.id });
    expect(copy).toMatchObject({ mimeType: 'application/pdf', answeredRequestId: access.id });
    expect(copy.fileName).toMatch(/^tremplin-[0-9a-f]{8}-2026-03-10\.pdf$/);
    expect((await ok(backend, 'rights.listRequests', {})).map((request) => request.kind)).toEqual(['rectification']);
    await refusedWith(backend, 'rights.answerRequest', { id: access.id, answeredOn: '2026-03-10' }, 'rights.errors.alreadyAnswered', { code: 'conflict' });
    const answered = await ok(backend, 'rights.answerRequest', { id: early.id, answeredOn: '2026-03-09' });
    expect(answered.answeredOn).toBe('2026-03-09');
    expect(await ok(backend, 'rights.listRequests', {})).toEqual([]);
    expect((await ok(backend, 'rights.listRequests', { candidateId: person.id })).map((request) => request.answeredOn)).toEqual(['2026-03-09', '2026-03-10']);

    // Audited by id, never by name.
    const audit = rows(backend, "SELECT action, subject_type AS type, details FROM audit_log WHERE action LIKE 'rights.%' ORDER BY rowid") as { action: string; type: string; details: string }[];
    expect(audit.map((entry) => entry.action)).toEqual(['rights.recordRequest', 'rights.recordRequest', 'rights.accessExport', 'rights.answerRequest']);
    expect(JSON.stringify(audit)).not.toContain('Zenobie');

    // The copy, as the person reads it: each section's title and the values in words, dates as in France.
    const pdf = path.join(tempDir(), 'copie.pdf');
    writeFileSync(pdf, Buffer.from(copy.content, 'base64'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const title of [
      'Tout ce que nous détenons sur vous',
      'Identité et coordonnées',
      'Français et autorisation de travail',
      'Mobilité',
      'Freins',
      'Consentement et son historique',
      'Fil du suivi',
      'Mises en relation avec des employeurs',
      'Immersions, stages et missions',
      'Recrutements',
      'Suivis après l\'embauche',
      'Partenaires qui ont reçu votre dossier',
      'Vos demandes sur vos données',
      'Journal : qui a consulté ou modifié votre dossier',
    ]) {
      expect(text, title).toContain(title);
    }
    for (const value of ['Zenobie', 'Krasnodebska', '14/07/1990', 'Ukraine', '06 71 82 93 04', 'Transports en commun', 'Dossier : création', 'Forum Réfugiés', 'Premier appel', 'Cariste chez Transports Martin', 'CDI', 'Découvrir le métier', 'Demande SIAO', 'Accès (copie des données)', 'Page 1 sur']) {
      expect(text, value).toContain(value);
    }
    // No raw codes.
    for (const code of ['public_transport', 'refugee_resident_card', 'candidates.', 'rights.ui', 'pmsmp']) expect(text, code).not.toContain(code);

    const italian = await ok(backend, 'rights.accessExport', { candidateId: person.id, format: 'pdf', language: 'it' });
    writeFileSync(pdf, Buffer.from(italian.content, 'base64'));
    const italianText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const value of ['Tutto ciò che conserviamo su di voi', 'Cronologia del percorso', 'Assunzioni', '14/07/1990', 'Cariste presso Transports Martin']) expect(italianText, value).toContain(value);

    // The JSON copy holds the same content, requests included.
    const json = JSON.parse((await ok(backend, 'rights.accessExport', { candidateId: person.id, format: 'json' })).content);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['files', 'timeline', 'presentations', 'placements', 'recruitments', 'followUps', 'exchanges', 'audit', 'requests']));
    expect(json.requests).toHaveLength(2);
  });

  it('is for administrators and staff; a volunteer is refused, and only an administrator erases', async () => {
    const backend = await openBackend();
    const person = await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const request = { candidateId: person.id, kind: 'access', receivedOn: '2026-01-05', channel: 'inPerson', requester: 'person' } as const;
    signInAs(backend, accountOf('staff'));
    const recorded = await ok(backend, 'rights.recordRequest', request);
    await ok(backend, 'rights.accessExport', { candidateId: person.id, format: 'json', answersRequestId: recorded.id });
    expect(await backend.dispatch('rights.erase', { candidateId: person.id, reason: 'request' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    signInAs(backend, accountOf('volunteer'));
    for (const [method, input] of [
      ['rights.recordRequest', request],
      ['rights.listRequests', {}],
      ['rights.accessExport', { candidateId: person.id }],
    ] as const) {
      expect(await backend.dispatch(method, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
