/**
 * Reading an association's CSV file: its bytes made text (UTF-8 with or without BOM, UTF-16 with
 * a BOM, or Windows-1252, the encoding of a French Excel's "CSV (séparateur : point-virgule)"),
 * its separator found, its rows split as RFC 4180 says. Pure: bytes in, rows out, with limits
 * that keep memory bounded whatever the file holds.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * The bytes were not UTF-8 and Windows-1252 was assumed: right for files a French Excel
   * saved, but only the person can tell by looking at the accented names the preview shows.
   */
  assumed: boolean;
}

/** A file that cannot be read: `message` is a translation key; nothing was changed. */
export class SheetReadError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string> = {},
  ) {
    super(messageKey);
    this.name = 'SheetReadError';
  }
}

export interface CsvLimits {
  /** Columns in a row: a wider file is not a list of people. */
  maxColumns: number;
  /** Characters in one cell: Excel's own limit. */
  maxCellChars: number;
  maxRows: number;
}

export const CSV_LIMITS: CsvLimits = { maxColumns: 300, maxCellChars: 32_767, maxRows: 100_000 };

/**
 * Bytes Windows-1252 leaves undefined (decoders map them to C1 controls): a file holding them is
 * in some other encoding, and is refused rather than shown wrong.
 */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  if (encoding) return { text: strictDecode(bytes, encoding), encoding, assumed: false };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictDecode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', assumed: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', assumed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', assumed: false };
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: withoutBinary(utf8), encoding: 'utf-8', assumed: false };
  return { text: strictDecode(bytes, 'windows-1252'), encoding: 'windows-1252', assumed: true };
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function strictDecode(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'windows-1252' && bytes.some((byte) => CP1252_UNDEFINED.has(byte))) throw new SheetReadError('sheets.errors.encoding');
  const text = tryDecode(bytes, encoding);
  if (text === null) throw new SheetReadError('sheets.errors.encoding');
  return withoutBinary(text);
}

/** Text files hold no NUL and almost no control characters; random bytes and binary files do. */
function withoutBinary(text: string): string {
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) throw new SheetReadError('sheets.errors.notText');
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code < 0xa0)) controls++;
  }
  if (controls > 0 && controls * 100 > text.length) throw new SheetReadError('sheets.errors.notText');
  return text;
}

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** How many lines are looked at to find the separator. */
const SNIFF_LINES = 30;

/**
 * The separator that splits the first lines into the same number of cells most often (title
 * lines above the header count less than the table under it); on a tie, `;` (French Excel), then
 * tab, then `,`. A file of one column has none of them: `;` then.
 */
export function detectSeparator(text: string): Separator {
  let best: { separator: Separator; score: number } = { separator: ';', score: 0 };
  for (const separator of SEPARATORS) {
    const counts = new Map<number, number>();
    for (const row of parseCsv(text, separator, { ...CSV_LIMITS, maxRows: SNIFF_LINES }, true)) {
      if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    }
    // The commonest width, weighted by how wide it is: a table beats a line with one stray comma.
    let score = 0;
    for (const [width, lines] of counts) score = Math.max(score, lines * Math.log2(width));
    if (score > best.score) best = { separator, score };
  }
  return best.separator;
}

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells may hold the separator, quotes
 * doubled, and line breaks). Refuses a file over the limits instead of holding it; with
 * `truncate`, stops quietly at `maxRows` (for sniffing).
 */
export function parseCsv(text: string, separator: Separator, limits: CsvLimits = CSV_LIMITS, truncate = false): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  const endCell = () => {
    if (row.length >= limits.maxColumns) throw new SheetReadError('sheets.errors.tooManyColumns', { max: String(limits.maxColumns) });
    row.push(cell);
    cell = '';
  };
  const endRow = (): boolean => {
    endCell();
    rows.push(row);
    row = [];
    if (rows.length < limits.maxRows) return true;
    if (truncate) return false;
    throw new SheetReadError('sheets.errors.tooManyRows', { max: String(limits.maxRows) });
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else cell += char;
      index++;
    } else if (char === '"' && cell === '') {
      quoted = true;
      index++;
    } else if (char === separator) {
      endCell();
      index++;
    } else if (char === '\r' || char === '\n') {
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      if (!endRow()) return rows;
    } else {
      cell += char;
      index++;
    }
    if (cell.length > limits.maxCellChars) throw new SheetReadError('sheets.errors.cellTooLong', { max: String(limits.maxCellChars) });
  }
  if (quoted && !truncate) throw new SheetReadError('sheets.errors.unclosedQuote');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** A CSV file's rows, its encoding and separator found (or given by the person after looking at the preview). */
export function readCsv(bytes: Uint8Array, options: { encoding?: TextEncodingName; separator?: Separator; limits?: CsvLimits } = {}) {
  const decoded = decodeText(bytes, options.encoding);
  const separator = options.separator ?? detectSeparator(decoded.text);
  return { rows: parseCsv(decoded.text, separator, options.limits), encoding: decoded.encoding, assumed: decoded.assumed, separator };
}
