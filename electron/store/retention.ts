import { and, asc, count, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { EXPIRING_PRESENTATION_STATES, type RetentionDueItem } from '../../shared/retention';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  appointments,
  candidateBarrierEvents,
  candidateBarriers,
  candidateDiagnoses,
  candidateSharingConsents,
  candidates,
  followUps,
  partners,
  placements,
  planObjectives,
  planStepEvents,
  planSteps,
  presentationEvents,
  presentations,
  recruitments,
  sessionVisits,
  timelineEvents,
} from '../db/schema';
import { deleteCopiesOfPerson } from './rights';

/**
 * Retention: the files whose date is near, and anonymisation. The reference day of a file is the
 * later of its last contact (else its creation) and the last decision to keep it; the index
 * `candidates_retention_idx` holds it.
 */
const referenceDay = sql<string>`max(coalesce(${candidates.lastContactOn}, substr(${candidates.createdAt}, 1, 10)), coalesce(${candidates.retentionKeptOn}, ''))`;

/**
 * Files not anonymised (nor merged into another) whose reference day is on or before
 * `lastReferenceDay`. A frozen file (art. 18) waits: the restriction keeps it as it is until lifted.
 */
const dueBy = (lastReferenceDay: string) =>
  and(isNull(candidates.anonymisedAt), lte(referenceDay, lastReferenceDay), isNull(candidates.mergedIntoId), isNull(candidates.restrictedAt));

export function dueFiles(db: ReadDb, lastReferenceDay: string, page: { offset: number; limit: number }): { rows: (Omit<RetentionDueItem, 'dueOn'> & { referenceDay: string })[]; total: number } {
  const rows = db
    .select({
      candidateId: candidates.id,
      firstName: candidates.firstName,
      lastName: candidates.lastName,
      lastContactOn: sql<string>`coalesce(${candidates.lastContactOn}, substr(${candidates.createdAt}, 1, 10))`,
      referenceDay,
    })
    .from(candidates)
    .where(dueBy(lastReferenceDay))
    .orderBy(asc(referenceDay), asc(candidates.seq))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ total: count() }).from(candidates).where(dueBy(lastReferenceDay)).get()?.total ?? 0;
  return { rows, total };
}

/** Every file past its date (reference day on or before `lastReferenceDay`). */
export function expiredFileIds(db: ReadDb, lastReferenceDay: string): string[] {
  return db
    .select({ id: candidates.id })
    .from(candidates)
    .where(dueBy(lastReferenceDay))
    .all()
    .map((row) => row.id);
}

export function retentionStateOf(db: ReadDb, candidateId: string) {
  return db
    .select({ anonymisedAt: candidates.anonymisedAt, lastContactOn: candidates.lastContactOn, createdAt: candidates.createdAt, retentionKeptOn: candidates.retentionKeptOn })
    .from(candidates)
    .where(sql`${candidates.id} = ${candidateId}`)
    .get();
}

export function keepFile(tx: WriteDb, candidateId: string, today: string): void {
  tx.update(candidates).set({ retentionKeptOn: today }).where(sql`${candidates.id} = ${candidateId}`).run();
}

/**
 * Reduces the files of one person to their statistical skeleton, inside the caller's
 * transaction. Kept: what the reports count — gender, status, public category, nationality,
 * French level, the referring partner, pair and sectors, the year and month of birth, and the
 * dated records of the journey with their closed-list values (states, refusal reasons, kinds,
 * objectives, outcomes, contract types, barrier themes, plan steps' and appointments' kinds and
 * dates). Gone: names, contact details, address, the day of birth, every free text (notes,
 * actions, experience, occupations, plan and appointment texts), authors, sharing
 * consents, and the copies erasure removes too (merges, agreed versions, import records). The
 * search index's row is rewritten empty by its trigger (FTS5 secure-delete takes the words out).
 */
