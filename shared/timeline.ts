import { z } from 'zod';
import { TIMELINE_KINDS, TIMELINE_SUBJECTS, type TimelineKind, type TimelineSubject } from './domain';
import { returns } from './method';
import { betweenFields, isValidIsoDate, optionalText, uuid } from './validation';

/** A date (`YYYY-MM-DD`) or a date and time (ISO 8601); stored as given. */
const occurredAt = z
  .string()
  .trim()
  .refine((value) => isValidIsoDate(value.slice(0, 10)) && (value.length === 10 || !Number.isNaN(Date.parse(value))), {
    error: 'validation.date',
  });

export interface TimelineEvent {
  id: string;
  subjectType: TimelineSubject;
  subjectId: string;
  kind: TimelineKind;
  occurredAt: string;
  author: string | null;
  text: string | null;
  createdAt: string;
  updatedAt: string;
}

const eventFields = {
  kind: z.enum(TIMELINE_KINDS, { error: 'validation.choice' }),
  occurredAt,
  author: optionalText(100),
  text: optionalText(5000),
};

export const timelineAddSchema = z.strictObject({
  subjectType: z.enum(TIMELINE_SUBJECTS),
  subjectId: uuid,
  ...eventFields,
});

export const timelineUpdateSchema = z.strictObject({ id: uuid, ...eventFields });

export const timelineListSchema = z.strictObject({
  subjectType: z.enum(TIMELINE_SUBJECTS),
  subjectId: uuid,
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const periodSchema = z
  .strictObject({ from: z.iso.date({ error: 'validation.date' }), to: z.iso.date({ error: 'validation.date' }) })
  .check(betweenFields(['from', 'to'], (period) => (period.from <= period.to ? {} : { to: 'validation.periodOrder' })));

export const timelineMethods = {
  'timeline.add': returns<TimelineEvent>()(timelineAddSchema),
  'timeline.update': returns<TimelineEvent>()(timelineUpdateSchema),
  'timeline.list': returns<{ items: TimelineEvent[]; total: number }>()(timelineListSchema),
  /** Calls, meetings and messages with employers in a period (funders count company contacts). */
  'timeline.countCompanyContacts': returns<{ count: number }>()(periodSchema),
};
