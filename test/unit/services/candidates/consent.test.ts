import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import { CURRENT_CONSENT_TEXT_VERSION, type Candidate, shareable } from '../../../../shared/candidates';
import { contentHash, ok } from '../../../support/api';
import { TEST_ADMINISTRATOR } from '../../../support/accounts';
import { RESIDENT_CARD, manualClock } from '../../../support/records';
import { signInAs, useBackend, useTempDir } from '../../../support/temp';

/**
 * Each consent taken back has its effect where records are written and read (shared/candidates.ts
 * holds the rule), and a restricted file (art. 18) is frozen: kept, shown, nothing else.
 */

const given = { consentRecording: true, consentContact: true, consentDate: '2026-01-05', ...RESIDENT_CARD } as const;

async function setting(backend: Backend) {
  const partner = await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const person = await ok(backend, 'candidates.create', {
    firstName: 'Aminata',
    lastName: 'Diallo',
    phone: '06 12 34 56 78',
    email: 'aminata@exemple.fr',
    sharingPartnerIds: [partner.id],
    ...given,
  });
  const employer = await ok(backend, 'employers.create', { name: 'Entrepôts du Rhône' });
  const need = await ok(backend, 'jobNeeds.create', { employerId: employer.id, occupation: 'Cariste', contractType: 'cdd' });
  return { partner, person, need };
}

async function consentReason(backend: Backend, jobNeedId: string, candidateId: string) {
  const matches = await ok(backend, 'matching.forNeed', { jobNeedId, limit: 50, excludedLimit: 50 });
  const match = [...matches.eligible, ...matches.excluded].find((item) => item.candidate.id === candidateId);
  return { eligible: matches.eligible.some((item) => item.candidate.id === candidateId), code: match?.reasons.find((reason) => reason.criterion === 'consent')?.code };
}

const exportBlock = async (backend: Backend, partnerId: string, id: string) =>
  (await ok(backend, 'exchange.previewExport', { scope: { kind: 'candidates', ids: [id] }, to: { kind: 'passphrase', partnerId } })).blocked[0]?.reason ?? null;

const quietIds = async (backend: Backend) => (await ok(backend, 'dashboard.due', { card: 'quietCandidates', limit: 100, offset: 0 })).items.map((item) => item.candidateId);

async function csvList(backend: Backend): Promise<string> {
  const list = await ok(backend, 'candidates.export', { format: 'csv', language: 'fr', filters: {} });
  return Buffer.from(list.contentBase64, 'base64').toString('utf8');
}

/** Refused as a write on a frozen file (by the database, or by the service naming the field), and not one byte changed. */
async function refusedAsRestricted(backend: Backend, method: string, input: unknown) {
  const before = contentHash(backend);
  const result = await backend.dispatch(method, input);
  expect(result.ok, method).toBe(false);
  if (!result.ok) expect([result.error.message, ...Object.values(result.error.fields ?? {})], method).toContain('candidates.errors.restricted');
  expect(contentHash(backend)).toBe(before);
}

