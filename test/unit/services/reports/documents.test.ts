import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import { rowLabel, translator } from '../../../../electron/services/report-documents';
import { seed } from '../../../../electron/tools/seed';
import { type Report, type ReportTable, presetChapters, presetTables } from '../../../../shared/reports';
import { type SuppressedTable, cellText, suppressReport } from '../../../../shared/suppression';
import { openSignedIn } from '../../../support/accounts';
import { ok } from '../../../support/api';
import { useBackend, useTempDir } from '../../../support/temp';
import { numberFormatOf, readXlsx } from '../../../support/xlsx';

const PERIOD = { kind: 'year', year: 2026 } as const;
const MINIMUM = 5;
const t = translator('fr');

/**
 * What a table's cells read as in a document for outside, small cells hidden (with the other
 * tables of its report: a cross-tab's one-way tables are protected with it); with the total
 * row of an additive table.
 */
function published(table: ReportTable, tables: ReportTable[]): { label: string; cells: (number | string)[] }[] {
  const { cells, totals } = suppressReport(tables, MINIMUM).get(table) as SuppressedTable;
  const rows = table.rows.map((row, index) => ({
    label: rowLabel(table, row, t, 'fr'),
    cells: row.values.map((value, column) => {
      const how = cells[index]?.[column] ?? 'shown';
      return how === 'shown' ? value : cellText(how, value, MINIMUM);
    }),
  }));
  return totals ? [...rows, { label: t('reports.ui.total'), cells: totals.map((total) => (total.state === 'shown' ? total.value : cellText(total.state, total.value, MINIMUM))) }] : rows;
}

const title = (table: ReportTable) => t(`reports.ui.tables.${table.section}.${table.name}`);

