import { z } from 'zod';
import { optionalIsoDate, optionalText, requiredText, uuid } from './validation';

/** CEFR levels plus the two states the field needs before an assessment. */
export const FRENCH_LEVELS = ['not_assessed', 'below_a1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type FrenchLevel = (typeof FRENCH_LEVELS)[number];

const PHONE = /^\+?[0-9 ().-]{6,25}$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

export const candidateFieldsSchema = z.strictObject({
  firstName: requiredText(100),
  lastName: requiredText(100),
  birthDate: optionalIsoDate().refine(
    (value) => value === null || (value >= EARLIEST_BIRTH_DATE && value <= new Date().toISOString().slice(0, 10)),
    { error: 'validation.birthDate' },
  ),
  phone: optionalText(30).refine((value) => value === null || PHONE.test(value), { error: 'validation.phone' }),
  email: optionalText(200).refine((value) => value === null || z.email().safeParse(value).success, {
    error: 'validation.email',
  }),
  commune: optionalText(100),
  frenchLevel: z.enum(FRENCH_LEVELS, { error: 'validation.choice' }).default('not_assessed'),
});

export type CandidateFieldsInput = z.input<typeof candidateFieldsSchema>;
export type CandidateFields = z.output<typeof candidateFieldsSchema>;

export const candidateIdSchema = z.strictObject({ id: uuid });

export const candidateUpdateSchema = z.strictObject({ id: uuid, ...candidateFieldsSchema.shape });

export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;

export const candidateListSchema = z.strictObject({
  query: z.string().max(100).default(''),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface Candidate extends CandidateFields {
  id: string;
  /** Association the record came from; null when it was created here. */
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export type CandidateSummary = Pick<
  Candidate,
  'id' | 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email' | 'commune' | 'frenchLevel' | 'archivedAt' | 'updatedAt'
>;

export interface CandidatePage {
  items: CandidateSummary[];
  total: number;
}
