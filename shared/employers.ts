import { z } from 'zod';
import { ARCHIVE_FILTERS, FRENCH_LEVELS, type FrenchLevel } from './candidates';
import { CONTRACT_TYPES, type ContractType, JOB_NEED_STATES, type JobNeedState } from './domain';
import { reads, writes } from './method';
import {
  isValidSiret,
  optionalEmail,
  optionalIsoDate,
  optionalPhone,
  optionalPostalCode,
  optionalRomeCode,
  optionalText,
  requiredText,
  idSchema,
  pastIsoDate,
  uuid,
  wholeNumber,
} from './validation';

// ---------------------------------------------------------------- Contacts (employers and partners)

/** A person to reach at an employer or a partner association. */
export interface Contact {
  id: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export const contactSchema = z.strictObject({
  /** A contact read from the record keeps its id when sent back; a new one comes without. */
  id: uuid.optional(),
  name: requiredText(150),
  role: optionalText(100),
  phone: optionalPhone(),
  email: optionalEmail(),
});
export type ContactInput = z.output<typeof contactSchema>;

/** How many contacts a record holds at most (the form stops adding there). */
export const MAX_CONTACTS = 30;

/** The whole list of a record's contacts, in display order; replaces the stored list when sent. */
export const contactListSchema = z
  .array(contactSchema)
  .max(MAX_CONTACTS)
  .refine(
    (contacts) => {
      const ids = contacts.flatMap((contact) => (contact.id ? [contact.id] : []));
      return new Set(ids).size === ids.length;
    },
    { error: 'employers.errors.contactRepeated' },
  );

const nullableId = uuid.nullish().transform((value) => value ?? null);

/** A date that has already come (or is today). */

// ---------------------------------------------------------------- Employers

/** A SIRET as people read it: "732 829 320 00074" (the SIREN in threes, then the establishment's five digits). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** SIRET as typed ("732 829 320 00074"): spaces dropped, then 14 digits passing the Luhn check. */
export function optionalSiret() {
  return optionalText(30)
    .transform((value) => value?.replace(/\s+/g, '') || null)
    .superRefine((value, context) => {
      if (value === null) return;
      if (!/^\d{14}$/.test(value)) context.addIssue({ code: 'custom', message: 'employers.errors.siretFormat', input: value });
      else if (!isValidSiret(value)) context.addIssue({ code: 'custom', message: 'employers.errors.siretChecksum', input: value });
    });
}

/**
 * What kind of employer: ordinary or public, an association, or one of the structures of
 * integration through work (SIAE: entreprise d'insertion, ETTI, association intermédiaire,
 * atelier chantier d'insertion) with the GEIQ, and the entreprise adaptée (for disabled workers).
 */
export const EMPLOYER_KINDS = [
  'ordinary_company',
  'public_employer',
  'association',
  'integration_enterprise',
  'temporary_integration_agency',
  'intermediary_association',
  'integration_workshop',
  'geiq',
  'adapted_enterprise',
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

/** A hire by one of these is a "positive" outcome in French integration reporting (shared/pipeline.ts outcomeClass). */
export const INTEGRATION_EMPLOYER_KINDS: readonly EmployerKind[] = ['integration_enterprise', 'temporary_integration_agency', 'intermediary_association', 'integration_workshop', 'geiq'];

export const employerFieldShapes = {
  name: requiredText(200),
  siret: optionalSiret(),
  sectorId: nullableId,
  address: optionalText(200),
  postalCode: optionalPostalCode(),
  commune: optionalText(100),
  /** When the employer signed the association's commitment charter; null: not signed. */
  charterSignedOn: pastIsoDate(),
  kind: z.enum(EMPLOYER_KINDS, { error: 'common.errors.choice' }).nullable(),
  notes: optionalText(5000),
  contacts: contactListSchema,
};

/** A create leaves out what it does not know (no contacts, empty texts). */
export const employerCreateSchema = z.strictObject(employerFieldShapes).partial().required({ name: true });

/** An update sends the id and the fields it changes; `contacts`, when sent, replaces the list. */
export const employerUpdateSchema = z.strictObject(employerFieldShapes).partial().extend({ id: uuid });

export interface EmployerSummary {
  id: string;
  name: string;
  siret: string | null;
  sectorId: string | null;
  postalCode: string | null;
  commune: string | null;
  charterSignedOn: string | null;
  kind: EmployerKind | null;
  /** Job needs open and not archived. */
  openNeeds: number;
  archivedAt: string | null;
  updatedAt: string;
}

export interface Employer extends EmployerSummary {
  address: string | null;
  notes: string | null;
  contacts: Contact[];
  /** The employer's job needs that are not archived, newest first. */
  jobNeeds: JobNeed[];
  /** Calls, meetings and messages with the employer in the current calendar year (the clock's). */
  companyContacts: { year: number; count: number };
  /** Association the record came from; null when it was created here. */
  origin: string | null;
  createdAt: string;
}

export const YES_NO_ANY = ['yes', 'no', 'any'] as const;
export const EMPLOYER_SORTS = ['name', 'updated', 'created'] as const;

export const employerListSchema = z.strictObject({
  /** Name, SIRET, commune or postal code; accents and case ignored. */
  query: z.string().max(100).default(''),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  sectorId: uuid.optional(),
  charterSigned: z.enum(YES_NO_ANY).default('any'),
  /** true: only employers with an open need; false: only those without. */
  hasOpenNeeds: z.boolean().optional(),
  sort: z.enum(EMPLOYER_SORTS).default('name'),
  descending: z.boolean().default(false),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface EmployerPage {
  items: EmployerSummary[];
  total: number;
}

// ---------------------------------------------------------------- Job needs

/** A minimum French level worth asking for ("not assessed" meets no requirement). */
export const REQUIRED_FRENCH_LEVELS = FRENCH_LEVELS.filter((level) => level !== 'not_assessed') as [
  Exclude<FrenchLevel, 'not_assessed'>,
  ...Exclude<FrenchLevel, 'not_assessed'>[],
];

export const MAX_HOURS_PER_WEEK = 48;

export const jobNeedFieldShapes = {
  occupation: requiredText(150),
  romeCode: optionalRomeCode(),
  sectorId: nullableId,
  positions: wholeNumber().min(1).max(500),
  contractType: z.enum(CONTRACT_TYPES, { error: 'common.errors.choice' }),
  /** Decimals allowed (17.5); at most the legal weekly maximum. */
  hoursPerWeek: z
    .number()
    .gt(0)
    .max(MAX_HOURS_PER_WEEK)
    .nullish()
    .transform((value) => value ?? null),
  place: optionalText(200),
  /** Where the job is, for distances to candidates; the employer's postal code when empty. */
  postalCode: optionalPostalCode(),
  startDate: optionalIsoDate(),
  /** End of the contract; none for a CDI. The work authorisation must last until then. */
  endDate: optionalIsoDate(),
  minFrenchLevel: z
    .enum(REQUIRED_FRENCH_LEVELS, { error: 'common.errors.choice' })
    .nullish()
    .transform((value) => value ?? null),
  drivingLicenceRequired: z.boolean(),
  /** The candidate's work authorisation must be valid until the end of the contract. */
  authorisationThroughContract: z.boolean(),
  /** The employer's need stands until this date. */
  validUntil: optionalIsoDate(),
  state: z.enum(JOB_NEED_STATES, { error: 'common.errors.choice' }),
  notes: optionalText(2000),
};

type JobNeedDates = { contractType: ContractType; startDate: string | null; endDate: string | null };

/**
 * Checks between fields, run on the whole need after an update is applied, so a partial
 * update cannot break them either: a CDI has no end date; a contract ends on or after its start.
 */
export function jobNeedConsistencyErrors(need: JobNeedDates): Record<string, string> {
  const errors: Record<string, string> = {};
  if (need.contractType === 'cdi' && need.endDate !== null) errors.endDate = 'employers.errors.cdiEndDate';
  else if (need.startDate && need.endDate && need.endDate < need.startDate) errors.endDate = 'employers.errors.endBeforeStart';
  return errors;
}

/** A create names the employer, the occupation and the contract; the rest has defaults. */
export const jobNeedCreateSchema = z
  .strictObject({ employerId: uuid, ...jobNeedFieldShapes })
  .partial()
  .required({ employerId: true, occupation: true, contractType: true });

/** An update sends the id and the fields it changes (the employer stays). */
export const jobNeedUpdateSchema = z.strictObject(jobNeedFieldShapes).partial().extend({ id: uuid });

export const jobNeedStateSchema = z.strictObject({ id: uuid, state: jobNeedFieldShapes.state });

export interface JobNeed {
  id: string;
  employerId: string;
  employerName: string;
  occupation: string;
  romeCode: string | null;
  sectorId: string | null;
  positions: number;
  contractType: ContractType;
  hoursPerWeek: number | null;
  place: string | null;
  postalCode: string | null;
  startDate: string | null;
  endDate: string | null;
  minFrenchLevel: FrenchLevel | null;
  drivingLicenceRequired: boolean;
  authorisationThroughContract: boolean;
  validUntil: string | null;
  state: JobNeedState;
  notes: string | null;
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const JOB_NEED_SORTS = ['created', 'updated', 'occupation', 'start'] as const;

export const jobNeedListSchema = z.strictObject({
  employerId: uuid.optional(),
  /** Any of these states; all when empty. */
  states: z.array(z.enum(JOB_NEED_STATES)).max(JOB_NEED_STATES.length).default([]),
  sectorId: uuid.optional(),
  /** Part of the occupation's text. */
  query: z.string().max(100).default(''),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  /** Newest first unless told otherwise. */
  sort: z.enum(JOB_NEED_SORTS).default('created'),
  descending: z.boolean().default(true),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface JobNeedPage {
  items: JobNeed[];
  total: number;
}

export const employerMethods = {
  'employers.create': writes<Employer>('employers.write')(employerCreateSchema),
  'employers.update': writes<Employer>('employers.write')(employerUpdateSchema),
  'employers.get': reads<Employer>('employers.read')(idSchema),
  'employers.list': reads<EmployerPage>('employers.read')(employerListSchema),
  'employers.archive': writes<Employer>('employers.write')(idSchema),
  'employers.restore': writes<Employer>('employers.write')(idSchema),
  'jobNeeds.create': writes<JobNeed>('employers.write')(jobNeedCreateSchema),
  'jobNeeds.update': writes<JobNeed>('employers.write')(jobNeedUpdateSchema),
  'jobNeeds.get': reads<JobNeed>('employers.read')(idSchema),
  'jobNeeds.list': reads<JobNeedPage>('employers.read')(jobNeedListSchema),
  'jobNeeds.setState': writes<JobNeed>('employers.write')(jobNeedStateSchema),
  'jobNeeds.archive': writes<JobNeed>('employers.write')(idSchema),
  'jobNeeds.restore': writes<JobNeed>('employers.write')(idSchema),
};
