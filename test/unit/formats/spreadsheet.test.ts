import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SheetReadError } from '../../../electron/formats/csv';
import { ODS_MIME_TYPE } from '../../../electron/formats/ods';
import { readSpreadsheet } from '../../../electron/formats/spreadsheet';
import { unzipBounded } from '../../../electron/formats/zip';
import { readDate, readPhone } from '../../../shared/sheet-values';
import { locateTable } from '../../../shared/sheet-table';

async function refusal(call: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SheetReadError) return error.messageKey;
    throw error;
  }
  return 'read';
}

/** An ODS file as LibreOffice writes one: the mimetype first and stored, a grid filled by repeated empty rows and cells. */
function odsFile(rowsXml: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="Suivi 2026">${rowsXml}</table:table><table:table table:name="Vide"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8(ODS_MIME_TYPE), { level: 0 }], 'content.xml': strToU8(content), 'META-INF/manifest.xml': strToU8('<manifest/>') });
}

const text = (value: string, repeat = 1) => `<table:table-cell office:value-type="string" table:number-columns-repeated="${repeat}"><text:p>${value}</text:p></table:table-cell>`;

describe('readSpreadsheet', () => {
  it('reads an ODS sheet: typed values, spaces kept, a title above the header, and a grid of a million empty rows left out', async () => {
    const file = odsFile(
      `<table:table-row>${text('Liste des personnes &amp; suivi')}<table:table-cell table:number-columns-repeated="1023"/></table:table-row>
       <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
       <table:table-row>${text('Nom')}${text('Prénom')}${text('Date de naissance')}${text('Portable')}</table:table-row>
       <table:table-row>${text('Diallo')}${text('Aminata<text:s text:c="2"/>Fatou')}<table:table-cell office:value-type="date" office:date-value="1994-03-15"><text:p>15/03/94</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="612345678"><text:p>612345678</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>
       <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`,
    );
    const read = await readSpreadsheet(file);
    expect(read.format).toBe('ods');
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['Suivi 2026', 'Vide']);
    const [sheet, empty] = read.sheets;
    expect(empty?.rows).toEqual([]);
    expect(sheet?.rows.length).toBe(5);
    const table = locateTable(sheet?.rows ?? []);
    expect(table?.headers).toEqual(['Nom', 'Prénom', 'Date de naissance', 'Portable']);
    const person = table?.rows[0]?.cells ?? [];
    expect(person.slice(0, 2)).toEqual(['Diallo', 'Aminata  Fatou']);
    expect(readDate(person[2])).toEqual({ kind: 'value', value: '1994-03-15' });
    expect(readPhone(person[3])).toEqual({ kind: 'value', value: '+33612345678' });
  });

  it('reads an XLSX sheet with Excel dates, numbers, rich text and formulas as their values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personnes');
    sheet.addRow(['Suivi des personnes — export du 02/12/2026']);
    sheet.addRow([]);
    sheet.addRow(['Nom', 'Prénom', 'Date fin titre', 'Tél', 'Âge']);
    sheet.addRow(['Martin', { richText: [{ text: 'Hé' }, { text: 'lène', font: { bold: true } }] }, new Date(Date.UTC(2027, 5, 30)), 712345678, { formula: '2026-1990', result: 36 }]);
    sheet.getCell('C4').numFmt = 'dd/mm/yyyy';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readSpreadsheet(bytes);
    expect(read.format).toBe('xlsx');
    const table = locateTable(read.sheets[0]?.rows ?? []);
    expect(table?.headerRow).toBe(2);
    const person = table?.rows[0]?.cells ?? [];
    expect(person[0]).toBe('Martin');
    expect(person[1]).toBe('Hélène');
    expect(readDate(person[2])).toEqual({ kind: 'value', value: '2027-06-30' });
    expect(readPhone(person[3])).toEqual({ kind: 'value', value: '+33712345678' });
    expect(person[4]).toBe(36);
  });

  it('reads a French Excel CSV in Windows-1252 and says the encoding was assumed', async () => {
    const bytes = Uint8Array.from([...'Nom;Prénom\r\nLefèvre;Noël\r\n'].map((char) => ({ é: 0xe9, è: 0xe8, ë: 0xeb })[char] ?? char.charCodeAt(0)));
    const read = await readSpreadsheet(bytes);
    expect(read).toMatchObject({ format: 'csv', encoding: 'windows-1252', encodingAssumed: true, separator: ';' });
    expect(read.sheets[0]?.rows).toEqual([
      ['Nom', 'Prénom'],
      ['Lefèvre', 'Noël'],
    ]);
  });

  it('refuses a zip bomb disguised as XLSX once its output passes the bound, without holding it', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refusal(() => readSpreadsheet(bomb, { unzipLimits: { maxUnpackedBytes: 1024 * 1024, maxEntries: 100 } }))).toBe('sheets.errors.tooLargeUnpacked');
    expect(await refusal(() => unzipBounded(bomb, { maxUnpackedBytes: 1024 * 1024, maxEntries: 100 }))).toBe('sheets.errors.tooLargeUnpacked');
  });

  it('refuses with a reason: an empty file, an old .xls, a damaged or foreign archive, random bytes', async () => {
    expect(await refusal(() => readSpreadsheet(new Uint8Array()))).toBe('sheets.errors.empty');
    expect(await refusal(() => readSpreadsheet(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('sheets.errors.oldExcel');
    expect(await refusal(() => readSpreadsheet(zipSync({ 'photo.jpg': new Uint8Array(10) })))).toBe('sheets.errors.notText');
    const cut = zipSync({ mimetype: strToU8(ODS_MIME_TYPE), 'content.xml': strToU8('<a>'.repeat(1000)) }).subarray(0, 60);
    expect(await refusal(() => readSpreadsheet(cut))).toMatch(/^sheets\.errors\.(damagedFile|notText)$/);
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    expect(await refusal(() => readSpreadsheet(random))).toMatch(/^sheets\.errors\.(notText|encoding)$/);
  });
});
