import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../support/api';
import { useBackend } from '../../../support/temp';

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
    await ok(backend, 'employers.create', { name: '@Logistique Rhône', postalCode: '69003', commune: 'Lyon', sectorId: '00000000-0000-7000-8000-000000000001' });
    await ok(backend, 'employers.create', { name: 'Boulangerie Martin', commune: 'Vénissieux' });
    const xlsx = await ok(backend, 'employers.export', { language: 'it', filters: { query: 'lyon' } });
    expect(xlsx.fileName).toMatch(/^datori-di-lavoro-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).values).toEqual([undefined, '@Logistique Rhône', undefined, 'Logistica', '69003', 'Lyon', 0]);
    const csv = Buffer.from((await ok(backend, 'employers.export', { format: 'csv', filters: { query: 'lyon' } })).contentBase64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[1]).toBe("'@Logistique Rhône;;Logistique;69003;Lyon;0;;");
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
});
