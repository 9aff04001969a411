import ExcelJS from 'exceljs';
import { budgetFor } from '../../../support/budget';
import { SHEET_MAX_BASE64_LENGTH } from '../../../../shared/sheets';
import { describe, expect, it } from 'vitest';
import { contentHash, ok, refused } from '../../../support/api';
import { useBackend } from '../../../support/temp';
import { readSpreadsheet } from '../../../../electron/formats/spreadsheet';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A French Excel's "CSV (séparateur : point-virgule)": Windows-1252, a title above the header, a TOTAL row. */
function frenchExcelCsv(): Uint8Array {
  const text = [
    'Suivi des personnes accompagnées;;;;;;',
    ';;;;;;',
    'NOM;Prénom;Date de naissance;Portable;Niveau de français;Titre de séjour;Orienté par',
    'DIALLO;Aminata;15/03/1994;612345678;B1 (DELF);Récépissé;CADA Les Tilleuls',
    'Lefèvre;Noël;2/11/88;06.98.76.54.32;débutant;APS;',
    'Benali;Karim;31/02/1990;0700000001;A2;carte de résident;',
    'DIALLO;Aminata;15/03/1994;;B1;;',
    'TOTAL;4;;;;;',
  ].join('\r\n');
  return Uint8Array.from([...text].map((char) => ({ é: 0xe9, è: 0xe8, ë: 0xeb, ç: 0xe7 })[char] ?? char.charCodeAt(0)));
}

