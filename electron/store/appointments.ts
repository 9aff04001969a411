import { type SQL, type SQLWrapper, and, asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  appointments,
  candidates,
  dropinSessions,
  followUps,
  pairs,
  placements,
  planSteps,
  presentations,
  recruitments,
  sessionVolunteers,
  volunteers,
} from '../db/schema';
import { inCandidateScope } from './scope';

/** Appointments with a person, and what the calendar reads beside them. */

const candidateName = sql<string>`${candidates.firstName} || ' ' || ${candidates.lastName}`;
const volunteerName = sql<string | null>`CASE WHEN ${volunteers.id} IS NULL THEN NULL ELSE ${volunteers.firstName} || ' ' || ${volunteers.lastName} END`;

const appointmentColumns = {
  id: appointments.id,
  candidateId: appointments.candidateId,
  candidateName,
  kind: appointments.kind,
  startsAt: appointments.startsAt,
  durationMinutes: appointments.durationMinutes,
  place: appointments.place,
  volunteerId: appointments.volunteerId,
  volunteerName,
  presentationId: appointments.presentationId,
  sessionId: appointments.sessionId,
  stepId: appointments.stepId,
  status: appointments.status,
  outcome: appointments.outcome,
  notes: appointments.notes,
  author: appointments.author,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
};

function appointmentQuery(db: ReadDb) {
  return db
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(candidates, eq(candidates.id, appointments.candidateId))
    .leftJoin(volunteers, eq(volunteers.id, appointments.volunteerId));
}

export type AppointmentRow = ReturnType<ReturnType<typeof appointmentQuery>['all']>[number];

/** The appointment within the caller's scope (see store/scope.ts), else undefined. */
export function appointmentById(db: ReadDb, id: string): AppointmentRow | undefined {
  return appointmentQuery(db).where(and(eq(appointments.id, id), inCandidateScope(appointments.candidateId))).get();
}

/** A file's appointments, the latest first. */
export function appointmentsOf(db: ReadDb, candidateId: string): AppointmentRow[] {
  return appointmentQuery(db)
    .where(eq(appointments.candidateId, candidateId))
    .orderBy(sql`${appointments.startsAt} DESC`)
    .all();
}

/** A file's planned appointments from `now` (a local `YYYY-MM-DDTHH:MM`), soonest first. */
export function nextAppointmentsOf(db: ReadDb, candidateId: string, now: string, limit: number): AppointmentRow[] {
  return appointmentQuery(db)
    .where(and(eq(appointments.candidateId, candidateId), eq(appointments.status, 'planned'), gte(appointments.startsAt, now)))
    .orderBy(asc(appointments.startsAt))
    .limit(limit)
    .all();
}

export function insertAppointment(db: WriteDb, values: typeof appointments.$inferInsert): void {
  db.insert(appointments).values(values).run();
}

export function updateAppointment(db: WriteDb, id: string, values: Partial<typeof appointments.$inferInsert>): void {
  db.update(appointments).set(values).where(eq(appointments.id, id)).run();
}

export function deleteAppointment(db: WriteDb, id: string): void {
  db.delete(appointments).where(eq(appointments.id, id)).run();
}

/** The file a presentation, a session or a step belongs to, to check an appointment's links (undefined: none). */
export function presentationCandidate(db: ReadDb, id: string): string | undefined {
  return db.select({ candidateId: presentations.candidateId }).from(presentations).where(eq(presentations.id, id)).get()?.candidateId;
}

export function sessionExists(db: ReadDb, id: string): boolean {
  return db.select({ id: dropinSessions.id }).from(dropinSessions).where(eq(dropinSessions.id, id)).get() !== undefined;
}

export function stepCandidate(db: ReadDb, id: string): string | undefined {
  return db.select({ candidateId: planSteps.candidateId }).from(planSteps).where(eq(planSteps.id, id)).get()?.candidateId;
}

/** A volunteer's active pairs. */
export function pairIdsOf(db: ReadDb, volunteerId: string): string[] {
  return db
    .select({ id: pairs.id })
    .from(pairs)
    .where(and(isNull(pairs.archivedAt), or(eq(pairs.firstVolunteerId, volunteerId), eq(pairs.secondVolunteerId, volunteerId))))
    .all()
    .map((row) => row.id);
}

export function pairVolunteers(db: ReadDb, pairId: string): string[] | undefined {
  const pair = db.select({ first: pairs.firstVolunteerId, second: pairs.secondVolunteerId }).from(pairs).where(eq(pairs.id, pairId)).get();
  return pair ? [pair.first, pair.second] : undefined;
}

/** Whose calendar: the volunteers named, and the pairs whose files count as theirs. */
export interface CalendarFilter {
  volunteerIds: string[];
  pairIds: string[];
}

