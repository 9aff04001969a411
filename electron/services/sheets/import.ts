import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import type { DuplicateCandidate } from '../../../shared/candidates';
import { partnerCreateSchema } from '../../../shared/partners';
import { type AuthorisationDocument, SEEDED_SECTORS } from '../../../shared/domain';
import { LANGUAGES, translator } from '../../../shared/i18n';
import type { PreviewRow, SheetImportSummary, SheetOpened, SheetPreview } from '../../../shared/sheets';
import { CANDIDATE_COLUMNS, guessColumns, headerShape, locateTable } from '../../../shared/sheet-table';
import { type Cell, cellText, readAuthorisationDocument } from '../../../shared/sheet-values';
import { type Clock, moment, newId, systemClock } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { WriteDb } from '../../db/handles';
import { SheetReadError } from '../../formats/csv';
import { type ReadSpreadsheet, readSpreadsheetOffThread } from '../../formats/spreadsheet';
import { type TableCell, type TableFormat, writeTable } from '../../formats/table';
import { auditedTransaction, describeAudit } from '../../store/audit';
import { dataMark } from '../../store/changes';
import { readSetting, writeSetting } from '../../store/settings';
import {
  deleteImportedCandidates,
  findSheetImport,
  importedRecords,
  insertSheetImport,
  markSheetImportUndone,
  partnerNames,
  sectorNames,
  sheetImportHistory,
  touchedCandidates,
} from '../../store/sheets';
import { insertTimelineEvent } from '../../store/timeline';
import type { BackupService } from '../backups';
import { createCandidateService } from '../candidates';
import { findDuplicatesOfMany } from '../duplicates';
import { createPartnerService } from '../partners';
import { createSectorService } from '../sectors';
import { type ConvertedRow, convertRow, folded } from './rows';

/** A file stays open this long without being applied or dropped. */
const OPEN_FOR_MS = 60 * 60 * 1000;
/** Files held at once: each is a whole sheet in memory. */
const MAX_OPEN = 3;

interface OpenFile {
  fileName: string;
  read: ReadSpreadsheet;
  openedAt: number;
  /** The last analysis, kept for an apply with the same choices while nothing was written since. */
  analysed?: { choices: string; mark: string; analysis: Analysis };
}

type Choices = ParsedInputOf<'sheets.preview'>;

interface AnalysedRow {
  line: number;
  cells: readonly unknown[];
  converted: ConvertedRow;
  duplicates: DuplicateCandidate[];
  sameFileLine: number | null;
}

interface Analysis {
  preview: SheetPreview;
  rows: AnalysedRow[];
  headers: string[];
  shape: string;
}

/** A cell of the file as the left-out rows write it again: a date cell stays a date when it holds no time of day. */
function leftOutCell(cell: Cell): TableCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if (cell instanceof Date && !Number.isNaN(cell.getTime()) && cell.toISOString().endsWith('T00:00:00.000Z')) return { date: cell.toISOString().slice(0, 10) };
  return cellText(cell);
}

const mappingSetting = (shape: string) => `sheets.mapping.${shape}`;
const rememberedMapping = z.array(z.enum(CANDIDATE_COLUMNS).nullable());

export interface SheetImportOptions {
  db: WriteDb;
  clock?: Clock;
  /** Takes the backup every import starts with (started ahead while the preview is read). */
  backups: Pick<BackupService, 'beforeImport' | 'prepareImport'>;
}

