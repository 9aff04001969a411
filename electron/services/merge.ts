import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Candidate } from '../../shared/candidates';
import { isoDateOf } from '../../shared/dates';
import type { PresentationState } from '../../shared/pipeline';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidateBarriers, candidateSectors, candidates, placements, presentations, recruitments, sessionVisits, timelineEvents } from '../db/schema';
import { recordAudit } from './audit';
import { type Clock, systemClock } from './clock';
import { createCandidateService } from './candidates';
import { nameTokens } from './names';
import { ACTIVE_PRESENTATION_STATES, automaticChangeDay, logPresentationChange } from './presentations';

type CandidateRow = typeof candidates.$inferSelect;

/** Columns a merge may fill in on the kept file when it has nothing there. */
const FILLABLE = [
  'gender',
  'birthDate',
  'nationality',
  'phone',
  'secondPhone',
  'email',
  'address',
  'postalCode',
  'commune',
  'publicCategory',
  'frenchLevelProof',
  'frenchLevelDate',
  'authorisationDocument',
  'authorisationStart',
  'authorisationExpiry',
  'asylumRegisteredOn',
  'mobility',
  'maxDistanceKm',
  'maxTravelMinutes',
  'experience',
  'availability',
  'availableFrom',
  'referralPartnerId',
  'referrerContact',
  'referredOn',
  'assignedPairId',
  'assignedVolunteerId',
] as const satisfies readonly (keyof CandidateRow)[];

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

/**
 * Merges one candidate file into another, in one transaction: the kept file gains what it
 * lacked (empty fields, other name forms, languages, occupations, sectors, barriers), the
 * timeline, drop-in visits, presentations, placements and recruitments move over, and the
 * merged file is archived with a pointer to the kept one — nothing is deleted. Consent is the
 * kept file's own: a merge never widens it.
 */
export function mergeCandidates(db: Db, keepId: string, mergeId: string, clock: Clock = systemClock): Candidate {
  if (keepId === mergeId) throw new AppError('validation', 'errors.validation', { mergeId: 'validation.mergeSame' });
  const service = createCandidateService(db, clock);
  const keep = service.get({ id: keepId });
  const other = service.get({ id: mergeId });
  if (keep.mergedIntoId || other.mergedIntoId) throw new AppError('conflict', 'errors.alreadyMerged');
  const now = clock.now().toISOString();
  const today = isoDateOf(clock.now());

  const filled: Partial<CandidateRow> = {};
  for (const field of FILLABLE) {
    if (keep[field] === null && other[field] !== null) Object.assign(filled, { [field]: other[field] });
  }
  if (keep.frenchLevel === 'not_assessed' && other.frenchLevel !== 'not_assessed') filled.frenchLevel = other.frenchLevel;

  const keptTokens = new Set(nameTokens(keep.firstName, keep.lastName));
  const otherFullName = `${other.firstName} ${other.lastName}`;
  const newNameForms = [otherFullName, ...other.otherNames].filter(
    (name) => !nameTokens(name).every((token) => keptTokens.has(token)),
  );

  db.transaction(() => {
    db.update(candidates)
      .set({
        ...filled,
        otherNames: [...new Set([...keep.otherNames, ...newNameForms])],
        languages: [...new Set([...keep.languages, ...other.languages])],
        occupations: unionBy(keep.occupations, other.occupations, (item) => item.label.toLowerCase()),
        qualifications: unionBy(keep.qualifications, other.qualifications, (item) => item.label.toLowerCase()),
        updatedAt: now,
      })
      .where(eq(candidates.id, keepId))
      .run();
    for (const sectorId of other.sectorIds.filter((id) => !keep.sectorIds.includes(id))) {
      db.insert(candidateSectors).values({ candidateId: keepId, sectorId }).run();
    }
    const keptThemes = keep.barriers.map((barrier) => barrier.theme);
    for (const barrier of other.barriers.filter((item) => !keptThemes.includes(item.theme))) {
      db.insert(candidateBarriers).values({ candidateId: keepId, ...barrier }).run();
    }
    db.update(timelineEvents)
      .set({ subjectId: keepId, updatedAt: now })
      .where(and(eq(timelineEvents.subjectType, 'candidate'), eq(timelineEvents.subjectId, mergeId)))
      .run();
    // A session both files visited keeps one visit; the merged file's note is appended to it.
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
    const moved = movePipeline(db, keepId, mergeId, now, today);
    db.update(candidates)
      .set({ mergedIntoId: keepId, archivedAt: other.archivedAt ?? now, updatedAt: now })
      .where(eq(candidates.id, mergeId))
      .run();
    recordAudit(db, now, {
      action: 'candidate.merge',
      subjectType: 'candidate',
      subjectId: keepId,
      details: { mergedId: mergeId, filled: Object.keys(filled), moved, mergedConsent: { recording: other.consentRecording, contact: other.consentContact, sharingPartnerIds: other.sharingPartnerIds } },
    });
  });
  return service.get({ id: keepId });
}
