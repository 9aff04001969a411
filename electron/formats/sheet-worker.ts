import { parentPort } from 'node:worker_threads';
import { SheetReadError } from './csv';
import { type SpreadsheetOptions, readSpreadsheet } from './spreadsheet';

// ExcelJS (what readXlsx imports) loaded while the worker waits for its file (it is started ahead:
// see `SHEET_WORKERS`), not once the file is in; a failure to load it is the read's to report.
import('exceljs').catch(() => undefined);

/**
 * The worker thread that reads a person's files, one at a time (see `readSpreadsheetOffThread`):
 * the bytes come in moved, not copied; the rows go back, or the refusal's translation key.
 */
parentPort?.on('message', async ({ bytes, options }: { bytes: Uint8Array; options: SpreadsheetOptions }) => {
  try {
    parentPort?.postMessage({ read: await readSpreadsheet(bytes, options) });
  } catch (error) {
    if (error instanceof SheetReadError) parentPort?.postMessage({ refusal: { messageKey: error.messageKey, values: error.values } });
    else parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) });
  }
});
