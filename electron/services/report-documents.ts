import { resources } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/languages';
import { type Report, type ReportChapter, type ReportTable, columnLabel, rowLabel, tableId } from '../../shared/reports';
import { type SuppressedTable, cellText, suppressReport } from '../../shared/suppression';
import { FONTS, newPdf } from './pdf';

/**
 * The report as documents for outside, small cells hidden (shared/suppression.ts): CSV (one
 * table, UTF-8 with BOM and `;` for French Excel), XLSX (ExcelJS: one sheet per section,
 * numbers as numbers, a definitions sheet) and PDF (pdfkit: vector bars, black and white,
 * title page, page numbers, the definitions in an appendix).
 */

export function translator(language: Language) {
  const catalogue = resources[language].translation as Record<string, unknown>;
  return (key: string, values: Record<string, string> = {}): string => {
    let node: unknown = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    const text = typeof node === 'string' ? node : key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  };
}
export type Translate = ReturnType<typeof translator>;

export const tableTitle = (table: ReportTable, t: Translate) => t(`reports.ui.tables.${table.section}.${table.name}`);
export const tableDefinition = (table: ReportTable, t: Translate) => t(`reports.ui.definitions.${table.section}.${table.name}`);

/** A day as people write it in the document's language ("31 décembre 2026"). */
export const longDate = (date: string, language: Language) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const periodText = (report: Report, t: Translate, language: Language) => {
  const day = (date: string) => longDate(date, language);
  return t('reports.ui.periodText', { from: day(report.current.from), to: day(report.current.to), previousFrom: day(report.previous.from), previousTo: day(report.previous.to) });
};

/** The cells as they are published, text per cell, with a total row when meaningful. */
export function publishedRows(suppressed: SuppressedTable, minimum: number, t: Translate, language: Language): { label: string; cells: (number | string)[] }[] {
  const { table, cells, totals } = suppressed;
  const rows = table.rows.map((row, index) => ({
    label: rowLabel(table, row, t, language),
    cells: row.values.map((value, column) => {
      const how = cells[index]?.[column] ?? 'shown';
      return how === 'shown' ? value : cellText(how, value, minimum);
    }),
  }));
  if (!totals) return rows;
  return [...rows, { label: t('reports.ui.total'), cells: totals.map((total) => (total.state === 'shown' ? total.value : cellText(total.state, total.value, minimum))) }];
}

/** A table as every document of the report publishes it: its cross-tab's sums protected with it (see suppressReport). */
function publishedTable(report: Report, table: ReportTable, minimum: number, published = suppressReport(report.tables, minimum)): SuppressedTable {
  const suppressed = published.get(table);
  if (!suppressed) throw new Error(`reports: the table ${tableId(table)} is not the report's`);
  return suppressed;
}

