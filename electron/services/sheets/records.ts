import type { z } from 'zod';
import { employerCreateSchema, jobNeedConsistencyErrors, jobNeedCreateSchema } from '../../../shared/employers';
import { partnerCreateSchema } from '../../../shared/partners';
import type { CellNote } from '../../../shared/sheets';
import { COLUMN_READERS, type ColumnReader, type SheetColumn, type SheetKind } from '../../../shared/sheet-table';
import {
  type Cell,
  type CellRead,
  cellText,
  readContractType,
  readCount,
  readDate,
  readFrenchLevel,
  readHours,
  readPartnerKind,
  readPhone,
  readSiret,
} from '../../../shared/sheet-values';
import { fieldErrors, parseOptions } from '../../../shared/validation';
import { volunteerCreateSchema } from '../../../shared/volunteers';
import { folded, nameCase, splitFullName } from './rows';

/**
 * One spreadsheet row made into an employer (with its contact), a job need, a volunteer or a
 * partner: each mapped cell read by its column's reader (shared/sheet-table.ts), the result
 * checked by the same create schema as the kind's form. Candidates have their own converter
 * (rows.ts), with the same readers.
 */

export type RecordKind = Exclude<SheetKind, 'candidates'>;

export interface RecordContext {
  todayYear: number;
  /** Sectors by folded name (their own name or their label in any language). */
  sectors: Map<string, string>;
  /** Employers, for job needs: by SIRET, and by folded name (a name two employers share names neither). */
  employersBySiret: Map<string, string>;
  employersByName: Map<string, string[]>;
}

export interface ConvertedRecord {
  /** The fields as the kind's create schema made them; null when the row has an error. */
  fields: Record<string, unknown> | null;
  name: string;
  errors: CellNote[];
  warnings: CellNote[];
  /** A sector the row names that Tremplin does not know yet (created on apply if the person agrees). */
  missingSector: string | null;
}

const CREATE_SCHEMAS: Record<RecordKind, z.ZodType> = {
  employers: employerCreateSchema,
  jobNeeds: jobNeedCreateSchema,
  volunteers: volunteerCreateSchema,
  // A partner whose row names no kind is created as "other" (kinds.ts); a merge leaves its kind alone.
  partners: partnerCreateSchema.partial({ kind: true }),
};

/** The field of the record a column fills (the schema's path), to put a schema's complaint on its cell. */
const FIELD_OF: Partial<Record<SheetColumn, string>> = {
  sector: 'sectorId',
  partnerKind: 'kind',
  contactName: 'contacts.0.name',
  contactRole: 'contacts.0.role',
  contactPhone: 'contacts.0.phone',
  contactEmail: 'contacts.0.email',
  employer: 'employerId',
  fullName: 'lastName',
};

const CONTACT_FIELDS: Partial<Record<SheetColumn, string>> = { contactName: 'name', contactRole: 'role', contactPhone: 'phone', contactEmail: 'email' };

/** Text a spreadsheet would run as a formula: kept as typed, flagged, and made inert in every export. */
const looksLikeFormula = (text: string) => /^[=+\-@]/.test(text);

function readCell(reader: ColumnReader, cell: Cell, todayYear: number): CellRead<unknown> {
  const text = cellText(cell);
  switch (reader) {
    case 'date':
      return readDate(cell, todayYear);
    case 'phone':
      return readPhone(cell);
    case 'siret':
      return readSiret(cell);
    case 'count':
      return readCount(cell);
    case 'hours':
      return readHours(cell);
    case 'contractType':
      return readContractType(cell);
    case 'partnerKind':
      return readPartnerKind(cell);
    case 'frenchLevel': {
      const read = readFrenchLevel(cell);
      // "Not assessed" asks for no level at all.
      return read.kind === 'value' ? (read.value.level === 'not_assessed' ? { kind: 'empty' } : { kind: 'value', value: read.value.level }) : read;
    }
    case 'postalCode':
      // Excel turns "01000" into 1000: a French postal code has five digits.
      return text === '' ? { kind: 'empty' } : { kind: 'value', value: /^\d{4}$/.test(text) ? `0${text}` : text };
    case 'romeCode':
      return text === '' ? { kind: 'empty' } : { kind: 'value', value: text.toUpperCase().replace(/\s/g, '') };
    case 'personName':
      return text === '' ? { kind: 'empty' } : { kind: 'value', value: nameCase(text) };
    default:
      return text === '' ? { kind: 'empty' } : { kind: 'value', value: text };
  }
}

