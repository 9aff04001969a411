import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok, refused } from '../../../support/api';
import { basics, immersion, manualClock } from '../../../support/records';
import { accountOf } from '../../../support/session';
import { signInAs, useBackend } from '../../../support/temp';

async function csvLines(exported: Promise<{ contentBase64: string }>): Promise<string[]> {
  return Buffer.from((await exported).contentBase64, 'base64').toString('utf8').trimEnd().split('\r\n');
}

async function xlsxRows(contentBase64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (value) => value ?? null)));
  return rows;
}

describe('exporting the candidates list', () => {
  const open = useBackend();

  it('writes the rows the list shows for its filters and search: XLSX with dates as dates, CSV with a BOM, `;` and formulas inert', async () => {
    const backend = await open();
    await ok(backend, 'candidates.create', { firstName: 'Hélène', lastName: 'Dupré', birthDate: '1990-03-12', phone: '0612345678', frenchLevel: 'B1', consentRecording: true });
    await ok(backend, 'candidates.create', { firstName: '=HYPERLINK("x")', lastName: 'Benali', consentRecording: true });
    await ok(backend, 'candidates.create', { firstName: 'Karim', lastName: 'Zerbib', consentRecording: true });

    const xlsx = await ok(backend, 'candidates.export', { format: 'xlsx', language: 'fr', filters: { frenchLevels: ['B1'] } });
    expect(xlsx.fileName).toMatch(/^candidats-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Nom');
    expect(sheet?.getRow(2).getCell(2).value).toBe('Hélène');
    expect(sheet?.getRow(2).getCell(3).value).toEqual(new Date('1990-03-12T00:00:00Z'));
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.getRow(2).getCell(7).value).toBe('B1');

    const csv = Buffer.from((await ok(backend, 'candidates.export', { format: 'csv', language: 'en', filters: { query: 'benali' } })).contentBase64, 'base64').toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFLast name;First name;Date of birth;Phone;E-mail;Town;French level;Status;Expiry date;Archived;Updated');
    expect(lines[1]?.startsWith(`Benali;"'=HYPERLINK(""x"")";;`)).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it('writes the employers list with the sector by its name in the chosen language and the open needs as a number', async () => {
    const backend = await open();
    await ok(backend, 'employers.create', { name: '@Logistique Rhône', postalCode: '69003', commune: 'Lyon', sectorId: '00000000-0000-7000-8000-000000000001', kind: 'integration_enterprise' });
    await ok(backend, 'employers.create', { name: 'Boulangerie Martin', commune: 'Vénissieux' });
    const xlsx = await ok(backend, 'employers.export', { language: 'it', filters: { query: 'lyon' } });
    expect(xlsx.fileName).toMatch(/^datori-di-lavoro-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).values).toEqual([undefined, '@Logistique Rhône', undefined, 'Logistica', "Impresa d'inserimento (EI)", '69003', 'Lyon', 0]);
    const csv = Buffer.from((await ok(backend, 'employers.export', { format: 'csv', filters: { query: 'lyon' } })).contentBase64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[1]).toBe("'@Logistique Rhône;;Logistique;Entreprise d'insertion (EI);69003;Lyon;0;;");
  });

  it('writes the volunteers list, with the sectors by name and the status in words', async () => {
    const backend = await open();
    await ok(backend, 'volunteers.create', { firstName: 'Élise', lastName: 'Morel', phone: '0612345678', sectorIds: ['00000000-0000-7000-8000-000000000001'] });
    const csv = Buffer.from((await ok(backend, 'volunteers.export', { format: 'csv', language: 'fr' })).contentBase64, 'base64').toString('utf8');
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['\uFEFFNom;Prénom;Téléphone;E-mail;Secteurs;Disponibilités;Statut', 'Morel;Élise;06 12 34 56 78;;Logistique;;Actif']);
  });

  it('goes through every page of a long list', async () => {
    const backend = await open();
    for (let index = 0; index < 520; index++) await ok(backend, 'candidates.create', { firstName: `P${index}`, lastName: 'Martin', consentRecording: true });
    const csv = Buffer.from((await ok(backend, 'candidates.export', { format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(521);
  });

  it("adds the columns chosen after those shown, in the list's order: a file's partner, document and country", async () => {
    const backend = await open();
    const partner = await ok(backend, 'partners.create', { name: '=CADA Les Tilleuls', kind: 'other' });
    await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Diallo', nationality: 'ML', referralPartnerId: partner.id, authorisationDocument: 'asylum_certificate', consentRecording: true });
    const lines = await csvLines(ok(backend, 'candidates.export', { format: 'csv', language: 'fr', more: ['referralPartner', 'nationality', 'authorisationDocument'] }));
    expect(lines[0]?.endsWith(';Mis à jour;Nationalité;Titre ou document;Orienté par')).toBe(true);
    expect(lines[1]?.endsWith(";Mali;Attestation de demande d'asile;'=CADA Les Tilleuls")).toBe(true);
    await refused(backend, 'candidates.export', { more: ['healthNote'] });
  });

  it('writes the job needs, presentations, placements and recruitments lists with their filters, in words and dates', async () => {
    const backend = await open({ clock: manualClock() });
    const { person, company, job } = await basics(backend);
    await ok(backend, 'jobNeeds.create', { employerId: company.id, occupation: 'Agent de propreté', contractType: 'cdi', state: 'filled' });
    await ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id, author: 'Claire' });
    await ok(backend, 'placements.create', immersion(person.id, company.id, '2026-03-16', '2026-03-27'));

    const needs = await xlsxRows((await ok(backend, 'jobNeeds.export', { language: 'fr', filters: { states: ['open'] }, more: ['hoursPerWeek'] })).contentBase64);
    expect(needs).toEqual([
      ['Métier', 'Employeur', 'Type de contrat', 'Nombre de postes', 'Date de début', 'État', "Besoin valable jusqu'au", 'Heures par semaine'],
      ['Cariste', 'Transports Martin', 'CDD', 1, null, 'Ouvert'],
    ]);
    expect(await csvLines(ok(backend, 'presentations.export', { format: 'csv', language: 'en', filters: { states: ['proposed'] } }))).toEqual([
      '\uFEFFCandidate;Occupation;Employer;State;State since',
      'Amina Diallo;Cariste;Transports Martin;Proposed;10/03/2026',
    ]);
    expect(await csvLines(ok(backend, 'presentations.export', { format: 'csv', filters: { states: ['refused'] } }))).toHaveLength(1);
    // Hired elsewhere, the presentation becomes obsolete: after the presentations were read.
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-04-01' });
    expect(await csvLines(ok(backend, 'placements.export', { format: 'csv', language: 'it', filters: { kinds: ['pmsmp'] } }))).toEqual([
      '\uFEFFCandidato;Tipo di inserimento;Struttura ospitante;Data di inizio;Data di fine prevista;Esito',
      'Amina Diallo;PMSMP (immersione lavorativa);Transports Martin;16/03/2026;27/03/2026;',
    ]);
    const recruitments = await xlsxRows((await ok(backend, 'recruitments.export', { language: 'fr', filters: { employerId: company.id } })).contentBase64);
    expect(recruitments[1]).toEqual(['Amina Diallo', 'CDI', 'Transports Martin', new Date('2026-04-01T00:00:00Z'), null, 'Emploi durable']);
  });

  it('gives lists out only to the roles that may take them, refused before anything is read', async () => {
    const backend = await open();
    await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Diallo', consentRecording: true });
    for (const role of ['volunteer', 'reader'] as const) {
      signInAs(backend, accountOf(role));
      for (const method of ['candidates.export', 'jobNeeds.export', 'presentations.export', 'placements.export', 'recruitments.export'] as const) {
        await refused(backend, method, {}, {}, 'forbidden');
      }
    }
    signInAs(backend, accountOf('staff'));
    expect(await csvLines(ok(backend, 'candidates.export', { format: 'csv' }))).toHaveLength(2);
  });
});
