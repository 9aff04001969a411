import { and, eq, notInArray } from 'drizzle-orm';
import type { Candidate } from '../../shared/candidates';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidateBarriers, candidateSectors, candidates, sessionVisits, timelineEvents } from '../db/schema';
import { recordAudit } from './audit';
import { type Clock, systemClock } from './clock';
import { createCandidateService } from './candidates';
import { nameTokens } from './names';

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

/**
 * Merges one candidate file into another, in one transaction: the kept file gains what it
 * lacked (empty fields, other name forms, languages, occupations, sectors, barriers), the
 * timeline and drop-in visits move over, and the merged file is archived with a pointer to
 * the kept one — nothing is deleted. Consent is the kept file's own: a merge never widens it.
 */
export function mergeCandidates(db: Db, keepId: string, mergeId: string, clock: Clock = systemClock): Candidate {
  if (keepId === mergeId) throw new AppError('validation', 'errors.validation', { mergeId: 'validation.mergeSame' });
  const service = createCandidateService(db, clock);
  const keep = service.get({ id: keepId });
  const other = service.get({ id: mergeId });
  if (keep.mergedIntoId || other.mergedIntoId) throw new AppError('conflict', 'errors.alreadyMerged');
  const now = clock.now().toISOString();

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
    db.update(candidates)
      .set({ mergedIntoId: keepId, archivedAt: other.archivedAt ?? now, updatedAt: now })
      .where(eq(candidates.id, mergeId))
      .run();
    recordAudit(db, now, {
      action: 'candidate.merge',
      subjectType: 'candidate',
      subjectId: keepId,
      details: { mergedId: mergeId, filled: Object.keys(filled), mergedConsent: { recording: other.consentRecording, contact: other.consentContact, sharingPartnerIds: other.sharingPartnerIds } },
    });
  });
  return service.get({ id: keepId });
}
