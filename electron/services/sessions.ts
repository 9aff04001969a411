import type { ParsedInputOf } from '../../shared/api';
import type { Candidate, CandidatePatch } from '../../shared/candidates';
import type { DropinSession, IntakeResult, SessionPage, SessionVisit } from '../../shared/sessions';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { assertCandidateExists, findCandidate, toSummary } from '../store/candidates';
import { createCandidateService } from './candidates';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { describeAudit } from '../store/audit';
import { assertSectorsExist } from '../store/sectors';
import {
  type SessionRow,
  assertVolunteersExist,
  deleteVisit,
  findSession,
  insertSession,
  insertVisit,
  sessionPage,
  setSessionArchived,
  updateSession,
  updateVisitNote,
  visitAt,
  visitById,
  visitsOf,
  volunteerIdsOf,
} from '../store/sessions';
import { createTimelineService } from './timeline';
import { volunteerNames } from '../store/volunteers';

const VISIT_NOT_FOUND = 'sessions.errors.visitNotFound';

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
export function createSessionService(db: WriteDb, clock: Clock = systemClock) {
  const candidateService = createCandidateService(db, clock);
  const timeline = createTimelineService(db, clock);

  function visit(id: string): SessionVisit {
    const found = visitById(db, id);
    if (!found) throw new AppError('not_found', VISIT_NOT_FOUND);
    return found;
  }

  function load(row: SessionRow): DropinSession {
    const { seq: _seq, ...columns } = row;
    const present = volunteerIdsOf(db, row.id);
    const nameOf = volunteerNames(db, present);
    const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
      a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
    return { ...columns, volunteers: present.map(nameOf).sort(byName), visits: visitsOf(db, row.id) };
  }

  const get = (id: string) => load(findSession(db, id));

  /** A session people can still be recorded at: it exists and is not archived. */
  function openSession(id: string): SessionRow {
    const session = findSession(db, id);
    if (session.archivedAt) throw new AppError('conflict', 'sessions.errors.archived');
    return session;
  }

  /** A file a visit can be recorded on: it exists and was not merged into another one. */
  function visitable(candidateId: string): void {
    assertCandidateExists(db, candidateId);
    const { mergedIntoId } = findCandidate(db, candidateId);
    if (mergedIntoId) refuse({ candidateId: 'sessions.errors.candidateMerged' });
  }

  /**
   * Records that a person came (inside the caller's transaction): a new visit adds a drop-in
   * event to their timeline; seeing them again in the same session keeps the one visit and
   * updates its note (and the event's text) when a note is given.
   */
  function recordVisit(tx: WriteDb, session: SessionRow, candidateId: string, note: string | null): string {
    const existing = visitAt(tx, session.id, candidateId);
    if (existing) {
      if (note !== null && note !== existing.note) updateVisitNote(tx, existing, session.date, note, moment(clock).now);
      return existing.id;
    }
    const id = newId();
    insertVisit(tx, { id, sessionId: session.id, candidateId, note, createdAt: moment(clock).now });
    timeline.record({ subjectType: 'candidate', subjectId: candidateId, kind: 'dropin_visit', occurredAt: session.date, author: null, text: note });
    return id;
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    create({ volunteerIds, ...columns }: ParsedInputOf<'sessions.create'>): DropinSession {
      assertVolunteersExist(db, volunteerIds ?? []);
      const id = newId();
      const { now } = moment(clock);
      insertSession(db, { ...columns, id, createdAt: now, updatedAt: now }, volunteerIds);
      return get(id);
    },

    /** Changes only the fields sent; a new date moves the visits' timeline events and the hours given there with it. */
    update({ id, volunteerIds, ...columns }: ParsedInputOf<'sessions.update'>): DropinSession {
      const current = findSession(db, id);
      assertVolunteersExist(db, volunteerIds ?? []);
      const moved = columns.date !== undefined && columns.date !== current.date ? { from: current.date, to: columns.date } : null;
      updateSession(db, id, { ...columns, updatedAt: moment(clock).now }, volunteerIds, moved);
      return get(id);
    },

    list: (input: ParsedInputOf<'sessions.list'>): SessionPage => sessionPage(db, input),

    archive: ({ id }: { id: string }) => load(setSessionArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => load(setSessionArchived(db, id, false, moment(clock).now)),

    addVisit({ sessionId, candidateId, note }: ParsedInputOf<'sessions.addVisit'>): SessionVisit {
      const session = openSession(sessionId);
      visitable(candidateId);
      return visit(db.transaction((tx) => recordVisit(tx, session, candidateId, note)));
    },

    /** Removes a visit recorded by mistake, and its timeline event. */
    removeVisit({ id }: { id: string }): SessionVisit {
      const removed = visit(id);
      const { date } = findSession(db, removed.sessionId);
      deleteVisit(db, removed, date);
      return removed;
    },

    /**
     * Quick intake in the drop-in room, all in one transaction: a known person's file gains
     * what the room learnt (French level, authorisation, sector), or a new file is created;
     * then the visit and its timeline event are recorded.
     */
    intake(input: ParsedInputOf<'sessions.intake'>): IntakeResult {
      const session = openSession(input.sessionId);
      assertSectorsExist(db, [input.sectorId], 'sectorId');
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
        const visitId = recordVisit(tx, session, candidateId, input.note);
        // About the person (the result carries no id of its own), as the methods on a file are.
        describeAudit(moment(clock).now, {
          action: 'sessions.intake',
          subjectType: 'candidate',
          subjectId: candidateId,
          details: { sessionId: session.id, visitId, created: !known },
        });
        return { candidateId, visitId };
      });
      return {
        candidate: toSummary(findCandidate(db, outcome.candidateId)),
        visit: visit(outcome.visitId),
        created: !known,
      };
    },
  };
}
