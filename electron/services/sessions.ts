import { type SQL, and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { Candidate, CandidatePatch } from '../../shared/candidates';
import type { DropinSession, IntakeResult, SessionPage, SessionVisit } from '../../shared/sessions';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import { candidates, dropinSessions, sectors, sessionVisits, sessionVolunteers, timelineEvents, volunteerHours, volunteers } from '../db/schema';
import { toSummary } from '../store/candidates';
import { createCandidateService } from './candidates';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { type Tx, archivedFilter, assertReferencesExist, findRow, linkWriter, setArchived } from '../store/records';
import { createTimelineService } from './timeline';
import { volunteerNames } from '../store/volunteers';

type SessionRow = typeof dropinSessions.$inferSelect;

const SESSION_NOT_FOUND = 'sessions.errors.notFound';
const VISIT_NOT_FOUND = 'sessions.errors.visitNotFound';

const visitColumns = {
  id: sessionVisits.id,
  sessionId: sessionVisits.sessionId,
  candidateId: sessionVisits.candidateId,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  phone: candidates.phone,
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

/** Intake fields that change an existing file: only those given and different from it. */
function intakeChanges(current: Candidate, input: ParsedInputOf<'sessions.intake'>): Omit<CandidatePatch, 'id'> {
  const patch: Omit<CandidatePatch, 'id'> = {};
  // "Not assessed" says nothing new: it never overwrites a known level.
  if (input.frenchLevel && input.frenchLevel !== 'not_assessed' && input.frenchLevel !== current.frenchLevel) {
    patch.frenchLevel = input.frenchLevel;
  }
  if (input.authorisationDocument && input.authorisationDocument !== current.authorisationDocument) {
    patch.authorisationDocument = input.authorisationDocument;
  }
  if (input.authorisationExpiry && input.authorisationExpiry !== current.authorisationExpiry) {
    patch.authorisationExpiry = input.authorisationExpiry;
  }
  if (input.sectorId && !current.sectorIds.includes(input.sectorId)) patch.sectorIds = [...current.sectorIds, input.sectorId];
  return patch;
}

/** Drop-in sessions (*permanences*): who was there, who was seen, and the quick intake. */
export function createSessionService(db: Db, clock: Clock = systemClock) {
  const candidateService = createCandidateService(db, clock);
  const timeline = createTimelineService(db, clock);

  function visits(where: SQL): SessionVisit[] {
    return db
      .select(visitColumns)
      .from(sessionVisits)
      .innerJoin(candidates, eq(candidates.id, sessionVisits.candidateId))
      .where(where)
      .orderBy(asc(sessionVisits.createdAt), asc(sessionVisits.id))
      .all() as SessionVisit[];
  }

  function visit(id: string): SessionVisit {
    const [found] = visits(eq(sessionVisits.id, id));
    if (!found) throw new AppError('not_found', VISIT_NOT_FOUND);
    return found;
  }

  function load(row: SessionRow): DropinSession {
    const { seq: _seq, ...columns } = row;
    const present = db
      .select({ id: sessionVolunteers.volunteerId })
      .from(sessionVolunteers)
      .where(eq(sessionVolunteers.sessionId, row.id))
      .all()
      .map((link) => link.id);
    const nameOf = volunteerNames(db, present);
    const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
      a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
    return { ...columns, volunteers: present.map(nameOf).sort(byName), visits: visits(eq(sessionVisits.sessionId, row.id)) };
  }

  const get = (id: string) => load(findRow(db, dropinSessions, id, SESSION_NOT_FOUND));

  /** A session people can still be recorded at: it exists and is not archived. */
  function openSession(id: string): SessionRow {
    const session = findRow(db, dropinSessions, id, SESSION_NOT_FOUND);
    if (session.archivedAt) throw new AppError('conflict', 'sessions.errors.archived');
    return session;
  }

  /** A file a visit can be recorded on: it exists and was not merged into another one. */
  function visitable(candidateId: string): void {
    assertReferencesExist(db, candidates, [candidateId], 'candidateId');
    const { mergedIntoId } = findRow(db, candidates, candidateId, 'errors.candidateNotFound');
    if (mergedIntoId) refuse({ candidateId: 'sessions.validation.candidateMerged' });
  }

  /**
   * Records that a person came (inside the caller's transaction): a new visit adds a drop-in
   * event to their timeline; seeing them again in the same session keeps the one visit and
   * updates its note (and the event's text) when a note is given.
   */
  function recordVisit(tx: Tx, session: SessionRow, candidateId: string, note: string | null): string {
    const existing = tx
      .select()
      .from(sessionVisits)
      .where(and(eq(sessionVisits.sessionId, session.id), eq(sessionVisits.candidateId, candidateId)))
      .get();
    if (existing) {
      if (note !== null && note !== existing.note) {
        tx.update(sessionVisits).set({ note }).where(eq(sessionVisits.id, existing.id)).run();
        const event = tx
          .select({ id: timelineEvents.id })
          .from(timelineEvents)
          .where(visitEvents(candidateId, session.date))
          .orderBy(asc(timelineEvents.createdAt))
          .get();
        if (event) tx.update(timelineEvents).set({ text: note, updatedAt: moment(clock).now }).where(eq(timelineEvents.id, event.id)).run();
      }
      return existing.id;
    }
    const id = newId();
    tx.insert(sessionVisits).values({ id, sessionId: session.id, candidateId, note, createdAt: moment(clock).now }).run();
    timeline.record({ subjectType: 'candidate', subjectId: candidateId, kind: 'dropin_visit', occurredAt: session.date, author: null, text: note });
    return id;
  }

  const writeVolunteers = linkWriter(sessionVolunteers, sessionVolunteers.sessionId, (sessionId, volunteerId) => ({ sessionId, volunteerId }));

  return {
    get: ({ id }: { id: string }) => get(id),

    create({ volunteerIds, ...columns }: ParsedInputOf<'sessions.create'>): DropinSession {
      assertReferencesExist(db, volunteers, volunteerIds ?? [], 'volunteerIds');
      const id = newId();
      const { now } = moment(clock);
      db.transaction((tx) => {
        tx.insert(dropinSessions)
          .values({ ...columns, id, createdAt: now, updatedAt: now })
          .run();
        writeVolunteers(tx, id, volunteerIds);
      });
      return get(id);
    },

    /** Changes only the fields sent; a new date moves the visits' timeline events and the hours given there with it. */
    update({ id, volunteerIds, ...columns }: ParsedInputOf<'sessions.update'>): DropinSession {
      const current = findRow(db, dropinSessions, id, SESSION_NOT_FOUND);
      assertReferencesExist(db, volunteers, volunteerIds ?? [], 'volunteerIds');
      const { now } = moment(clock);
      db.transaction((tx) => {
        tx.update(dropinSessions)
          .set({ ...columns, updatedAt: now })
          .where(eq(dropinSessions.id, id))
          .run();
        writeVolunteers(tx, id, volunteerIds);
        if (columns.date !== undefined && columns.date !== current.date) {
          const seen = sql`(SELECT ${sessionVisits.candidateId} FROM ${sessionVisits} WHERE ${sessionVisits.sessionId} = ${id})`;
          tx.update(timelineEvents).set({ occurredAt: columns.date, updatedAt: now }).where(visitEvents(seen, current.date)).run();
          tx.update(volunteerHours).set({ date: columns.date }).where(eq(volunteerHours.sessionId, id)).run();
        }
      });
      return get(id);
    },

    list(input: ParsedInputOf<'sessions.list'>): SessionPage {
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
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, dropinSessions, id, true, moment(clock).now, SESSION_NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, dropinSessions, id, false, moment(clock).now, SESSION_NOT_FOUND)),

    addVisit({ sessionId, candidateId, note }: ParsedInputOf<'sessions.addVisit'>): SessionVisit {
      const session = openSession(sessionId);
      visitable(candidateId);
      return visit(db.transaction((tx) => recordVisit(tx, session, candidateId, note)));
    },

    /** Removes a visit recorded by mistake, and its timeline event. */
    removeVisit({ id }: { id: string }): SessionVisit {
      const removed = visit(id);
      const { date } = findRow(db, dropinSessions, removed.sessionId, SESSION_NOT_FOUND);
      db.transaction((tx) => {
        tx.delete(sessionVisits).where(eq(sessionVisits.id, id)).run();
        const event = tx
          .select({ id: timelineEvents.id })
          .from(timelineEvents)
          .where(visitEvents(removed.candidateId, date))
          .orderBy(desc(timelineEvents.createdAt))
          .get();
        if (event) tx.delete(timelineEvents).where(eq(timelineEvents.id, event.id)).run();
      });
      return removed;
    },

    /**
     * Quick intake in the drop-in room, all in one transaction: a known person's file gains
     * what the room learnt (French level, authorisation, sector), or a new file is created;
     * then the visit and its timeline event are recorded.
     */
    intake(input: ParsedInputOf<'sessions.intake'>): IntakeResult {
      const session = openSession(input.sessionId);
      assertReferencesExist(db, sectors, [input.sectorId], 'sectorId');
      const known = input.candidateId;
      if (known) visitable(known);
      const outcome = db.transaction((tx) => {
        if (known) {
          const patch = intakeChanges(candidateService.get({ id: known }), input);
          if (Object.keys(patch).length > 0) candidateService.update({ id: known, ...patch });
        }
        const candidateId =
          known ??
          candidateService.create({
            // The schema requires both names when no candidateId is given.
            firstName: input.firstName ?? '',
            lastName: input.lastName ?? '',
            phone: input.phone,
            frenchLevel: input.frenchLevel,
            authorisationDocument: input.authorisationDocument,
            authorisationExpiry: input.authorisationExpiry,
            sectorIds: input.sectorId ? [input.sectorId] : [],
            status: 'new',
          }).id;
        return { candidateId, visitId: recordVisit(tx, session, candidateId, input.note) };
      });
      return {
        candidate: toSummary(findRow(db, candidates, outcome.candidateId, 'errors.candidateNotFound')),
        visit: visit(outcome.visitId),
        created: !known,
      };
    },
  };
}
