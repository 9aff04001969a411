import { type SQL, and, count, desc, eq, getTableColumns, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { COMPANY_CONTACT_KINDS, type TimelineSubject } from '../../shared/domain';
import type { ReadDb, WriteDb } from '../db/handles';
import { createRowWriter } from '../db/row-writer';
import { candidates, employers, partners, timelineEvents } from '../db/schema';
import { assertReferencesExist } from './records';
import { inCandidateScope } from './scope';

/** The timelines of candidates, employers and partners. */

export type TimelineEventRow = typeof timelineEvents.$inferSelect & { automatic: number | boolean };

const SUBJECT_TABLES = { candidate: candidates, employer: employers, partner: partners } as const;

/**
 * An entry the app wrote: the drop-in visit of a session's visitor, dated on the session's day
 * (the link sessions keep between a visit and its entry). It changes with the visit, never by hand.
 */
const automatic: SQL<number> = sql<number>`(timeline_events.kind = 'dropin_visit' AND timeline_events.subject_type = 'candidate' AND EXISTS (
  SELECT 1 FROM session_visits JOIN dropin_sessions ON dropin_sessions.id = session_visits.session_id
  WHERE session_visits.candidate_id = timeline_events.subject_id AND dropin_sessions.date = timeline_events.occurred_at))`;

const eventColumns = { ...getTableColumns(timelineEvents), automatic };

/** An entry about a candidate only within the caller's scope (see store/scope.ts); about an employer or a partner, always. */
function inSubjectScope(): SQL | undefined {
  const scope = inCandidateScope(timelineEvents.subjectId);
  return scope ? or(ne(timelineEvents.subjectType, 'candidate'), scope) : undefined;
}

/** The entry, with whether the app wrote it; undefined when there is none with this id. */
export function timelineEventById(db: ReadDb, id: string): TimelineEventRow | undefined {
  return db.select(eventColumns).from(timelineEvents).where(and(eq(timelineEvents.id, id), inSubjectScope())).get();
}

/** Refuses, as a validation error on subjectId, a subject that does not exist. */
export function assertSubjectExists(db: ReadDb, subjectType: TimelineSubject, subjectId: string): void {
  assertReferencesExist(db, SUBJECT_TABLES[subjectType], [subjectId], 'subjectId');
}

/** Writes an entry; returns its id. */
export function insertTimelineEvent(db: WriteDb, values: typeof timelineEvents.$inferInsert): string {
  return db.insert(timelineEvents).values(values).returning({ id: timelineEvents.id }).get().id;
}

export type NewTimelineEvent = typeof timelineEvents.$inferInsert;

/** Entries by the thousand (an import's notes), through statements prepared once. */
export function insertTimelineEvents(db: WriteDb, rows: readonly NewTimelineEvent[]): void {
  createRowWriter(db).insertAll(timelineEvents, rows);
}

export function updateTimelineEvent(db: WriteDb, id: string, values: Partial<typeof timelineEvents.$inferInsert>): void {
  db.update(timelineEvents).set(values).where(eq(timelineEvents.id, id)).run();
}

export function deleteTimelineEvent(db: WriteDb, id: string): void {
  db.delete(timelineEvents).where(eq(timelineEvents.id, id)).run();
}

/** A page of a subject's timeline, newest first. */
export function timelinePage(db: ReadDb, { subjectType, subjectId, limit, offset }: { subjectType: TimelineSubject; subjectId: string; limit: number; offset: number }) {
  const where = and(eq(timelineEvents.subjectType, subjectType), eq(timelineEvents.subjectId, subjectId), inSubjectScope());
  const rows = db
    .select(eventColumns)
    .from(timelineEvents)
    .where(where)
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.createdAt))
    .limit(limit)
    .offset(offset)
    .all();
  const total = db.select({ total: count() }).from(timelineEvents).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** Calls, meetings and messages with employers from `from` until before `until` (dates or instants). */
export function countCompanyContacts(db: ReadDb, from: string, until: string): number {
  const row = db
    .select({ count: count() })
    .from(timelineEvents)
    .where(
      and(
        eq(timelineEvents.subjectType, 'employer'),
        inArray(timelineEvents.kind, [...COMPANY_CONTACT_KINDS]),
        gte(timelineEvents.occurredAt, from),
        lt(timelineEvents.occurredAt, until),
      ),
    )
    .get();
  return row?.count ?? 0;
}
