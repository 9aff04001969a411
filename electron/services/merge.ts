import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Candidate, candidateConsistencyErrors } from '../../shared/candidates';
import { type MergeChoices, mergedValues } from '../../shared/merge';
import type { PresentationState } from '../../shared/pipeline';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import {
  candidateBarriers,
  candidateMerges,
  candidateSectors,
  candidateSharingConsents,
  candidates,
  placements,
  presentationEvents,
  presentations,
  recruitments,
  sessionVisits,
  timelineEvents,
} from '../db/schema';
import { describeAudit } from '../store/audit';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { candidateColumns, writeCandidateChildren } from '../store/candidates';
import { createCandidateService } from './candidates';
import { nameTokens } from '../core/names';
import { ACTIVE_PRESENTATION_STATES, automaticChangeDay, logPresentationChange } from './presentations';

/** The lists both files hold are joined: the kept file's items first, then the other's new ones. */
function unionBy<T>(kept: T[], other: T[], key: (item: T) => string): T[] {
  const seen = new Set(kept.map(key));
  return [...kept, ...other.filter((item) => !seen.has(key(item)))];
}

/** How far a presentation that holds a place has gone: the furthest one is kept when both files hold one. */
const PROGRESS: Partial<Record<PresentationState, number>> = { proposed: 0, presented: 1, interview: 2, accepted: 3 };

/**
 * Moves the merged file's presentations, placements and recruitments to the kept file (inside
 * the merge's transaction). One person holds one place per need: when both files hold one on
 * the same need, the less advanced presentation is withdrawn (the kept file's wins a tie).
 */
function movePipeline(db: Db, keepId: string, mergeId: string, now: string, today: string) {
  const holding = db
    .select()
    .from(presentations)
    .where(and(inArray(presentations.candidateId, [keepId, mergeId]), inArray(presentations.state, [...ACTIVE_PRESENTATION_STATES])))
    .all();
  const progress = (presentation: (typeof holding)[number]) =>
    (PROGRESS[presentation.state as PresentationState] ?? 0) * 2 + (presentation.candidateId === keepId ? 1 : 0);
  const byNeed = new Map<string, typeof holding>();
  for (const presentation of holding) byNeed.set(presentation.jobNeedId, [...(byNeed.get(presentation.jobNeedId) ?? []), presentation]);
  for (const sameNeed of byNeed.values()) {
    const [, ...duplicates] = sameNeed.sort((a, b) => progress(b) - progress(a));
    for (const duplicate of duplicates) {
      logPresentationChange(
        db,
        duplicate,
        { to: 'withdrawn', on: automaticChangeDay(duplicate, today), author: null, note: 'Doublon retiré à la fusion des fiches' },
        now,
      );
    }
  }
  const moved = { presentations: 0, placements: 0, recruitments: 0 };
  for (const [name, table] of [
    ['presentations', presentations],
    ['placements', placements],
    ['recruitments', recruitments],
  ] as const) {
    moved[name] = db.update(table).set({ candidateId: keepId, updatedAt: now }).where(eq(table.candidateId, mergeId)).run().changes;
  }
  return moved;
}

/** The session visits of both files: one per session; the merged file's note is appended to the kept one's. */
function moveVisits(db: Db, keepId: string, mergeId: string) {
  const keptSessions = db
    .select({ sessionId: sessionVisits.sessionId, id: sessionVisits.id, note: sessionVisits.note })
    .from(sessionVisits)
    .where(eq(sessionVisits.candidateId, keepId))
    .all();
  for (const visit of db.select().from(sessionVisits).where(eq(sessionVisits.candidateId, mergeId)).all()) {
    const twin = keptSessions.find((kept) => kept.sessionId === visit.sessionId);
    if (!twin) continue;
    if (visit.note) {
      const note = twin.note ? `${twin.note}\n${visit.note}` : visit.note;
      db.update(sessionVisits).set({ note }).where(eq(sessionVisits.id, twin.id)).run();
    }
    db.delete(sessionVisits).where(eq(sessionVisits.id, visit.id)).run();
  }
  db.update(sessionVisits)
    .set({ candidateId: keepId })
    .where(and(eq(sessionVisits.candidateId, mergeId), notInArray(sessionVisits.sessionId, keptSessions.map((kept) => kept.sessionId))))
    .run();
}

