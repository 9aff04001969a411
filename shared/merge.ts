import { z } from 'zod';
import type { Barrier, Candidate } from './candidates';
import { BARRIER_THEMES, type BarrierTheme } from './domain';

/**
 * What a merge of two files of the same person keeps, field by field: one definition for the
 * dialog that shows it and for the service that writes it.
 *
 * Fields that belong together are kept from one file as a whole (a document with its dates, a
 * level with its proof). Where the files differ and the person merging does not choose, the
 * most recent value is kept: by the group's own date when both files have one (the level's
 * assessment, the document's start, the referral), else the file updated last. A file with
 * nothing in a group never blanks the other's.
 */
export const MERGE_GROUPS = {
  gender: ['gender'],
  birthDate: ['birthDate'],
  nationality: ['nationality'],
  email: ['email'],
  address: ['address', 'postalCode', 'commune'],
  publicCategory: ['publicCategory'],
  status: ['status'],
  french: ['frenchLevel', 'frenchLevelProof', 'frenchLevelDate'],
  authorisation: ['authorisationDocument', 'authorisationStart', 'authorisationExpiry', 'employerMustApply', 'asylumRegisteredOn'],
  mobility: ['mobility', 'maxDistanceKm', 'maxTravelMinutes'],
  experience: ['experience'],
  availability: ['availability', 'availableFrom'],
  referral: ['referralPartnerId', 'referrerContact', 'referredOn'],
  followUp: ['assignedPairId', 'assignedVolunteerId'],
} as const satisfies Record<string, readonly (keyof Candidate)[]>;
export type MergeGroup = keyof typeof MERGE_GROUPS;
export const MERGE_GROUP_NAMES = Object.keys(MERGE_GROUPS) as [MergeGroup, ...MergeGroup[]];

/** Consent is the person's own latest statement: it is never picked, so a merge cannot widen it. */
export const CONSENT_FIELDS = [
  'consentRecording',
  'consentContact',
  'consentPresentation',
  'consentTextVersion',
  'consentDate',
  'consentMethod',
  'consentWithdrawnOn',
  'sharingPartnerIds',
] as const;

/** A person may have several numbers: the file keeps two (the first is the main one). */
export const MAX_PHONES = 2;

