import { type SQL, and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { SessionVisit } from '../../shared/sessions';
import type { ReadDb, WriteDb } from '../db/handles';
import { candidates, dropinSessions, sessionVisits, sessionVolunteers, timelineEvents, volunteerHours, volunteers } from '../db/schema';
import { archivedFilter, assertReferencesExist, findRow, linkWriter, setArchived } from './records';
import { inCandidateScope } from './scope';

/** Drop-in sessions, the volunteers present, the people seen and their visits' timeline events. */

export type SessionRow = typeof dropinSessions.$inferSelect;
type VisitRow = typeof sessionVisits.$inferSelect;

const SESSION_NOT_FOUND = 'sessions.errors.notFound';

const visitColumns = {
  id: sessionVisits.id,
  sessionId: sessionVisits.sessionId,
  candidateId: sessionVisits.candidateId,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  // Only for someone who may be contacted (shared/candidates.ts: mayBeContacted): the room's list is no list of people to call otherwise.
  phone: sql<string | null>`CASE WHEN ${candidates.consentContact} = 1 AND ${candidates.consentWithdrawnOn} IS NULL AND ${candidates.restrictedAt} IS NULL THEN ${candidates.phone} END`,
  frenchLevel: candidates.frenchLevel,
  authorisationDocument: candidates.authorisationDocument,
  authorisationExpiry: candidates.authorisationExpiry,
  note: sessionVisits.note,
  seenAt: sessionVisits.createdAt,
};

/**
 * A visit's timeline event: the drop-in visit on the candidate's timeline dated on the
 * session's day (the timeline has no column pointing back to the visit).
 */
function visitEvents(candidateId: string | SQL, date: string): SQL | undefined {
  return and(
    eq(timelineEvents.subjectType, 'candidate'),
    eq(timelineEvents.kind, 'dropin_visit'),
    eq(timelineEvents.occurredAt, date),
    typeof candidateId === 'string' ? eq(timelineEvents.subjectId, candidateId) : sql`${timelineEvents.subjectId} IN ${candidateId}`,
  );
}

/** The row, or a not_found refusal. */
export const findSession = (db: ReadDb, id: string): SessionRow => findRow(db, dropinSessions, id, SESSION_NOT_FOUND);

export const setSessionArchived = (db: WriteDb, id: string, archived: boolean, now: string): SessionRow =>
  setArchived(db, dropinSessions, id, archived, now, SESSION_NOT_FOUND);

/** Refuses, as a validation error on volunteerIds, ids that point to no volunteer. */
export const assertVolunteersExist = (db: ReadDb, ids: readonly string[]): void => assertReferencesExist(db, volunteers, ids, 'volunteerIds');

/** The ids of the volunteers present at the session. */
export function volunteerIdsOf(db: ReadDb, sessionId: string): string[] {
  return db
    .select({ id: sessionVolunteers.volunteerId })
    .from(sessionVolunteers)
    .where(eq(sessionVolunteers.sessionId, sessionId))
    .all()
    .map((link) => link.id);
}

function visits(db: ReadDb, where: SQL): SessionVisit[] {
  return db
    .select(visitColumns)
    .from(sessionVisits)
    .innerJoin(candidates, eq(candidates.id, sessionVisits.candidateId))
    .where(and(where, inCandidateScope(sessionVisits.candidateId)))
    .orderBy(asc(sessionVisits.createdAt), asc(sessionVisits.id))
    .all() as SessionVisit[];
}

/** The session's visits with the person's name and what the room checks, in the order they were seen. */
export const visitsOf = (db: ReadDb, sessionId: string): SessionVisit[] => visits(db, eq(sessionVisits.sessionId, sessionId));

/** The visit, undefined when there is none with this id. */
export const visitById = (db: ReadDb, id: string): SessionVisit | undefined => visits(db, eq(sessionVisits.id, id))[0];

const writeVolunteers = linkWriter(sessionVolunteers, sessionVolunteers.sessionId, (sessionId, volunteerId) => ({ sessionId, volunteerId }));

/** The session and the volunteers present, in one transaction. */
export function insertSession(db: WriteDb, values: typeof dropinSessions.$inferInsert & { id: string }, volunteerIds: string[] | undefined): void {
  db.transaction((tx) => {
    tx.insert(dropinSessions).values(values).run();
    writeVolunteers(tx, values.id, volunteerIds);
  });
}

/**
 * Changes the session and, when sent, its volunteers, in one transaction; `moved` (the day it
 * was on and the new one) moves the visits' timeline events and the hours given there with it.
 */
export function updateSession(
  db: WriteDb,
  id: string,
  values: Partial<typeof dropinSessions.$inferInsert> & { updatedAt: string },
  volunteerIds: string[] | undefined,
  moved: { from: string; to: string } | null,
): void {
  db.transaction((tx) => {
    tx.update(dropinSessions).set(values).where(eq(dropinSessions.id, id)).run();
    writeVolunteers(tx, id, volunteerIds);
    if (moved) {
      const seen = sql`(SELECT ${sessionVisits.candidateId} FROM ${sessionVisits} WHERE ${sessionVisits.sessionId} = ${id})`;
      tx.update(timelineEvents).set({ occurredAt: moved.to, updatedAt: values.updatedAt }).where(visitEvents(seen, moved.from)).run();
      tx.update(volunteerHours).set({ date: moved.to }).where(eq(volunteerHours.sessionId, id)).run();
    }
  });
}

/** A page of sessions with how many people were seen and how many volunteers were there. */
export function sessionPage(db: ReadDb, input: ParsedInputOf<'sessions.list'>) {
  const where = and(
    archivedFilter(dropinSessions.archivedAt, input.archived),
    input.from ? gte(dropinSessions.date, input.from) : undefined,
    input.to ? lte(dropinSessions.date, input.to) : undefined,
  );
  const direction = input.descending ? desc : asc;
  const items = db
    .select({
      id: dropinSessions.id,
      date: dropinSessions.date,
      place: dropinSessions.place,
      visitCount: db.$count(sessionVisits, eq(sessionVisits.sessionId, dropinSessions.id)),
      volunteerCount: db.$count(sessionVolunteers, eq(sessionVolunteers.sessionId, dropinSessions.id)),
      archivedAt: dropinSessions.archivedAt,
      updatedAt: dropinSessions.updatedAt,
    })
    .from(dropinSessions)
    .where(where)
    .orderBy(direction(dropinSessions.date), direction(dropinSessions.createdAt), direction(dropinSessions.seq))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = db.select({ total: count() }).from(dropinSessions).where(where).get()?.total ?? 0;
  return { items, total };
}

// ---------------------------------------------------------------- Visits (inside the caller's transaction)

/** The person's visit at this session, undefined when they have none there. */
export function visitAt(db: ReadDb, sessionId: string, candidateId: string): VisitRow | undefined {
  return db
    .select()
    .from(sessionVisits)
    .where(and(eq(sessionVisits.sessionId, sessionId), eq(sessionVisits.candidateId, candidateId)))
    .get();
}

export function insertVisit(tx: WriteDb, values: typeof sessionVisits.$inferInsert): void {
  tx.insert(sessionVisits).values(values).run();
}

/** A new note on the visit, and the same text on its timeline event (the first one written, when there are several). */
export function updateVisitNote(tx: WriteDb, visit: Pick<VisitRow, 'id' | 'candidateId'>, date: string, note: string, now: string): void {
  tx.update(sessionVisits).set({ note }).where(eq(sessionVisits.id, visit.id)).run();
  const event = tx
    .select({ id: timelineEvents.id })
    .from(timelineEvents)
    .where(visitEvents(visit.candidateId, date))
    .orderBy(asc(timelineEvents.createdAt))
    .get();
  if (event) tx.update(timelineEvents).set({ text: note, updatedAt: now }).where(eq(timelineEvents.id, event.id)).run();
}

/** Removes the visit and its timeline event (the last one written, when there are several), in one transaction. */
export function deleteVisit(db: WriteDb, visit: Pick<VisitRow, 'id' | 'candidateId'>, date: string): void {
  db.transaction((tx) => {
    tx.delete(sessionVisits).where(eq(sessionVisits.id, visit.id)).run();
    const event = tx
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .where(visitEvents(visit.candidateId, date))
      .orderBy(desc(timelineEvents.createdAt))
      .get();
    if (event) tx.delete(timelineEvents).where(eq(timelineEvents.id, event.id)).run();
  });
}
