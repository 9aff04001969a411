import { z } from 'zod';
import { ARCHIVE_FILTERS } from './candidates';
import { PAIR_KINDS, type PairKind } from './domain';
import { reads, writes } from './method';
import type { Sector } from './sectors';
import { betweenFields, distinctList, idSchema, optionalEmail, optionalPhone, optionalText, requiredIsoDate, requiredText, today, uuid, withOptionalPeriod } from './validation';

// ---------------------------------------------------------------- Volunteers

export const volunteerFieldShapes = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  phone: optionalPhone(),
  email: optionalEmail(),
  /** The sectors the volunteer knows; replaced as a whole when sent. */
  sectorIds: distinctList(uuid, 30),
  /** Free text ("Tuesday mornings, not in August"). */
  availability: optionalText(500),
  active: z.boolean(),
  notes: optionalText(2000),
};

/** A create leaves out what it does not know (no sectors, active, empty texts). */
export const volunteerCreateSchema = z.strictObject(volunteerFieldShapes).partial().required({ firstName: true, lastName: true });

/** An update sends the id and the fields it changes. */
export const volunteerUpdateSchema = z.strictObject(volunteerFieldShapes).partial().extend({ id: uuid });

/** How a volunteer appears in a pair, a drop-in session or an hours entry. */
export interface VolunteerName {
  id: string;
  firstName: string;
  lastName: string;
  active: boolean;
  archivedAt: string | null;
}

export interface VolunteerSummary extends VolunteerName {
  phone: string | null;
  email: string | null;
  availability: string | null;
  sectors: Sector[];
  updatedAt: string;
}

export interface Volunteer extends VolunteerSummary {
  notes: string | null;
  /** Association the record came from; null when it was created here. */
  origin: string | null;
  createdAt: string;
  /** The pairs (not archived) the volunteer belongs to. */
  pairs: Pair[];
  /** Hours given in the current calendar year, in minutes (the year is the clock's). */
  hoursThisYear: { year: number; minutes: number };
}

export const ACTIVE_FILTERS = ['yes', 'no', 'any'] as const;
export const VOLUNTEER_SORTS = ['name', 'updated'] as const;

export const volunteerListSchema = z.strictObject({
  /** Names, e-mail or phone; accents and case ignored. */
  query: z.string().max(100).default(''),
  active: z.enum(ACTIVE_FILTERS).default('any'),
  sectorId: uuid.optional(),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  sort: z.enum(VOLUNTEER_SORTS).default('name'),
  descending: z.boolean().default(false),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface VolunteerPage {
  items: VolunteerSummary[];
  total: number;
}

// ---------------------------------------------------------------- Pairs (binômes)

export interface Pair {
  id: string;
  kind: PairKind;
  /** The sector of a `sector` pair; null for the temporary-work agencies pair. */
  sector: Sector | null;
  firstVolunteer: VolunteerName;
  secondVolunteer: VolunteerName;
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const pairFieldShapes = {
  kind: z.enum(PAIR_KINDS, { error: 'common.errors.choice' }),
  sectorId: uuid.nullish().transform((value) => value ?? null),
  firstVolunteerId: uuid,
  secondVolunteerId: uuid,
};

type PairFields = { kind: PairKind; sectorId: string | null; firstVolunteerId: string; secondVolunteerId: string };

/**
 * The rules of a pair on their own: a sector pair names its sector, the agencies pair none,
 * and a pair is two different people. Run on the whole pair after an update is applied too.
 */
export function pairConsistencyErrors(pair: PairFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (pair.kind === 'sector' && pair.sectorId === null) errors.sectorId = 'volunteers.errors.pairSectorRequired';
  if (pair.kind === 'temp_agencies' && pair.sectorId !== null) errors.sectorId = 'volunteers.errors.pairSectorNotAllowed';
  if (pair.firstVolunteerId === pair.secondVolunteerId) errors.secondVolunteerId = 'volunteers.errors.pairSameVolunteer';
  return errors;
}

export const pairCreateSchema = z
  .strictObject(pairFieldShapes)
  .check(betweenFields(['kind', 'sectorId', 'firstVolunteerId', 'secondVolunteerId'], pairConsistencyErrors));

export const pairUpdateSchema = z.strictObject(pairFieldShapes).partial().extend({ id: uuid });

export const pairListSchema = z.strictObject({
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  kind: z.enum(PAIR_KINDS).optional(),
  sectorId: uuid.optional(),
  volunteerId: uuid.optional(),
});

// ---------------------------------------------------------------- Volunteer hours

/** At most a day; entered as hours (2.5) or minutes (150), stored as whole minutes. */
export const MAX_MINUTES = 24 * 60;

export const hoursAddSchema = z
  .strictObject({
    volunteerId: uuid,
    date: requiredIsoDate().refine((value) => value <= today(), { error: 'common.errors.dateInFuture' }),
    hours: z
      .number()
      .gt(0)
      .max(MAX_MINUTES / 60)
      .refine((value) => Math.round(value * 60) >= 1, { error: 'volunteers.ui.hours.invalidDuration' })
      .optional(),
    minutes: z.int().min(1).max(MAX_MINUTES).optional(),
    /** The drop-in session the time was given at, if any. */
    sessionId: uuid.nullish().transform((value) => value ?? null),
    task: optionalText(200),
  })
  .check(
    betweenFields(['hours', 'minutes'], (entry) =>
      (entry.hours === undefined) !== (entry.minutes === undefined) ? {} : { hours: 'volunteers.errors.hoursOrMinutes' },
    ),
  )
  .transform(({ hours, minutes, ...entry }) => ({ ...entry, minutes: minutes ?? Math.round((hours ?? 0) * 60) }));

export const hoursListSchema = withOptionalPeriod({ volunteerId: uuid.optional() });

export interface HoursEntry {
  id: string;
  volunteer: VolunteerName;
  date: string;
  minutes: number;
  sessionId: string | null;
  task: string | null;
  createdAt: string;
}

export interface HoursList {
  /** Newest date first. */
  items: HoursEntry[];
  totalMinutes: number;
}

export const volunteerMethods = {
  'volunteers.create': writes<Volunteer>('network.write')(volunteerCreateSchema),
  'volunteers.update': writes<Volunteer>('network.write')(volunteerUpdateSchema),
  'volunteers.get': reads<Volunteer>('network.read')(idSchema),
  'volunteers.list': reads<VolunteerPage>('network.read')(volunteerListSchema),
  'volunteers.archive': writes<Volunteer>('network.write')(idSchema),
  'volunteers.restore': writes<Volunteer>('network.write')(idSchema),
  'pairs.create': writes<Pair>('network.write')(pairCreateSchema),
  'pairs.update': writes<Pair>('network.write')(pairUpdateSchema),
  'pairs.get': reads<Pair>('network.read')(idSchema),
  'pairs.list': reads<Pair[]>('network.read')(pairListSchema),
  'pairs.archive': writes<Pair>('network.write')(idSchema),
  'pairs.restore': writes<Pair>('network.write')(idSchema),
  'volunteerHours.add': writes<HoursEntry>('network.write')(hoursAddSchema),
  'volunteerHours.list': reads<HoursList>('network.read')(hoursListSchema),
  /** For an entry typed by mistake; returns what was removed. */
  'volunteerHours.remove': writes<HoursEntry>('network.write')(idSchema),
};