export function createSheetImportService({ db, clock = systemClock, backups }: SheetImportOptions) {
  const opened = new Map<string, OpenFile>();

  function held(importId: string): OpenFile {
    const entry = opened.get(importId);
    if (!entry || clock.now().getTime() - entry.openedAt > OPEN_FOR_MS) {
      opened.delete(importId);
      throw new AppError('not_found', 'sheets.errors.notFound');
    }
    return entry;
  }

  /** Names as a person may write them, folded: a partner's name, a sector's own name or its label in any language. */
  function nameIndexes() {
    const partners = new Map(partnerNames(db).map((partner) => [folded(partner.name), partner.id]));
    const sectors = new Map<string, string>();
    const labels = LANGUAGES.map((language) => translator(language));
    for (const sector of sectorNames(db)) {
      if (sector.name) sectors.set(folded(sector.name), sector.id);
      if (sector.seedKey && (SEEDED_SECTORS as readonly string[]).includes(sector.seedKey)) {
        for (const label of labels) sectors.set(folded(label(`sectors.values.${sector.seedKey}`)), sector.id);
      }
    }
    return { partners, sectors };
  }

  /** The analysis of these choices: the one kept from the preview when nothing was written since, else made again. */
  function analyse(input: Choices): Analysis {
    const entry = held(input.importId);
    const choices = JSON.stringify([input.sheet, input.headerRow ?? null, input.mapping ?? null, Object.entries(input.documents).sort()]);
    const mark = dataMark(db);
    const kept = entry.analysed;
    if (kept && kept.choices === choices && kept.mark === mark) return kept.analysis;
    const analysis = analyseAnew(entry, input);
    entry.analysed = { choices, mark, analysis };
    return analysis;
  }

  function analyseAnew(entry: OpenFile, input: Choices): Analysis {
    const sheet = entry.read.sheets[input.sheet];
    if (!sheet) refuse({ sheet: 'sheets.errors.noSheet' });
    const rows = input.headerRow === undefined ? sheet.rows : [...Array(input.headerRow).fill([]), ...sheet.rows.slice(input.headerRow)];
    const table = locateTable(rows);
    if (!table) refuse('sheets.errors.noTable');
    const headers = table.headers.map((header) => cellText(header));
    const shape = headerShape(headers);
    const remembered = input.mapping ? null : readSetting(db, mappingSetting(shape), rememberedMapping);
    const mapping = (input.mapping ?? remembered ?? guessColumns(headers)).slice(0, headers.length);
    while (mapping.length < headers.length) mapping.push(null);

    const documentColumn = mapping.indexOf('authorisationDocument');
    const chosenDocuments = new Map<string, AuthorisationDocument | null>(Object.entries(input.documents).map(([text, document]) => [folded(text), document]));
    const documents = new Map<string, { text: string; document: AuthorisationDocument | null; rows: number }>();
    if (documentColumn >= 0) {
      for (const row of table.rows) {
        const text = cellText(row.cells[documentColumn]);
        if (text === '') continue;
        const key = folded(text);
        const known = documents.get(key);
        if (known) known.rows++;
        else {
          const read = readAuthorisationDocument(text);
          const document = chosenDocuments.has(key) ? (chosenDocuments.get(key) ?? null) : read.kind === 'value' ? read.value : null;
          documents.set(key, { text, document, rows: 1 });
        }
      }
    }
    // A document the person set to "none of these" (null) is left empty rather than refused.
    const context = { todayYear: Number(moment(clock).today.slice(0, 4)), ...nameIndexes(), documents: chosenDocuments };
    const converted = table.rows.map((row) => ({ line: row.line, cells: row.cells, converted: convertRow(row.cells, mapping, context) }));
    const valid = converted.filter((row) => row.converted.fields !== null);
    const found = findDuplicatesOfMany(
      db,
      valid.map(({ converted: { fields } }) => ({
        firstName: fields?.firstName ?? '',
        lastName: fields?.lastName ?? '',
        birthDate: fields?.birthDate ?? null,
        phone: fields?.phone ?? null,
        email: fields?.email ?? null,
      })),
    );
    const duplicatesOf = new Map(valid.map((row, index) => [row.line, found[index] ?? []]));
    // The same person twice in the file: same names and birth date, or same phone.
    const firstLine = new Map<string, number>();
    const analysed: AnalysedRow[] = converted.map((row) => {
      let sameFileLine: number | null = null;
      const fields = row.converted.fields;
      if (fields) {
        const keys = [fields.birthDate ? `${folded(`${fields.firstName} ${fields.lastName}`)}|${fields.birthDate}` : null, fields.phone ? `phone|${fields.phone}` : null];
        for (const key of keys) {
          if (key === null) continue;
          const earlier = firstLine.get(key);
          if (earlier !== undefined) sameFileLine ??= earlier;
          else firstLine.set(key, row.line);
        }
      }
      return { ...row, duplicates: duplicatesOf.get(row.line) ?? [], sameFileLine };
    });

    const previewRows: PreviewRow[] = analysed.map((row) => ({
      line: row.line,
      status: row.converted.fields === null ? 'error' : row.duplicates.length > 0 || row.sameFileLine !== null ? 'duplicate' : 'new',
      name: row.converted.name,
      errors: row.converted.errors,
      warnings: row.converted.warnings,
      duplicates: row.duplicates,
      sameFileLine: row.sameFileLine,
    }));
    const distinct = (values: (string | null)[]) => [...new Map(values.filter((value): value is string => value !== null).map((value) => [folded(value), value])).values()];
    return {
      rows: analysed,
      headers,
      shape,
      preview: {
        sheet: input.sheet,
        headerRow: table.headerRow,
        headers,
        mapping,
        mappingRemembered: remembered !== null,
        documents: [...documents.values()],
        newPartners: distinct(analysed.map((row) => row.converted.missingPartner)),
        newSectors: distinct(analysed.map((row) => row.converted.missingSector)),
        rows: previewRows,
        skipped: table.skipped,
        counts: {
          new: previewRows.filter((row) => row.status === 'new').length,
          duplicate: previewRows.filter((row) => row.status === 'duplicate').length,
          error: previewRows.filter((row) => row.status === 'error').length,
        },
      },
    };
  }

  /** The rows an apply with these choices creates. */
  const chosenRows = (analysis: Analysis, create: readonly number[]) => {
    const wanted = new Set(create);
    return analysis.rows.filter((row, index) => {
      const status = analysis.preview.rows[index]?.status;
      return status === 'new' || (status === 'duplicate' && wanted.has(row.line));
    });
  };

  function summaryOf(row: { id: string; fileName: string; importedAt: string; undoneAt: string | null; created: number }): SheetImportSummary {
    return { id: row.id, fileName: row.fileName, importedAt: row.importedAt, created: row.created, undoneAt: row.undoneAt };
  }

  return {
    async open(input: ParsedInputOf<'sheets.open'>): Promise<SheetOpened> {
      const now = clock.now().getTime();
      for (const [id, entry] of opened) if (now - entry.openedAt > OPEN_FOR_MS) opened.delete(id);
      let read: ReadSpreadsheet;
      try {
        read = await readSpreadsheetOffThread(Buffer.from(input.contentBase64, 'base64'), {
          ...(input.encoding ? { encoding: input.encoding } : {}),
          ...(input.separator ? { separator: input.separator } : {}),
        });
      } catch (error) {
        if (error instanceof SheetReadError) refuse(Object.keys(error.values).length > 0 ? `${error.messageKey}?${new URLSearchParams(error.values)}` : error.messageKey);
        throw error;
      }
      if (opened.size >= MAX_OPEN) {
        const oldest = [...opened.entries()].sort((a, b) => a[1].openedAt - b[1].openedAt)[0];
        if (oldest) opened.delete(oldest[0]);
      }
      const importId = newId();
      opened.set(importId, { fileName: input.fileName, read, openedAt: now });
      return {
        importId,
        fileName: input.fileName,
        format: read.format,
        encoding: read.format === 'csv' ? read.encoding : null,
        encodingAssumed: read.format === 'csv' && read.encodingAssumed,
        separator: read.format === 'csv' ? read.separator : null,
        sheets: read.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.length })),
      };
    },

    preview(input: Choices): SheetPreview {
      const { preview } = analyse(input);
      backups.prepareImport();
      return preview;
    },

    /**
     * The rows left out, with the file's columns and a first column saying why, in the family of
     * the file given (XLSX for an XLSX or ODS file, CSV for a CSV): numbers, dates and text kept
     * as they were read, so the file, once fixed, comes in again as it is.
     */
    async leftOut(input: ParsedInputOf<'sheets.leftOut'>): Promise<{ fileName: string; contentBase64: string }> {
      const analysis = analyse(input);
      const format: TableFormat = held(input.importId).read.format === 'csv' ? 'csv' : 'xlsx';
      const t = translator(input.language);
      const kept = new Set(chosenRows(analysis, input.create).map((row) => row.line));
      const rows: TableCell[][] = [];
      analysis.rows.forEach((row, index) => {
        if (kept.has(row.line)) return;
        const preview = analysis.preview.rows[index] as PreviewRow;
        const reasons =
          preview.status === 'error'
            ? preview.errors.map((error) => (error.column >= 0 ? `${analysis.headers[error.column]} : ${t(error.message)}` : t(error.message)))
            : [t('sheets.ui.leftOutDuplicate')];
        rows.push([reasons.join(' ; '), ...Array.from(row.cells, (cell) => leftOutCell(cell as Cell))]);
      });
      const name = t('sheets.ui.leftOutFile');
      const bytes = await writeTable(format, name, [t('sheets.ui.leftOutReason'), ...analysis.headers], rows);
      return { fileName: `${input.importId.slice(0, 8)}-${name}.${format}`, contentBase64: Buffer.from(bytes).toString('base64') };
    },

    async apply(input: ParsedInputOf<'sheets.apply'>): Promise<SheetImportSummary> {
      const analysis = analyse(input);
      const rows = chosenRows(analysis, input.create);
      if (rows.length === 0) refuse('sheets.errors.nothingToImport');
      const entry = held(input.importId);
      await backups.beforeImport();
      const { now, today } = moment(clock);
      // Every record the import writes carries the same instant: what "untouched since" compares with on undo.
      const frozen: Clock = { now: () => new Date(now) };
      const id = newId();
      const summary = auditedTransaction(db, now, (tx) => {
        const created: { recordType: string; recordId: string }[] = [];
        const partnerIds = new Map<string, string>();
        const sectorIds = new Map<string, string>();
        if (input.createMissing) {
          const partners = createPartnerService(tx, frozen);
          for (const name of analysis.preview.newPartners) {
            const partner = partners.create(partnerCreateSchema.parse({ name, kind: 'other' }));
            partnerIds.set(folded(name), partner.id);
            created.push({ recordType: 'partner', recordId: partner.id });
          }
          const sectors = createSectorService(tx, frozen);
          for (const name of analysis.preview.newSectors) {
            const sector = sectors.create({ name });
            sectorIds.set(folded(name), sector.id);
            created.push({ recordType: 'sector', recordId: sector.id });
          }
        }
        const files = rows.flatMap((row) => {
          const { fields, missingPartner, missingSector, note } = row.converted;
          if (!fields) return [];
          const referralPartnerId = missingPartner ? partnerIds.get(folded(missingPartner)) : undefined;
          const sectorId = missingSector ? sectorIds.get(folded(missingSector)) : undefined;
          return [{ fields: { ...fields, ...(referralPartnerId ? { referralPartnerId } : {}), ...(sectorId ? { sectorIds: [sectorId] } : {}) }, note }];
        });
        const ids = createCandidateService(tx, frozen).createMany(files.map((file) => file.fields));
        files.forEach(({ note }, index) => {
          const candidateId = ids[index] as string;
          if (note) {
            insertTimelineEvent(tx, { id: newId(), subjectType: 'candidate', subjectId: candidateId, kind: 'note', occurredAt: today, text: note, createdAt: now, updatedAt: now });
          }
          created.push({ recordType: 'candidate', recordId: candidateId });
        });
        insertSheetImport(tx, { id, fileName: entry.fileName, importedAt: now }, created);
        writeSetting(tx, mappingSetting(analysis.shape), analysis.preview.mapping);
        const count = created.filter((record) => record.recordType === 'candidate').length;
        describeAudit(now, { action: 'sheets.apply', subjectType: 'sheetImport', subjectId: id, details: { candidates: count, partners: partnerIds.size, sectors: sectorIds.size } });
        return { id, fileName: entry.fileName, importedAt: now, created: count, undoneAt: null };
      });
      opened.delete(input.importId);
      return summary;
    },

    drop: ({ importId }: { importId: string }) => ({ dropped: opened.delete(importId) }),

    history: (): SheetImportSummary[] => sheetImportHistory(db, 20).map(summaryOf),

    undo({ id }: { id: string }): SheetImportSummary {
      const sheetImport = findSheetImport(db, id);
      if (!sheetImport) throw new AppError('not_found', 'sheets.errors.notFound');
      if (sheetImport.undoneAt) refuse('sheets.errors.alreadyUndone');
      const records = importedRecords(db, id);
      const candidateIds = records.filter((record) => record.recordType === 'candidate').map((record) => record.recordId);
      const touched = touchedCandidates(db, candidateIds, sheetImport.importedAt);
      if (touched.size > 0) refuse(`sheets.errors.undoTouched?count=${touched.size}`);
      const { now } = moment(clock);
      deleteImportedCandidates(db, candidateIds);
      markSheetImportUndone(db, id, now);
      describeAudit(now, { action: 'sheets.undo', subjectType: 'sheetImport', subjectId: id, details: { candidates: candidateIds.length } });
      return summaryOf({ ...sheetImport, undoneAt: now, created: candidateIds.length });
    },
  };
}

export type SheetImportService = ReturnType<typeof createSheetImportService>;
