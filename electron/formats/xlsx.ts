import type ExcelJS from 'exceljs';
import type { Cell } from '../../shared/sheet-values';
import { CSV_LIMITS, type CsvLimits, SheetReadError } from './csv';
import type { SheetRows } from './ods';

/**
 * Reading an Excel workbook (`.xlsx`) with ExcelJS, once the archive has been unpacked within
 * bounds by `unzipBounded` (ExcelJS itself would inflate a zip bomb whole). A cell gives the value Excel stored: a
 * number, a date (for cells formatted as dates), a boolean, text (rich text joined), or the
 * last computed result of a formula, never the formula.
 */

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  // An error cell (#N/A, #DIV/0!) holds nothing to import.
  return null;
}

/** The sheets of an XLSX file whose archive `unzipBounded` has vetted. */
export async function readXlsx(bytes: Uint8Array, limits: CsvLimits = CSV_LIMITS): Promise<SheetRows[]> {
  // Loaded on first use: ExcelJS holds about 30 MB of the process's memory once imported.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetReadError('sheets.errors.damagedFile');
  }
  return workbook.worksheets.map((worksheet) => {
    if (worksheet.rowCount > limits.maxRows) throw new SheetReadError('sheets.errors.tooManyRows', { max: String(limits.maxRows) });
    if (worksheet.columnCount > limits.maxColumns) throw new SheetReadError('sheets.errors.tooManyColumns', { max: String(limits.maxColumns) });
    const rows: Cell[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        cells[columnNumber - 1] = cellValue(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}
