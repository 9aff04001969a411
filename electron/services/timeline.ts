import type { ParsedInputOf } from '../../shared/api';
import type { TimelineSubject } from '../../shared/domain';
import type { TimelineEvent } from '../../shared/timeline';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { describeAudit } from '../store/audit';
import {
  type TimelineEventRow,
  assertSubjectExists,
  countCompanyContacts,
  deleteTimelineEvent,
  insertTimelineEvent,
  timelineEventById,
  timelinePage,
  updateTimelineEvent,
} from '../store/timeline';
import { assertNotAhead } from './pipeline-records';

const NOT_FOUND = 'timeline.errors.notFound';

function toEvent(row: TimelineEventRow): TimelineEvent {
  const { origin: _origin, ...event } = row;
  return { ...event, automatic: Boolean(row.automatic) } as TimelineEvent;
}

/** The day after `date` (YYYY-MM-DD), to bound a period that includes its last day. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function createTimelineService(db: WriteDb, clock: Clock = systemClock) {
  function get(id: string): TimelineEvent {
    const row = timelineEventById(db, id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    return toEvent(row);
  }

  /** An entry a person may change: it exists and the app did not write it. */
  function editable(id: string): TimelineEvent {
    const event = get(id);
    if (event.automatic) throw new AppError('conflict', 'timeline.errors.automaticEvent');
    return event;
  }

  /** What is recorded here has happened: its day (the date part) is not after today. */
  function assertHappened(occurredAt: string) {
    assertNotAhead(occurredAt.slice(0, 10), moment(clock).today, 'occurredAt');
  }

  /** Writes an entry as given: for entries the app writes itself (a session's visit). */
  function record(input: ParsedInputOf<'timeline.add'>): TimelineEvent {
    assertSubjectExists(db, input.subjectType as TimelineSubject, input.subjectId);
    const { now } = moment(clock);
    return get(insertTimelineEvent(db, { ...input, id: newId(), createdAt: now, updatedAt: now }));
  }

  return {
    record,

    /** A person's entry: a call, meeting, visit, message or note that has happened. */
    add(input: ParsedInputOf<'timeline.add'>): TimelineEvent {
      assertHappened(input.occurredAt);
      const added = record(input);
      // About the file, as a correction or removal of the entry is.
      describeAudit(added.createdAt, {
        action: 'timeline.add',
        subjectType: added.subjectType,
        subjectId: added.subjectId,
        details: { eventId: added.id, kind: added.kind },
      });
      return added;
    },

    /** Corrects the day, kind or text of an entry typed by a person; the correction is audited (not the text). */
    // `by` is who corrected it: the audit wrapper records it as the actor.
    update({ id, by: _by, ...fields }: ParsedInputOf<'timeline.update'>): TimelineEvent {
      const before = editable(id);
      assertHappened(fields.occurredAt);
      const { now } = moment(clock);
      const changed = (['kind', 'occurredAt', 'text'] as const).filter((field) => fields[field] !== before[field]);
      db.transaction(() => {
        updateTimelineEvent(db, id, { ...fields, updatedAt: now });
        describeAudit(now, {
          action: 'timeline.update',
          subjectType: before.subjectType,
          subjectId: before.subjectId,
          details: { eventId: id, changed, before: { kind: before.kind, occurredAt: before.occurredAt } },
        });
      });
      return get(id);
    },

    /** Deletes an entry typed by a person; the audit log keeps who, when, and its kind and day (not the text). */
    remove({ id }: ParsedInputOf<'timeline.remove'>): TimelineEvent {
      const removed = editable(id);
      const { now } = moment(clock);
      db.transaction(() => {
        deleteTimelineEvent(db, id);
        describeAudit(now, {
          action: 'timeline.remove',
          subjectType: removed.subjectType,
          subjectId: removed.subjectId,
          details: { eventId: id, kind: removed.kind, occurredAt: removed.occurredAt },
        });
      });
      return removed;
    },

    /** Newest first. */
    list(input: ParsedInputOf<'timeline.list'>) {
      const { rows, total } = timelinePage(db, input);
      return { items: rows.map(toEvent), total };
    },

    countCompanyContacts: ({ from, to }: ParsedInputOf<'timeline.countCompanyContacts'>) => ({ count: countCompanyContacts(db, from, nextDay(to)) }),
  };
}
