import { z } from 'zod';
import { AUTHORISATION_DOCUMENTS, type AuthorisationDocument } from './domain';
import { LANGUAGES } from './i18n/languages';
import { reads, writes } from './method';
import type { Capability } from './roles';
import { ALL_SHEET_COLUMNS, SHEET_KINDS, type SheetColumn, type SheetKind } from './sheet-table';
import { optionalText, requiredText, uuid } from './validation';

/**
 * Bringing an association's spreadsheets in (people, employers with their contacts, job needs,
 * volunteers, partner associations): the file is opened and held in memory,
 * previewed row by row with the columns mapped (guessed, then corrected by the person), applied
 * in one transaction after a backup, and can be undone while nothing else has touched what it
 * created.
 */

/** The largest spreadsheet file accepted (the reader's own bound). */
export const SHEET_MAX_BYTES = 50 * 1024 * 1024;
export const SHEET_MAX_BASE64_LENGTH = Math.ceil(SHEET_MAX_BYTES / 3) * 4;

/** What writing records of each kind needs: the same capability as the kind's own forms. */
export const SHEET_KIND_CAPABILITIES: Record<SheetKind, Capability> = {
  candidates: 'candidates.manage',
  employers: 'employers.write',
  jobNeeds: 'employers.write',
  volunteers: 'network.write',
  partners: 'network.write',
};

export const SHEET_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export const SHEET_SEPARATORS = [';', ',', '\t'] as const;

export interface SheetOpened {
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'ods';
  /** CSV only: how its bytes were read, and whether Windows-1252 was assumed (the person checks the accents). */
  encoding: string | null;
  encodingAssumed: boolean;
  separator: string | null;
  sheets: { name: string; rows: number }[];
}

/** One cell the preview could not read, or read with a caveat. */
export interface CellNote {
  column: number;
  /** Translation key (with `?name=value` parameters, as validation messages carry them). */
  message: string;
  /** The cell as the file (or the person's correction) has it, to correct it in the preview. */
  text?: string;
}

export type PreviewRowStatus = 'new' | 'duplicate' | 'error';

/** An existing record a row may be the same as, and why (a translation key under `sheets.ui.reasons`). */
export interface SheetDuplicate {
  id: string;
  name: string;
  reasons: string[];
}

/** A field a merge would fill (the record's is empty) or an item it would add to a list, or a value it leaves as it is (the record's differs): never overwritten. */
export interface MergeChange {
  field: string;
  value: string;
  /** The record's own value when it differs and is kept. */
  kept: string | null;
  /** An item added to one of the record's lists (a sector's id, an occupation, a contact), rather than a field filled. */
  added?: boolean;
}

/** What to do with a likely duplicate: leave it out, fill the existing record's empty fields, or create a new one anyway. */
export const DUPLICATE_CHOICES = ['skip', 'merge', 'create'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

export interface PreviewRow {
  /** The row's number in the sheet, as the spreadsheet shows it. */
  line: number;
  status: PreviewRowStatus;
  /** The name the row would get, to recognise it. */
  name: string;
  errors: CellNote[];
  /** Values left empty because they could not be read (the row can still come in). */
  warnings: CellNote[];
  /** Existing records (or an earlier row of the same file, `sameFileLine`) that may be the same. */
  duplicates: SheetDuplicate[];
  sameFileLine: number | null;
  /** What "merge" would do to the first duplicate: the empty fields it fills, the differing ones it keeps. */
  merge: MergeChange[];
}

export interface SheetPreview {
  kind: SheetKind;
  sheet: number;
  headerRow: number;
  headers: string[];
  mapping: (SheetColumn | null)[];
  /** The mapping came from an earlier import of a file with the same headers. */
  mappingRemembered: boolean;
  /** Each distinct residence document written in the file, with what it is read as (editable). */
  documents: { text: string; document: AuthorisationDocument | null; rows: number }[];
  /** Referring partners and sectors the file names that Tremplin does not know yet: created on apply if the person agrees. */
  newPartners: string[];
  newSectors: string[];
  rows: PreviewRow[];
  skipped: { blank: number; totals: number };
  counts: Record<PreviewRowStatus, number>;
}

export interface SheetImportSummary {
  id: string;
  kind: SheetKind;
  fileName: string;
  importedAt: string;
  created: number;
  /** Existing records whose empty fields the import filled. */
  merged: number;
  undoneAt: string | null;
}

const mappingSchema = z.array(z.enum(ALL_SHEET_COLUMNS).nullable()).max(300);
const line = z.number().int().min(1);

/** What the person chose in the preview; the same for preview, left-out rows and apply. */
const choicesShape = {
  importId: uuid,
  kind: z.enum(SHEET_KINDS).default('candidates'),
  sheet: z.number().int().min(0).max(1000).default(0),
  /** The header row (0-based) when the person corrected the one found. */
  headerRow: z.number().int().min(0).max(1000).optional(),
  mapping: mappingSchema.optional(),
  /** Residence documents as written in the file -> what they are. */
  documents: z.record(z.string().max(200), z.enum(AUTHORISATION_DOCUMENTS).nullable()).default({}),
  /** Cells corrected in the preview: read again by the same readers, in place of the file's. */
  fixes: z
    .array(z.strictObject({ line, column: z.number().int().min(0).max(299), value: optionalText(2000) }))
    .max(10_000)
    .default([]),
  /** Likely duplicates to create anyway, and to merge into the record they duplicate; the others are skipped. */
  create: z.array(line).max(100_000).default([]),
  merge: z.array(line).max(100_000).default([]),
};

export const sheetMethods = {
  /** Reads the file (CSV, XLSX or ODS) and holds it for the preview; nothing is written. */
  'sheets.open': reads<SheetOpened>('candidates.manage')(
    z.strictObject({
      fileName: requiredText(255),
      contentBase64: z.base64({ error: 'sheets.errors.notText' }).max(SHEET_MAX_BASE64_LENGTH, { error: 'sheets.errors.tooLarge' }),
      encoding: z.enum(SHEET_ENCODINGS).optional(),
      separator: z.enum(SHEET_SEPARATORS).optional(),
    }),
  ),
  'sheets.preview': reads<SheetPreview>('candidates.manage')(z.strictObject(choicesShape)),
  /**
   * The rows that would be left out (errors, and duplicates neither created nor merged), with a
   * column saying why, to fix and import again: XLSX for an XLSX or ODS file, CSV for a CSV.
   */
  'sheets.leftOut': reads<{ fileName: string; contentBase64: string }>('candidates.manage')(
    z.strictObject({ ...choicesShape, language: z.enum(LANGUAGES).default('fr') }),
  ),
  /**
   * Creates the new rows and the duplicates listed in `create`, fills the records of those in
   * `merge` (the others are skipped); rows with errors never come in. A backup first, then one
   * transaction. The kind's own capability is checked too (an employers file needs `employers.write`).
   */
  'sheets.apply': writes<SheetImportSummary>('candidates.manage')(z.strictObject({ ...choicesShape, createMissing: z.boolean().default(false) })),
  'sheets.drop': reads<{ dropped: boolean }>('candidates.manage')(z.strictObject({ importId: uuid })),
  'sheets.history': reads<SheetImportSummary[]>('candidates.manage')(z.strictObject({})),
  /** Removes exactly what an import created, if nothing else has touched it since. */
  'sheets.undo': writes<SheetImportSummary>('candidates.manage')(z.strictObject({ id: uuid })),
};