describe('consent per kind', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();

  it('withdrawing the sharing consent stops the export to that partner and makes the file not shareable', async () => {
    const backend = await openBackend();
    const { partner, person } = await setting(backend);
    expect(await exportBlock(backend, partner.id, person.id)).toBeNull();
    expect(shareable(person)).toBe(true);
    expect(shareable(await ok(backend, 'candidates.update', { id: person.id, sharingPartnerIds: [] }))).toBe(false);
    expect(await exportBlock(backend, partner.id, person.id)).toBe('not_shared_with_partner');
  });

  it('withdrawing the contact consent takes the person off the reminders, the drop-in list and the list export of contacts', async () => {
    const clock = manualClock('2026-01-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const { person } = await setting(backend);
    const session = await ok(backend, 'sessions.create', { date: '2026-01-10', place: 'Local associatif' });
    await ok(backend, 'sessions.addVisit', { sessionId: session.id, candidateId: person.id });
    // The reminder is read on a file without any contact, 100 days after it was made.
    const quiet = await ok(backend, 'candidates.create', { firstName: 'Omar', lastName: 'Benali', phone: '07 11 22 33 44', ...given });
    clock.set('2026-04-20T09:00:00.000Z');
    expect(await quietIds(backend)).toContain(quiet.id);
    expect(await csvList(backend)).toContain('07 11 22 33 44');

    await ok(backend, 'candidates.update', { id: quiet.id, consentContact: false });
    await ok(backend, 'candidates.update', { id: person.id, consentContact: false });
    expect(await quietIds(backend)).not.toContain(quiet.id);
    const csv = await csvList(backend);
    expect(csv).toContain('Benali');
    expect(csv).not.toContain('07 11 22 33 44');
    expect(csv).not.toContain('aminata@exemple.fr');
    const visits = (await ok(backend, 'sessions.get', { id: session.id })).visits;
    expect(visits.map((visit) => visit.phone)).toEqual([null]);
  });

  it('withdrawing the recording consent dates it, proposes erasure on the home screen, and giving it again stamps the text version', async () => {
    const backend = await openBackend();
    const { person } = await setting(backend);
    const none = await ok(backend, 'dashboard.due', { card: 'erasureProposed', limit: 10, offset: 0 });
    expect(none.total).toBe(0);

    const withdrawn = await ok(backend, 'candidates.update', { id: person.id, consentRecording: false });
    expect(withdrawn.consentRecordingWithdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const proposed = await ok(backend, 'dashboard.due', { card: 'erasureProposed', limit: 10, offset: 0 });
    expect(proposed.items).toEqual([{ candidateId: person.id, candidateName: 'Aminata Diallo', withdrawnOn: withdrawn.consentRecordingWithdrawnOn }]);
    const history = await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: person.id });
    expect(JSON.stringify(history)).toContain("l'effacement de la fiche est proposé");

    const again = await ok(backend, 'candidates.update', { id: person.id, consentRecording: true });
    expect(again.consentRecordingWithdrawnOn).toBeNull();
    expect(again.consentTextVersion).toBe(CURRENT_CONSENT_TEXT_VERSION);
    expect((await ok(backend, 'dashboard.due', { card: 'erasureProposed', limit: 10, offset: 0 })).total).toBe(0);
  });

  it('withdrawing the consent to be presented marks the person not presentable, with that reason, and refuses a presentation', async () => {
    const backend = await openBackend();
    const { person, need } = await setting(backend);
    expect(await consentReason(backend, need.id, person.id)).toEqual({ eligible: true, code: 'consent_not_withdrawn' });

    await ok(backend, 'candidates.update', { id: person.id, consentPresentation: false });
    expect(await consentReason(backend, need.id, person.id)).toEqual({ eligible: false, code: 'presentation_consent_withdrawn' });
    const refusal = await backend.dispatch('presentations.create', { candidateId: person.id, jobNeedId: need.id });
    expect(refusal).toMatchObject({ ok: false, error: { fields: { candidateId: 'matching.errors.presentationConsentWithdrawn' } } });

    // The whole consent withdrawn says so first.
    await ok(backend, 'candidates.update', { id: person.id, consentWithdrawnOn: '2026-02-01' });
    expect((await consentReason(backend, need.id, person.id)).code).toBe('consent_withdrawn');
  });

  it('prints the consent form in French, English and Italian, with the person, the association and the version', async () => {
    const backend = await openBackend();
    await ok(backend, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    const { person } = await setting(backend);
    const texts = {} as Record<'fr' | 'en' | 'it', string>;
    for (const language of ['fr', 'en', 'it'] as const) {
      const form = await ok(backend, 'candidates.consentForm', { id: person.id, language });
      const file = path.join(tempDir(), `${language}.pdf`);
      writeFileSync(file, Buffer.from(form.contentBase64, 'base64'));
      texts[language] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replaceAll(/\s+/g, ' ');
      expect(texts[language]).toContain('Aminata Diallo');
      expect(texts[language]).toContain('Tremplin Lyon');
      expect(texts[language]).toContain(CURRENT_CONSENT_TEXT_VERSION);
    }
    expect(texts.fr).toContain("J'accepte que Tremplin Lyon présente mon profil à des employeurs.");
    expect(texts.fr).toContain('Signature de la personne');
    expect(texts.en).toContain('I agree that Tremplin Lyon puts my profile forward to employers.');
    expect(texts.it).toContain('Accetto che Tremplin Lyon proponga il mio profilo ai datori di lavoro.');
  });
});

