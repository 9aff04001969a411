import { PassThrough } from 'node:stream';
import type { Style } from 'exceljs';

/**
 * Writing a list out as a spreadsheet: CSV the way a French Excel opens it (UTF-8 with a BOM,
 * `;`) or XLSX streamed row by row. Numbers stay numbers and dates dates; text a spreadsheet
 * would run as a formula is made inert.
 */

/** A value of one cell: text, a number, a calendar date (`yyyy-mm-dd`), or nothing. */
export type TableCell = string | number | { date: string } | null;

export const TABLE_FORMATS = ['xlsx', 'csv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Text starting like a formula (`=`, `+`, `-`, `@`, or a tab or return before one) is shown as text, with a leading apostrophe. */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV cell for `;`-separated files, quoted when needed and never a formula. */
export function csvCell(value: string): string {
  const inert = inertText(value);
  return /[";\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** A CSV file as Excel and LibreOffice open it in France: UTF-8 with a byte-order mark, `;`, CRLF. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function dayMonthYear(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function csvValue(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'object') return dayMonthYear(cell.date);
  return cell;
}

/**
 * One style object per kind of cell, shared by every cell of that kind: ExcelJS finds a style
 * it has seen by the object, where a style object per cell costs it a lookup by content (a
 * fifth of an export's time at 100,000 rows).
 */
const TEXT_STYLE: Partial<Style> = {};
const NUMBER_STYLE: Partial<Style> = {};
const DATE_STYLE: Partial<Style> = { numFmt: 'dd/mm/yyyy' };

/** Writes the headers then every row the source yields, as CSV or XLSX bytes. */
export async function writeTable(format: TableFormat, sheetName: string, headers: readonly string[], rows: Iterable<readonly TableCell[]>): Promise<Uint8Array> {
  if (format === 'csv') {
    const lines: string[][] = [[...headers]];
    for (const row of rows) lines.push(row.map(csvValue));
    return new TextEncoder().encode(csvText(lines));
  }
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Loaded on first use: ExcelJS and the archive libraries it requires were about a third of the
  // backend's start-up (the app's and every preview host's), for a feature used now and then.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  // Excel refuses a sheet name over 31 characters.
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.min(40, Math.max(12, header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const written = sheet.addRow(
      // A string cell of an XLSX is text, never evaluated: no apostrophe needed there.
      row.map((cell) => (cell !== null && typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell)),
    );
    row.forEach((cell, index) => {
      written.getCell(index + 1).style = cell === null || typeof cell === 'string' ? TEXT_STYLE : typeof cell === 'number' ? NUMBER_STYLE : DATE_STYLE;
    });
    written.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
