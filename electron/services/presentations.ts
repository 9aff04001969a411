import { type SQL, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/api';
import { consentWithdrawn } from '../../shared/candidates';
import {
  FORWARD_PRESENTATION_STATES,
  OPEN_PRESENTATION_STATES,
  PRESENTATION_TRANSITIONS,
  type Presentation,
  type PresentationEvent,
  type PresentationPage,
  type PresentationState,
  type PresentationSummary,
  type RefusalReason,
  canTransition,
  isPlanned,
  nextChangeFloor,
} from '../../shared/pipeline';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import { candidates, employers, jobNeeds, presentationEvents, presentations } from '../db/schema';
import { recordAudit } from '../store/audit';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { assertNotAhead, requireCandidate } from './pipeline-records';
import { candidateName } from '../store/candidates';
import { findRow } from '../store/records';

type PresentationRow = typeof presentations.$inferSelect;

export const PRESENTATION_NOT_FOUND = 'pipeline.errors.presentationNotFound';
/** The person took their consent back: their file goes to no employer. */
const CONSENT_WITHDRAWN = 'pipeline.validation.consentWithdrawn';

/** States in which a presentation holds the candidate's place on the need: a second one is refused. */
export const ACTIVE_PRESENTATION_STATES: readonly PresentationState[] = [...OPEN_PRESENTATION_STATES, 'accepted'];

export interface PresentationChange {
  to: PresentationState;
  /** The day of the change (not before the previous one's). */
  on: string;
  author: string | null;
  note: string | null;
  refusalReason?: RefusalReason | null;
}

/**
 * Moves a presentation to a new state and logs the change, inside the caller's transaction.
 * It checks nothing: callers decide which changes are allowed (a person's choice goes through
 * the transition table; a recruitment accepts or closes presentations itself).
 */
export function logPresentationChange(db: Db, presentation: PresentationRow, change: PresentationChange, now: string): void {
  db.update(presentations)
    .set({ state: change.to, refusalReason: change.refusalReason ?? null, stateChangedOn: change.on, updatedAt: now })
    .where(eq(presentations.id, presentation.id))
    .run();
  db.insert(presentationEvents)
    .values({ id: newId(), presentationId: presentation.id, fromState: presentation.state, toState: change.to, on: change.on, author: change.author, note: change.note, createdAt: now })
    .run();
  recordAudit(db, now, {
    action: 'presentation.transition',
    subjectType: 'presentation',
    subjectId: presentation.id,
    details: { from: presentation.state, to: change.to, on: change.on, author: change.author },
  });
}

/**
 * The day an automatic change is logged: today, or the last change's day if that is later —
 * unless that change is an interview still to come, which the automatic change cancels today.
 */
export function automaticChangeDay(presentation: PresentationRow, today: string): string {
  if (isPlanned(presentation.state as PresentationState, presentation.stateChangedOn, today)) return today;
  return presentation.stateChangedOn > today ? presentation.stateChangedOn : today;
}

const summaryColumns = {
  id: presentations.id,
  candidateId: presentations.candidateId,
  candidateName,
  jobNeedId: presentations.jobNeedId,
  occupation: jobNeeds.occupation,
  employerId: jobNeeds.employerId,
  employerName: employers.name,
  state: presentations.state,
  refusalReason: presentations.refusalReason,
  proposedOn: presentations.proposedOn,
  stateChangedOn: presentations.stateChangedOn,
  updatedAt: presentations.updatedAt,
};

function toSummary<Row extends { state: string; refusalReason: string | null }>(row: Row) {
  return { ...row, state: row.state as PresentationState, refusalReason: row.refusalReason as RefusalReason | null };
}

export function createPresentationService(db: Db, clock: Clock = systemClock) {
  /** The presentations with their candidate, need and employer, in one query. */
  function selectSummaries<Extra extends Record<string, SQLiteColumn>>(where: SQL | undefined, extra: Extra = {} as Extra) {
    return db
      .select({ ...summaryColumns, ...extra })
      .from(presentations)
      .innerJoin(candidates, eq(candidates.id, presentations.candidateId))
      .innerJoin(jobNeeds, eq(jobNeeds.id, presentations.jobNeedId))
      .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
      .where(where);
  }

  function historyOf(presentationId: string): PresentationEvent[] {
    return db
      .select({
        id: presentationEvents.id,
        from: presentationEvents.fromState,
        to: presentationEvents.toState,
        on: presentationEvents.on,
        author: presentationEvents.author,
        note: presentationEvents.note,
        createdAt: presentationEvents.createdAt,
      })
      .from(presentationEvents)
      .where(eq(presentationEvents.presentationId, presentationId))
      .orderBy(asc(presentationEvents.on), asc(presentationEvents.createdAt), asc(sql`rowid`))
      .all()
      .map((event) => ({ ...event, from: event.from as PresentationState | null, to: event.to as PresentationState }));
  }

  function get(id: string): Presentation {
    const row = selectSummaries(eq(presentations.id, id), { origin: presentations.origin, createdAt: presentations.createdAt }).get();
    if (!row) throw new AppError('not_found', PRESENTATION_NOT_FOUND);
    const presentation = toSummary(row);
    return { ...presentation, history: historyOf(id), allowedTransitions: [...PRESENTATION_TRANSITIONS[presentation.state]] };
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /**
     * Proposes a candidate who is still followed (not archived, not gone) for an open need,
     * unless they already hold a place on it; logs the proposal as the first change.
     */
    create(input: ParsedInputOf<'presentations.create'>): Presentation {
      const candidate = requireCandidate(db, input.candidateId);
      if (candidate.status === 'left') refuse({ candidateId: 'pipeline.validation.candidateLeft' });
      if (consentWithdrawn(candidate)) refuse({ candidateId: CONSENT_WITHDRAWN });
      const found = db
        .select({ need: jobNeeds, employerArchivedAt: employers.archivedAt })
        .from(jobNeeds)
        .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
        .where(eq(jobNeeds.id, input.jobNeedId))
        .get();
      if (!found) refuse({ jobNeedId: 'validation.unknownReference' });
      if (found.need.archivedAt || found.employerArchivedAt) refuse({ jobNeedId: 'pipeline.validation.needArchived' });
      if (found.need.state !== 'open') refuse({ jobNeedId: 'pipeline.validation.needNotOpen' });
      const { today, now } = moment(clock);
      const on = input.on ?? today;
      assertNotAhead(on, today, 'on');
      const holding = db
        .select({ id: presentations.id })
        .from(presentations)
        .where(
          and(
            eq(presentations.candidateId, input.candidateId),
            eq(presentations.jobNeedId, input.jobNeedId),
            inArray(presentations.state, [...ACTIVE_PRESENTATION_STATES]),
          ),
        )
        .get();
      if (holding) throw new AppError('conflict', 'pipeline.errors.alreadyPresented');

      const id = newId();
      db.transaction(() => {
        db.insert(presentations)
          .values({ id, candidateId: input.candidateId, jobNeedId: input.jobNeedId, state: 'proposed', proposedOn: on, stateChangedOn: on, createdAt: now, updatedAt: now })
          .run();
        db.insert(presentationEvents)
          .values({ id: newId(), presentationId: id, fromState: null, toState: 'proposed', on, author: input.author, note: input.note, createdAt: now })
          .run();
        recordAudit(db, now, {
          action: 'presentation.create',
          subjectType: 'presentation',
          subjectId: id,
          details: { candidateId: input.candidateId, jobNeedId: input.jobNeedId, on, author: input.author },
        });
      });
      return get(id);
    },

    /**
     * A change a person makes: only those of the transition table (never to `obsolete`, which
     * a recruitment sets), dated no earlier than the last change that has happened, and not
     * after today unless it is an interview being scheduled.
     */
    transition(input: ParsedInputOf<'presentations.transition'>): Presentation {
      const current = findRow(db, presentations, input.id, PRESENTATION_NOT_FOUND);
      const from = current.state as PresentationState;
      if (input.to === 'obsolete') refuse({ to: 'pipeline.validation.obsoleteIsAutomatic' });
      if (input.to === from) throw new AppError('conflict', 'pipeline.errors.alreadyInState');
      if (!canTransition(from, input.to)) throw new AppError('conflict', 'pipeline.errors.transitionNotAllowed');
      if (input.to !== 'refused' && input.refusalReason !== null) refuse({ refusalReason: 'pipeline.validation.refusalReasonOnlyWhenRefused' });
      if ((FORWARD_PRESENTATION_STATES as readonly PresentationState[]).includes(input.to)) {
        const candidate = findRow(db, candidates, current.candidateId, 'errors.candidateNotFound');
        if (consentWithdrawn(candidate)) refuse({ to: CONSENT_WITHDRAWN });
      }
      const { today, now } = moment(clock);
      const on = input.on ?? today;
      if (!isPlanned(input.to, on, today)) assertNotAhead(on, today, 'on');
      if (on < nextChangeFloor(historyOf(input.id), today)) refuse({ on: 'pipeline.validation.beforePreviousChange' });
      db.transaction(() => {
        logPresentationChange(db, current, { to: input.to, on, author: input.author, note: input.note, refusalReason: input.refusalReason }, now);
      });
      return get(input.id);
    },

    /** Most recently changed first, with the candidate, occupation and employer joined. */
    list(input: ParsedInputOf<'presentations.list'>): PresentationPage {
      const where = and(
        input.candidateId ? eq(presentations.candidateId, input.candidateId) : undefined,
        input.jobNeedId ? eq(presentations.jobNeedId, input.jobNeedId) : undefined,
        input.employerId ? eq(jobNeeds.employerId, input.employerId) : undefined,
        input.states.length > 0 ? inArray(presentations.state, input.states) : undefined,
      );
      const items = selectSummaries(where)
        .orderBy(desc(presentations.stateChangedOn), desc(presentations.updatedAt), desc(presentations.seq))
        .limit(input.limit)
        .offset(input.offset)
        .all()
        .map((row): PresentationSummary => toSummary(row));
      const total =
        db
          .select({ total: count() })
          .from(presentations)
          .innerJoin(jobNeeds, eq(jobNeeds.id, presentations.jobNeedId))
          .where(where)
          .get()?.total ?? 0;
      return { items, total };
    },
  };
}

export type PresentationService = ReturnType<typeof createPresentationService>;