export function anonymiseRows(tx: WriteDb, ids: string[], now: string): void {
  deleteCopiesOfPerson(tx, ids);
  tx.delete(candidateSharingConsents).where(inArray(candidateSharingConsents.candidateId, ids)).run();
  tx.update(candidates)
    .set({
      firstName: '',
      lastName: '',
      otherNames: [],
      birthDate: sql`CASE WHEN ${candidates.birthDate} IS NULL THEN NULL ELSE substr(${candidates.birthDate}, 1, 7) || '-01' END`,
      languages: [],
      phone: null,
      phoneWhatsapp: false,
      secondPhone: null,
      email: null,
      address: null,
      postalCode: null,
      commune: null,
      frenchLevelDate: null,
      authorisationDocument: null,
      authorisationStart: null,
      authorisationExpiry: null,
      employerMustApply: false,
      asylumRegisteredOn: null,
      mobility: null,
      maxDistanceKm: null,
      maxTravelMinutes: null,
      occupations: [],
      experience: null,
      qualifications: [],
      availability: null,
      availableFrom: null,
      referrerContact: null,
      consentRecording: false,
      consentContact: false,
      consentDate: null,
      consentMethod: null,
      consentWithdrawnOn: null,
      assignedVolunteerId: null,
      retentionKeptOn: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(inArray(candidates.id, ids))
    .run();
  tx.update(candidateBarriers).set({ action: null }).where(inArray(candidateBarriers.candidateId, ids)).run();
  tx.update(candidateBarrierEvents).set({ action: null, author: null }).where(inArray(candidateBarrierEvents.candidateId, ids)).run();
  tx.update(timelineEvents)
    .set({ text: null, author: null })
    .where(and(sql`${timelineEvents.subjectType} = 'candidate'`, inArray(timelineEvents.subjectId, ids)))
    .run();
  const presentationIds = tx.select({ id: presentations.id }).from(presentations).where(inArray(presentations.candidateId, ids)).all().map((row) => row.id);
  if (presentationIds.length > 0) tx.update(presentationEvents).set({ note: null, author: null }).where(inArray(presentationEvents.presentationId, presentationIds)).run();
  tx.update(placements).set({ tutor: null, notes: null, prescriber: null }).where(inArray(placements.candidateId, ids)).run();
  tx.update(recruitments).set({ notes: null }).where(inArray(recruitments.candidateId, ids)).run();
  const recruitmentIds = tx.select({ id: recruitments.id }).from(recruitments).where(inArray(recruitments.candidateId, ids)).all().map((row) => row.id);
  if (recruitmentIds.length > 0) tx.update(followUps).set({ note: null, author: null }).where(inArray(followUps.recruitmentId, recruitmentIds)).run();
  tx.update(sessionVisits).set({ note: null }).where(inArray(sessionVisits.candidateId, ids)).run();
  // The action plan and appointments keep their kinds, states and dates; their words go. The
  // diagnosis at entry keeps its French level and barriers' themes (progress is counted from them).
  tx.update(candidateDiagnoses).set({ project: null, author: null }).where(inArray(candidateDiagnoses.candidateId, ids)).run();
  tx.update(planObjectives).set({ label: '', outcome: null }).where(inArray(planObjectives.candidateId, ids)).run();
  tx.update(planSteps).set({ label: '', outcome: null }).where(inArray(planSteps.candidateId, ids)).run();
  tx.update(planStepEvents).set({ changed: null, author: null }).where(inArray(planStepEvents.candidateId, ids)).run();
  tx.update(appointments).set({ place: null, outcome: null, notes: null, author: null }).where(inArray(appointments.candidateId, ids)).run();
}

/**
 * Presentations refused or left unanswered whose last change is on or before `lastDay` and that
 * still hold a note on one of their changes.
 */
export function presentationsWithExpiredNotes(db: ReadDb, lastDay: string): string[] {
  const expired = db
    .select({ id: presentations.id })
    .from(presentations)
    .where(and(inArray(presentations.state, [...EXPIRING_PRESENTATION_STATES]), lte(presentations.stateChangedOn, lastDay)));
  return db
    .selectDistinct({ id: presentationEvents.presentationId })
    .from(presentationEvents)
    .where(and(inArray(presentationEvents.presentationId, expired), isNotNull(presentationEvents.note)))
    .all()
    .map((row) => row.id);
}

/** Removes the notes of these presentations' changes (the presentations, states, reasons and dates stay counted). */
export function clearPresentationNotes(tx: WriteDb, presentationIds: string[]): void {
  for (let start = 0; start < presentationIds.length; start += 500) {
    tx.update(presentationEvents).set({ note: null }).where(inArray(presentationEvents.presentationId, presentationIds.slice(start, start + 500))).run();
  }
}

/** The partner associations the files may be shared with (not archived), by name: the register's recipients. */
export function activePartnerNames(db: ReadDb): string[] {
  return db
    .select({ name: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(asc(partners.name))
    .all()
    .map((row) => row.name);
}
