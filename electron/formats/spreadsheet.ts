import { type CsvLimits, type Separator, SheetReadError, type TextEncodingName, readCsv } from './csv';
import { type SheetRows, isOds, readOds } from './ods';
import { isXlsx, readXlsx } from './xlsx';
import { SHEET_UNZIP_LIMITS, type UnzipLimits, isZip, unzipBounded } from './zip';

/** What a person's file turned out to be, and its sheets' rows. */
export type ReadSpreadsheet =
  | { format: 'csv'; sheets: SheetRows[]; encoding: TextEncodingName; encodingAssumed: boolean; separator: Separator }
  | { format: 'xlsx' | 'ods'; sheets: SheetRows[] };

/** The largest spreadsheet file read: ten times what 10,000 people in a full sheet weigh. */
export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;

/** An old Excel file (`.xls`, OLE2 compound document): asked to be saved as `.xlsx`. */
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Reads a CSV, XLSX or ODS file by what its bytes are, not its name. Every refusal is a
 * SheetReadError naming why in a translation key.
 */
export async function readSpreadsheet(bytes: Uint8Array, options: { encoding?: TextEncodingName; separator?: Separator; limits?: CsvLimits; unzipLimits?: UnzipLimits } = {}): Promise<ReadSpreadsheet> {
  if (bytes.length === 0) throw new SheetReadError('sheets.errors.empty');
  if (bytes.length > MAX_SPREADSHEET_BYTES) throw new SheetReadError('sheets.errors.tooLarge', { max: String(MAX_SPREADSHEET_BYTES / 1024 / 1024) });
  if (isOle2(bytes)) throw new SheetReadError('sheets.errors.oldExcel');
  if (isZip(bytes)) {
    // Every entry is unpacked within bounds here, so the readers after it never meet a zip bomb.
    const entries = unzipBounded(bytes, options.unzipLimits ?? SHEET_UNZIP_LIMITS, (name) => ['mimetype', 'content.xml', '[Content_Types].xml', 'xl/workbook.xml'].includes(name));
    if (isOds(entries)) return { format: 'ods', sheets: readOds(entries, options.limits) };
    if (isXlsx(entries)) return { format: 'xlsx', sheets: await readXlsx(bytes, options.limits) };
    throw new SheetReadError('sheets.errors.notText');
  }
  const csv = readCsv(bytes, options);
  return { format: 'csv', sheets: [{ name: '', rows: csv.rows }], encoding: csv.encoding, encodingAssumed: csv.assumed, separator: csv.separator };
}
