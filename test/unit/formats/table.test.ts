import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText, inertText, writeTable } from '../../../electron/formats/table';

describe('lists written out as spreadsheets', () => {
  it('makes text that a spreadsheet would run as a formula inert, and leaves the rest as it is', () => {
    for (const formula of ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(inertText(formula)).toBe(`'${formula}`);
    for (const plain of ['Hélène', '06 12 34 56 78', 'a=b', '']) expect(inertText(plain)).toBe(plain);
  });

  it('quotes a CSV cell holding a separator, a quote or a line break', () => {
    expect(csvCell('Dupré; Hélène')).toBe('"Dupré; Hélène"');
    expect(csvCell('dit "Lena"')).toBe('"dit ""Lena"""');
    expect(csvCell('=A1;B1')).toBe(`"'=A1;B1"`);
    expect(csvText([['a', 'b'], ['1', '2']])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('writes numbers with a decimal comma and dates day first in CSV', async () => {
    const bytes = await writeTable('csv', 'x', ['n', 'd', 'e'], [[2.5, { date: '2026-12-03' }, null]]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFn;d;e\r\n2,5;03/12/2026;\r\n');
  });

  it('writes an XLSX that Excel readers open: text as it is (XML characters escaped, control characters dropped), numbers, dates day first, a bold frozen header', async () => {
    const bytes = await writeTable('xlsx', 'Liste <des> personnes & autres, très longue', ['Nom', 'n', 'd', 'vide', 'fin'], [
      ['a<b> & "c"', 2.5, { date: '2026-12-03' }, null, '=1+1'],
      ['  espaces  \u0001', -3, null, null, 'Hélène'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Liste <des> personnes & autres,'.slice(0, 31));
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Nom', 'n', 'd', 'vide', 'fin']);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(2).values).toEqual([undefined, 'a<b> & "c"', 2.5, new Date('2026-12-03T00:00:00Z'), undefined, '=1+1']);
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.getRow(2).getCell(5).formula).toBeUndefined();
    expect(sheet?.getRow(3).values).toEqual([undefined, '  espaces  ', -3, undefined, undefined, 'Hélène']);
    expect(sheet?.rowCount).toBe(3);
  });
});

