import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import type { CandidateFields } from '../../../shared/candidates';
import { partnerCreateSchema } from '../../../shared/partners';
import { type AuthorisationDocument, SEEDED_SECTORS } from '../../../shared/domain';
import { LANGUAGES, translator } from '../../../shared/i18n';
import { roleMay } from '../../../shared/roles';
import {
  type MergeChange,
  type PreviewRow,
  SHEET_KIND_CAPABILITIES,
  type SheetDuplicate,
  type SheetImportSummary,
  type SheetOpened,
  type SheetPreview,
} from '../../../shared/sheets';
import { ALL_SHEET_COLUMNS, SHEET_COLUMNS, type SheetColumn, type SheetKind, guessColumns, headerShape, locateTable } from '../../../shared/sheet-table';
import { type Cell, cellText, readAuthorisationDocument } from '../../../shared/sheet-values';
import { type Clock, moment, newId, systemClock } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { SpareWorker } from '../../core/workers';
import type { DatabaseSource } from '../../db/cipher';
import { largeWrite } from '../../db/checkpoints';
import type { WriteDb } from '../../db/handles';
import { SheetReadError } from '../../formats/csv';
import { type ReadSpreadsheet, SHEET_WORKERS, readSpreadsheetOffThread } from '../../formats/spreadsheet';
import { type TableCell, type TableFormat, writeTable } from '../../formats/table';
import { auditedTransaction, describeAudit } from '../../store/audit';
import { dataMark } from '../../store/changes';
import { readSetting, writeSetting } from '../../store/settings';
import { currentCaller } from '../../store/caller';
import { findCandidate } from '../../store/candidates';
import {
  type ImportedRecordType,
  type SheetImportCounts,
  type SheetImportRecord,
  countRecords,
  deleteImportedCandidates,
  deleteImportedRecord,
  employerRows,
  importCounts,
  findSheetImport,
  importedRecords,
  insertSheetImport,
  markSheetImportUndone,
  partnerNames,
  sectorNames,
  sheetImportHistory,
  touchedCandidates,
  touchedRecords,
} from '../../store/sheets';
import { type NewTimelineEvent, insertTimelineEvents } from '../../store/timeline';
import type { BackupService } from '../backups';
import { createCandidateService } from '../candidates';
import { findDuplicatesOfMany } from '../duplicates';
import { createPartnerService } from '../partners';
import { createSectorService } from '../sectors';
import { type ExistingRecord, RECORD_KINDS, RECORD_TYPE_OF, type RecordType, duplicateKeys, mergePlan, unmergePatch, wholeRecord } from './kinds';
import { type ConvertedRecord, convertRecord } from './records';
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
type Fields = Record<string, unknown>;

/** What the file says of a row's duplicates, and what a merge would do to the first. */
interface RowDuplicates {
  duplicates: SheetDuplicate[];
  sameFileLine: number | null;
  /** The record a merge would fill (the first existing duplicate), and how. */
  mergeInto: string | null;
  merge: MergeChange[];
}

/** A row as read, whatever its kind: what its converter made of it (convertRow, convertRecord), and its duplicates. */
interface AnalysedRow extends Pick<ConvertedRow, 'name' | 'errors' | 'warnings' | 'missingPartner' | 'missingSector' | 'note'>, RowDuplicates {
  line: number;
  cells: readonly Cell[];
  /** The record's fields; null when the row has an error. */
  fields: Fields | null;
}

/** A converted row as the analysis keeps it, its fields picked by name (a converter's others stay out of what the screen receives). */
function analysedRow(line: number, cells: readonly Cell[], converted: ConvertedRow | ConvertedRecord, duplicates: RowDuplicates): AnalysedRow {
  return {
    line,
    cells,
    fields: converted.fields,
    name: converted.name,
    errors: converted.errors,
    warnings: converted.warnings,
    missingPartner: 'missingPartner' in converted ? converted.missingPartner : null,
    missingSector: converted.missingSector,
    note: 'note' in converted ? converted.note : null,
    duplicates: duplicates.duplicates,
    sameFileLine: duplicates.sameFileLine,
    mergeInto: duplicates.mergeInto,
    merge: duplicates.merge,
  };
}

