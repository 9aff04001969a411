import { type SQL, and, count, desc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import { COMPANY_CONTACT_KINDS, type TimelineSubject } from '../../shared/domain';
import type { TimelineEvent } from '../../shared/timeline';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { candidates, employers, partners, timelineEvents } from '../db/schema';
import { recordAudit } from '../store/audit';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { assertNotAhead } from './pipeline-records';
import { assertReferencesExist } from '../store/records';

const SUBJECT_TABLES = { candidate: candidates, employer: employers, partner: partners } as const;

const NOT_FOUND = 'errors.timelineEventNotFound';

/**
 * An entry the app wrote: the drop-in visit of a session's visitor, dated on the session's day
 * (the link sessions keep between a visit and its entry). It changes with the visit, never by hand.
 */
const automatic: SQL<number> = sql<number>`(timeline_events.kind = 'dropin_visit' AND timeline_events.subject_type = 'candidate' AND EXISTS (
  SELECT 1 FROM session_visits JOIN dropin_sessions ON dropin_sessions.id = session_visits.session_id
  WHERE session_visits.candidate_id = timeline_events.subject_id AND dropin_sessions.date = timeline_events.occurred_at))`;

const eventColumns = { ...getTableColumns(timelineEvents), automatic };

function toEvent(row: typeof timelineEvents.$inferSelect & { automatic: number | boolean }): TimelineEvent {
  const { origin: _origin, ...event } = row;
  return { ...event, automatic: Boolean(row.automatic) } as TimelineEvent;
}

/** The day after `date` (YYYY-MM-DD), to bound a period that includes its last day. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function createTimelineService(db: Db, clock: Clock = systemClock) {
  function get(id: string): TimelineEvent {
    const row = db.select(eventColumns).from(timelineEvents).where(eq(timelineEvents.id, id)).get();
    if (!row) throw new AppError('not_found', NOT_FOUND);
    return toEvent(row);
  }

  /** An entry a person may change: it exists and the app did not write it. */
  function editable(id: string): TimelineEvent {
    const event = get(id);
    if (event.automatic) throw new AppError('conflict', 'errors.timelineEventAutomatic');
    return event;
  }

  /** What is recorded here has happened: its day (the date part) is not after today. */
  function assertHappened(occurredAt: string) {
    assertNotAhead(occurredAt.slice(0, 10), moment(clock).today, 'occurredAt');
  }

  /** Writes an entry as given: for entries the app writes itself (a session's visit). */
  function record(input: ParsedInputOf<'timeline.add'>): TimelineEvent {
    assertReferencesExist(db, SUBJECT_TABLES[input.subjectType as TimelineSubject], [input.subjectId], 'subjectId');
    const { now } = moment(clock);
    const { id } = db
      .insert(timelineEvents)
      .values({ ...input, id: newId(), createdAt: now, updatedAt: now })
      .returning({ id: timelineEvents.id })
      .get();
    return get(id);
  }

  return {
    record,

    /** A person's entry: a call, meeting, visit, message or note that has happened. */
    add(input: ParsedInputOf<'timeline.add'>): TimelineEvent {
      assertHappened(input.occurredAt);
      return record(input);
    },

    /** Corrects the day, kind or text of an entry typed by a person; the correction is audited (not the text). */
    update({ id, by, ...fields }: ParsedInputOf<'timeline.update'>): TimelineEvent {
      const before = editable(id);
      assertHappened(fields.occurredAt);
      const { now } = moment(clock);
      const changed = (['kind', 'occurredAt', 'text'] as const).filter((field) => fields[field] !== before[field]);
      db.transaction(() => {
        db.update(timelineEvents)
          .set({ ...fields, updatedAt: now })
          .where(eq(timelineEvents.id, id))
          .run();
        recordAudit(db, now, {
          action: 'timeline.update',
          subjectType: before.subjectType,
          subjectId: before.subjectId,
          details: { eventId: id, by, changed, before: { kind: before.kind, occurredAt: before.occurredAt } },
        });
      });
      return get(id);
    },

    /** Deletes an entry typed by a person; the audit log keeps who, when, and its kind and day (not the text). */
    remove({ id, by }: ParsedInputOf<'timeline.remove'>): TimelineEvent {
      const removed = editable(id);
      const { now } = moment(clock);
      db.transaction(() => {
        db.delete(timelineEvents).where(eq(timelineEvents.id, id)).run();
        recordAudit(db, now, {
          action: 'timeline.remove',
          subjectType: removed.subjectType,
          subjectId: removed.subjectId,
          details: { eventId: id, by, kind: removed.kind, occurredAt: removed.occurredAt },
        });
      });
      return removed;
    },

    /** Newest first. */
    list({ subjectType, subjectId, limit, offset }: ParsedInputOf<'timeline.list'>) {
      const where = and(eq(timelineEvents.subjectType, subjectType), eq(timelineEvents.subjectId, subjectId));
      const items = db
        .select(eventColumns)
        .from(timelineEvents)
        .where(where)
        .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.createdAt))
        .limit(limit)
        .offset(offset)
        .all()
        .map(toEvent);
      const total = db.select({ total: count() }).from(timelineEvents).where(where).get()?.total ?? 0;
      return { items, total };
    },

    countCompanyContacts({ from, to }: ParsedInputOf<'timeline.countCompanyContacts'>) {
      const row = db
        .select({ count: count() })
        .from(timelineEvents)
        .where(
          and(
            eq(timelineEvents.subjectType, 'employer'),
            inArray(timelineEvents.kind, [...COMPANY_CONTACT_KINDS]),
            gte(timelineEvents.occurredAt, from),
            lt(timelineEvents.occurredAt, nextDay(to)),
          ),
        )
        .get();
      return { count: row?.count ?? 0 };
    },
  };
}
