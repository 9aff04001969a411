import { SaxesParser } from 'saxes';
import type { Cell } from '../../shared/sheet-values';
import { CSV_LIMITS, type CsvLimits, SheetReadError } from './csv';

/**
 * Reading a LibreOffice spreadsheet (OpenDocument, `.ods`): its `content.xml`, read as a stream
 * of tags. Values come from the cells' typed attributes (a number, a date, a boolean), not from
 * their displayed text; text cells from their paragraphs. A sheet ends with a row "repeated" a
 * million times to fill the grid: empty rows and cells are counted, and written out only when
 * something follows them.
 */

export interface SheetRows {
  name: string;
  rows: Cell[][];
}

export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export function isOds(entries: Map<string, Uint8Array>): boolean {
  const mime = entries.get('mimetype');
  return mime !== undefined && new TextDecoder().decode(mime).trim() === ODS_MIME_TYPE;
}

/** The sheets of an ODS file, from its unpacked `mimetype` and `content.xml` (see `unzipBounded`). */
export function readOds(entries: Map<string, Uint8Array>, limits: CsvLimits = CSV_LIMITS): SheetRows[] {
  const content = entries.get('content.xml');
  if (!isOds(entries) || !content) throw new SheetReadError('sheets.errors.notText');
  return readContent(new TextDecoder().decode(content), limits);
}

function repeat(attributes: Record<string, string>, name: string): number {
  const count = Number(attributes[name] ?? 1);
  return Number.isSafeInteger(count) && count > 0 ? count : 1;
}

/** The value a typed cell holds, as the other readers give it. */
function typedValue(attributes: Record<string, string>): Cell | undefined {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const number = Number(attributes['office:value']);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'date': {
      const date = attributes['office:date-value'] ?? '';
      // A date without a time is a day: midnight UTC, as the XLSX reader gives it.
      const parsed = new Date(/T/.test(date) ? `${date}Z` : `${date}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? undefined : parsed;
    }
    case 'boolean':
      return attributes['office:boolean-value'] === 'true';
    default:
      return undefined;
  }
}

function readContent(xml: string, limits: CsvLimits): SheetRows[] {
  const sheets: SheetRows[] = [];
  let sheet: SheetRows | null = null;
  let row: Cell[] | null = null;
  let rowRepeat = 1;
  let pendingRows = 0;
  let pendingCells = 0;
  let cell: { value: Cell | undefined; repeat: number; paragraphs: string[] } | null = null;
  let inParagraph = false;

  const addRows = (cells: Cell[], count: number) => {
    if (!sheet) return;
    if (sheet.rows.length + count > limits.maxRows) throw new SheetReadError('sheets.errors.tooManyRows', { max: String(limits.maxRows) });
    for (let index = 0; index < count; index++) sheet.rows.push(index === 0 ? cells : [...cells]);
  };
  const addCells = (value: Cell, count: number) => {
    if (!row) return;
    if (row.length + count > limits.maxColumns) throw new SheetReadError('sheets.errors.tooManyColumns', { max: String(limits.maxColumns) });
    for (let index = 0; index < count; index++) row.push(value);
  };

  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'table:table':
        sheet = { name: attributes['table:name'] ?? `${sheets.length + 1}`, rows: [] };
        sheets.push(sheet);
        pendingRows = 0;
        break;
      case 'table:table-row':
        row = [];
        rowRepeat = repeat(attributes, 'table:number-rows-repeated');
        pendingCells = 0;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cell = { value: typedValue(attributes), repeat: repeat(attributes, 'table:number-columns-repeated'), paragraphs: [] };
        break;
      case 'text:p':
        if (cell) {
          cell.paragraphs.push('');
          inParagraph = true;
        }
        break;
      case 'text:s':
        if (cell && inParagraph) appendText(cell.paragraphs, ' '.repeat(Math.min(repeat(attributes, 'text:c'), limits.maxCellChars)));
        break;
      case 'text:tab':
        if (cell && inParagraph) appendText(cell.paragraphs, '\t');
        break;
      case 'text:line-break':
        if (cell && inParagraph) appendText(cell.paragraphs, '\n');
        break;
    }
  });
  parser.on('text', (text) => {
    if (cell && inParagraph) {
      appendText(cell.paragraphs, text);
      if ((cell.paragraphs.at(-1) ?? '').length > limits.maxCellChars) throw new SheetReadError('sheets.errors.cellTooLong', { max: String(limits.maxCellChars) });
    }
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'text:p':
        inParagraph = false;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        if (!cell) break;
        const value = cell.value ?? (cell.paragraphs.length > 0 ? cell.paragraphs.join('\n') : null);
        if (value === null || value === '') pendingCells += cell.repeat;
        else {
          addCells(null, pendingCells);
          pendingCells = 0;
          addCells(value, cell.repeat);
        }
        cell = null;
        break;
      }
      case 'table:table-row':
        if (row && row.length > 0) {
          addRows([], pendingRows);
          pendingRows = 0;
          addRows(row, rowRepeat);
        } else pendingRows += rowRepeat;
        row = null;
        break;
      case 'table:table':
        sheet = null;
        break;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof SheetReadError) throw error;
    throw new SheetReadError('sheets.errors.damagedFile');
  }
  return sheets;
}

function appendText(paragraphs: string[], text: string): void {
  paragraphs[paragraphs.length - 1] = `${paragraphs.at(-1) ?? ''}${text}`;
}
