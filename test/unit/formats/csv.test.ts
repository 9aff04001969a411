import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, SEPARATORS, SheetReadError, decodeText, detectSeparator, parseCsv, readCsv } from '../../../electron/formats/csv';

/** Writes rows as a spreadsheet program does: cells quoted when they hold a separator, a quote or a line break; every row ends with a line break. */
function writeCsv(rows: string[][], separator: string, lineBreak = '\r\n'): string {
  return rows.map((row) => `${row.map((cell) => (/[";,\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(separator)}${lineBreak}`).join('');
}

function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof SheetReadError) return error.messageKey;
    throw error;
  }
  return 'read';
}

const cp1252 = (text: string) => Uint8Array.from([...text].map((char) => ({ é: 0xe9, è: 0xe8, ç: 0xe7, É: 0xc9, ï: 0xef, '€': 0x80 })[char] ?? char.charCodeAt(0)));

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and says when it assumed Windows-1252', () => {
    const text = 'Nom;Prénom\nBenoît;Hélène';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8', assumed: false });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8', assumed: false });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toEqual({ text, encoding: 'utf-16le', assumed: false });
    expect(decodeText(cp1252('Nom;Prénom\nFrançois;Hélène €'))).toEqual({ text: 'Nom;Prénom\nFrançois;Hélène €', encoding: 'windows-1252', assumed: true });
  });

  it('refuses random bytes, binary files and bytes Windows-1252 leaves undefined', () => {
    expect(refusal(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])))).toBe('sheets.errors.notText');
    expect(refusal(() => decodeText(Uint8Array.from([0x4e, 0x6f, 0x6d, 0x81, 0xe9])))).toBe('sheets.errors.encoding');
    expect(refusal(() => decodeText(new TextEncoder().encode('ab'), 'utf-16be'))).toBe('read');
  });

  test.prop([fc.uint8Array({ maxLength: 400 })])('never throws anything but a translated refusal', (bytes) => {
    const outcome = refusal(() => decodeText(bytes));
    expect(['read', 'sheets.errors.notText', 'sheets.errors.encoding']).toContain(outcome);
  });
});

describe('parseCsv', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', ',', '\t', '"', '\n', '\r\n', 'Z', '0'), maxLength: 12 });
  const table = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }));

  test.prop([table, fc.constantFrom(...SEPARATORS), fc.constantFrom('\r\n', '\n')])('gives back the rows a spreadsheet wrote', (rows, separator, lineBreak) => {
    expect(parseCsv(writeCsv(rows, separator, lineBreak), separator)).toEqual(rows);
  });

  it('reads a last row without its line break, and an empty line as a row of one empty cell', () => {
    expect(parseCsv('a;b\r\n\r\nc;d', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  test.prop([table.filter((rows) => rows.length >= 3 && (rows[0]?.length ?? 0) >= 2), fc.constantFrom(...SEPARATORS)])(
    'finds the separator a table of two or more columns was written with',
    (rows, separator) => {
      const named = rows.map((row) => row.map((value, index) => `c${index}${value.replace(/[;,\t"\r\n]/g, '')}`));
      expect(detectSeparator(writeCsv(named, separator))).toBe(separator);
    },
  );

  it('finds the separator under a title line that holds commas', () => {
    const text = 'Liste des personnes suivies, année 2026\n\nNom;Prénom;Tél\nDiallo;Aminata;0612345678\nMartin;Paul;0700000000\n';
    expect(detectSeparator(text)).toBe(';');
    expect(readCsv(new TextEncoder().encode(text)).rows[2]).toEqual(['Nom', 'Prénom', 'Tél']);
  });

  it('refuses a file over the limits without holding it', () => {
    const wide = `${Array.from({ length: 1000 }, (_, index) => `c${index}`).join(';')}\n`;
    expect(refusal(() => parseCsv(wide, ';'))).toBe('sheets.errors.tooManyColumns');
    const huge = `Nom;Note\nDiallo;${'x'.repeat(5 * 1024 * 1024)}\n`;
    expect(refusal(() => parseCsv(huge, ';'))).toBe('sheets.errors.cellTooLong');
    expect(refusal(() => parseCsv('a\n'.repeat(11), ';', { ...CSV_LIMITS, maxRows: 10 }))).toBe('sheets.errors.tooManyRows');
    expect(refusal(() => parseCsv('Nom;Note\nDiallo;"pas fermé\n', ';'))).toBe('sheets.errors.unclosedQuote');
  });
});
