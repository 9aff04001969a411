import type { ParsedInputOf } from '../../shared/api';
import { presentationBlock } from '../../shared/candidates';
import {
  FORWARD_PRESENTATION_STATES,
  ACTIVE_PRESENTATION_STATES,
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
import type { WriteDb } from '../db/handles';
import { describeAudit } from '../store/audit';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { assertNotAhead, requireCandidate } from './pipeline-records';
import { findCandidate } from '../store/candidates';
import {
  PRESENTATION_NOT_FOUND,
  type PresentationRow,
  findPresentation,
  insertPresentation,
  needToPresent,
  presentationHistory,
  presentationIn,
  presentationPage,
  presentationSummary,
  writePresentationChange,
} from '../store/presentations';
/** The person took their consent back: their file goes to no employer. */
/** Why the person may not be proposed (shared/candidates.ts: presentationBlock), as the refusal says it. */
const NOT_PRESENTABLE = {
  restricted: 'candidates.errors.restricted',
  consent_withdrawn: 'matching.errors.consentWithdrawn',
  presentation_consent_withdrawn: 'matching.errors.presentationConsentWithdrawn',
} as const;

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
export function logPresentationChange(db: WriteDb, presentation: PresentationRow, change: PresentationChange, now: string): void {
  writePresentationChange(db, presentation, { ...change, refusalReason: change.refusalReason ?? null }, now);
  describeAudit(now, {
    action: 'presentations.transition',
    subjectType: 'presentation',
    subjectId: presentation.id,
    details: { from: presentation.state, to: change.to, on: change.on },
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

function toSummary<Row extends { state: string; refusalReason: string | null }>(row: Row) {
  return { ...row, state: row.state as PresentationState, refusalReason: row.refusalReason as RefusalReason | null };
}

export function createPresentationService(db: WriteDb, clock: Clock = systemClock) {
  function historyOf(presentationId: string): PresentationEvent[] {
    return presentationHistory(db, presentationId).map((event) => ({ ...event, from: event.from as PresentationState | null, to: event.to as PresentationState }));
  }

  function get(id: string): Presentation {
    const row = presentationSummary(db, id);
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
      if (candidate.status === 'left') refuse({ candidateId: 'matching.errors.candidateLeft' });
      const blocked = presentationBlock(candidate);
      if (blocked) refuse({ candidateId: NOT_PRESENTABLE[blocked] });
      const found = needToPresent(db, input.jobNeedId);
      if (!found) refuse({ jobNeedId: 'common.errors.notFound' });
      if (found.need.archivedAt || found.employerArchivedAt) refuse({ jobNeedId: 'matching.errors.needArchived' });
      if (found.need.state !== 'open') refuse({ jobNeedId: 'matching.errors.needNotOpen' });
      const { today, now } = moment(clock);
      const on = input.on ?? today;
      assertNotAhead(on, today, 'on');
      const holding = presentationIn(db, input.candidateId, input.jobNeedId, ACTIVE_PRESENTATION_STATES);
      if (holding) throw new AppError('conflict', 'matching.errors.alreadyPresented');

      const id = newId();
      db.transaction(() => {
        insertPresentation(db, { id, candidateId: input.candidateId, jobNeedId: input.jobNeedId, on, author: input.author, note: input.note, now });
        describeAudit(now, {
          action: 'presentations.create',
          subjectType: 'presentation',
          subjectId: id,
          details: { candidateId: input.candidateId, jobNeedId: input.jobNeedId, on },
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
      const current = findPresentation(db, input.id);
      const from = current.state as PresentationState;
      if (input.to === 'obsolete') refuse({ to: 'matching.errors.obsoleteIsAutomatic' });
      if (input.to === from) throw new AppError('conflict', 'matching.errors.alreadyInState');
      if (!canTransition(from, input.to)) throw new AppError('conflict', 'matching.errors.transitionNotAllowed');
      if (input.to !== 'refused' && input.refusalReason !== null) refuse({ refusalReason: 'matching.errors.refusalReasonOnlyWhenRefused' });
      if ((FORWARD_PRESENTATION_STATES as readonly PresentationState[]).includes(input.to)) {
        const candidate = findCandidate(db, current.candidateId);
        const blocked = presentationBlock(candidate);
        if (blocked) refuse({ to: NOT_PRESENTABLE[blocked] });
      }
      const { today, now } = moment(clock);
      const on = input.on ?? today;
      if (!isPlanned(input.to, on, today)) assertNotAhead(on, today, 'on');
      if (on < nextChangeFloor(historyOf(input.id), today)) refuse({ on: 'matching.errors.beforePreviousChange' });
      db.transaction(() => {
        logPresentationChange(db, current, { to: input.to, on, author: input.author, note: input.note, refusalReason: input.refusalReason }, now);
      });
      return get(input.id);
    },

    /** Most recently changed first, with the candidate, occupation and employer joined. */
    list(input: ParsedInputOf<'presentations.list'>): PresentationPage {
      const { rows, total } = presentationPage(db, input);
      const items = rows.map((row): PresentationSummary => toSummary(row));
      return { items, total };
    },
  };
}

export type PresentationService = ReturnType<typeof createPresentationService>;
