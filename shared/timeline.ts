import { z } from 'zod';
import { TIMELINE_KINDS, TIMELINE_SUBJECTS, type TimelineKind, type TimelineSubject } from './domain';
import { reads, writes } from './method';
import { betweenFields, isValidIsoDateOrDateTime, optionalText, uuid } from './validation';

/** A date (`YYYY-MM-DD`) or a date and time (ISO 8601); stored as given. */
const occurredAt = z.string().trim().refine(isValidIsoDateOrDateTime, { error: 'common.errors.date' });

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
  /** Written by the app (a drop-in visit recorded at a session): changed only where it came from. */
  automatic: boolean;
}

const eventFields = {
  kind: z.enum(TIMELINE_KINDS, { error: 'common.errors.choice' }),
  occurredAt,
  author: optionalText(100),
  text: optionalText(5000),
};

export const timelineAddSchema = z.strictObject({
  subjectType: z.enum(TIMELINE_SUBJECTS),
  subjectId: uuid,
  ...eventFields,
});

/** Who corrects or removes an entry (the name typed on this computer), for the audit log. */
const by = optionalText(100);

/** A correction of what was recorded: the day, the kind, the text (the author stays). */
export const timelineUpdateSchema = z.strictObject({ id: uuid, kind: eventFields.kind, occurredAt, text: eventFields.text, by });

export const timelineRemoveSchema = z.strictObject({ id: uuid, by });

export const timelineListSchema = z.strictObject({
  subjectType: z.enum(TIMELINE_SUBJECTS),
  subjectId: uuid,
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const periodSchema = z
  .strictObject({ from: z.iso.date({ error: 'common.errors.date' }), to: z.iso.date({ error: 'common.errors.date' }) })
  .check(betweenFields(['from', 'to'], (period) => (period.from <= period.to ? {} : { to: 'common.errors.periodOrder' })));

export const timelineMethods = {
  'timeline.add': writes<TimelineEvent>('candidates.write')(timelineAddSchema),
  'timeline.update': writes<TimelineEvent>('candidates.write')(timelineUpdateSchema),
  /** Deletes an entry typed by mistake; returns what was removed. */
  'timeline.remove': writes<TimelineEvent>('candidates.write')(timelineRemoveSchema),
  'timeline.list': reads<{ items: TimelineEvent[]; total: number }>('candidates.read')(timelineListSchema),
  /** Calls, meetings and messages with employers in a period (funders count company contacts). */
  'timeline.countCompanyContacts': reads<{ count: number }>('reports')(periodSchema),
};