interface Analysis {
  kind: SheetKind;
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

/** Candidates keep the key their mappings were remembered under before other kinds came. */
const mappingSetting = (kind: SheetKind, shape: string) => (kind === 'candidates' ? `sheets.mapping.${shape}` : `sheets.mapping.${kind}.${shape}`);
const rememberedMapping = z.array(z.enum(ALL_SHEET_COLUMNS).nullable());

export interface SheetImportOptions {
  db: WriteDb;
  clock?: Clock;
  /** Takes the backup every import starts with (started ahead while the preview is read). */
  backups: Pick<BackupService, 'beforeImport' | 'prepareImport'>;
  /** The workers files are read on, one started ahead (the process's own unless a test gives its own). */
  readers?: SpareWorker;
  /** The file `db` writes, and its key: a worker copies an import's pages into it (see largeWrite). */
  databaseSource?: DatabaseSource;
}

/** An employers file needs `employers.write`, a volunteers file `network.write`: the capabilities of the kind's own forms. */
function assertMayImport(kind: SheetKind): void {
  const caller = currentCaller();
  if (caller && !roleMay(caller.role, SHEET_KIND_CAPABILITIES[kind])) throw new AppError('forbidden', 'errors.forbidden');
}

export function createSheetImportService({ db, clock = systemClock, backups, readers = SHEET_WORKERS, databaseSource }: SheetImportOptions) {
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

  /** The same record twice in the file: each row after the first that shares one of its keys names that first row. */
  function sameFileLines(rows: { line: number; keys: string[] }[]): Map<number, number> {
    const firstLine = new Map<string, number>();
    const earlier = new Map<number, number>();
    for (const row of rows) {
      for (const key of row.keys) {
        const first = firstLine.get(key);
        if (first !== undefined) {
          if (!earlier.has(row.line)) earlier.set(row.line, first);
        } else firstLine.set(key, row.line);
      }
    }
    return earlier;
  }

  function analyseCandidates(rows: { line: number; cells: Cell[] }[], mapping: (SheetColumn | null)[], documents: Map<string, AuthorisationDocument | null>): AnalysedRow[] {
    // A document the person set to "none of these" (null) is left empty rather than refused.
    const context = { todayYear: Number(moment(clock).today.slice(0, 4)), ...nameIndexes(), documents };
    const converted = rows.map((row) => ({ line: row.line, cells: row.cells, converted: convertRow(row.cells, mapping as never, context) }));
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
    const earlier = sameFileLines(
      converted.map(({ line, converted: { fields } }) => ({
        line,
        keys: fields
          ? [fields.birthDate ? `${folded(`${fields.firstName} ${fields.lastName}`)}|${fields.birthDate}` : null, fields.phone ? `phone|${fields.phone}` : null].filter(
              (key): key is string => key !== null,
            )
          : [],
      })),
    );
    return converted.map(({ line, cells, converted: row }) => {
      const duplicates = (duplicatesOf.get(line) ?? []).map(({ candidate, reasons }) => ({ id: candidate.id, name: `${candidate.lastName} ${candidate.firstName}`, reasons }));
      const mergeInto = duplicates[0]?.id ?? null;
      return analysedRow(line, cells, row, {
        duplicates,
        sameFileLine: earlier.get(line) ?? null,
        mergeInto,
        merge: mergeInto && row.fields ? mergePlan(row.fields, wholeRecord(db, 'candidates', mergeInto)).changes : [],
      });
    });
  }

  function analyseRecords(kind: Exclude<SheetKind, 'candidates'>, rows: { line: number; cells: Cell[] }[], mapping: (SheetColumn | null)[]): AnalysedRow[] {
    const { sectors } = nameIndexes();
    const employersBySiret = new Map<string, string>();
    const employersByName = new Map<string, string[]>();
    if (kind === 'jobNeeds') {
      for (const employer of employerRows(db)) {
        if (employer.archivedAt) continue;
        if (employer.siret) employersBySiret.set(employer.siret, employer.id);
        const key = folded(employer.name);
        employersByName.set(key, [...(employersByName.get(key) ?? []), employer.id]);
      }
    }
    const context = { todayYear: Number(moment(clock).today.slice(0, 4)), sectors, employersBySiret, employersByName };
    const converted = rows.map((row) => ({ ...row, converted: convertRecord(kind, row.cells, mapping, context) }));
    const existingByKey = new Map<string, { record: ExistingRecord; reason: string }[]>();
    for (const record of RECORD_KINDS[kind].existing(db)) {
      for (const { key, reason } of duplicateKeys(kind, record.values)) existingByKey.set(key, [...(existingByKey.get(key) ?? []), { record, reason }]);
    }
    const keysOf = new Map(converted.map((row) => [row.line, row.converted.fields ? duplicateKeys(kind, row.converted.fields) : []]));
    const earlier = sameFileLines(converted.map((row) => ({ line: row.line, keys: (keysOf.get(row.line) ?? []).map((key) => key.key) })));
    return converted.map(({ line, cells, converted: row }) => {
      const found = new Map<string, { record: ExistingRecord; reasons: string[] }>();
      for (const { key } of keysOf.get(line) ?? []) {
        for (const { record, reason } of existingByKey.get(key) ?? []) {
          const known = found.get(record.id);
          if (known) known.reasons.push(reason);
          else found.set(record.id, { record, reasons: [reason] });
        }
      }
      const matches = [...found.values()];
      const first = matches[0]?.record;
      return analysedRow(line, cells, row, {
        duplicates: matches.map(({ record, reasons }) => ({ id: record.id, name: record.name, reasons })),
        sameFileLine: earlier.get(line) ?? null,
        mergeInto: first?.id ?? null,
        merge: first && row.fields ? mergePlan(row.fields, wholeRecord(db, kind, first.id)).changes : [],
      });
    });
  }

  /** The analysis of these choices: the one kept from the preview when nothing was written since, else made again. */
  function analyse(input: Choices): Analysis {
    assertMayImport(input.kind);
    const entry = held(input.importId);
    const choices = JSON.stringify([input.kind, input.sheet, input.headerRow ?? null, input.mapping ?? null, Object.entries(input.documents).sort(), input.fixes]);
    const mark = dataMark(db);
    const kept = entry.analysed;
    if (kept && kept.choices === choices && kept.mark === mark) return kept.analysis;
    const analysis = analyseAnew(entry, input);
    entry.analysed = { choices, mark, analysis };
    return analysis;
  }

  function analyseAnew(entry: OpenFile, input: Choices): Analysis {
    const { kind } = input;
    const sheet = entry.read.sheets[input.sheet];
    if (!sheet) refuse({ sheet: 'sheets.errors.noSheet' });
    const rows = input.headerRow === undefined ? sheet.rows : [...Array(input.headerRow).fill([]), ...sheet.rows.slice(input.headerRow)];
    const table = locateTable(rows, kind);
    if (!table) refuse('sheets.errors.noTable');
    const headers = table.headers.map((header) => cellText(header));
    const shape = headerShape(headers);
    const columns = new Set<SheetColumn>(SHEET_COLUMNS[kind]);
    if (input.mapping?.some((column) => column !== null && !columns.has(column))) refuse({ mapping: 'sheets.errors.column' });
    const stored = input.mapping ? null : readSetting(db, mappingSetting(kind, shape), rememberedMapping);
    const remembered = stored?.every((column) => column === null || columns.has(column)) ? stored : null;
    const mapping = (input.mapping ?? remembered ?? guessColumns(headers, kind)).slice(0, headers.length);
    while (mapping.length < headers.length) mapping.push(null);

    // A corrected cell takes the place of the file's, and goes through the same readers.
    const fixes = new Map(input.fixes.map((fix) => [`${fix.line}:${fix.column}`, fix.value]));
    // An emptied cell (null) stays empty: it does not fall back to the file's value.
    const fixed = (line: number, column: number, cell: Cell): Cell => {
      const key = `${line}:${column}`;
      return fixes.has(key) ? fixes.get(key) : cell;
    };
    const dataRows = table.rows.map((row) => ({
      line: row.line,
      cells: fixes.size === 0 ? row.cells : Array.from({ length: Math.max(row.cells.length, headers.length) }, (_, column) => fixed(row.line, column, row.cells[column])),
    }));

    const documentColumn = mapping.indexOf('authorisationDocument');
    const chosenDocuments = new Map<string, AuthorisationDocument | null>(Object.entries(input.documents).map(([text, document]) => [folded(text), document]));
    const documents = new Map<string, { text: string; document: AuthorisationDocument | null; rows: number }>();
    if (kind === 'candidates' && documentColumn >= 0) {
      for (const row of dataRows) {
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
    const analysed = kind === 'candidates' ? analyseCandidates(dataRows, mapping, chosenDocuments) : analyseRecords(kind, dataRows, mapping);

    const previewRows: PreviewRow[] = analysed.map((row) => ({
      line: row.line,
      status: row.fields === null ? 'error' : row.duplicates.length > 0 || row.sameFileLine !== null ? 'duplicate' : 'new',
      name: row.name,
      errors: row.errors.map((error) => (error.column >= 0 ? { ...error, text: cellText(row.cells[error.column]) } : error)),
      warnings: row.warnings,
      duplicates: row.duplicates,
      sameFileLine: row.sameFileLine,
      merge: row.merge,
    }));
    const distinct = (values: (string | null)[]) => [...new Map(values.filter((value): value is string => value !== null).map((value) => [folded(value), value])).values()];
    return {
      kind,
      rows: analysed,
      headers,
      shape,
      preview: {
        kind,
        sheet: input.sheet,
        headerRow: table.headerRow,
        headers,
        mapping,
        mappingRemembered: remembered !== null,
        documents: [...documents.values()],
        newPartners: distinct(analysed.map((row) => row.missingPartner)),
        newSectors: distinct(analysed.map((row) => row.missingSector)),
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

  /** What an apply with these choices does with each row: create it, merge it into the record it duplicates, or leave it out. */
  function decisions(analysis: Analysis, input: { create: readonly number[]; merge: readonly number[] }) {
    const created = new Set(input.create);
    const merged = new Set(input.merge);
    const create: AnalysedRow[] = [];
    const merge: AnalysedRow[] = [];
    analysis.rows.forEach((row, index) => {
      const status = analysis.preview.rows[index]?.status;
      if (status === 'new' || (status === 'duplicate' && created.has(row.line))) create.push(row);
      // A row that only repeats an earlier one of the file has no record to fill.
      else if (status === 'duplicate' && merged.has(row.line) && row.mergeInto !== null) merge.push(row);
    });
    return { create, merge };
  }

  function summaryOf(row: { id: string; fileName: string; importedAt: string; undoneAt: string | null }, counts: SheetImportCounts): SheetImportSummary {
    // The kind is the main record type the import wrote (a candidates file may also have created partners and sectors).
    const types: RecordType[] = ['candidate', 'jobNeed', 'employer', 'volunteer', 'partner'];
    const count = (type: string) => counts.created.get(type) ?? 0;
    const mergedOf = (type: string) => counts.merged.get(type) ?? 0;
    const recordType = types.find((type) => count(type) > 0 || mergedOf(type) > 0) ?? 'candidate';
    const kind = (Object.entries(RECORD_TYPE_OF).find(([, type]) => type === recordType)?.[0] ?? 'candidates') as SheetKind;
    return { id: row.id, kind, fileName: row.fileName, importedAt: row.importedAt, created: count(recordType), merged: mergedOf(recordType), undoneAt: row.undoneAt };
  }

  return {
    async open(input: ParsedInputOf<'sheets.open'>): Promise<SheetOpened> {
      const now = clock.now().getTime();
      for (const [id, entry] of opened) if (now - entry.openedAt > OPEN_FOR_MS) opened.delete(id);
      let read: ReadSpreadsheet;
      try {
        read = await readSpreadsheetOffThread(
          Buffer.from(input.contentBase64, 'base64'),
          {
            ...(input.encoding ? { encoding: input.encoding } : {}),
          ...(input.separator ? { separator: input.separator } : {}),
          },
          readers,
        );
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
     * as they were read (or as corrected in the preview), so the file, once fixed, comes in again.
     */
    async leftOut(input: ParsedInputOf<'sheets.leftOut'>): Promise<{ fileName: string; contentBase64: string }> {
      const analysis = analyse(input);
      const format: TableFormat = held(input.importId).read.format === 'csv' ? 'csv' : 'xlsx';
      const t = translator(input.language);
      const { create, merge } = decisions(analysis, input);
      const kept = new Set([...create, ...merge].map((row) => row.line));
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
      const { create, merge } = decisions(analysis, input);
      if (create.length === 0 && merge.length === 0) refuse('sheets.errors.nothingToImport');
      const entry = held(input.importId);
      await backups.beforeImport();
      const { now, today } = moment(clock);
      // Every record the import writes carries the same instant: what "untouched since" compares with on undo.
      const frozen: Clock = { now: () => new Date(now) };
      const id = newId();
      const { kind } = analysis;
      const recordType = RECORD_TYPE_OF[kind];
      const summary = largeWrite(db, databaseSource, () =>
        auditedTransaction(db, now, (tx) => {
          const written: SheetImportRecord[] = [];
          const partnerIds = new Map<string, string>();
          const sectorIds = new Map<string, string>();
          if (input.createMissing) {
            const partners = createPartnerService(tx, frozen);
            for (const name of analysis.preview.newPartners) {
              const partner = partners.create(partnerCreateSchema.parse({ name, kind: 'other' }));
              partnerIds.set(folded(name), partner.id);
              written.push({ kind: 'created', recordType: 'partner', recordId: partner.id });
            }
            const sectors = createSectorService(tx, frozen);
            for (const name of analysis.preview.newSectors) {
              const sector = sectors.create({ name });
              sectorIds.set(folded(name), sector.id);
              written.push({ kind: 'created', recordType: 'sector', recordId: sector.id });
            }
          }
          /** A row's fields with the partner and sector created for it. */
          const completed = (row: AnalysedRow): Fields => {
            const fields = row.fields as Fields;
            const referralPartnerId = row.missingPartner ? partnerIds.get(folded(row.missingPartner)) : undefined;
            const sectorId = row.missingSector ? sectorIds.get(folded(row.missingSector)) : undefined;
            if (!sectorId) return { ...fields, ...(referralPartnerId ? { referralPartnerId } : {}) };
            const sector = kind === 'candidates' || kind === 'volunteers' ? { sectorIds: [sectorId] } : { sectorId };
            return { ...fields, ...(referralPartnerId ? { referralPartnerId } : {}), ...sector };
          };

          if (kind === 'candidates') {
            const ids = createCandidateService(tx, frozen).createMany(create.map((row) => completed(row) as CandidateFields));
            const notes: NewTimelineEvent[] = [];
            create.forEach(({ note }, index) => {
              const candidateId = ids[index] as string;
              if (note) notes.push({ id: newId(), subjectType: 'candidate', subjectId: candidateId, kind: 'note', occurredAt: today, text: note, createdAt: now, updatedAt: now });
              written.push({ kind: 'created', recordType: 'candidate', recordId: candidateId });
            });
            insertTimelineEvents(tx, notes);
          } else {
            const spec = RECORD_KINDS[kind];
            for (const row of create) written.push({ kind: 'created', recordType, recordId: spec.create(tx, frozen, completed(row)) });
          }

          // Two rows of the file that duplicate the same record: the first one fills it. The merge is
          // made again on the record as it is, with the partner and sector created for the row.
          const filled = new Set<string>();
          for (const row of merge) {
            const into = row.mergeInto as string;
            if (filled.has(into)) continue;
            const { patch, merged } = mergePlan(completed(row), wholeRecord(tx, kind, into));
            if (merged.length === 0) continue;
            filled.add(into);
            if (kind === 'candidates') createCandidateService(tx, frozen).update({ id: into, ...patch } as never);
            else RECORD_KINDS[kind].update(tx, frozen, into, patch);
            written.push({ kind: 'merged', recordType, recordId: into, filledFields: merged });
          }

          insertSheetImport(tx, { id, fileName: entry.fileName, importedAt: now }, written);
          writeSetting(tx, mappingSetting(kind, analysis.shape), analysis.preview.mapping);
          const done = summaryOf({ id, fileName: entry.fileName, importedAt: now, undoneAt: null }, countRecords(written));
          describeAudit(now, {
            action: 'sheets.apply',
            subjectType: 'sheetImport',
            subjectId: id,
            details: { kind, created: done.created, merged: done.merged, partners: partnerIds.size, sectors: sectorIds.size },
          });
          return done;
        }),
      );
      opened.delete(input.importId);
      return summary;
    },

    drop: ({ importId }: { importId: string }) => ({ dropped: opened.delete(importId) }),

    history: (): SheetImportSummary[] => {
      // The wizard asks for its history as it opens: the worker that will read the file starts now, while a file is chosen.
      readers.prepare();
      const imports = sheetImportHistory(db, 20);
      const counts = importCounts(
        db,
        imports.map((row) => row.id),
      );
      return imports.map((row) => summaryOf(row, counts.get(row.id) ?? countRecords([])));
    },

    /**
     * Removes exactly what an import created and empties again the fields it filled, if nothing
     * else has touched those records since; otherwise nothing at all.
     */
    undo({ id }: { id: string }): SheetImportSummary {
      const sheetImport = findSheetImport(db, id);
      if (!sheetImport) throw new AppError('not_found', 'sheets.errors.notFound');
      if (sheetImport.undoneAt) refuse('sheets.errors.alreadyUndone');
      const records = importedRecords(db, id);
      const summary = summaryOf(sheetImport, countRecords(records));
      assertMayImport(summary.kind);
      const idsOf = (type: string) => records.filter((record) => record.kind === 'created' && record.recordType === type).map((record) => record.recordId);
      const merged = records.filter((record) => record.kind === 'merged');
      const candidateIds = idsOf('candidate');
      const created: [ImportedRecordType, string[]][] = (['jobNeed', 'employer', 'volunteer', 'partner', 'sector'] as const).map((type) => [type, idsOf(type)]);
      let touched = touchedCandidates(db, candidateIds, sheetImport.importedAt).size;
      for (const [type, ids] of created) touched += touchedRecords(db, type, ids, sheetImport.importedAt).size;
      const existing = new Map<RecordType, Map<string, unknown>>();
      const updatedAtOf = (type: RecordType, recordId: string) => {
        if (type === 'candidate') return findCandidate(db, recordId).updatedAt;
        if (!existing.has(type)) existing.set(type, new Map(RECORD_KINDS[kindOf(type)].existing(db).map((row) => [row.id, row.values.updatedAt])));
        return existing.get(type)?.get(recordId);
      };
      for (const record of merged) if (updatedAtOf(record.recordType as RecordType, record.recordId) !== sheetImport.importedAt) touched++;
      if (touched > 0) refuse(`sheets.errors.undoTouched?count=${touched}`);
      const { now } = moment(clock);
      for (const record of merged) {
        const type = record.recordType as RecordType;
        const kind = type === 'candidate' ? 'candidates' : kindOf(type);
        const patch = unmergePatch(record.filledFields, wholeRecord(db, kind, record.recordId));
        if (kind === 'candidates') createCandidateService(db, clock).update({ id: record.recordId, ...patch } as never);
        else RECORD_KINDS[kind].update(db, clock, record.recordId, patch);
      }
      deleteImportedCandidates(db, candidateIds);
      let held = 0;
      for (const [type, ids] of created) for (const recordId of ids) if (!deleteImportedRecord(db, type, recordId)) held++;
      // Something written since refers to a record (a presentation to a need, a candidate to a partner): everything stays.
      if (held > 0) refuse(`sheets.errors.undoTouched?count=${held}`);
      markSheetImportUndone(db, id, now);
      describeAudit(now, { action: 'sheets.undo', subjectType: 'sheetImport', subjectId: id, details: { kind: summary.kind, created: summary.created, merged: summary.merged } });
      return { ...summary, undoneAt: now };
    },
  };
}

function kindOf(recordType: RecordType): Exclude<SheetKind, 'candidates'> {
  return (Object.entries(RECORD_TYPE_OF).find(([, type]) => type === recordType)?.[0] ?? 'employers') as Exclude<SheetKind, 'candidates'>;
}

export type SheetImportService = ReturnType<typeof createSheetImportService>;