describe('restriction of processing (art. 18)', () => {
  const openBackend = useBackend();

  it('freezes the file: shown, not matched, exported, listed or chased, every write refused but the lifting, all logged', async () => {
    const backend = await openBackend();
    const { partner, person, need } = await setting(backend);
    const restricted: Candidate = await ok(backend, 'candidates.restrict', { id: person.id, reason: 'accuracyContested' });
    expect(restricted).toMatchObject({ restrictionReason: 'accuracyContested', restrictedBy: TEST_ADMINISTRATOR.name });
    expect(restricted.restrictedAt).not.toBeNull();

    expect((await ok(backend, 'candidates.get', { id: person.id })).restrictedAt).toBe(restricted.restrictedAt);
    expect(await consentReason(backend, need.id, person.id)).toEqual({ eligible: false, code: 'restricted' });
    expect(await exportBlock(backend, partner.id, person.id)).toBe('restricted');
    expect(await csvList(backend)).not.toContain('Diallo');
    expect(await quietIds(backend)).not.toContain(person.id);

    await refusedAsRestricted(backend, 'candidates.update', { id: person.id, frenchLevel: 'B1' });
    await refusedAsRestricted(backend, 'candidates.update', { id: person.id, sectorIds: [] });
    await refusedAsRestricted(backend, 'candidates.archive', { id: person.id });
    await refusedAsRestricted(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2025-01-01', text: 'Appel' });
    await refusedAsRestricted(backend, 'presentations.create', { candidateId: person.id, jobNeedId: need.id });
    await refusedAsRestricted(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: need.employerId, startDate: '2026-02-02' });
    expect(await backend.dispatch('candidates.restrict', { id: person.id, reason: 'legalClaim' })).toMatchObject({ ok: false, error: { message: 'candidates.errors.alreadyRestricted' } });

    const lifted = await ok(backend, 'candidates.liftRestriction', { id: person.id });
    expect(lifted).toMatchObject({ restrictedAt: null, restrictionReason: null, restrictedBy: null });
    expect((await ok(backend, 'candidates.update', { id: person.id, frenchLevel: 'B1' })).frenchLevel).toBe('B1');
    expect(await backend.dispatch('candidates.liftRestriction', { id: person.id })).toMatchObject({ ok: false, error: { message: 'candidates.errors.notRestricted' } });

    const audit = backend.database.sqlite
      .prepare("SELECT action FROM audit_log WHERE subject_id = ? AND action IN ('candidates.restrict', 'candidates.liftRestriction') ORDER BY rowid")
      .pluck()
      .all(person.id);
    expect(audit).toEqual(['candidates.restrict', 'candidates.liftRestriction']);
  });

  it('lets a restricted file be erased, and no one but an administrator restrict or lift', async () => {
    const backend = await openBackend();
    const { person } = await setting(backend);
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Appel' });
    await ok(backend, 'candidates.restrict', { id: person.id, reason: 'unlawfulKeep' });
    const administrator = backend.session();
    signInAs(backend, { accountId: '0190b3a0-0000-7000-8000-00000000000a', name: 'Sami', role: 'staff', volunteerId: null });
    expect(await backend.dispatch('candidates.liftRestriction', { id: person.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    signInAs(backend, administrator);
    await ok(backend, 'rights.erase', { candidateId: person.id, reason: 'request' });
    expect(backend.database.sqlite.prepare('SELECT count(*) FROM candidates').pluck().get()).toBe(0);
  });
});
