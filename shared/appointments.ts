import { z } from 'zod';
import { reads, writes } from './method';
import type { PlacementKind } from './pipeline';
import { betweenFields, isValidIsoDate, optionalText, uuid } from './validation';
import { dateFormat } from './dateFormat';

/**
 * Appointments with a person (at a drop-in session, by phone, at an employer's for an interview,
 * at the prefecture) and the calendar that shows them beside drop-in sessions, placements'
 * start and end dates and follow-ups due. Times are local to the association (Europe/Paris):
 * `YYYY-MM-DDTHH:MM`, in the future for what is planned, in the past for what happened.
 */

export const APPOINTMENT_KINDS = ['dropin', 'phone', 'office', 'employer', 'interview', 'prefecture', 'other'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const APPOINTMENT_STATUSES = ['planned', 'held', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The time zone every appointment's local time is in (the `.ics` files name it). */
export const APPOINTMENT_TIME_ZONE = 'Europe/Paris';

/** The languages an appointment letter is written in (the person's, when it is one of them). */
export const LETTER_LANGUAGES = ['fr', 'en', 'it'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The local `YYYY-MM-DDTHH:MM` of an instant in the association's time zone. */
export function localDateTime(instant: Date): string {
  const parts = Object.fromEntries(
    dateFormat('en', { timeZone: APPOINTMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalDateTime(value: string): boolean {
  const parts = LOCAL_DATE_TIME.exec(value);
  return parts !== null && isValidIsoDate(parts[1] ?? '');
}

const localDateTimeInput = z.string().trim().refine(isLocalDateTime, { error: 'appointments.errors.startsAt' });
const isoDate = z.iso.date({ error: 'common.errors.date' });

export interface Appointment {
  id: string;
  candidateId: string;
  candidateName: string;
  kind: AppointmentKind;
  startsAt: string;
  durationMinutes: number;
  place: string | null;
  volunteerId: string | null;
  volunteerName: string | null;
  presentationId: string | null;
  sessionId: string | null;
  stepId: string | null;
  status: AppointmentStatus;
  outcome: string | null;
  notes: string | null;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

const appointmentFields = {
  kind: z.enum(APPOINTMENT_KINDS, { error: 'common.errors.choice' }),
  startsAt: localDateTimeInput,
  durationMinutes: z.int({ error: 'common.errors.number' }).min(5, { error: 'appointments.errors.duration' }).max(720, { error: 'appointments.errors.duration' }).default(30),
  place: optionalText(200),
  volunteerId: uuid.nullish().transform((value) => value ?? null),
  presentationId: uuid.nullish().transform((value) => value ?? null),
  sessionId: uuid.nullish().transform((value) => value ?? null),
  stepId: uuid.nullish().transform((value) => value ?? null),
  notes: optionalText(2000),
};

/** An outcome is what happened: only for an appointment that was held or missed. */
const outcomeAfter = betweenFields<{ status?: AppointmentStatus; outcome: string | null }>(['status', 'outcome'], (value) => ({
  outcome: value.outcome && (value.status === 'planned' || value.status === 'cancelled' || value.status === undefined) ? 'appointments.errors.outcomeBeforeHeld' : undefined,
}));

export const appointmentCreateSchema = z
  .strictObject({
    candidateId: uuid,
    ...appointmentFields,
    status: z.enum(APPOINTMENT_STATUSES, { error: 'common.errors.choice' }).default('planned'),
    outcome: optionalText(1000),
    author: optionalText(100),
  })
  .check(outcomeAfter);

export const appointmentUpdateSchema = z
  .strictObject({
    id: uuid,
    ...appointmentFields,
    status: z.enum(APPOINTMENT_STATUSES, { error: 'common.errors.choice' }),
    outcome: optionalText(1000),
    author: optionalText(100),
  })
  .check(outcomeAfter);

export const CALENDAR_ITEM_KINDS = ['appointment', 'session', 'placementStart', 'placementEnd', 'followUp', 'step'] as const;
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number];

/** One thing on a calendar day. */
export interface CalendarItem {
  kind: CalendarItemKind;
  /** The record's id (the appointment, session, placement, follow-up or step). */
  id: string;
  date: string;
  /** `HH:MM` for an appointment, null for what takes the day. */
  time: string | null;
  candidateId: string | null;
  candidateName: string | null;
  /** What it is: the appointment's kind, the placement's kind, the step's label, the session's place. */
  appointmentKind?: AppointmentKind;
  appointmentStatus?: AppointmentStatus;
  placementKind?: PlacementKind;
  monthsAfter?: number;
  label: string | null;
  place: string | null;
  volunteerNames: string[];
}

/** The longest range one call reads: six weeks covers a month's grid. */
export const CALENDAR_MAX_DAYS = 42;

export const calendarQuerySchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    volunteerId: uuid.optional(),
    pairId: uuid.optional(),
    /** Only what concerns the signed-in volunteer ("my day"). */
    mine: z.boolean().default(false),
  })
  .check(
    betweenFields(['from', 'to'], (query) => {
      if (query.from > query.to) return { to: 'common.errors.periodOrder' };
      const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
      return days >= CALENDAR_MAX_DAYS ? { to: 'appointments.errors.rangeTooLong' } : {};
    }),
  );

export interface CalendarDay {
  from: string;
  to: string;
  items: CalendarItem[];
}

/** A file to download: its name, its type and its bytes (text for `.ics`, base64 for a PDF). */
export interface AppointmentFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export const appointmentMethods = {
  'appointments.create': writes<Appointment>('candidates.write')(appointmentCreateSchema),
  'appointments.update': writes<Appointment>('candidates.write')(appointmentUpdateSchema),
  'appointments.remove': writes<Appointment>('candidates.write')(z.strictObject({ id: uuid })),
  'appointments.get': reads<Appointment>('candidates.read')(z.strictObject({ id: uuid })),
  'appointments.list': reads<Appointment[]>('candidates.read')(z.strictObject({ candidateId: uuid })),
  /** Appointments, sessions, placements' dates, follow-ups due and steps of a range, within the caller's scope. */
  'appointments.calendar': reads<CalendarDay>('candidates.read')(calendarQuerySchema),
  /** One appointment as an iCalendar file (text). */
  'appointments.ics': reads<AppointmentFile>('candidates.read')(z.strictObject({ id: uuid })),
  /** The signed-in volunteer's appointments of the week (Monday to Sunday) holding `day`, as one iCalendar file. */
  'appointments.icsWeek': reads<AppointmentFile>('candidates.read')(z.strictObject({ day: isoDate })),
  /** The letter for the person (PDF, base64), in their language when it is French, English or Italian. */
  'appointments.letter': reads<AppointmentFile>('candidates.read')(
    z.strictObject({ id: uuid, language: z.enum(LETTER_LANGUAGES, { error: 'common.errors.choice' }).optional() }),
  ),
  /** A short reminder for an SMS or WhatsApp message the staffer copies (nothing is sent). */
  'appointments.message': reads<{ language: LetterLanguage; text: string }>('candidates.read')(
    z.strictObject({ id: uuid, language: z.enum(LETTER_LANGUAGES, { error: 'common.errors.choice' }).optional() }),
  ),
};
