import { strToU8, zipSync } from 'fflate';
import { once } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { SheetReadError } from '../../../electron/formats/csv';
import { readSpreadsheet, readSpreadsheetOffThread, sheetWorkers } from '../../../electron/formats/spreadsheet';

async function refusal(call: () => Promise<unknown>): Promise<{ key: string; values: Record<string, string> } | 'read'> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SheetReadError) return { key: error.messageKey, values: error.values };
    throw error;
  }
  return 'read';
}

/** A CSV of `rows` people whose reading takes long enough for the event loop to turn many times if it is free. */
function bigCsv(rows: number): Uint8Array {
  const lines = ['Nom;Prénom;Date de naissance;Portable;Commentaire'];
  for (let index = 0; index < rows; index++) lines.push(`Diallo${index};Aminata;15/03/1994;06 12 34 56 78;"Suivie depuis 2025; ""RSA"" à voir"`);
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('readSpreadsheetOffThread', () => {
  it('reads on a worker thread: the calling thread keeps turning its event loop meanwhile, and the rows are those read here', async () => {
    const bytes = bigCsv(40_000);
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const read = await readSpreadsheetOffThread(bytes);
    clearInterval(timer);
    // Read on this thread, the CSV path is one synchronous call: the timer could not fire once.
    expect(turns).toBeGreaterThan(0);
    expect(read).toEqual(await readSpreadsheet(bytes));
    // The caller's bytes are still whole (the worker was given a copy).
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('gives the same translated refusal as the reader on this thread', async () => {
    const cases: Uint8Array[] = [
      new Uint8Array(),
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      new TextEncoder().encode(`${Array.from({ length: 1000 }, (_, index) => `c${index}`).join(';')}\r\n`),
      Uint8Array.from([0x4e, 0x6f, 0x6d, 0x0a, 0x81, 0x8d, 0x0a]),
    ];
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const unzipLimits = { maxUnpackedBytes: 1024 * 1024, maxEntries: 100 };
    expect(await refusal(() => readSpreadsheetOffThread(bomb, { unzipLimits }))).toEqual({ key: 'sheets.errors.tooLargeUnpacked', values: {} });
    for (const bytes of cases) {
      const here = await refusal(() => readSpreadsheet(bytes));
      expect(here).not.toBe('read');
      expect(await refusal(() => readSpreadsheetOffThread(bytes))).toEqual(here);
    }
  });

  it('reads file after file on the worker started ahead, one at a time; a refusal keeps it, a worker that stops is replaced', async () => {
    const workers = sheetWorkers(10 * 60_000);
    const bytes = bigCsv(100);
    const expected = await readSpreadsheet(bytes);
    workers.prepare();
    const ahead = workers.spare;
    if (!ahead) throw new Error('no worker started ahead');
    // Prepared twice, still one worker waiting.
    workers.prepare();
    expect(workers.spare).toBe(ahead);
    const given = vi.spyOn(ahead, 'postMessage');
    for (let read = 0; read < 2; read++) {
      expect(await readSpreadsheetOffThread(bytes, {}, workers)).toEqual(expected);
      // The file went to the worker started ahead, which waits again for the next one.
      expect(given).toHaveBeenCalledTimes(read + 1);
      expect(workers.spare).toBe(ahead);
    }
    // Two files at once: the second is not queued behind the first on the same worker.
    const [first, second] = await Promise.all([readSpreadsheetOffThread(bytes, {}, workers), readSpreadsheetOffThread(bytes, {}, workers)]);
    expect([first, second]).toEqual([expected, expected]);
    expect(given).toHaveBeenCalledTimes(3);
    // A refusal is an answer: the worker reads the next file.
    const refusing = workers.spare;
    expect(await refusal(() => readSpreadsheetOffThread(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), {}, workers))).toEqual({ key: 'sheets.errors.oldExcel', values: {} });
    expect(workers.spare).toBe(refusing);
    // A worker that stops before answering (as one out of heap does) is not given work again: a fresh one is started.
    const stopping = workers.spare;
    if (!stopping) throw new Error('no worker waiting');
    const reading = readSpreadsheetOffThread(bigCsv(40_000), {}, workers);
    await stopping.terminate();
    await expect(reading).rejects.toThrow(/stopped/);
    expect(workers.spare).not.toBeNull();
    expect(workers.spare).not.toBe(stopping);
    expect(await readSpreadsheetOffThread(bytes, {}, workers)).toEqual(expected);
    const last = workers.spare;
    await last?.terminate();
    expect(workers.spare).toBeNull();
  });

  it('stops a worker started ahead that waited its idle delay, and reads the next file on a new one', async () => {
    const workers = sheetWorkers(0);
    workers.prepare();
    const ahead = workers.spare;
    if (!ahead) throw new Error('no worker started ahead');
    await once(ahead, 'exit');
    expect(workers.spare).toBeNull();
    const bytes = bigCsv(10);
    expect(await readSpreadsheetOffThread(bytes, {}, workers)).toEqual(await readSpreadsheet(bytes));
    const next = workers.spare;
    if (next) await once(next, 'exit');
    expect(workers.spare).toBeNull();
  });
});
