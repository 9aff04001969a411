import type { ParsedInputOf } from '../../../shared/api';
import type { MergeChange } from '../../../shared/sheets';
import { DUPLICATE_RULES } from '../../../shared/sheet-table';
import type { Clock } from '../../core/clock';
import type { ReadDb, WriteDb } from '../../db/handles';
import { employerRows, jobNeedRows, partnerRows, volunteerRows } from '../../store/sheets';
import { createEmployerService } from '../employers';
import { createPartnerService } from '../partners';
import { createVolunteerService } from '../volunteers';
import type { RecordKind } from './records';
import { folded } from './rows';

/**
 * What differs between the kinds a spreadsheet brings in, besides their columns
 * (shared/sheet-table.ts): the records a row is compared with, the keys that make two the same
 * (the kind's duplicate rule), and the services that create and fill them, so the forms' rules
 * apply to every imported record.
 */

export type RecordType = 'candidate' | 'employer' | 'jobNeed' | 'volunteer' | 'partner';

/** An existing record as a row is compared with it: its keys, and its fields for a merge. */
export interface ExistingRecord {
  id: string;
  name: string;
  values: Record<string, unknown>;
}

type Fields = Record<string, unknown>;

interface RecordKindSpec {
  recordType: RecordType;
  existing(db: ReadDb): ExistingRecord[];
  create(tx: WriteDb, clock: Clock, fields: Fields): string;
  /** Sets the fields given (a merge's fills, or their undoing with nulls) through the kind's own update. */
  update(tx: WriteDb, clock: Clock, id: string, patch: Fields): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The keys two records of a kind share when they are likely the same, each with its reason. */
export function duplicateKeys(kind: RecordKind, fields: Fields): { key: string; reason: string }[] {
  const keys: { key: string; reason: string }[] = [];
  const add = (reason: string, value: string) => {
    if (value !== '') keys.push({ key: `${reason}|${value}`, reason });
  };
  switch (DUPLICATE_RULES[kind]) {
    case 'person':
      add('same_names', folded(`${text(fields.firstName)} ${text(fields.lastName)}`));
      add('same_phone', text(fields.phone));
      add('same_email', text(fields.email).toLowerCase());
      break;
    case 'siretOrName':
      add('same_siret', text(fields.siret));
      add('same_name', folded(text(fields.name)));
      break;
    case 'name':
      add('same_name', folded(text(fields.name)));
      break;
    case 'employerAndOccupation':
      if (text(fields.employerId) !== '') add('same_employer_occupation', `${text(fields.employerId)}|${folded(text(fields.occupation))}`);
      break;
  }
  return keys;
}

const plain = (row: object): Fields => ({ ...row });

export const RECORD_KINDS: Record<RecordKind, RecordKindSpec> = {
  employers: {
    recordType: 'employer',
    existing: (db) => employerRows(db).map((row) => ({ id: row.id, name: row.name, values: plain(row) })),
    create: (tx, clock, fields) => createEmployerService(tx, clock).create(fields as ParsedInputOf<'employers.create'>).id,
    update: (tx, clock, id, patch) => void createEmployerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'employers.update'>),
  },
  jobNeeds: {
    recordType: 'jobNeed',
    existing: (db) => jobNeedRows(db).map((row) => ({ id: row.id, name: row.occupation, values: plain(row) })),
    create: (tx, clock, fields) => createEmployerService(tx, clock).jobNeeds.create(fields as ParsedInputOf<'jobNeeds.create'>).id,
    update: (tx, clock, id, patch) => void createEmployerService(tx, clock).jobNeeds.update({ id, ...patch } as ParsedInputOf<'jobNeeds.update'>),
  },
  volunteers: {
    recordType: 'volunteer',
    existing: (db) => volunteerRows(db).map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`, values: plain(row) })),
    create: (tx, clock, fields) => createVolunteerService(tx, clock).create(fields as ParsedInputOf<'volunteers.create'>).id,
    update: (tx, clock, id, patch) => void createVolunteerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'volunteers.update'>),
  },
  partners: {
    recordType: 'partner',
    existing: (db) => partnerRows(db).map((row) => ({ id: row.id, name: row.name, values: plain(row) })),
    create: (tx, clock, fields) => createPartnerService(tx, clock).create(fields as ParsedInputOf<'partners.create'>).id,
    update: (tx, clock, id, patch) => void createPartnerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'partners.update'>),
  },
};

/**
 * What a merge of these fields into an existing record does: fills each single value the record
 * lacks; a value the record holds and the row differs on is kept, and shown. Lists (contacts,
 * sectors) and the fields a row only points with (its employer) are left as they are.
 */
export function mergeChanges(fields: Fields, existing: Fields): MergeChange[] {
  const changes: MergeChange[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === null || value === undefined || typeof value === 'object' || field === 'employerId' || !(field in existing)) continue;
    const current = existing[field];
    if (current === null || current === undefined || current === '') changes.push({ field, value: String(value), kept: null });
    else if (String(current) !== String(value)) changes.push({ field, value: String(value), kept: String(current) });
  }
  return changes;
}

/** The fields a merge fills, as a patch. */
export function mergePatch(fields: Fields, changes: readonly MergeChange[]): Fields {
  return Object.fromEntries(changes.filter((change) => change.kept === null).map((change) => [change.field, fields[change.field]]));
}

export const RECORD_TYPE_OF: Record<SheetKindName, RecordType> = {
  candidates: 'candidate',
  employers: 'employer',
  jobNeeds: 'jobNeed',
  volunteers: 'volunteer',
  partners: 'partner',
};
type SheetKindName = RecordKind | 'candidates';
