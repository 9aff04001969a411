import { type Candidate, candidateConsistencyErrors } from '../../shared/candidates';
import { type MergeChoices, mergedValues } from '../../shared/merge';
import { ACTIVE_PRESENTATION_STATES, type PresentationState } from '../../shared/pipeline';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { describeAudit } from '../store/audit';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import {
  type MergeSnapshot,
  deleteVisitRow,
  markMerged,
  mergeOf,
  mergeSnapshot,
  movePipelineRecords,
  movePlanAndAppointments,
  moveProgrammes,
  moveTimeline,
  moveVisits,
  presentationsOfBoth,
  restoreSnapshot,
  saveMerge,
  setVisitNote,
  visitsOfCandidate,
  writeKeptFile,
} from '../store/merge';
import { createCandidateService } from './candidates';
import { nameTokens } from '../core/names';
import { automaticChangeDay, logPresentationChange } from './presentations';

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
function movePipeline(db: WriteDb, keepId: string, mergeId: string, now: string, today: string) {
  const holding = presentationsOfBoth(db, [keepId, mergeId], ACTIVE_PRESENTATION_STATES);
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
  return movePipelineRecords(db, keepId, mergeId, now);
}

/** The session visits of both files: one per session; the merged file's note is appended to the kept one's. */
function mergeVisits(db: WriteDb, keepId: string, mergeId: string) {
  const keptSessions = visitsOfCandidate(db, keepId);
  for (const visit of visitsOfCandidate(db, mergeId)) {
    const twin = keptSessions.find((kept) => kept.sessionId === visit.sessionId);
    if (!twin) continue;
    if (visit.note) setVisitNote(db, twin.id, twin.note ? `${twin.note}\n${visit.note}` : visit.note);
    deleteVisitRow(db, visit.id);
  }
  moveVisits(db, keepId, mergeId, keptSessions.map((kept) => kept.sessionId));
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
export function mergeCandidates(db: WriteDb, keepId: string, mergeId: string, choices: MergeChoices, clock: Clock = systemClock): Candidate {
  if (keepId === mergeId) refuse({ mergeId: 'candidates.errors.mergeSame' });
  const service = createCandidateService(db, clock);
  const keep = service.get({ id: keepId });
  const other = service.get({ id: mergeId });
  if (keep.mergedIntoId || other.mergedIntoId) throw new AppError('conflict', 'candidates.errors.alreadyMerged');
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
    const before = mergeSnapshot(db, [keepId, mergeId]);
    writeKeptFile(tx, keepId, fields, now);
    moveTimeline(tx, keepId, mergeId, now);
    mergeVisits(db, keepId, mergeId);
    const moved = movePipeline(db, keepId, mergeId, now, today);
    movePlanAndAppointments(db, keepId, mergeId, now);
    moveProgrammes(db, keepId, mergeId);
    markMerged(tx, mergeId, keepId, other.archivedAt ?? now, now);
    saveMerge(tx, { id: newId(), keptId: keepId, mergedId: mergeId, mergedAt: now, before, after: mergeSnapshot(db, [keepId, mergeId]) });
    describeAudit(now, {
      action: 'candidates.merge',
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
export function undoMerge(db: WriteDb, mergedId: string, clock: Clock = systemClock): Candidate {
  const service = createCandidateService(db, clock);
  const merged = service.get({ id: mergedId });
  const record = mergeOf(db, mergedId);
  if (!merged.mergedIntoId || !record || record.keptId !== merged.mergedIntoId) throw new AppError('conflict', 'candidates.errors.mergeNotUndoable');
  const ids: [string, string] = [record.keptId, mergedId];
  if (JSON.stringify(mergeSnapshot(db, ids)) !== JSON.stringify(record.after)) throw new AppError('conflict', 'candidates.errors.mergeChangedSince');

  db.transaction((tx) => {
    restoreSnapshot(tx, record, record.before as MergeSnapshot);
    describeAudit(moment(clock).now, { action: 'candidates.undoMerge', subjectType: 'candidate', subjectId: record.keptId, details: { mergedId } });
  });
  return service.get({ id: record.keptId });
}