const csvField = (value: string | number) => {
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One table of the report, suppressed as in every document of it (see suppressReport). */
export function tableCsv(report: Report, table: ReportTable, minimum: number, t: Translate, language: Language): Buffer {
  const header = ['', ...table.columns.map((column) => columnLabel(table, column, t, language))];
  const lines = [header, ...publishedRows(publishedTable(report, table, minimum), minimum, t, language).map((row) => [row.label, ...row.cells])];
  // French Excel reads `;` and decimal commas; the BOM tells it the text is UTF-8.
  const text = lines.map((line) => line.map((cell) => csvField(typeof cell === 'number' ? String(cell).replace('.', ',') : cell)).join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

export async function reportXlsx(report: Report, tables: ReportTable[], population: string, minimum: number, t: Translate, language: Language, printedOn: Date): Promise<Buffer> {
  // Loaded on first use, as in formats/table.ts.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Tremplin';
  book.created = printedOn;
  const cover = book.addWorksheet(t('reports.ui.cover'));
  cover.addRow([t('reports.ui.title')]).font = { bold: true, size: 14 };
  cover.addRow([report.association ?? '']);
  cover.addRow([t('reports.ui.periodFrom'), dateCell(report.current.from), t('reports.ui.periodTo'), dateCell(report.current.to)]);
  cover.addRow([t('reports.ui.previousFrom'), dateCell(report.previous.from), t('reports.ui.periodTo'), dateCell(report.previous.to)]);
  cover.addRow([t('reports.ui.printedOn'), printedOn]);
  cover.addRow([population]);
  cover.addRow([t('reports.ui.smallCells', { minimum: String(minimum) })]);
  for (const row of [3, 4, 5]) for (const column of [2, 4]) cover.getCell(row, column).numFmt = 'yyyy-mm-dd';
  cover.getColumn(1).width = 30;

  const sections = [...new Set(tables.map((table) => table.section))];
  const published = suppressReport(report.tables, minimum);
  for (const section of sections) {
    const sheet = book.addWorksheet(t(`reports.ui.sections.${section}`).slice(0, 31));
    sheet.getColumn(1).width = 42;
    // Each column as wide as its heads, up to a limit past which they wrap: a cross-tab's
    // "Demandeur d'asile" was cut by the next head.
    const widths: number[] = [];
    for (const table of tables.filter((item) => item.section === section)) {
      sheet.addRow([tableTitle(table, t)]).font = { bold: true };
      const heads = table.columns.map((column) => columnLabel(table, column, t, language));
      const head = sheet.addRow(['', ...heads]);
      head.font = { italic: true };
      head.alignment = { wrapText: true, vertical: 'bottom', horizontal: 'right' };
      heads.forEach((text, index) => {
        widths[index] = Math.max(widths[index] ?? 10, Math.min(22, text.length + 2));
      });
      for (const row of publishedRows(publishedTable(report, table, minimum, published), minimum, t, language)) {
        const added = sheet.addRow([row.label, ...row.cells]);
        // "< 5" and "×" under the figures, not at the other edge of their column.
        row.cells.forEach((_, index) => {
          added.getCell(index + 2).alignment = { horizontal: 'right' };
        });
      }
      sheet.addRow([]);
    }
    widths.forEach((width, index) => {
      sheet.getColumn(index + 2).width = width;
    });
  }
  const definitions = book.addWorksheet(t('reports.ui.definitionsTitle').slice(0, 31));
  definitions.getColumn(1).width = 40;
  definitions.getColumn(2).width = 120;
  for (const table of tables) definitions.addRow([tableTitle(table, t), tableDefinition(table, t)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A date cell: midnight UTC of the day, shown as a date. */
const dateCell = (date: string) => new Date(`${date}T00:00:00Z`);

const MARGIN = 50;

/**
 * A printable document: title page, then pages with numbers written once all are laid out.
 * `titleTop` moves the title up for a short document that goes on under it (a form to sign).
 */
export function pdfDocument(info: { title: string; subtitle: string[]; titleTop?: number }): PDFKit.PDFDocument {
  const doc = newPdf({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: info.title, Creator: 'Tremplin' } });
  doc.font(FONTS.bold).fontSize(24).text(info.title, MARGIN, info.titleTop ?? 250, { align: 'center' });
  doc.moveDown();
  doc.font(FONTS.regular).fontSize(13);
  for (const line of info.subtitle) doc.text(line, { align: 'center' });
  return doc;
}

export function finishPdf(doc: PDFKit.PDFDocument, pageText: (page: number, pages: number) => string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(9).fillColor('black').text(pageText(page + 1, range.count), MARGIN, doc.page.height - 35, { align: 'center', width: doc.page.width - 2 * MARGIN });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A bar hatched with thin diagonal black lines on white: tells itself from a solid bar on any printer. */
function hatchedBar(doc: PDFKit.PDFDocument, x: number, y: number, width: number, height: number): void {
  if (width <= 0) return;
  doc.save();
  doc.rect(x, y, width, height).clip();
  for (let start = x - height; start < x + width; start += 2.5) doc.moveTo(start, y + height).lineTo(start + height, y);
  doc.lineWidth(0.5).stroke('black');
  doc.restore();
  doc.rect(x, y, width, height).lineWidth(0.6).stroke('black');
}

/** Horizontal bars, the period solid black, the previous one hatched, with their legend: readable in black and white. */
function drawBars(doc: PDFKit.PDFDocument, labels: string[], values: [number, number][], legend: [string, string]): void {
  const width = doc.page.width - 2 * MARGIN;
  const labelWidth = 170;
  const barArea = width - labelWidth - 40;
  const max = Math.max(1, ...values.flat());
  const rowHeight = 14;
  if (doc.y + rowHeight * labels.length + 34 > doc.page.height - MARGIN - 30) doc.addPage();
  const top = doc.y;
  labels.forEach((text, index) => {
    const y = top + index * rowHeight;
    const [current = 0, previous = 0] = values[index] ?? [];
    doc.font(FONTS.regular).fontSize(8).fillColor('black').text(text, MARGIN, y + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    doc.rect(MARGIN + labelWidth, y + 1, (current / max) * barArea, 5.5).fill('black');
    hatchedBar(doc, MARGIN + labelWidth, y + 7, (previous / max) * barArea, 5.5);
  });
  const legendY = top + labels.length * rowHeight + 3;
  doc.rect(MARGIN + labelWidth, legendY, 10, 6).fill('black');
  doc.font(FONTS.regular).fontSize(7.5).fillColor('black').text(legend[0], MARGIN + labelWidth + 14, legendY - 0.5, { lineBreak: false });
  hatchedBar(doc, MARGIN + labelWidth + 130, legendY, 10, 6);
  doc.fillColor('black').text(legend[1], MARGIN + labelWidth + 144, legendY - 0.5, { lineBreak: false });
  doc.y = legendY + 14;
  doc.x = MARGIN;
}

/** A new A4 page, upright or sideways (pdfkit types a page's own `layout` as any string). */
function addPage(doc: PDFKit.PDFDocument, layout: string): void {
  doc.addPage({ size: 'A4', margin: MARGIN, layout: layout === 'landscape' ? 'landscape' : 'portrait' });
}

function drawTable(doc: PDFKit.PDFDocument, header: string[], rows: { label: string; cells: (number | string)[] }[]): void {
  const width = doc.page.width - 2 * MARGIN;
  // A cross-tab's many columns take the room its labels leave (measured only there).
  const labels = () => Math.max(0, ...rows.map((row) => doc.font(FONTS.regular).fontSize(8).widthOfString(row.label))) + 8;
  const first = header.length > 3 ? Math.min(220, Math.max(80, labels())) : Math.min(220, width / 2);
  const other = (width - first) / Math.max(1, header.length - 1);
  const left = (index: number) => (index === 0 ? MARGIN : MARGIN + first + (index - 1) * other);
  const room = (index: number) => (index === 0 ? first - 4 : other - 4);
  const line = (cells: string[]) => {
    if (doc.y > doc.page.height - MARGIN - 40) addPage(doc, doc.page.layout);
    const y = doc.y;
    doc.font(FONTS.regular).fontSize(8);
    cells.forEach((cell, index) => {
      doc.text(cell, left(index), y, { width: room(index), align: index === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
    });
    doc.moveTo(MARGIN, y + 11).lineTo(MARGIN + width, y + 11).lineWidth(0.3).stroke('black');
    doc.y = y + 13;
  };
  // The header wraps between words, in a size where its longest word fits its column ("Demandeur d'asile" over two lines, never "Dema-ndeur").
  doc.font(FONTS.bold);
  const fits = (size: number) => header.every((cell, index) => cell.split(/\s+/).every((word) => doc.fontSize(size).widthOfString(word) <= room(index)));
  const size = [8, 7.5, 7, 6.5, 6].find(fits) ?? 6;
  doc.fontSize(size);
  const height = Math.max(...header.map((cell, index) => doc.heightOfString(cell, { width: room(index) })));
  if (doc.y + height > doc.page.height - MARGIN - 40) addPage(doc, doc.page.layout);
  const y = doc.y;
  header.forEach((cell, index) => {
    doc.text(cell, left(index), y + height - doc.heightOfString(cell, { width: room(index) }), { width: room(index), align: index === 0 ? 'left' : 'right' });
  });
  doc.moveTo(MARGIN, y + height + 1).lineTo(MARGIN + width, y + height + 1).lineWidth(0.3).stroke('black');
  doc.y = y + height + 3;
  for (const row of rows) line([row.label, ...row.cells.map(String)]);
  doc.x = MARGIN;
}

export function reportPdf(
  report: Report,
  chapters: ReportChapter[],
  text: { title: string; population: string },
  minimum: number,
  t: Translate,
  language: Language,
  printedOn: string,
): Promise<Buffer> {
  const doc = pdfDocument({
    title: text.title,
    subtitle: [report.association ?? '', periodText(report, t, language), text.population, t('reports.ui.printedOnText', { date: longDate(printedOn, language) })].filter(Boolean),
  });
  const tables = chapters.flatMap((chapter) => chapter.tables);
  const openings = new Map(chapters.flatMap((chapter) => (chapter.tables[0] ? [[chapter.tables[0], chapter.id] as const] : [])));
  let titlePage = true;
  const published = suppressReport(report.tables, minimum);
  for (const table of tables) {
    const chapter = openings.get(table);
    const suppressed = publishedTable(report, table, minimum, published);
    const comparing = table.columns.includes('current');
    const charted = table.rows.filter((row, index) => row.unit === undefined && suppressed.cells[index]?.every((how) => how === 'shown'));
    // A chart of nothing but zeros says nothing: the table alone does.
    const chart = comparing && charted.some((row) => row.values.some((value) => value > 0));
    // A chapter's heading, the title, its definition, its chart and the start of its table on one page.
    const needed = (chapter === undefined ? 0 : 40) + 50 + (chart ? charted.length * 14 + 34 : 0) + Math.min(table.rows.length + 2, 8) * 13;
    // A cross-tab's many columns read on a page of their own, turned sideways, as wide as its labels need.
    const layout = table.columns.length > 4 ? 'landscape' : 'portrait';
    if (titlePage || layout !== doc.page.layout || layout === 'landscape' || doc.y + needed > doc.page.height - MARGIN - 30) addPage(doc, layout);
    else if (chapter !== undefined) doc.moveDown(1);
    titlePage = false;
    if (chapter !== undefined) {
      doc.font(FONTS.bold).fontSize(16).text(t(`reports.ui.chapters.${chapter}`));
      doc.moveDown(0.5);
    }
    doc.font(FONTS.bold).fontSize(11).text(tableTitle(table, t));
    doc.font(FONTS.italic).fontSize(8).text(tableDefinition(table, t));
    doc.moveDown(0.3);
    if (chart)
      drawBars(
        doc,
        charted.map((row) => rowLabel(table, row, t, language)),
        charted.map((row) => [row.values[0] ?? 0, row.values[1] ?? 0]),
        [t('reports.ui.columns.current'), t('reports.ui.columns.previous')],
      );
    drawTable(
      doc,
      ['', ...table.columns.map((column) => columnLabel(table, column, t, language))],
      publishedRows(suppressed, minimum, t, language).map((row) => ({ ...row, cells: row.cells.map((cell) => (typeof cell === 'number' ? cell.toLocaleString(language) : cell)) })),
    );
    doc.moveDown(0.8);
  }
  doc.addPage();
  doc.font(FONTS.bold).fontSize(16).text(t('reports.ui.definitionsTitle'));
  doc.moveDown(0.5);
  doc.font(FONTS.regular).fontSize(8).text(t('reports.ui.smallCells', { minimum: String(minimum) }));
  doc.moveDown(0.5);
  for (const table of tables) {
    doc.font(FONTS.bold).fontSize(9).text(tableTitle(table, t));
    doc.font(FONTS.regular).fontSize(8).text(tableDefinition(table, t));
    doc.moveDown(0.3);
  }
  return finishPdf(doc, (page, pages) => t('reports.ui.pageOf', { page: String(page), pages: String(pages) }));
}

export { rowLabel, tableId };
