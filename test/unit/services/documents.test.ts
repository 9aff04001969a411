import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { ok, refused } from '../../support/api';
import { employer } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend, useTempDir } from '../../support/temp';

/** What a person's file holds that an employer must never read unless the person chose it. */
const PRIVATE = {
  birthDate: '1990-04-12',
  nationality: 'GN',
  address: '12 rue des Lilas',
  phone: '06 12 34 56 78',
  asylumRegisteredOn: '2025-01-10',
  authorisationDocument: 'asylum_certificate',
  authorisationStart: '2025-01-10',
  authorisationExpiry: '2027-01-09',
  barriers: [{ theme: 'health', status: 'open', action: 'Suivi psychologique au CMP', changedOn: '2026-01-05' }],
} satisfies Partial<InputOf<'candidates.create'>>;

const PROFILE = {
  firstName: 'Aminata',
  lastName: 'Diallo',
  email: 'aminata.diallo@example.org',
  commune: 'Rennes',
  frenchLevel: 'B1',
  frenchLevelProof: 'delf',
  languages: ['fr', 'ar'],
  occupations: [{ label: 'Cariste', romeCode: null }],
  experience: 'Trois ans de conduite de chariot en entrepôt à Conakry.',
  qualifications: [{ label: 'CACES R489 catégorie 3', recognised: true }],
  availability: 'Du lundi au vendredi, pas le samedi.',
  mobility: 'public_transport',
  maxTravelMinutes: 45,
  consentRecording: true,
  consentContact: true,
  consentDate: '2026-01-05',
} satisfies Partial<InputOf<'candidates.create'>>;

