import { type SQL, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { isoDateOf } from '../../shared/dates';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidates, employers, jobNeeds, presentations } from '../db/schema';
import { recordAudit } from './audit';
import type { Clock } from './clock';
import { findRow, setArchived } from './records';

/**
 * What presentations, placements and recruitments share: the candidate they are for, the
 * employer, need and presentation they name, the names lists show, dates that cannot be ahead.
 */

export function invalid(fields: Record<string, string>): never {
  throw new AppError('validation', 'errors.validation', fields);
}

/** "Hélène Dupont", as the screens write a candidate's name. */
export const candidateName: SQL<string> = sql<string>`${candidates.firstName} || ' ' || ${candidates.lastName}`;

/** The employer's name when the record names one of ours, else the organisation typed. */
export const hostName = (organisation: SQLiteColumn): SQL<string | null> => sql<string | null>`coalesce(${employers.name}, ${organisation})`;

/** The clock's calendar day and its instant, for one write. */
export function moment(clock: Clock): { today: string; now: string } {
  const now = clock.now();
  return { today: isoDateOf(now), now: now.toISOString() };
}

/** Refuses a day that has not come yet: what is recorded here has happened. */
export function assertNotAhead(date: string, today: string, field: string): void {
  if (date > today) invalid({ [field]: 'validation.dateInFuture' });
}

/** The candidate a new pipeline record is for: an existing file that is not archived (nor merged). */
export function requireCandidate(db: Db, candidateId: string): typeof candidates.$inferSelect {
  const candidate = db.select().from(candidates).where(eq(candidates.id, candidateId)).get();
  if (!candidate) invalid({ candidateId: 'validation.unknownReference' });
  if (candidate.archivedAt) invalid({ candidateId: 'pipeline.validation.candidateArchived' });
  return candidate;
}

export interface HostLinks {
  employerId: string | null;
  jobNeedId: string | null;
  presentationId: string | null;
}

/**
 * Checks the presentation, job need and employer a placement or recruitment names, and fills
 * in what follows from them: a presentation is to one need, a need is one employer's. The
 * presentation must be this candidate's; a need and an employer both named must agree.
 */
export function resolveHostLinks(db: Db, candidateId: string, links: HostLinks): HostLinks {
  let { employerId, jobNeedId } = links;
  const { presentationId } = links;
  if (presentationId !== null) {
    const presentation = db
      .select({ candidateId: presentations.candidateId, jobNeedId: presentations.jobNeedId })
      .from(presentations)
      .where(eq(presentations.id, presentationId))
      .get();
    if (!presentation) invalid({ presentationId: 'validation.unknownReference' });
    if (presentation.candidateId !== candidateId) invalid({ presentationId: 'pipeline.validation.presentationOfOtherCandidate' });
    if (jobNeedId !== null && jobNeedId !== presentation.jobNeedId) invalid({ jobNeedId: 'pipeline.validation.needNotPresentations' });
    jobNeedId = presentation.jobNeedId;
  }
  if (jobNeedId !== null) {
    const need = db.select({ employerId: jobNeeds.employerId }).from(jobNeeds).where(eq(jobNeeds.id, jobNeedId)).get();
    if (!need) invalid({ jobNeedId: 'validation.unknownReference' });
    if (employerId !== null && employerId !== need.employerId) invalid({ jobNeedId: 'pipeline.validation.needOfOtherEmployer' });
    employerId = need.employerId;
  }
  if (employerId !== null && !db.select({ id: employers.id }).from(employers).where(eq(employers.id, employerId)).get()) {
    invalid({ employerId: 'validation.unknownReference' });
  }
  return { employerId, jobNeedId, presentationId };
}

type RecordColumns = 'seq' | 'id' | 'origin' | 'createdAt' | 'updatedAt' | 'archivedAt';

/** A stored row without the columns every record has: what a draft to check and write is made of. */
export function recordFields<Row extends Record<RecordColumns, unknown>>(row: Row): Omit<Row, RecordColumns> {
  const { seq: _seq, id: _id, origin: _origin, createdAt: _createdAt, updatedAt: _updatedAt, archivedAt: _archivedAt, ...fields } = row;
  return fields;
}

/** Archives or restores a record with its audit entry; doing it twice changes nothing. */
export function archiveWithAudit<T extends Parameters<typeof setArchived>[1]>(
  db: Db,
  table: T,
  id: string,
  archived: boolean,
  clock: Clock,
  subject: { type: string; notFoundKey: string },
): void {
  const current = findRow(db, table, id, subject.notFoundKey);
  if ((current.archivedAt !== null) === archived) return;
  const { now } = moment(clock);
  db.transaction(() => {
    setArchived(db, table, id, archived, now, subject.notFoundKey);
    recordAudit(db, now, { action: `${subject.type}.${archived ? 'archive' : 'restore'}`, subjectType: subject.type, subjectId: id });
  });
}