/** A file followed by the filter's volunteers (assigned to one of them or to one of the pairs). */
function followedBy(filter: CalendarFilter | undefined): SQL | undefined {
  if (!filter) return undefined;
  const byVolunteer = filter.volunteerIds.length > 0 ? inArray(candidates.assignedVolunteerId, filter.volunteerIds) : undefined;
  const byPair = filter.pairIds.length > 0 ? inArray(candidates.assignedPairId, filter.pairIds) : undefined;
  return or(byVolunteer, byPair) ?? sql`0`;
}

const inVolunteers = (column: SQLWrapper, filter: CalendarFilter): SQL => (filter.volunteerIds.length > 0 ? inArray(column, filter.volunteerIds) : sql`0`);

/**
 * Everything on the calendar from `from` until before `until` (dates), within the caller's
 * scope: the files' items only for files the caller may see, sessions for every account that
 * may read the network (a volunteer's calendar: the sessions they attend when filtered).
 */
export function calendarRows(db: ReadDb, from: string, until: string, filter: CalendarFilter | undefined) {
  const appointmentRows = appointmentQuery(db)
    .where(
      and(
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, until),
        inCandidateScope(appointments.candidateId),
        filter ? or(inVolunteers(appointments.volunteerId, filter), followedBy(filter)) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .all();

  const sessionRows = db
    .select({ id: dropinSessions.id, date: dropinSessions.date, place: dropinSessions.place })
    .from(dropinSessions)
    .where(
      and(
        gte(dropinSessions.date, from),
        lt(dropinSessions.date, until),
        isNull(dropinSessions.archivedAt),
        filter
          ? sql`EXISTS (SELECT 1 FROM ${sessionVolunteers} WHERE ${sessionVolunteers.sessionId} = ${dropinSessions.id} AND ${inVolunteers(sessionVolunteers.volunteerId, filter)})`
          : undefined,
      ),
    )
    .orderBy(asc(dropinSessions.date))
    .all();
  const sessionVolunteerRows =
    sessionRows.length === 0
      ? []
      : db
          .select({ sessionId: sessionVolunteers.sessionId, name: sql<string>`${volunteers.firstName} || ' ' || ${volunteers.lastName}` })
          .from(sessionVolunteers)
          .innerJoin(volunteers, eq(volunteers.id, sessionVolunteers.volunteerId))
          .where(inArray(sessionVolunteers.sessionId, sessionRows.map((row) => row.id)))
          .orderBy(asc(volunteers.firstName))
          .all();

  const placementColumns = { id: placements.id, candidateId: placements.candidateId, candidateName, kind: placements.kind, startDate: placements.startDate, endDate: placements.endDate, organisation: placements.organisation };
  const placementScope = and(inCandidateScope(placements.candidateId), isNull(placements.archivedAt), followedBy(filter));
  const placementStarts = db
    .select(placementColumns)
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .where(and(gte(placements.startDate, from), lt(placements.startDate, until), placementScope))
    .all();
  const placementEnds = db
    .select(placementColumns)
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .where(and(gte(placements.endDate, from), lt(placements.endDate, until), placementScope))
    .all();

  const followUpRows = db
    .select({ id: followUps.id, dueOn: followUps.dueOn, monthsAfter: followUps.monthsAfter, candidateId: recruitments.candidateId, candidateName })
    .from(followUps)
    .innerJoin(recruitments, eq(recruitments.id, followUps.recruitmentId))
    .innerJoin(candidates, eq(candidates.id, recruitments.candidateId))
    .where(
      and(
        eq(followUps.result, 'pending'),
        gte(followUps.dueOn, from),
        lt(followUps.dueOn, until),
        isNull(recruitments.archivedAt),
        inCandidateScope(recruitments.candidateId),
        followedBy(filter),
      ),
    )
    .all();

  const stepRows = db
    .select({ id: planSteps.id, dueOn: planSteps.dueOn, label: planSteps.label, candidateId: planSteps.candidateId, candidateName, volunteerName })
    .from(planSteps)
    .innerJoin(candidates, eq(candidates.id, planSteps.candidateId))
    .leftJoin(volunteers, eq(volunteers.id, planSteps.volunteerId))
    .where(
      and(
        inArray(planSteps.status, ['planned', 'in_progress']),
        gte(planSteps.dueOn, from),
        lt(planSteps.dueOn, until),
        inCandidateScope(planSteps.candidateId),
        filter ? or(inVolunteers(planSteps.volunteerId, filter), followedBy(filter)) : undefined,
      ),
    )
    .all();

  return { appointmentRows, sessionRows, sessionVolunteerRows, placementStarts, placementEnds, followUpRows, stepRows };
}
