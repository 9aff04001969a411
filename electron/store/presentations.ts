import { type SQL, and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/api';
import type { PresentationState } from '../../shared/pipeline';
import { newId } from '../core/clock';
import type { ReadDb, WriteDb } from '../db/handles';
import { candidates, employers, jobNeeds, presentationEvents, presentations } from '../db/schema';
import { candidateName } from './candidates';
import { findRow } from './records';
import { inCandidateScope } from './scope';

/** Presentations of candidates to job needs, and the history of their states. */

export type PresentationRow = typeof presentations.$inferSelect;

export const PRESENTATION_NOT_FOUND = 'matching.errors.presentationNotFound';

/** The row, or a not_found refusal. */
export const findPresentation = (db: ReadDb, id: string): PresentationRow => findRow(db, presentations, id, PRESENTATION_NOT_FOUND);

/** Who a presentation is of and for which need, undefined when there is none with this id. */
export function presentationLink(db: ReadDb, id: string): { candidateId: string; jobNeedId: string } | undefined {
  return db
    .select({ candidateId: presentations.candidateId, jobNeedId: presentations.jobNeedId })
    .from(presentations)
    .where(and(eq(presentations.id, id), inCandidateScope(presentations.candidateId)))
    .get();
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

/** The presentations with their candidate, need and employer, in one query. */
function selectSummaries<Extra extends Record<string, SQLiteColumn>>(db: ReadDb, where: SQL | undefined, extra: Extra = {} as Extra) {
  return db
    .select({ ...summaryColumns, ...extra })
    .from(presentations)
    .innerJoin(candidates, eq(candidates.id, presentations.candidateId))
    .innerJoin(jobNeeds, eq(jobNeeds.id, presentations.jobNeedId))
    .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
    .where(and(where, inCandidateScope(presentations.candidateId)));
}

/** The presentation with its candidate, need and employer; undefined when there is none with this id. */
export const presentationSummary = (db: ReadDb, id: string) =>
  selectSummaries(db, eq(presentations.id, id), { origin: presentations.origin, createdAt: presentations.createdAt }).get();

/** The presentation's changes of state, oldest first (in the order written within a day). */
export function presentationHistory(db: ReadDb, presentationId: string) {
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
    .all();
}

/**
 * Most recently changed first, with the candidate, occupation and employer joined. The page is
 * sorted and cut on the presentations alone, then joined: joined first, SQLite read a file, a
 * need and an employer for each of the 36,000 presentations under way at 100,000 files before
 * keeping 50 (0.3 s of CPU on the matching screen's first list).
 */
export function presentationPage(db: ReadDb, input: ParsedInputOf<'presentations.list'>) {
  const where = and(
    input.candidateId ? eq(presentations.candidateId, input.candidateId) : undefined,
    input.jobNeedId ? eq(presentations.jobNeedId, input.jobNeedId) : undefined,
    input.employerId ? inArray(presentations.jobNeedId, db.select({ id: jobNeeds.id }).from(jobNeeds).where(eq(jobNeeds.employerId, input.employerId))) : undefined,
    input.states.length > 0 ? inArray(presentations.state, input.states) : undefined,
    inCandidateScope(presentations.candidateId),
  );
  const order = [desc(presentations.stateChangedOn), desc(presentations.updatedAt), desc(presentations.seq)];
  const page = db.select({ seq: presentations.seq }).from(presentations).where(where).orderBy(...order).limit(input.limit).offset(input.offset);
  const rows = selectSummaries(db, inArray(presentations.seq, page)).orderBy(...order).all();
  const total = db.select({ total: count() }).from(presentations).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** The need a candidate would be presented to, with whether its employer is archived; undefined when there is none. */
export function needToPresent(db: ReadDb, jobNeedId: string) {
  return db
    .select({ need: jobNeeds, employerArchivedAt: employers.archivedAt })
    .from(jobNeeds)
    .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
    .where(eq(jobNeeds.id, jobNeedId))
    .get();
}

/** A presentation of this candidate to this need in one of these states, if there is one. */
export function presentationIn(db: ReadDb, candidateId: string, jobNeedId: string, states: readonly PresentationState[]): { id: string } | undefined {
  return db
    .select({ id: presentations.id })
    .from(presentations)
    .where(and(eq(presentations.candidateId, candidateId), eq(presentations.jobNeedId, jobNeedId), inArray(presentations.state, [...states])))
    .get();
}

/** The person's presentations in one of these states, but `exceptId`. */
export function presentationsOfIn(db: ReadDb, candidateId: string, states: readonly PresentationState[], exceptId: string | null): PresentationRow[] {
  return db
    .select()
    .from(presentations)
    .where(and(eq(presentations.candidateId, candidateId), inArray(presentations.state, [...states]), exceptId ? ne(presentations.id, exceptId) : undefined))
    .all();
}

/** A new presentation, proposed on `on`, with the proposal as the first change of its history. */
export function insertPresentation(
  db: WriteDb,
  { id, candidateId, jobNeedId, on, author, note, now }: { id: string; candidateId: string; jobNeedId: string; on: string; author: string | null; note: string | null; now: string },
): void {
  db.insert(presentations).values({ id, candidateId, jobNeedId, state: 'proposed', proposedOn: on, stateChangedOn: on, createdAt: now, updatedAt: now }).run();
  db.insert(presentationEvents).values({ id: newId(), presentationId: id, fromState: null, toState: 'proposed', on, author, note, createdAt: now }).run();
}

/** Sets the presentation's new state and adds the change to its history (in the caller's transaction). */
export function writePresentationChange(
  db: WriteDb,
  presentation: PresentationRow,
  change: { to: PresentationState; on: string; author: string | null; note: string | null; refusalReason: string | null },
  now: string,
): void {
  db.update(presentations)
    .set({ state: change.to, refusalReason: change.refusalReason, stateChangedOn: change.on, updatedAt: now })
    .where(eq(presentations.id, presentation.id))
    .run();
  db.insert(presentationEvents)
    .values({ id: newId(), presentationId: presentation.id, fromState: presentation.state, toState: change.to, on: change.on, author: change.author, note: change.note, createdAt: now })
    .run();
}
