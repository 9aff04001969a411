import { z } from 'zod';
import { ARCHIVE_FILTERS, type CandidateSummary, type FrenchLevel, candidateFieldShapes } from './candidates';
import type { AuthorisationDocument } from './domain';
import { reads, writes } from './method';
import { betweenFields, distinctList, idSchema, optionalText, requiredIsoDate, requiredText, uuid, withOptionalPeriod } from './validation';
import type { VolunteerName } from './volunteers';

/** One person seen at a drop-in session, with what the room needs at a glance. */
export interface SessionVisit {
  id: string;
  sessionId: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  frenchLevel: FrenchLevel;
  authorisationDocument: AuthorisationDocument | null;
  authorisationExpiry: string | null;
  note: string | null;
  /** When the visit was first recorded (ISO 8601 UTC). */
  seenAt: string;
}

/** A drop-in session (*permanence*). */
export interface DropinSession {
  id: string;
  date: string;
  place: string;
  notes: string | null;
  /** The volunteers present. */
  volunteers: VolunteerName[];
  /** The people seen, in the order they came. */
  visits: SessionVisit[];
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface SessionSummary {
  id: string;
  date: string;
  place: string;
  visitCount: number;
  volunteerCount: number;
  archivedAt: string | null;
  updatedAt: string;
}

export interface SessionPage {
  items: SessionSummary[];
  total: number;
}

export const sessionFieldShapes = {
  /** Past or planned. */
  date: requiredIsoDate(),
  place: requiredText(150),
  notes: optionalText(2000),
  /** The volunteers present; replaced as a whole when sent. */
  volunteerIds: distinctList(uuid, 50),
};

export const sessionCreateSchema = z.strictObject(sessionFieldShapes).partial().required({ date: true, place: true });

/** An update sends the id and the fields it changes. */
export const sessionUpdateSchema = z.strictObject(sessionFieldShapes).partial().extend({ id: uuid });

export const sessionListSchema = withOptionalPeriod({
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  /** Newest first unless told otherwise. */
  descending: z.boolean().default(true),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const visitAddSchema = z.strictObject({ sessionId: uuid, candidateId: uuid, note: optionalText(1000) });

/**
 * Quick intake at the drop-in: a person already known (`candidateId`, found beforehand with
 * `candidates.findDuplicates`) or a new one, plus what the room learns about them. The names
 * are needed only for a new person.
 */
export const intakeSchema = z
  .strictObject({
    sessionId: uuid,
    candidateId: uuid.optional(),
    firstName: optionalText(100),
    lastName: optionalText(100),
    phone: candidateFieldShapes.phone,
    frenchLevel: candidateFieldShapes.frenchLevel.optional(),
    authorisationDocument: candidateFieldShapes.authorisationDocument,
    authorisationExpiry: candidateFieldShapes.authorisationExpiry,
    sectorId: uuid.nullish().transform((value) => value ?? null),
    note: optionalText(1000),
  })
  .check(
    betweenFields(['candidateId', 'firstName', 'lastName'], (intake) =>
      intake.candidateId ? {} : { firstName: intake.firstName ? undefined : 'common.errors.required', lastName: intake.lastName ? undefined : 'common.errors.required' },
    ),
  );

export interface IntakeResult {
  candidate: CandidateSummary;
  visit: SessionVisit;
  /** True when the person was new and a file was created. */
  created: boolean;
}

export const sessionMethods = {
  'sessions.create': writes<DropinSession>('network.write')(sessionCreateSchema),
  'sessions.update': writes<DropinSession>('network.write')(sessionUpdateSchema),
  'sessions.get': reads<DropinSession>('network.read')(idSchema),
  'sessions.list': reads<SessionPage>('network.read')(sessionListSchema),
  'sessions.archive': writes<DropinSession>('network.write')(idSchema),
  'sessions.restore': writes<DropinSession>('network.write')(idSchema),
  /** Seeing the same person twice in a session keeps one visit and updates its note. */
  'sessions.addVisit': writes<SessionVisit>('candidates.write')(visitAddSchema),
  /** For a visit recorded by mistake; returns what was removed. */
  'sessions.removeVisit': writes<SessionVisit>('candidates.write')(idSchema),
  'sessions.intake': writes<IntakeResult>('candidates.write')(intakeSchema),
};