type Rows = Record<string, unknown>[];
type Snapshot = Record<keyof typeof TRACKED, Rows> & { presentationEvents: Rows };

/**
 * Every table a merge writes, with the column that ties a row to a file: what an undo puts
 * back. `replaced` tables are association rows, deleted and written again; the others are
 * records updated in place (a merge never deletes one).
 */
const TRACKED = {
  candidates: { table: candidates, owner: candidates.id, key: candidates.id, replaced: false },
  sectors: { table: candidateSectors, owner: candidateSectors.candidateId, key: candidateSectors.sectorId, replaced: true },
  barriers: { table: candidateBarriers, owner: candidateBarriers.candidateId, key: candidateBarriers.theme, replaced: true },
  sharing: { table: candidateSharingConsents, owner: candidateSharingConsents.candidateId, key: candidateSharingConsents.partnerId, replaced: true },
  visits: { table: sessionVisits, owner: sessionVisits.candidateId, key: sessionVisits.id, replaced: true },
  timeline: { table: timelineEvents, owner: timelineEvents.subjectId, key: timelineEvents.id, replaced: false },
  presentations: { table: presentations, owner: presentations.candidateId, key: presentations.id, replaced: false },
  placements: { table: placements, owner: placements.candidateId, key: placements.id, replaced: false },
  recruitments: { table: recruitments, owner: recruitments.candidateId, key: recruitments.id, replaced: false },
} satisfies Record<string, { table: SQLiteTable; owner: SQLiteColumn; key: SQLiteColumn; replaced: boolean }>;

/** The rows of both files in every tracked table, in a stable order (compared as JSON). */
function snapshot(db: Db, ids: [string, string]): Snapshot {
  const read = (table: SQLiteTable, where: ReturnType<typeof inArray>, key: SQLiteColumn, owner: SQLiteColumn) =>
    db.select().from(table).where(where).orderBy(asc(owner), asc(key)).all() as Rows;
  const rows = Object.fromEntries(
    Object.entries(TRACKED).map(([name, { table, owner, key }]) => {
      const where = table === timelineEvents ? and(eq(timelineEvents.subjectType, 'candidate'), inArray(owner, ids)) : inArray(owner, ids);
      return [name, read(table, where as ReturnType<typeof inArray>, key, owner)];
    }),
  ) as Record<keyof typeof TRACKED, Rows>;
  const presentationIds = rows.presentations.map((row) => row.id as string);
  return {
    ...rows,
    presentationEvents: read(presentationEvents, inArray(presentationEvents.presentationId, presentationIds), presentationEvents.id, presentationEvents.presentationId),
  };
}

/**
 * Merges one candidate file into another, in one transaction. Where the two files hold
 * different values, the kept file takes the ones chosen, else the most recent (the rules are
 * `shared/merge.ts`); both numbers are kept when the person has two; consent is the person's
 * latest statement. Lists (other name forms, languages, occupations, qualifications, sectors)
 * are joined; the timeline, drop-in visits, presentations, placements and recruitments move
 * over; the merged file is archived with a pointer to the kept one — nothing is deleted — and
 * the state before is kept so the merge can be undone.
 */
