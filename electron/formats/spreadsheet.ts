import { type SpareWorker, spareWorker } from '../core/workers';
import { type CsvLimits, type Separator, SheetReadError, type TextEncodingName, readCsv } from './csv';
import { type SheetRows, isOds, readOds } from './ods';
import { SHEET_UNZIP_LIMITS, type UnzipLimits, isZip, unzipBounded } from './zip';

/** What a person's file turned out to be, and its sheets' rows. */
export type ReadSpreadsheet =
  | { format: 'csv'; sheets: SheetRows[]; encoding: TextEncodingName; encodingAssumed: boolean; separator: Separator }
  | { format: 'xlsx' | 'ods'; sheets: SheetRows[] };

/** The largest spreadsheet file read: ten times what 10,000 people in a full sheet weigh. */
export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;

function isXlsx(entries: Map<string, Uint8Array>): boolean {
  return entries.has('[Content_Types].xml') && entries.has('xl/workbook.xml');
}

/** An old Excel file (`.xls`, OLE2 compound document): asked to be saved as `.xlsx`. */
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Reads a CSV, XLSX or ODS file by what its bytes are, not its name. Every refusal is a
 * SheetReadError naming why in a translation key.
 */
export interface SpreadsheetOptions {
  encoding?: TextEncodingName;
  separator?: Separator;
  limits?: CsvLimits;
  unzipLimits?: UnzipLimits;
}

export async function readSpreadsheet(bytes: Uint8Array, options: SpreadsheetOptions = {}): Promise<ReadSpreadsheet> {
  if (bytes.length === 0) throw new SheetReadError('sheets.errors.empty');
  if (bytes.length > MAX_SPREADSHEET_BYTES) throw new SheetReadError('sheets.errors.tooLarge', { max: String(MAX_SPREADSHEET_BYTES / 1024 / 1024) });
  if (isOle2(bytes)) throw new SheetReadError('sheets.errors.oldExcel');
  if (isZip(bytes)) {
    // Every entry is unpacked within bounds here, so the readers after it never meet a zip bomb.
    const entries = unzipBounded(bytes, options.unzipLimits ?? SHEET_UNZIP_LIMITS, (name) => ['mimetype', 'content.xml', '[Content_Types].xml', 'xl/workbook.xml'].includes(name));
    if (isOds(entries)) return { format: 'ods', sheets: readOds(entries, options.limits) };
    if (isXlsx(entries)) {
      // ExcelJS is loaded only for a workbook (on a reading worker, ahead of the file: sheet-worker.ts).
      const { readXlsx } = await import('./xlsx');
      return { format: 'xlsx', sheets: await readXlsx(bytes, options.limits) };
    }
    throw new SheetReadError('sheets.errors.notText');
  }
  const csv = readCsv(bytes, options);
  return { format: 'csv', sheets: [{ name: '', rows: csv.rows }], encoding: csv.encoding, encodingAssumed: csv.assumed, separator: csv.separator };
}

/**
 * The heap a reading worker may use. ExcelJS holds a whole workbook as objects: a full sheet of
 * 100,000 rows took about 700 MB; past this bound the worker is stopped and the file refused,
 * so a hostile file cannot take the computer's memory.
 */
export const WORKER_HEAP_MB = 1536;

/**
 * How long a reading worker started ahead waits for a file before it is stopped: the time to
 * choose a file in the import wizard. Idle, ExcelJS loaded, it holds about 24 MB of the process's
 * resident memory (measured from the sources, tsx).
 */
export const SPARE_SHEET_WORKER_IDLE_MS = 60_000;

/** Reading workers, one started ahead (see `spareWorker`); `idleMs` is how long it waits unused. */
export function sheetWorkers(idleMs = SPARE_SHEET_WORKER_IDLE_MS): SpareWorker {
  return spareWorker('sheet-worker', import.meta.url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }, idleMs);
}

/** The process's reading workers: the import wizard prepares one when it opens, and it reads file after file. */
export const SHEET_WORKERS = sheetWorkers();

/**
 * `readSpreadsheet` on a worker thread, so the main process's event loop (the window, the IPC,
 * the preview host) keeps answering while a large file is read, and a file that would need more
 * memory than `WORKER_HEAP_MB` is refused instead of swelling the main process. The same
 * refusals, with the same translation keys, come back from the worker. One file at a time per
 * worker; a worker that has read a file, or refused it, reads the next (its code compiled by
 * then), but one that failed otherwise is stopped and the next file has a fresh one.
 */
export async function readSpreadsheetOffThread(bytes: Uint8Array, options: SpreadsheetOptions = {}, workers: SpareWorker = SHEET_WORKERS): Promise<ReadSpreadsheet> {
  type Answer = { read?: ReadSpreadsheet; refusal?: { messageKey: string; values: Record<string, string> }; failure?: string };
  const outcome = await workers.answer<Answer>(
    (worker) => {
      // A copy the worker owns, moved rather than cloned: the caller keeps its bytes.
      const copy = new Uint8Array(bytes);
      worker.postMessage({ bytes: copy, options }, [copy.buffer]);
    },
    (answer) => answer.failure === undefined,
  );
  if ('exitCode' in outcome) throw new Error(`Spreadsheet worker stopped (${outcome.exitCode}) before answering`);
  if ('error' in outcome) throw outcome.error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new SheetReadError('sheets.errors.tooLargeUnpacked') : outcome.error;
  const { read, refusal, failure } = outcome.answer;
  if (read) return read;
  if (refusal) throw new SheetReadError(refusal.messageKey, refusal.values);
  throw new Error(`Spreadsheet worker: ${failure}`);
}