export const MERGE_SIDES = ['keep', 'other'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

const side = z.enum(MERGE_SIDES, { error: 'common.errors.choice' });
/** What the person merging chose; anything left out takes the default. */
export const mergeChoicesSchema = z.strictObject({
  fields: z.partialRecord(z.enum(MERGE_GROUP_NAMES, { error: 'common.errors.choice' }), side).default({}),
  barriers: z.partialRecord(z.enum(BARRIER_THEMES, { error: 'common.errors.choice' }), side).default({}),
  /** The numbers kept, main one first, among both files' numbers as stored. */
  phones: z.array(z.string().max(40)).min(1, { error: 'candidates.errors.mergePhones' }).max(MAX_PHONES, { error: 'candidates.errors.mergePhones' }).optional(),
});
export type MergeChoices = z.output<typeof mergeChoicesSchema>;

/** A difference between the two files and the side kept unless the person chooses. */
export interface MergeRow<Key extends string> {
  key: Key;
  default: MergeSide;
  /** False when one file has nothing there: the other's value is kept, there is nothing to choose. */
  choosable: boolean;
}

export interface MergePlan {
  fields: MergeRow<MergeGroup>[];
  barriers: MergeRow<BarrierTheme>[];
  /** Every number of both files, the most recent file's first; `kept` is what is kept by default. */
  phones: { options: string[]; kept: string[] };
  /** Whose consent statement is kept, and whether the two files say different things. */
  consent: { side: MergeSide; differs: boolean };
}

/** Values that say "nothing known": the database's defaults. */
function blank(value: unknown): boolean {
  return value === null || value === false || value === 'not_assessed' || value === 'new' || (Array.isArray(value) && value.length === 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Dated = Pick<Candidate, 'updatedAt'>;
/** The more recent side: by the dates given when both have one and they differ, else the file updated last (the kept one on a tie). */
function recent(keep: Dated, other: Dated, keepDate: string | null = null, otherDate: string | null = null): MergeSide {
  if (keepDate && otherDate && keepDate !== otherDate) return otherDate > keepDate ? 'other' : 'keep';
  return other.updatedAt > keep.updatedAt ? 'other' : 'keep';
}

function row<Key extends string>(key: Key, keepBlank: boolean, otherBlank: boolean, mostRecent: MergeSide): MergeRow<Key> {
  if (keepBlank || otherBlank) return { key, default: keepBlank ? 'other' : 'keep', choosable: false };
  return { key, default: mostRecent, choosable: true };
}

const GROUP_DATES: Partial<Record<MergeGroup, keyof Candidate>> = {
  french: 'frenchLevelDate',
  authorisation: 'authorisationStart',
  referral: 'referredOn',
};

function groupDate(candidate: Candidate, group: MergeGroup): string | null {
  const field = GROUP_DATES[group];
  return field ? (candidate[field] as string | null) : null;
}

function consentDate(candidate: Candidate): string | null {
  const dates = [candidate.consentDate, candidate.consentWithdrawnOn].filter((date): date is string => date !== null).sort();
  return dates.at(-1) ?? null;
}

/**
 * The file with the person's latest dated consent statement (given or withdrawn). A file's
 * last update says nothing about when consent was given: without a date on either side, the
 * kept file's statement stays.
 */
function latestStatement(keep: Candidate, other: Candidate): MergeSide {
  const [mine, theirs] = [consentDate(keep), consentDate(other)];
  if (mine && theirs) return theirs > mine ? 'other' : 'keep';
  return theirs && !mine ? 'other' : 'keep';
}

export function mergePlan(keep: Candidate, other: Candidate): MergePlan {
  const fields = MERGE_GROUP_NAMES.flatMap((group) => {
    const names = MERGE_GROUPS[group];
    if (names.every((name) => same(keep[name], other[name]))) return [];
    const isBlank = (candidate: Candidate) => names.every((name) => blank(candidate[name]));
    return [row(group, isBlank(keep), isBlank(other), recent(keep, other, groupDate(keep, group), groupDate(other, group)))];
  });

  const barriers = BARRIER_THEMES.flatMap((theme) => {
    const [mine, theirs] = [keep, other].map((candidate) => candidate.barriers.find((barrier) => barrier.theme === theme));
    if (same(mine ?? null, theirs ?? null)) return [];
    return [row(theme, !mine, !theirs, recent(keep, other, mine?.changedOn, theirs?.changedOn))];
  });

  const newerFirst = recent(keep, other) === 'other' ? [other, keep] : [keep, other];
  const options = [
    ...new Set(
      [...newerFirst.map((candidate) => candidate.phone), ...newerFirst.map((candidate) => candidate.secondPhone)].filter(
        (phone): phone is string => phone !== null,
      ),
    ),
  ];

  // Being presented is given unless refused: its default says nothing either.
  const consentBlank = (candidate: Candidate) => CONSENT_FIELDS.every((name) => (name === 'consentPresentation' ? candidate[name] : blank(candidate[name])));
  const consentSide = row('consent', consentBlank(keep), consentBlank(other), latestStatement(keep, other)).default;
  return {
    fields,
    barriers,
    phones: { options, kept: options.slice(0, MAX_PHONES) },
    consent: { side: consentSide, differs: CONSENT_FIELDS.some((name) => !same(keep[name], other[name])) },
  };
}

/** Why a choice cannot be applied, as field paths and translation keys. */
export type MergeErrors = Record<string, string>;

/**
 * The kept file's new values for what the two files hold one of (the groups, phones, consent,
 * barriers), from the plan and the choices; the lists both files hold (names, languages,
 * sectors…) are joined by the service. Errors name the choice that cannot be applied.
 */
export function mergedValues(keep: Candidate, other: Candidate, choices: MergeChoices): { values: Partial<Candidate>; errors: MergeErrors } {
  const plan = mergePlan(keep, other);
  const errors: MergeErrors = {};
  const values: Record<string, unknown> = {};
  const from = (chosen: MergeSide) => (chosen === 'keep' ? keep : other);
  const pick = <Key extends string>(rows: MergeRow<Key>[], chosen: Partial<Record<Key, MergeSide>>, path: string) => {
    for (const [key, choice] of Object.entries(chosen) as [Key, MergeSide][]) {
      const planned = rows.find((item) => item.key === key);
      // Nothing to choose there (same values, or one file has nothing): only the default is accepted.
      if (choice !== (planned?.default ?? choice) && !planned?.choosable) errors[`${path}.${key}`] = 'candidates.errors.mergeChoice';
    }
    return rows.map((item) => ({ key: item.key, side: chosen[item.key] ?? item.default }));
  };

  for (const { key, side: chosen } of pick(plan.fields, choices.fields, 'fields')) {
    for (const name of MERGE_GROUPS[key]) values[name] = from(chosen)[name];
  }

  const barriers = new Map<BarrierTheme, Barrier>(keep.barriers.map((barrier) => [barrier.theme, barrier]));
  for (const { key, side: chosen } of pick(plan.barriers, choices.barriers, 'barriers')) {
    const barrier = from(chosen).barriers.find((item) => item.theme === key);
    if (barrier) barriers.set(key, barrier);
  }
  if (plan.barriers.length > 0) values.barriers = BARRIER_THEMES.flatMap((theme) => barriers.get(theme) ?? []);

  const phones = choices.phones ?? plan.phones.kept;
  if (new Set(phones).size !== phones.length || phones.some((phone) => !plan.phones.options.includes(phone))) {
    errors.phones = 'candidates.errors.mergePhones';
  }
  const [main = null, second = null] = phones;
  const whatsapp = [keep, other].some((candidate) => candidate.phone === main && candidate.phoneWhatsapp);
  Object.assign(values, { phone: main, secondPhone: second, phoneWhatsapp: main !== null && whatsapp });

  if (plan.consent.differs) {
    for (const name of CONSENT_FIELDS) values[name] = from(plan.consent.side)[name];
  }
  return { values: values as Partial<Candidate>, errors };
}