describe('documents printed for a person', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();
  let backend: Backend;
  let candidateId: string;

  /** The PDF's text as a PDF reader extracts it (poppler's pdftotext, each printed line kept whole), on one line. */
  function textOf(file: { content: string; mimeType: string }): string {
    expect(file.mimeType).toBe('application/pdf');
    const pdf = path.join(tempDir(), 'document.pdf');
    writeFileSync(pdf, Buffer.from(file.content, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  beforeEach(async () => {
    backend = await openBackend();
    await ok(backend, 'exchange.saveProfile', { name: 'Tremplin Rennes', siret: '732 829 320 00074', email: 'contact@tremplin-rennes.org', phone: '02 99 00 11 22' });
    candidateId = (await ok(backend, 'candidates.create', { ...PROFILE, ...PRIVATE })).id;
  });

  it('the presentation sheet shows the professional profile and nothing private the person did not choose', async () => {
    const text = textOf(await ok(backend, 'documents.presentationSheet', { candidateId, language: 'fr' }));
    for (const expected of ['Profil de candidat', 'Aminata Diallo', 'Cariste', 'CACES R489', 'B1 (DELF)', 'Trois ans de conduite', 'Transports en commun', '45 min', 'Tremplin Rennes', 'Référent·e : Claire Martin', '02 99 00 11 22']) {
      expect(text).toContain(expected);
    }
    for (const hidden of ['Lilas', '06 12 34 56 78', '12/04/1990', 'Guin', 'asile', 'psycholog', 'CMP', '09/01/2027', 'aminata.diallo@']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('adds the work authorisation, age and phone only when chosen, and the audit log says which', async () => {
    const text = textOf(await ok(backend, 'documents.presentationSheet', { candidateId, language: 'fr', extras: ['workAuthorisation', 'age', 'phone'] }));
    expect(text).toContain("Attestation de demande d'asile");
    expect(text).toContain('09/01/2027');
    expect(text).toContain('06 12 34 56 78');
    expect(text).toMatch(/Âge \d+ ans/);
    expect(text).not.toContain('Lilas');
    expect(text).not.toContain('psycholog');
    const entries = await ok(backend, 'audit.list', { subjectId: candidateId });
    expect(entries.items.find((entry) => entry.action === 'documents.presentationSheet')).toMatchObject({ subjectType: 'candidate', subjectId: candidateId, details: { access: 'read', extras: ['workAuthorisation', 'age', 'phone'] } });
  });

  it('is printed in English or Italian when asked, dates still day first', async () => {
    const english = textOf(await ok(backend, 'documents.presentationSheet', { candidateId, language: 'en', extras: ['workAuthorisation'] }));
    expect(english).toContain('Candidate profile');
    expect(english).toContain('Valid until 09/01/2027');
    const italian = textOf(await ok(backend, 'documents.cv', { candidateId, language: 'it' }));
    expect(italian).toContain('Livello di francese');
    expect(italian).toContain('arabo');
  });

  it('no sheet goes to an employer once the person withdrew their consent', async () => {
    await ok(backend, 'candidates.update', { id: candidateId, consentWithdrawnOn: '2026-02-01' });
    await refused(backend, 'documents.presentationSheet', { candidateId, language: 'fr' }, {}, 'conflict');
  });

  it('the CV is the person’s own: their phone, e-mail and town, no private details', async () => {
    const text = textOf(await ok(backend, 'documents.cv', { candidateId, language: 'fr' }));
    for (const expected of ['Aminata Diallo', '06 12 34 56 78', 'aminata.diallo@example.org', 'Rennes', 'Cariste']) expect(text).toContain(expected);
    for (const hidden of ['Lilas', '12/04/1990', 'asile', 'psycholog']) expect(text).not.toContain(hidden);
  });

  it('writes names in every script the people use, not only Western European letters', async () => {
    const { id } = await ok(backend, 'candidates.create', { firstName: 'Łukasz Şükrü', lastName: 'Nguyễn Иванов' });
    const text = textOf(await ok(backend, 'documents.cv', { candidateId: id, language: 'fr' }));
    expect(text).toContain('Łukasz Şükrü Nguyễn Иванов');
  });

  it('a volunteer prints only for the people in their scope', async () => {
    const volunteer = await ok(backend, 'volunteers.create', { firstName: 'Jean', lastName: 'Moreau' });
    signInAs(backend, accountOf('volunteer', volunteer.id));
    await refused(backend, 'documents.cv', { candidateId, language: 'fr' }, {}, 'not_found');
  });

  it('the PMSMP agreement states the parties, the dates and the objective, with blanks and signatures', async () => {
    const host = await employer(backend, 'Logistique Ouest');
    await ok(backend, 'employers.update', { id: host.id, siret: '732 829 320 00074', address: '3 allée des Docks', postalCode: '35000', commune: 'Rennes' });
    const placement = await ok(backend, 'placements.create', {
      candidateId,
      kind: 'pmsmp',
      employerId: host.id,
      startDate: '2026-03-02',
      endDate: '2026-03-13',
      tutor: 'Paul Lefèvre, chef d’équipe',
      prescriber: 'France Travail Rennes Sud',
      objective: 'Confirmer le projet de cariste',
    });
    const text = textOf(await ok(backend, 'documents.pmsmpAgreement', { placementId: placement.id, language: 'fr' }));
    for (const expected of [
      'Convention de période de mise en situation en milieu professionnel',
      'L5135-1',
      'Aminata Diallo',
      '12/04/1990',
      '12 rue des Lilas',
      'France Travail Rennes Sud',
      'Tremplin Rennes',
      'Logistique Ouest',
      '732 829 320 00074',
      '3 allée des Docks 35000 Rennes',
      'Paul Lefèvre',
      'du 02/03/2026 au 13/03/2026 (12 jours calendaires)',
      'Confirmer le projet de cariste',
      'Signatures',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('psycholog');
    const entries = await ok(backend, 'audit.list', { subjectId: placement.id });
    expect(entries.items.find((entry) => entry.action === 'documents.pmsmpAgreement')).toMatchObject({ subjectType: 'placement', subjectId: placement.id });
  });

  it('refuses the agreement for a placement that is not a PMSMP', async () => {
    const host = await employer(backend, 'Intérim Bretagne');
    const mission = await ok(backend, 'placements.create', { candidateId, kind: 'temp_mission', employerId: host.id, startDate: '2026-03-02', endDate: '2026-03-20', employerApplying: true });
    await refused(backend, 'documents.pmsmpAgreement', { placementId: mission.id, language: 'fr' }, {}, 'conflict');
  });
});