describe('spreadsheet import of candidates', () => {
  const open = useBackend();

  it('previews a French Excel CSV: accents, dates, phones and levels read, bad rows explained, the same person twice found', async () => {
    const backend = await open();
    const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.csv', contentBase64: base64(frenchExcelCsv()) });
    expect(opened).toMatchObject({ format: 'csv', encoding: 'windows-1252', encodingAssumed: true, separator: ';', sheets: [{ rows: 8 }] });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId });
    expect(preview.headerRow).toBe(2);
    expect(preview.mapping).toEqual(['lastName', 'firstName', 'birthDate', 'phone', 'frenchLevel', 'authorisationDocument', 'referralPartner']);
    expect(preview.skipped).toEqual({ blank: 0, totals: 1 });
    expect(preview.rows.map((row) => [row.line, row.status, row.name])).toEqual([
      [4, 'new', 'Aminata Diallo'],
      [5, 'new', 'Noël Lefèvre'],
      [6, 'error', 'Karim Benali'],
      [7, 'duplicate', 'Aminata Diallo'],
    ]);
    expect(preview.rows[2]?.errors).toEqual([{ column: 2, message: 'sheets.errors.date', text: '31/02/1990' }]);
    expect(preview.rows[3]?.sameFileLine).toBe(4);
    expect(preview.documents.map((document) => [document.text, document.document])).toEqual([
      ['Récépissé', 'protection_receipt'],
      ['APS', 'other_residence_permit'],
      ['carte de résident', 'refugee_resident_card'],
    ]);
    expect(preview.newPartners).toEqual(['CADA Les Tilleuls']);
  });

  it('applies after a backup in one transaction, remembers the mapping, and undoes exactly what it created', async () => {
    const backend = await open();
    const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.csv', contentBase64: base64(frenchExcelCsv()) });
    // The person says the "Récépissé" of this association is an asylum seeker's certificate.
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId, documents: { 'Récépissé': 'asylum_certificate' }, createMissing: true });
    expect(applied.created).toBe(2);
    const { items } = await ok(backend, 'candidates.list', { query: 'Diallo' });
    expect(items).toHaveLength(1);
    const aminata = await ok(backend, 'candidates.get', { id: items[0]?.id as string });
    expect(aminata).toMatchObject({ birthDate: '1994-03-15', phone: '+33612345678', frenchLevel: 'B1', frenchLevelProof: 'delf', authorisationDocument: 'asylum_certificate' });
    expect(aminata.referralPartnerId).not.toBeNull();
    const backups = await ok(backend, 'backups.status', {});
    expect(backups.backups.map((backup) => backup.reason)).toContain('before-import');

    // The next file with the same headers gets the mapping back.
    const again = await ok(backend, 'sheets.open', { fileName: 'suivi-2.csv', contentBase64: base64(frenchExcelCsv()) });
    const preview = await ok(backend, 'sheets.preview', { importId: again.importId });
    expect(preview.mappingRemembered).toBe(true);
    expect(preview.counts).toEqual({ new: 0, duplicate: 3, error: 1 });
    await ok(backend, 'sheets.drop', { importId: again.importId });

    await ok(backend, 'sheets.undo', { id: applied.id });
    expect((await ok(backend, 'candidates.list', {})).total).toBe(0);
    expect((await ok(backend, 'sheets.history', {}))[0]).toMatchObject({ id: applied.id, created: 2 });
    await refused(backend, 'sheets.undo', { id: applied.id });
  });

  it('undoes a large import with the search index rewritten once: not a word of its files left in the index, secure deletion on again', async () => {
    const backend = await open();
    await ok(backend, 'candidates.create', { firstName: 'Hélène', lastName: 'Martin', consentRecording: true });
    const rows = Array.from({ length: 600 }, (_, index) => `Quetzalcoatlia;Ixchel${index};0${String(612000000 + index)}`);
    const csv = ['Nom;Prénom;Téléphone', ...rows].join('\r\n');
    const opened = await ok(backend, 'sheets.open', { fileName: 'grand.csv', contentBase64: base64(csv) });
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId });
    expect(applied.created).toBe(600);
    const { sqlite } = backend.database;
    // The word as the index's pages hold it (a term shares at most its first letters with the one before).
    const inIndex = () => (sqlite.prepare('SELECT block FROM candidate_search_data').pluck().all() as Buffer[]).some((block) => block.includes('tzalcoatlia'));
    expect(inIndex()).toBe(true);
    await ok(backend, 'sheets.undo', { id: applied.id });
    expect(inIndex()).toBe(false);
    expect((await ok(backend, 'candidates.list', { query: 'quetzalcoatlia' })).total).toBe(0);
    expect((await ok(backend, 'candidates.list', { query: 'helene' })).total).toBe(1);
    expect(sqlite.prepare("SELECT v FROM candidate_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
  });

  it('merges a likely duplicate into the existing file: fills its empty fields only, and undo empties them again', async () => {
    const backend = await open();
    const existing = await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Diallo', birthDate: '1994-03-15', frenchLevel: 'A2', consentRecording: true });
    const csv = 'Nom;Prénom;Date de naissance;Portable;Niveau de français\r\nDIALLO;Aminata;15/03/1994;612345678;B1\r\n';
    const opened = await ok(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(csv) });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId });
    expect(preview.rows[0]).toMatchObject({ status: 'duplicate', duplicates: [{ id: existing.id, name: 'Diallo Aminata' }] });
    expect(preview.rows[0]?.merge).toEqual([
      { field: 'phone', value: '+33612345678', kept: null },
      { field: 'frenchLevel', value: 'B1', kept: 'A2' },
    ]);
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId, merge: [2] });
    expect(applied).toMatchObject({ kind: 'candidates', created: 0, merged: 1 });
    expect(await ok(backend, 'candidates.get', { id: existing.id })).toMatchObject({ phone: '+33612345678', frenchLevel: 'A2' });
    await ok(backend, 'sheets.undo', { id: applied.id });
    expect(await ok(backend, 'candidates.get', { id: existing.id })).toMatchObject({ phone: null, frenchLevel: 'A2' });
  });

  it('merges lists and phones too: adds the sector, occupation and phone the file lacks, never removes or overwrites; undo takes out exactly them, and is refused once the file is edited', async () => {
    const backend = await open();
    const [logistics, cleaning] = [await ok(backend, 'sectors.create', { name: 'Maraîchage bio' }), await ok(backend, 'sectors.create', { name: 'Apiculture' })];
    const existing = await ok(backend, 'candidates.create', {
      firstName: 'Aminata',
      lastName: 'Diallo',
      birthDate: '1994-03-15',
      phone: '0611111111',
      sectorIds: [logistics.id],
      occupations: [{ label: 'Cariste', romeCode: null }],
      consentRecording: true,
    });
    const before = { phone: '+33611111111', secondPhone: null, sectorIds: [logistics.id], occupations: [{ label: 'Cariste', romeCode: null }] };
    const mapping = ['lastName', 'firstName', 'birthDate', 'phone', 'sector', 'occupation'] as const;
    // The sector the file already holds and an occupation written otherwise are not added again.
    const csv = [
      'Nom;Prénom;Date de naissance;Portable;Secteur;Métier',
      "DIALLO;Aminata;15/03/1994;0622222222;Apiculture;Agent d'entretien",
      'Diallo;Aminata;15/03/1994;0611111111;maraichage bio;CARISTE',
    ].join('\r\n');
    const importFile = async (merge: number[]) => {
      const opened = await ok(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(csv) });
      const preview = await ok(backend, 'sheets.preview', { importId: opened.importId, mapping: [...mapping] });
      return { preview, applied: await ok(backend, 'sheets.apply', { importId: opened.importId, mapping: [...mapping], merge }) };
    };
    const byField = (changes: { field: string }[] | undefined) => [...(changes ?? [])].sort((a, b) => a.field.localeCompare(b.field));

    const first = await importFile([2, 3]);
    expect(byField(first.preview.rows[0]?.merge)).toEqual([
      { field: 'occupations', value: "Agent d'entretien", kept: null, added: true },
      { field: 'secondPhone', value: '+33622222222', kept: null },
      { field: 'sectorIds', value: cleaning.id, kept: null, added: true },
    ]);
    expect(first.preview.rows[1]?.merge).toEqual([]);
    expect(first.applied).toMatchObject({ created: 0, merged: 1 });
    expect(await ok(backend, 'candidates.get', { id: existing.id })).toMatchObject({
      phone: '+33611111111',
      secondPhone: '+33622222222',
      sectorIds: expect.arrayContaining([logistics.id, cleaning.id]),
      occupations: [
        { label: 'Cariste', romeCode: null },
        { label: "Agent d'entretien", romeCode: null },
      ],
    });
    expect((await ok(backend, 'candidates.get', { id: existing.id })).sectorIds).toHaveLength(2);
    await ok(backend, 'sheets.undo', { id: first.applied.id });
    expect(await ok(backend, 'candidates.get', { id: existing.id })).toMatchObject(before);

    // Merged again, then the file is edited: undo is refused, with its reason, and changes nothing.
    const second = await importFile([2]);
    await ok(backend, 'candidates.update', { id: existing.id, commune: 'Lyon' });
    await refused(backend, 'sheets.undo', { id: second.applied.id });
    expect(await backend.dispatch('sheets.undo', { id: second.applied.id })).toMatchObject({ ok: false, error: { message: 'sheets.errors.undoTouched?count=1' } });
    expect(await ok(backend, 'candidates.get', { id: existing.id })).toMatchObject({ secondPhone: '+33622222222', commune: 'Lyon' });
  });

  it('checks the rows again at apply when a file was written after the preview: a duplicate made meanwhile is skipped', async () => {
    const backend = await open();
    const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.csv', contentBase64: base64(frenchExcelCsv()) });
    expect((await ok(backend, 'sheets.preview', { importId: opened.importId })).counts).toEqual({ new: 2, duplicate: 1, error: 1 });
    await ok(backend, 'candidates.create', { firstName: 'Noël', lastName: 'Lefèvre', birthDate: '1988-11-02', consentRecording: true });
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId });
    expect(applied.created).toBe(1);
    expect((await ok(backend, 'candidates.list', { query: 'Lefèvre' })).total).toBe(1);
  });

  it('refuses to undo an import once one of its files has been used', async () => {
    const backend = await open();
    const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.csv', contentBase64: base64(frenchExcelCsv()) });
    const applied = await ok(backend, 'sheets.apply', { importId: opened.importId });
    const { items } = await ok(backend, 'candidates.list', { query: 'Lefèvre' });
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: items[0]?.id as string, kind: 'call', occurredAt: '2026-01-05', text: 'Appel' });
    await refused(backend, 'sheets.undo', { id: applied.id });
  });

  it('reads an XLSX with a title row, Excel dates and phones stored as numbers', async () => {
    const backend = await open();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personnes');
    sheet.addRow(['Export du fichier de suivi']);
    sheet.addRow(['Cognome', 'Nome', 'Data di nascita', 'Cellulare', 'Nazionalità']);
    sheet.addRow(['Rossi', 'Giulia', new Date(Date.UTC(1990, 4, 2)), 612345678, 'Italie']);
    sheet.getCell('C3').numFmt = 'dd/mm/yyyy';
    const opened = await ok(backend, 'sheets.open', { fileName: 'p.xlsx', contentBase64: base64(new Uint8Array(await workbook.xlsx.writeBuffer())) });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId });
    expect(preview.rows).toMatchObject([{ status: 'new', name: 'Giulia Rossi', errors: [], warnings: [] }]);
  });

  it('refuses bad files with a translated reason and writes nothing', async () => {
    const backend = await open();
    const before = contentHash(backend);
    await refused(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(new Uint8Array()) });
    await refused(backend, 'sheets.open', { fileName: 'x.xls', contentBase64: base64(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])) });
    await refused(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(`${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(';')}\n`) });
    await refused(backend, 'sheets.preview', { importId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, {}, 'not_found');
    expect(contentHash(backend)).toBe(before);
  });

  it('gives the left-out rows back as CSV with a column saying why, formulas made inert', async () => {
    const backend = await open();
    const csv = 'Nom;Prénom;Date de naissance\r\n=HYPERLINK("x");Eve;32/01/2000\r\nMartin;Paul;01/01/1990\r\n';
    const opened = await ok(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(csv) });
    const { fileName, contentBase64 } = await ok(backend, 'sheets.leftOut', { importId: opened.importId, language: 'fr' });
    expect(fileName).toMatch(/-lignes-non-importees\.csv$/);
    const leftOut = Buffer.from(contentBase64, 'base64').toString('utf8');
    expect(leftOut.startsWith('\uFEFFMotif;Nom;Prénom;Date de naissance\r\n')).toBe(true);
    expect(leftOut).toContain(`Date de naissance : Date illisible`);
    expect(leftOut).toContain(`"'=HYPERLINK(""x"")"`);
    expect(leftOut).not.toContain('Martin');
  });

  it('gives the left-out rows of an XLSX back as an XLSX that, once fixed, comes in again as it is', async () => {
    const backend = await open();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Suivi');
    sheet.addRow(['Suivi 2026']);
    sheet.addRow(['NOM', 'Prénom', 'Date de naissance', 'Portable', 'Date fin titre']);
    sheet.addRow(['MARTIN', 'Paul', new Date(Date.UTC(1990, 0, 1)), 698765432, null]);
    sheet.addRow(['DIALLO', 'Aminata', '32/01/2000', 612345678, new Date(Date.UTC(2027, 5, 30))]);
    sheet.getCell('C3').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E4').numFmt = 'dd/mm/yyyy';
    const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.xlsx', contentBase64: base64(new Uint8Array(await workbook.xlsx.writeBuffer())) });
    expect((await ok(backend, 'sheets.preview', { importId: opened.importId })).counts).toEqual({ new: 1, duplicate: 0, error: 1 });

    const leftOut = await ok(backend, 'sheets.leftOut', { importId: opened.importId, language: 'it' });
    expect(leftOut.fileName).toMatch(/\.xlsx$/);
    const bytes = Buffer.from(leftOut.contentBase64, 'base64');
    const [read] = (await readSpreadsheet(bytes)).sheets;
    expect(read?.rows[0]).toEqual(['Motivo', 'NOM', 'Prénom', 'Date de naissance', 'Portable', 'Date fin titre']);
    // The reason in the person's language; the phone still a number, the date still a date.
    expect(read?.rows[1]).toEqual([expect.stringContaining('Date de naissance : Data illeggibile'), 'DIALLO', 'Aminata', '32/01/2000', 612345678, new Date(Date.UTC(2027, 5, 30))]);
    expect(read?.rows).toHaveLength(2);

    // Fixed in the spreadsheet, and imported again as it is: the reason column is not taken for a field.
    const fixing = new ExcelJS.Workbook();
    await fixing.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    (fixing.worksheets[0] as ExcelJS.Worksheet).getCell('D2').value = '01/02/2000';
    const again = await ok(backend, 'sheets.open', { fileName: leftOut.fileName, contentBase64: base64(new Uint8Array(await fixing.xlsx.writeBuffer())) });
    const preview = await ok(backend, 'sheets.preview', { importId: again.importId });
    expect(preview.mapping).toEqual([null, 'lastName', 'firstName', 'birthDate', 'phone', 'authorisationExpiry']);
    expect(preview.counts).toEqual({ new: 1, duplicate: 0, error: 0 });
    await ok(backend, 'sheets.apply', { importId: again.importId });
    const { items } = await ok(backend, 'candidates.list', { query: 'Diallo' });
    expect(items).toMatchObject([{ firstName: 'Aminata', lastName: 'Diallo', birthDate: '2000-02-01', phone: '+33612345678', authorisationExpiry: '2027-06-30' }]);
  });

  // Three files read on a worker (the zip bomb's refusal through it: test/unit/formats/sheet-worker.test.ts) and a 67 MB request validated.
  it('refuses a 5 MB cell, an unknown encoding and a file over the size, with a translated reason, writing nothing; flags a formula in a name', { timeout: budgetFor(4, 15_000) }, async () => {
    const backend = await open();
    const before = contentHash(backend);
    const refusal = async (contentBase64: string) => {
      const result = await backend.dispatch('sheets.open', { fileName: 'x', contentBase64 });
      return result.ok ? 'read' : result.error.message;
    };
    expect(await refusal(base64(`Nom;Note\nDiallo;${'x'.repeat(5 * 1024 * 1024)}\n`))).toBe('sheets.errors.cellTooLong?max=32767');
    expect(await refusal(base64(Uint8Array.from([0x4e, 0x6f, 0x6d, 0x0a, 0x81, 0x8d, 0x90, 0x0a])))).toBe('sheets.errors.encoding');
    await refused(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: 'A'.repeat(SHEET_MAX_BASE64_LENGTH + 4) }, { contentBase64: 'sheets.errors.tooLarge' });
    expect(contentHash(backend)).toBe(before);

    const opened = await ok(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64('Nom;Prénom\r\n=HYPERLINK("http://x");Eve\r\n') });
    const preview = await ok(backend, 'sheets.preview', { importId: opened.importId });
    expect(preview.rows[0]).toMatchObject({ status: 'new', warnings: [{ column: 0, message: 'sheets.errors.formula' }] });
  });
});