export function mergeCandidates(db: Db, keepId: string, mergeId: string, choices: MergeChoices, clock: Clock = systemClock): Candidate {
  if (keepId === mergeId) refuse({ mergeId: 'validation.mergeSame' });
  const service = createCandidateService(db, clock);
  const keep = service.get({ id: keepId });
  const other = service.get({ id: mergeId });
  if (keep.mergedIntoId || other.mergedIntoId) throw new AppError('conflict', 'errors.alreadyMerged');
  const { values, errors } = mergedValues(keep, other, choices);
  // Values taken from both files must still agree (a birth date from one, an asylum date from the other).
  Object.assign(errors, candidateConsistencyErrors({ ...keep, ...values }));
  if (Object.keys(errors).length > 0) refuse(errors);

  const { now, today } = moment(clock);
  const keptTokens = new Set(nameTokens(keep.firstName, keep.lastName));
  const newNameForms = [`${other.firstName} ${other.lastName}`, ...other.otherNames].filter(
    (name) => !nameTokens(name).every((token) => keptTokens.has(token)),
  );
  const fields = {
    ...values,
    otherNames: [...new Set([...keep.otherNames, ...newNameForms])],
    languages: [...new Set([...keep.languages, ...other.languages])],
    occupations: unionBy(keep.occupations, other.occupations, (item) => item.label.toLowerCase()),
    qualifications: unionBy(keep.qualifications, other.qualifications, (item) => item.label.toLowerCase()),
    sectorIds: [...new Set([...keep.sectorIds, ...other.sectorIds])],
  };

  db.transaction((tx) => {
    const before = snapshot(db, [keepId, mergeId]);
    tx.update(candidates)
      .set({ ...candidateColumns(fields), updatedAt: now })
      .where(eq(candidates.id, keepId))
      .run();
    writeCandidateChildren(tx, [{ id: keepId, fields }]);
    tx.update(timelineEvents)
      .set({ subjectId: keepId, updatedAt: now })
      .where(and(eq(timelineEvents.subjectType, 'candidate'), eq(timelineEvents.subjectId, mergeId)))
      .run();
    moveVisits(db, keepId, mergeId);
    const moved = movePipeline(db, keepId, mergeId, now, today);
    tx.update(candidates)
      .set({ mergedIntoId: keepId, archivedAt: other.archivedAt ?? now, updatedAt: now })
      .where(eq(candidates.id, mergeId))
      .run();
    tx.delete(candidateMerges).where(eq(candidateMerges.mergedId, mergeId)).run();
    tx.insert(candidateMerges).values({ id: newId(), keptId: keepId, mergedId: mergeId, mergedAt: now, before, after: snapshot(db, [keepId, mergeId]) }).run();
    describeAudit(now, {
      action: 'candidate.merge',
      subjectType: 'candidate',
      subjectId: keepId,
      details: { mergedId: mergeId, changed: Object.keys(values).filter((name) => JSON.stringify(values[name as keyof Candidate]) !== JSON.stringify(keep[name as keyof Candidate])), moved },
    });
  });
  return service.get({ id: keepId });
}

/**
 * Undoes a merge, in one transaction: both files and every row the merge changed are put back
 * as they were, while nothing else has changed them since (else a conflict, nothing changed).
 * Returns the file that was kept.
 */
export function undoMerge(db: Db, mergedId: string, clock: Clock = systemClock): Candidate {
  const service = createCandidateService(db, clock);
  const merged = service.get({ id: mergedId });
  const record = db.select().from(candidateMerges).where(eq(candidateMerges.mergedId, mergedId)).get();
  if (!merged.mergedIntoId || !record || record.keptId !== merged.mergedIntoId) throw new AppError('conflict', 'errors.mergeNotUndoable');
  const ids: [string, string] = [record.keptId, mergedId];
  const before = record.before as Snapshot;
  if (JSON.stringify(snapshot(db, ids)) !== JSON.stringify(record.after)) throw new AppError('conflict', 'errors.mergeChangedSince');

  db.transaction((tx) => {
    const keptEvents = before.presentationEvents.map((row) => row.id as string);
    const presentationIds = before.presentations.map((row) => row.id as string);
    tx.delete(presentationEvents)
      .where(and(inArray(presentationEvents.presentationId, presentationIds), notInArray(presentationEvents.id, keptEvents)))
      .run();
    // The files' own rows last: triggers on the timeline recompute the last contact, which the file's row then restores.
    const names = Object.keys(TRACKED) as (keyof typeof TRACKED)[];
    for (const name of [...names.filter((item) => item !== 'candidates'), 'candidates' as const]) {
      const { table, owner, key, replaced } = TRACKED[name];
      const rows = before[name];
      if (replaced) {
        tx.delete(table).where(inArray(owner, ids)).run();
        if (rows.length > 0) tx.insert(table).values(rows as never).run();
        continue;
      }
      for (const { seq: _seq, ...row } of rows) {
        tx.update(table)
          .set(row as never)
          .where(eq(key, row.id as string))
          .run();
      }
    }
    tx.delete(candidateMerges).where(eq(candidateMerges.id, record.id)).run();
    describeAudit(moment(clock).now, { action: 'candidate.unmerge', subjectType: 'candidate', subjectId: record.keptId, details: { mergedId } });
  });
  return service.get({ id: record.keptId });
}
