import type { ParsedInputOf } from '../../../shared/api';
import type { PartnerKind } from '../../../shared/domain';
import type { MergeChange } from '../../../shared/sheets';
import { DUPLICATE_RULES } from '../../../shared/sheet-table';
import type { Clock } from '../../core/clock';
import type { ReadDb, WriteDb } from '../../db/handles';
import { type MergedField, employerRows, jobNeedRows, partnerRows, volunteerRows } from '../../store/sheets';
import { createCandidateService } from '../candidates';
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

/** The kind of a partner whose row does not say it. */
const UNSAID_PARTNER_KIND: PartnerKind = 'other';

interface RecordKindSpec {
  recordType: RecordType;
  existing(db: ReadDb): ExistingRecord[];
  /** One record whole, as its service gives it (its contacts and sectors with it): what a merge adds to. */
  find(db: WriteDb, id: string): Fields;
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
    find: (db, id) => plain(createEmployerService(db).get({ id })),
    create: (tx, clock, fields) => createEmployerService(tx, clock).create(fields as ParsedInputOf<'employers.create'>).id,
    update: (tx, clock, id, patch) => void createEmployerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'employers.update'>),
  },
  jobNeeds: {
    recordType: 'jobNeed',
    existing: (db) => jobNeedRows(db).map((row) => ({ id: row.id, name: row.occupation, values: plain(row) })),
    find: (db, id) => plain(createEmployerService(db).jobNeeds.get({ id })),
    create: (tx, clock, fields) => createEmployerService(tx, clock).jobNeeds.create(fields as ParsedInputOf<'jobNeeds.create'>).id,
    update: (tx, clock, id, patch) => void createEmployerService(tx, clock).jobNeeds.update({ id, ...patch } as ParsedInputOf<'jobNeeds.update'>),
  },
  volunteers: {
    recordType: 'volunteer',
    existing: (db) => volunteerRows(db).map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`, values: plain(row) })),
    find: (db, id) => plain(createVolunteerService(db).get({ id })),
    create: (tx, clock, fields) => createVolunteerService(tx, clock).create(fields as ParsedInputOf<'volunteers.create'>).id,
    update: (tx, clock, id, patch) => void createVolunteerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'volunteers.update'>),
  },
  partners: {
    recordType: 'partner',
    existing: (db) => partnerRows(db).map((row) => ({ id: row.id, name: row.name, values: plain(row) })),
    find: (db, id) => plain(createPartnerService(db).get({ id })),
    create: (tx, clock, fields) => createPartnerService(tx, clock).create({ kind: UNSAID_PARTNER_KIND, ...fields } as ParsedInputOf<'partners.create'>).id,
    update: (tx, clock, id, patch) => void createPartnerService(tx, clock).update({ id, ...patch } as ParsedInputOf<'partners.update'>),
  },
};

/** What a merge of a row into a record shows (its changes) and writes (its patch, and what it adds, for undo). */
export interface MergePlan {
  changes: MergeChange[];
  patch: Fields;
  merged: MergedField[];
}

/** The lists a merge adds to, each with what makes two of its items the same (any key in common) and how an item reads. */
const LISTS: Record<string, { keys: (item: Fields) => string[]; text: (item: unknown) => string }> = {
  sectorIds: { keys: (id) => [String(id)], text: String },
  occupations: { keys: (item) => [folded(text(item.label))], text: (item) => text((item as Fields).label) },
  contacts: {
    keys: (item) => [`name|${folded(text(item.name))}`, item.phone ? `phone|${text(item.phone)}` : '', item.email ? `email|${text(item.email).toLowerCase()}` : ''].filter((key) => key !== ''),
    text: (item) => {
      const contact = item as Fields;
      const reach = [contact.phone, contact.email].filter((value) => typeof value === 'string' && value !== '');
      return reach.length > 0 ? `${text(contact.name)} (${reach.join(', ')})` : text(contact.name);
    },
  },
};

/** A record's phones: a number of the row the record holds in neither goes into the first of them that is empty. */
const PHONE_SLOTS = ['phone', 'secondPhone'];

/** The contact as a list holds it, whatever id it was given: what undo compares. */
const listItem = (field: string, item: unknown): unknown => {
  if (field !== 'contacts') return item;
  const { name = null, role = null, phone = null, email = null } = item as Fields;
  return { name, role, phone, email };
};
const sameItem = (field: string, a: unknown, b: unknown) => JSON.stringify(listItem(field, a)) === JSON.stringify(listItem(field, b));

/**
 * What a merge of these fields into an existing record does: fills each single value the record
 * lacks (a phone into its first empty phone), adds to its lists (sectors, occupations, contacts)
 * the items it lacks; a value the record holds and the row differs on is kept, and shown. Nothing
 * is removed or overwritten. The fields a row only points with (its employer) are left as they are.
 */
export function mergePlan(fields: Fields, existing: Fields): MergePlan {
  const changes: MergeChange[] = [];
  const patch: Fields = {};
  const merged: MergedField[] = [];
  const fill = (field: string, value: unknown) => {
    changes.push({ field, value: String(value), kept: null });
    patch[field] = value;
    merged.push(field);
  };
  const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
  const slots = PHONE_SLOTS.every((field) => field in existing) ? PHONE_SLOTS : [];
  const held = new Set(slots.map((field) => existing[field]).filter((value) => !isEmpty(value)));
  const free = slots.filter((field) => isEmpty(existing[field]));
  for (const [field, value] of Object.entries(fields)) {
    if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value)) || field === 'employerId' || !(field in existing)) continue;
    const current = existing[field];
    const list = LISTS[field];
    if (Array.isArray(value)) {
      if (!list || !Array.isArray(current)) continue;
      const known = new Set(current.flatMap((item: Fields) => list.keys(item)));
      const added: unknown[] = [];
      for (const item of value as Fields[]) {
        const keys = list.keys(item);
        if (keys.some((key) => known.has(key))) continue;
        for (const key of keys) known.add(key);
        added.push(item);
        changes.push({ field, value: list.text(item), kept: null, added: true });
      }
      if (added.length === 0) continue;
      patch[field] = [...current, ...added];
      merged.push({ field, added: added.map((item) => listItem(field, item)) });
    } else if (slots.includes(field)) {
      if (held.has(value)) continue;
      held.add(value);
      const slot = free.shift();
      if (slot) fill(slot, value);
      else changes.push({ field, value: String(value), kept: String(current) });
    } else if (isEmpty(current)) fill(field, value);
    else if (String(current) !== String(value)) changes.push({ field, value: String(value), kept: String(current) });
  }
  return { changes, patch, merged };
}

/** The patch that takes out of a record what a merge wrote into it: its filled fields emptied, its added items removed. */
export function unmergePatch(merged: readonly MergedField[], current: Fields): Fields {
  const patch: Fields = {};
  for (const entry of merged) {
    if (typeof entry === 'string') {
      patch[entry] = null;
      continue;
    }
    const left = [...((current[entry.field] as unknown[] | undefined) ?? [])];
    for (const item of entry.added) {
      const index = left.findIndex((held) => sameItem(entry.field, held, item));
      if (index >= 0) left.splice(index, 1);
    }
    patch[entry.field] = left;
  }
  return patch;
}

/** One record whole, as its service gives it (its contacts, sectors and occupations with it): what a merge adds to. */
export function wholeRecord(db: WriteDb, kind: SheetKindName, id: string): Fields {
  return kind === 'candidates' ? plain(createCandidateService(db).get({ id })) : RECORD_KINDS[kind].find(db, id);
}

export const RECORD_TYPE_OF: Record<SheetKindName, RecordType> = {
  candidates: 'candidate',
  employers: 'employer',
  jobNeeds: 'jobNeed',
  volunteers: 'volunteer',
  partners: 'partner',
};
type SheetKindName = RecordKind | 'candidates';