describe('reports: documents for outside', () => {
  const openBackend = useBackend();
  const tempDir = useTempDir();
  let backend: Backend;
  let report: Report;
  const file = async (format: 'pdf' | 'xlsx' | 'csv', extra: { table?: string; language?: 'fr' | 'it'; preset?: 'annual' | 'pmsmp' | 'euFunds' } = {}, on = backend) => {
    const result = await ok(on, 'reports.export', { period: PERIOD, preset: extra.preset ?? 'annual', format, ...extra });
    return { ...result, bytes: Buffer.from(result.content, 'base64') };
  };

  // Seeded once for the file (most of its time): the tests read one backend on a copy of the
  // seeded folder; the one that changes data opens a copy of its own.
  const folders: string[] = [];
  let seeded: string;
  const copyOfSeeded = (into: string) => {
    cpSync(seeded, into, { recursive: true });
    return path.join(into, 'tremplin.sqlite');
  };
  beforeAll(async () => {
    seeded = mkdtempSync(path.join(tmpdir(), 'tremplin-test-'));
    folders.push(seeded);
    const first = await openSignedIn({ file: path.join(seeded, 'tremplin.sqlite'), logger: { error: () => {} } });
    seed(first.database.db, { candidates: 400, employers: 20, jobNeeds: 40, volunteers: 10, partners: 8, sessions: 20, events: 2000 }, 5, new Date('2026-06-30T12:00:00Z'));
    first.close();
    const shared = mkdtempSync(path.join(tmpdir(), 'tremplin-test-'));
    folders.push(shared);
    backend = await openSignedIn({ file: copyOfSeeded(shared), logger: { error: () => {} } });
    report = await ok(backend, 'reports.get', { period: PERIOD });
  });
  afterAll(() => {
    backend?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('the XLSX, read back by another reader, holds the screen numbers as numbers, small cells hidden, dates as dates', async () => {
    const { bytes, fileName } = await file('xlsx');
    expect(fileName).toMatch(/\.xlsx$/);
    const folder = tempDir();
    const sheets = readXlsx(bytes, folder);
    const tables = presetTables(report, 'annual');
    let hidden = 0;
    for (const table of tables) {
      const sheet = sheets.get(t(`reports.ui.sections.${table.section}`)) ?? [];
      const start = sheet.findIndex((row) => row?.[0]?.value === title(table));
      expect(start, title(table)).toBeGreaterThanOrEqual(0);
      for (const [offset, expected] of published(table, report.tables).entries()) {
        const row = sheet[start + 2 + offset] ?? [];
        expect(row[0]?.value, `${title(table)} row ${offset}`).toBe(expected.label);
        for (const [column, cell] of expected.cells.entries()) {
          const read = row[column + 1];
          expect(read?.value, `${title(table)} ${expected.label} ${column}`).toBe(cell);
          expect(read?.numeric).toBe(typeof cell === 'number');
          if (typeof cell === 'string') hidden += 1;
        }
      }
    }
    expect(hidden, 'the seed has small cells to hide').toBeGreaterThan(0);
    const cover = sheets.get(t('reports.ui.cover')) ?? [];
    const from = cover[2]?.[1];
    // 2026-01-01 is day 46023 of Excel's calendar, and the cell is formatted as a date.
    expect(from?.value).toBe(46023);
    expect(numberFormatOf(bytes, folder, from?.style ?? 0)).toMatch(/y+.*m+.*d+/);
    expect((sheets.get(t('reports.ui.definitionsTitle')) ?? []).filter(Boolean).map((row) => row[0]?.value)).toEqual(tables.map(title));
  });

  it('the EU funds cross-tab and its one-way tables read the same in every document of the period, hidden together', async () => {
    const annual = readXlsx((await file('xlsx')).bytes, tempDir());
    const euFunds = readXlsx((await file('xlsx', { preset: 'euFunds' })).bytes, tempDir());
    const rowsIn = (sheets: typeof annual, table: ReportTable) => {
      const sheet = sheets.get(t(`reports.ui.sections.${table.section}`)) ?? [];
      const start = sheet.findIndex((row) => row?.[0]?.value === title(table));
      expect(start, title(table)).toBeGreaterThanOrEqual(0);
      return sheet.slice(start + 2, start + 2 + published(table, report.tables).length).map((row) => row.map((cell) => cell?.value));
    };
    const tables = presetTables(report, 'euFunds');
    expect(tables.map((table) => table.name)).toEqual(['euFunds', 'gender', 'ageBand', 'publicCategory']);
    for (const table of tables) expect(rowsIn(euFunds, table)).toEqual(published(table, report.tables).map((row) => [row.label, ...row.cells]));
    for (const table of tables.slice(1)) expect(rowsIn(annual, table), title(table)).toEqual(rowsIn(euFunds, table));
    const cross = published(tables[0] as ReportTable, report.tables).flatMap((row) => row.cells);
    expect(cross.filter((cell) => typeof cell === 'string').length, 'the seed has small cells in the cross-tab').toBeGreaterThan(0);
    expect(cross.filter((cell) => typeof cell === 'number' && cell > 0).length, 'and counts shown').toBeGreaterThan(0);
    // In the PDF the cross-tab has a page of its own, sideways, its column heads whole words.
    const pdf = path.join(tempDir(), 'eu.pdf');
    writeFileSync(pdf, (await file('pdf', { preset: 'euFunds' })).bytes);
    expect(execFileSync('pdfinfo', ['-f', '2', '-l', '3', pdf], { encoding: 'utf8' })).toMatch(/Page +2 size: +841\.\d+ x 595\.\d+[\s\S]*Page +3 size: +595\.\d+ x 841\.\d+/);
    const page = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    for (const status of ['asylum_seeker', 'temporary_protection', 'rsa']) {
      for (const word of t(`candidates.values.publicCategories.${status}`).split(' ')) expect(page).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`));
    }
  });

  it("the PDF's text holds every section's and table's title, the shown figures, page numbers and the definitions", async () => {
    const { bytes, fileName } = await file('pdf');
    expect(fileName).toMatch(/\.pdf$/);
    const pdf = path.join(tempDir(), 'report.pdf');
    writeFileSync(pdf, bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const lines = text.split('\n');
    const pages = (text.match(/\f/g) ?? []).length;
    expect(text).toContain(`Page 1 sur ${pages}`);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).toContain(t('reports.ui.presets.annual'));
    const chapters = presetChapters(report, 'annual');
    // The chapters in the order associations write them.
    const at = chapters.map((chapter) => text.indexOf(`${t(`reports.ui.chapters.${chapter.id}`)}\n`));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    let checked = 0;
    for (const table of chapters.flatMap((chapter) => chapter.tables)) {
      expect(text).toContain(title(table));
      for (const row of published(table, report.tables)) {
        if (row.label.length > 30) continue;
        const figures = row.cells.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('fr') : cell.replace(' ', ' ?')));
        const pattern = new RegExp(`^\\s*${row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${figures.join('\\s+')}\\s*$`);
        expect(
          lines.some((line) => pattern.test(line)),
          `${title(table)}: ${row.label} ${figures.join(' ')}`,
        ).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(text).toContain(t('reports.ui.definitionsTitle'));
    // The Italian document is written in Italian.
    const italian = await file('pdf', { language: 'it', preset: 'pmsmp' });
    const itPdf = path.join(tempDir(), 'it.pdf');
    writeFileSync(itPdf, italian.bytes);
    expect(execFileSync('pdftotext', [itPdf, '-'], { encoding: 'utf8' })).toContain('Immersioni PMSMP');
  });

  it('a CSV per table: UTF-8 with a BOM, `;` between cells, decimal commas, small cells hidden', async () => {
    const table = report.tables.find((item) => item.section === 'people' && item.name === 'gender') as ReportTable;
    const { bytes, fileName, mimeType } = await file('csv', { table: 'people.gender' });
    expect(fileName).toMatch(/gender\.csv$/);
    expect(mimeType).toBe('text/csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(';Période;Période précédente');
    expect(lines.slice(1)).toEqual(published(table, report.tables).map((row) => [row.label, ...row.cells].join(';')));
    const pmsmp = (await file('csv', { table: 'outcomes.pmsmp' })).bytes.toString('utf8');
    expect(pmsmp).toMatch(/Durée moyenne[^;]*;(\d+(,\d)?|×);/);
    const unknown = await backend.dispatch('reports.export', { period: PERIOD, preset: 'annual', format: 'csv', table: 'people.nothing' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', fields: { table: 'reports.errors.tableNotFound' } } });
    const none = await backend.dispatch('reports.export', { period: PERIOD, preset: 'annual', format: 'csv' });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found', message: 'reports.errors.tableNotFound' } });
  });

  it('a document made after the data changed holds the change, not the report shown before it', async () => {
    const own = await openBackend({ file: copyOfSeeded(tempDir()) });
    const genders = async () => (await file('csv', { table: 'people.gender' }, own)).bytes.toString('utf8');
    const shown = await genders();
    expect(await genders()).toBe(shown);
    // Written on the backend's own connection, as any save is.
    const changed = own.database.sqlite.prepare("UPDATE candidates SET gender = 'female' WHERE gender = 'male'").run().changes;
    expect(changed).toBeGreaterThan(0);
    const after = await ok(own, 'reports.get', { period: PERIOD });
    const table = after.tables.find((item) => item.section === 'people' && item.name === 'gender') as ReportTable;
    expect(await genders()).not.toBe(shown);
    expect((await genders()).slice(1).trimEnd().split('\r\n').slice(1)).toEqual(published(table, after.tables).map((row) => [row.label, ...row.cells].join(';')));
  });
});