export function convertRecord(kind: RecordKind, cells: readonly Cell[], mapping: readonly (SheetColumn | null)[], context: RecordContext): ConvertedRecord {
  const errors: CellNote[] = [];
  const warnings: CellNote[] = [];
  const fields: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  const columnOf = new Map<string, number>();
  let missingSector: string | null = null;
  let employerText: { column: number; text: string } | null = null;
  let siret: string | null = null;

  mapping.forEach((target, column) => {
    if (target === null) return;
    const reader = (COLUMN_READERS as Partial<Record<SheetColumn, ColumnReader>>)[target];
    if (!reader) return;
    const cell = cells[column];
    const text = cellText(cell);
    columnOf.set(FIELD_OF[target] ?? target, column);
    if ((reader === 'text' || reader === 'personName' || reader === 'fullName') && looksLikeFormula(text)) warnings.push({ column, message: 'sheets.errors.formula' });
    if (reader === 'sector') {
      if (text === '') return;
      const id = context.sectors.get(folded(text));
      if (!id) missingSector = text;
      else if (kind === 'volunteers') fields.sectorIds = [id];
      else fields.sectorId = id;
      return;
    }
    if (reader === 'employer') {
      if (text !== '') employerText = { column, text };
      return;
    }
    if (reader === 'fullName') {
      if (text === '') return;
      const split = splitFullName(text);
      fields.lastName ??= nameCase(split.lastName);
      fields.firstName ??= nameCase(split.firstName);
      columnOf.set('firstName', column);
      return;
    }
    const read = readCell(reader, cell, context.todayYear);
    if (read.kind === 'error') errors.push({ column, message: read.message });
    if (read.kind !== 'value') return;
    const contactField = CONTACT_FIELDS[target];
    if (contactField) contact[contactField] = read.value;
    else if (target === 'siret' && kind === 'jobNeeds') siret = read.value as string;
    else fields[FIELD_OF[target] ?? target] = read.value;
  });

  if (Object.keys(contact).length > 0) fields.contacts = [contact];
  if (kind === 'jobNeeds') {
    const employerId = employerOf(context, siret, employerText);
    if (employerId.kind === 'value') fields.employerId = employerId.value;
    else if (employerId.kind === 'error') errors.push({ column: employerId.column, message: employerId.message });
  }
  const name = nameOf(kind, fields);
  if (errors.length > 0) return { fields: null, name, errors, warnings, missingSector };

  const parsed = CREATE_SCHEMAS[kind].safeParse(fields, parseOptions);
  const cellOf = (path: string) => columnOf.get(path) ?? columnOf.get(path.split('.')[0] as string) ?? -1;
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors.push({ column: cellOf(path), message: requiredMessage(path, message) });
    return { fields: null, name, errors, warnings, missingSector };
  }
  const data = parsed.data as Record<string, unknown>;
  if (kind === 'jobNeeds') {
    const consistency = jobNeedConsistencyErrors({
      contractType: data.contractType as never,
      startDate: (data.startDate as string | null | undefined) ?? null,
      endDate: (data.endDate as string | null | undefined) ?? null,
    });
    for (const [path, message] of Object.entries(consistency)) errors.push({ column: cellOf(path), message });
  }
  return { fields: errors.length === 0 ? data : null, name, errors, warnings, missingSector };
}

const NAMED_REQUIRED = new Set(['name', 'firstName', 'lastName', 'occupation', 'contractType', 'employerId']);

/** A missing required field says which one, rather than the form's bare "required". */
function requiredMessage(path: string, message: string): string {
  if (message !== 'common.errors.required') return message;
  const field = path.split('.').at(-1) ?? path;
  return `sheets.errors.missingField.${NAMED_REQUIRED.has(field) ? field : 'other'}`;
}

function employerOf(
  context: RecordContext,
  siret: string | null,
  named: { column: number; text: string } | null,
): { kind: 'value'; value: string } | { kind: 'error'; column: number; message: string } | { kind: 'empty' } {
  if (siret !== null) {
    const id = context.employersBySiret.get(siret);
    if (id) return { kind: 'value', value: id };
  }
  if (named) {
    const ids = context.employersByName.get(folded(named.text)) ?? [];
    if (ids.length === 1) return { kind: 'value', value: ids[0] as string };
    return { kind: 'error', column: named.column, message: ids.length === 0 ? 'sheets.errors.employerUnknown' : 'sheets.errors.employerAmbiguous' };
  }
  return { kind: 'error', column: -1, message: siret === null ? 'sheets.errors.noEmployer' : 'sheets.errors.employerUnknown' };
}

function nameOf(kind: RecordKind, fields: Record<string, unknown>): string {
  if (kind === 'volunteers') return [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  if (kind === 'jobNeeds') return typeof fields.occupation === 'string' ? fields.occupation : '';
  return typeof fields.name === 'string' ? fields.name : '';
}
