import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ODS_MIME_TYPE } from '../../../../electron/formats/ods';
import { contentHash, ok, refused } from '../../../support/api';
import { useBackend } from '../../../support/temp';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** Text as a French Excel saves "CSV (séparateur : point-virgule)": Windows-1252. */
function windows1252(lines: string[]): Uint8Array {
  return Uint8Array.from([...lines.join('\r\n')].map((char) => ({ é: 0xe9, è: 0xe8, ë: 0xeb, ç: 0xe7, î: 0xee, É: 0xc9 })[char] ?? char.charCodeAt(0)));
}

/** An ODS as LibreOffice writes it, one table per sheet, every cell text. */
function ods(sheets: Record<string, string[][]>): string {
  const cell = (value: string) => (value === '' ? '<table:table-cell/>' : `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`);
  const tables = Object.entries(sheets)
    .map(([name, rows]) => `<table:table table:name="${name}">${rows.map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`).join('')}</table:table>`)
    .join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  return base64(zipSync({ mimetype: [strToU8(ODS_MIME_TYPE), { level: 0 }], 'content.xml': strToU8(content), 'META-INF/manifest.xml': strToU8('<manifest/>') }));
}

describe('spreadsheet import of employers, job needs, volunteers and partners', () => {
  const open = useBackend();

  it('brings employers in with their contact from a French Excel CSV: SIRET with spaces checked, a new sector on confirmation, merge fills only empty fields, undo removes exactly what it wrote', async () => {
    const backend = await open();
    const file = windows1252([
      'Entreprises partenaires 2026;;;;;;;;',
      'Raison sociale;SIRET;Secteur;Code postal;Ville;Contact;Fonction;Tél contact;Mail contact',
      'Boulangerie Léa;732 829 320 00074;Maraîchage bio;1000;Bourg-en-Bresse;Mme Dupré;Gérante;612345678;lea@example.fr',
      'Garage Noël;732 829 320 00075;Industrie;69003;Lyon;;;;',
      'Propreté Rhône;;Propreté;69007;Lyon;;;06 11 22 33 44;',
      'TOTAL;3;;;;;;;',
    ]);
    const opened = await ok(backend, 'sheets.open', { fileName: 'employeurs.csv', contentBase64: base64(file) });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'employers' });
    expect(preview.mapping).toEqual(['name', 'siret', 'sector', 'postalCode', 'commune', 'contactName', 'contactRole', 'contactPhone', 'contactEmail']);
    expect(preview.rows.map((row) => [row.line, row.status, row.name])).toEqual([
      [3, 'new', 'Boulangerie Léa'],
      [4, 'error', 'Garage Noël'],
      [5, 'error', 'Propreté Rhône'],
    ]);
    expect(preview.rows[1]?.errors).toEqual([{ column: 1, message: 'sheets.errors.siretCheck', text: '732 829 320 00075' }]);
    // A contact's phone without the contact's name: the name is said missing.
    expect(preview.rows[2]?.errors).toEqual([{ column: 5, message: 'sheets.errors.missingField.name', text: '' }]);
    expect(preview.newSectors).toEqual(['Maraîchage bio']);

    // The SIRET fixed in the preview is read again; the third row is left out.
    const fixes = [{ line: 4, column: 1, value: '73282932000074' }];
    const fixed = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'employers', fixes });
    // The fixed SIRET is now the same as the first row's: the same employer twice in the file.
    expect(fixed.rows[1]).toMatchObject({ status: 'duplicate', sameFileLine: 3, errors: [] });

    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId, kind: 'employers', createMissing: true });
    expect(applied).toMatchObject({ kind: 'employers', created: 1, merged: 0 });
    const { items } = await ok(backend, 'employers.list', { query: 'Léa' });
    const lea = await ok(backend, 'employers.get', { id: items[0]?.id as string });
    expect(lea).toMatchObject({ siret: '73282932000074', postalCode: '01000', commune: 'Bourg-en-Bresse', address: null });
    expect(lea.contacts).toMatchObject([{ name: 'Mme Dupré', role: 'Gérante', phone: '+33612345678', email: 'lea@example.fr' }]);
    expect(lea.sectorId).not.toBeNull();

    // A second file names the same employer by its SIRET: merge fills the address, keeps the commune.
    const second = await ok(backend, 'sheets.open', {
      fileName: 'adresses.csv',
      contentBase64: base64(windows1252(['Nom;SIRET;Adresse;Ville', 'BOULANGERIE LEA;73282932000074;3 rue des Fours;Bourg']))
    });
    const merging = await ok(backend, 'sheets.preview', { importId: second.importId, kind: 'employers' });
    expect(merging.rows[0]).toMatchObject({ status: 'duplicate', duplicates: [{ id: lea.id, reasons: ['same_siret', 'same_name'] }] });
    expect(merging.rows[0]?.merge).toEqual([
      { field: 'name', value: 'BOULANGERIE LEA', kept: 'Boulangerie Léa' },
      { field: 'address', value: '3 rue des Fours', kept: null },
      { field: 'commune', value: 'Bourg', kept: 'Bourg-en-Bresse' },
    ]);
    const merged = await ok(backend, 'sheets.apply', { importId: second.importId, kind: 'employers', merge: [2] });
    expect(merged).toMatchObject({ kind: 'employers', created: 0, merged: 1 });
    expect(await ok(backend, 'employers.get', { id: lea.id })).toMatchObject({ name: 'Boulangerie Léa', address: '3 rue des Fours', commune: 'Bourg-en-Bresse' });

    await ok(backend, 'sheets.undo', { id: merged.id });
    expect((await ok(backend, 'employers.get', { id: lea.id })).address).toBeNull();
    // The first import's employer was changed since (by the merge and its undoing): it stays.
    await refused(backend, 'sheets.undo', { id: applied.id });
    expect((await ok(backend, 'sheets.history', {})).map((entry) => [entry.kind, entry.created, entry.merged, entry.undoneAt !== null])).toEqual([
      ['employers', 0, 1, true],
      ['employers', 1, 0, false],
    ]);
  });

  it('merges an employer\'s contacts: adds the ones it lacks, keeps its own; undo removes exactly the added one, and is refused once the employer is edited', async () => {
    const backend = await open();
    const employer = await ok(backend, 'employers.create', {
      name: 'Logistique du Port',
      siret: '73282932000074',
      contacts: [{ name: 'Mme Dupré', role: 'Gérante', phone: '0612345678', email: null }],
    });
    const ownContacts = (await ok(backend, 'employers.get', { id: employer.id })).contacts;
    const file = windows1252([
      'Raison sociale;SIRET;Contact;Fonction;Tél contact;Mail contact',
      'Logistique du Port;73282932000074;M. Benali;Chef d\'équipe;0698765432;k.benali@example.fr',
      'Logistique du Port;73282932000074;MME DUPRE;;0612345678;',
    ]);
    const importFile = async (merge: number[]) => {
      const opened = await ok(backend, 'sheets.open', { fileName: 'contacts.csv', contentBase64: base64(file) });
      const preview = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'employers' });
      return { preview, applied: await ok(backend, 'sheets.apply', { importId: opened.importId, kind: 'employers', merge }) };
    };

    const first = await importFile([2, 3]);
    expect(first.preview.rows[0]?.merge).toEqual([{ field: 'contacts', value: 'M. Benali (+33698765432, k.benali@example.fr)', kept: null, added: true }]);
    // Mme Dupré is known by her name and her phone: nothing to add.
    expect(first.preview.rows[1]?.merge).toEqual([]);
    expect(first.applied).toMatchObject({ kind: 'employers', created: 0, merged: 1 });
    const merged = await ok(backend, 'employers.get', { id: employer.id });
    expect(merged.contacts).toMatchObject([
      ownContacts[0] as object,
      { name: 'M. Benali', role: "Chef d'équipe", phone: '+33698765432', email: 'k.benali@example.fr' },
    ]);
    await ok(backend, 'sheets.undo', { id: first.applied.id });
    expect((await ok(backend, 'employers.get', { id: employer.id })).contacts).toEqual(ownContacts);

    const second = await importFile([2]);
    await ok(backend, 'employers.update', { id: employer.id, commune: 'Marseille' });
    await refused(backend, 'sheets.undo', { id: second.applied.id });
    expect(await backend.dispatch('sheets.undo', { id: second.applied.id })).toMatchObject({ ok: false, error: { message: 'sheets.errors.undoTouched?count=1' } });
    expect((await ok(backend, 'employers.get', { id: employer.id })).contacts).toHaveLength(2);
  });

  it('brings job needs in from an XLSX with a title row, matched to their employer by SIRET or name; a corrected cell is read again; undo removes them', async () => {
    const backend = await open();
    const employer = await ok(backend, 'employers.create', { name: 'Logistique du Port', siret: '73282932000074' });
    await ok(backend, 'employers.create', { name: 'Hôtel Bellevue' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Besoins');
    sheet.addRow(['Besoins de recrutement — printemps']);
    sheet.addRow([]);
    sheet.addRow(['Employeur', 'SIRET', 'Poste', 'Type de contrat', 'Nombre de postes', 'Date de début', 'Date de fin', 'Niveau de français']);
    sheet.addRow(['', 73282932000074, 'Préparateur de commandes', 'CDD', 2, new Date(Date.UTC(2026, 2, 2)), '31/08/2026', 'A2 oral']);
    sheet.addRow(['Hotel Bellevue', '', 'Plongeur', 'intérim', '3 postes', '2026-04-01', '', '?']);
    sheet.addRow(['Boulangerie inconnue', '', 'Vendeur', 'CDI', 1, '', '', '']);
    sheet.addRow(['Hôtel Bellevue', '', 'Femme de chambre', 'CDI', 1, '01/05/2026', '30/09/2026', '']);
    const contentBase64 = base64(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const opened = await ok(backend, 'sheets.open', { fileName: 'besoins.xlsx', contentBase64 });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'jobNeeds' });
    expect(preview.headerRow).toBe(2);
    expect(preview.mapping).toEqual(['employer', 'siret', 'occupation', 'contractType', 'positions', 'startDate', 'endDate', 'minFrenchLevel']);
    expect(preview.rows.map((row) => [row.status, row.name, row.errors])).toEqual([
      ['new', 'Préparateur de commandes', []],
      ['new', 'Plongeur', []],
      ['error', 'Vendeur', [{ column: 0, message: 'sheets.errors.employerUnknown', text: 'Boulangerie inconnue' }]],
      ['error', 'Femme de chambre', [{ column: 6, message: 'employers.errors.cdiEndDate', text: '30/09/2026' }]],
    ]);
    const fixes = [{ line: 7, column: 3, value: 'CDD' }];
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId, kind: 'jobNeeds', fixes });
    expect(applied).toMatchObject({ kind: 'jobNeeds', created: 3 });
    const needs = (await ok(backend, 'jobNeeds.list', { employerId: employer.id })).items;
    expect(needs).toMatchObject([{ occupation: 'Préparateur de commandes', contractType: 'cdd', positions: 2, startDate: '2026-03-02', endDate: '2026-08-31', minFrenchLevel: 'A2' }]);
    const plongeur = (await ok(backend, 'jobNeeds.list', { query: 'Plongeur' })).items[0];
    expect(plongeur).toMatchObject({ contractType: 'temporary', positions: 3, minFrenchLevel: null, employerName: 'Hôtel Bellevue' });

    // The same file again: each need is a likely duplicate of the one it made.
    const again = await ok(backend, 'sheets.open', { fileName: 'besoins.xlsx', contentBase64 });
    const repeated = await ok(backend, 'sheets.preview', { importId: again.importId, kind: 'jobNeeds', fixes });
    expect(repeated.rows.map((row) => row.status)).toEqual(['duplicate', 'duplicate', 'error', 'duplicate']);
    expect(repeated.rows[0]?.duplicates[0]?.reasons).toEqual(['same_employer_occupation']);

    await ok(backend, 'sheets.undo', { id: applied.id });
    expect((await ok(backend, 'jobNeeds.list', {})).total).toBe(0);
    expect((await ok(backend, 'employers.list', {})).total).toBe(2);
  });

  it('brings volunteers and partner associations in from the two sheets of an ODS; a duplicate volunteer is skipped, and what a merge would fill is shown', async () => {
    const backend = await open();
    await ok(backend, 'volunteers.create', { firstName: 'Hélène', lastName: 'Martin', email: 'helene@example.fr' });
    const contentBase64 = ods({
      Bénévoles: [
        ['Nom', 'Prénom', 'Portable', 'Courriel', 'Secteur', 'Disponibilités'],
        ['MARTIN', 'Hélène', '0611223344', '', 'Logistique', 'mardi matin'],
        ['Rossi', 'Giulia', '6 12 34 56 78', 'giulia@example.it', '', ''],
        ['', '', '0612345678', '', '', ''],
      ],
      Partenaires: [
        ['Liste des structures'],
        ['Structure', 'Type', 'Ville', 'Téléphone', 'Référent', 'Fonction'],
        ['CADA Les Tilleuls', 'CADA', 'Lyon', '04 72 00 00 00', 'Samir B.', 'Travailleur social'],
        ['Mission locale Est', 'Mission locale', 'Villeurbanne', '', '', ''],
        ['Café solidaire', 'Tiers-lieu', '', '', '', ''],
      ],
    });
    const opened = await ok(backend, 'sheets.open', { fileName: 'reseau.ods', contentBase64 });
    expect(opened.sheets.map((sheet) => sheet.name)).toEqual(['Bénévoles', 'Partenaires']);

    const volunteers = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'volunteers' });
    expect(volunteers.mapping).toEqual(['lastName', 'firstName', 'phone', 'email', 'sector', 'availability']);
    expect(volunteers.rows.map((row) => [row.status, row.name])).toEqual([
      ['duplicate', 'Hélène Martin'],
      ['new', 'Giulia Rossi'],
      ['error', ''],
    ]);
    expect(volunteers.rows[0]?.merge).toEqual([
      { field: 'phone', value: '+33611223344', kept: null },
      { field: 'availability', value: 'mardi matin', kept: null },
    ]);
    const before = contentHash(backend);
    await refused(backend, 'sheets.preview', { importId: opened.importId, kind: 'volunteers', mapping: ['siret'] });
    expect(contentHash(backend)).toBe(before);
    const appliedVolunteers = await ok(backend, 'sheets.apply', { importId: opened.importId, kind: 'volunteers' });
    expect(appliedVolunteers).toMatchObject({ kind: 'volunteers', created: 1 });
    const giulia = (await ok(backend, 'volunteers.list', { query: 'Rossi' })).items[0];
    expect(giulia).toMatchObject({ phone: '+33612345678', email: 'giulia@example.it' });
    expect((await ok(backend, 'volunteers.list', {})).total).toBe(2);

    const reopened = await ok(backend, 'sheets.open', { fileName: 'reseau.ods', contentBase64 });
    const partners = await ok(backend, 'sheets.preview', { importId: reopened.importId, kind: 'partners', sheet: 1 });
    expect(partners.mapping).toEqual(['name', 'partnerKind', 'commune', 'phone', 'contactName', 'contactRole']);
    expect(partners.rows.map((row) => [row.status, row.name, row.errors.map((error) => error.message)])).toEqual([
      ['new', 'CADA Les Tilleuls', []],
      ['new', 'Mission locale Est', []],
      ['error', 'Café solidaire', ['sheets.errors.partnerKind']],
    ]);
    const appliedPartners = await ok(backend, 'sheets.apply', { importId: reopened.importId, kind: 'partners', sheet: 1 });
    expect(appliedPartners).toMatchObject({ kind: 'partners', created: 2 });
    const cada = (await ok(backend, 'partners.list', { query: 'Tilleuls' })).items[0];
    expect(await ok(backend, 'partners.get', { id: cada?.id as string })).toMatchObject({
      kind: 'asylum_housing',
      phone: '+33472000000',
      contacts: [{ name: 'Samir B.', role: 'Travailleur social' }],
    });
    expect((await ok(backend, 'partners.get', { id: (await ok(backend, 'partners.list', { query: 'Mission' })).items[0]?.id as string })).kind).toBe('social_service');

    await ok(backend, 'sheets.undo', { id: appliedPartners.id });
    await ok(backend, 'sheets.undo', { id: appliedVolunteers.id });
    expect((await ok(backend, 'partners.list', {})).total).toBe(0);
    expect((await ok(backend, 'volunteers.list', {})).total).toBe(1);
  });

  it('creates a partner whose row names no kind as "other", and a merge into a known partner leaves its kind as it is', async () => {
    const backend = await open();
    const known = await ok(backend, 'partners.create', { name: 'CADA Les Tilleuls', kind: 'asylum_housing' });
    const opened = await ok(backend, 'sheets.open', { fileName: 'partenaires.csv', contentBase64: base64('Structure;Ville\r\nCADA Les Tilleuls;Lyon\r\nCafé des habitants;Vénissieux\r\n') });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId, kind: 'partners' });
    expect(preview.rows.map((row) => [row.status, row.merge])).toEqual([
      ['duplicate', [{ field: 'commune', value: 'Lyon', kept: null }]],
      ['new', []],
    ]);
    await ok(backend, 'sheets.apply', { importId: opened.importId, kind: 'partners', merge: [2] });
    expect(await ok(backend, 'partners.get', { id: known.id })).toMatchObject({ kind: 'asylum_housing', commune: 'Lyon' });
    const created = (await ok(backend, 'partners.list', { query: 'habitants' })).items[0];
    expect(await ok(backend, 'partners.get', { id: created?.id as string })).toMatchObject({ kind: 'other', commune: 'Vénissieux' });
  });
});
