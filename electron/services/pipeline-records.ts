import { type AuthorisedActivity, authorisationFinding, authorisationRecordingError, recordedPeriod } from '../../shared/authorisation';
import type { AuthorisationDocument } from '../../shared/domain';
import type { Engagement, EngagementRef, PlacementKind, RecruitmentKind } from '../../shared/pipeline';
import { overlapRefusal, overlapsOf } from '../../shared/pipeline';
import { type Clock, moment } from '../core/clock';
import { refuse } from '../core/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import { describeAudit } from '../store/audit';
import { type CandidateRow, authorisationOf, candidateById } from '../store/candidates';
import { employerExists, employerOfJobNeed } from '../store/employers';
import { activePlacementsOf } from '../store/placements';
import { presentationLink } from '../store/presentations';
import { activeRecruitmentsOf } from '../store/recruitments';

/**
 * What presentations, placements and recruitments share: the candidate they are for, the
 * employer, need and presentation they name, the names lists show, dates that cannot be ahead.
 */

/** Refuses a day that has not come yet: what is recorded here has happened. */
export function assertNotAhead(date: string, today: string, field: string): void {
  if (date > today) refuse({ [field]: 'common.errors.dateInFuture' });
}

/** The candidate a new pipeline record is for: an existing file that is not archived (nor merged). */
export function requireCandidate(db: ReadDb, candidateId: string): CandidateRow {
  const candidate = candidateById(db, candidateId);
  if (!candidate) refuse({ candidateId: 'common.errors.notFound' });
  if (candidate.archivedAt) refuse({ candidateId: 'matching.errors.candidateArchived' });
  return candidate;
}

/**
 * The work-authorisation rule (../../shared/authorisation.ts) on the days of a contract or a
 * placement being recorded, with the person's document as the file has it. Refused, or, where
 * an employer's application is what it takes, refused until the staffer answers that the
 * employer is applying.
 */
export function checkWorkAuthorisation(
  db: ReadDb,
  work: { candidateId: string; startDate: string; endDate: string | null; employerApplying: boolean },
  activity: AuthorisedActivity,
): void {
  const holder = authorisationOf(db, work.candidateId);
  if (!holder) refuse({ candidateId: 'common.errors.notFound' });
  const finding = authorisationFinding(
    { ...holder, authorisationDocument: holder.authorisationDocument as AuthorisationDocument | null },
    recordedPeriod(work.startDate, work.endDate),
    activity,
  );
  const error = authorisationRecordingError(finding, work.employerApplying);
  if (error) refuse({ employerApplying: error });
}

/** Whether an update's fields change any of these from the stored values (a form sends every field, changed or not). */
export function changesAny<Row extends Record<string, unknown>>(current: Row, defined: Record<string, unknown>, fields: readonly (keyof Row & string)[]): boolean {
  return fields.some((field) => field in defined && defined[field] !== current[field]);
}

/** The placements and recruitments (not archived) of these people, each to its real end when a placement ended early. */
export function engagementsOf(db: ReadDb, candidateIds: readonly string[]): Map<string, Engagement[]> {
  const byCandidate = new Map<string, Engagement[]>(candidateIds.map((id) => [id, []]));
  if (candidateIds.length === 0) return byCandidate;
  const ids = [...new Set(candidateIds)];
  for (const row of activePlacementsOf(db, ids)) {
    const { candidateId, id, kind, startDate, endDate, endedOn } = row;
    byCandidate.get(candidateId)?.push({ type: 'placement', id, kind: kind as PlacementKind, startDate, endDate: endedOn ?? endDate, hoursPerWeek: null });
  }
  for (const { candidateId, kind, ...row } of activeRecruitmentsOf(db, ids)) byCandidate.get(candidateId)?.push({ type: 'recruitment', kind: kind as RecruitmentKind, ...row });
  return byCandidate;
}

/** Refuses a draft that overlaps one of the person's other engagements in a way the law does not allow (see overlapRefusal). */
export function checkOverlaps(db: ReadDb, candidateId: string, draft: Engagement): void {
  for (const other of engagementsOf(db, [candidateId]).get(candidateId) ?? []) {
    if (other.type === draft.type && other.id === draft.id) continue;
    const refusal = overlapRefusal(draft, other);
    if (refusal) refuse({ startDate: refusal });
  }
}

type Dated = { candidateId: string; id: string; kind: PlacementKind | RecruitmentKind; startDate: string; endDate: string | null; endedOn?: string | null };

/** The person's other engagements (from engagementsOf) that share a day with this record. */
export function overlapsIn(engagements: Map<string, Engagement[]>, type: EngagementRef['type'], item: Dated): EngagementRef[] {
  const own = { type, id: item.id, kind: item.kind, startDate: item.startDate, endDate: item.endedOn ?? item.endDate };
  return overlapsOf(own, engagements.get(item.candidateId) ?? []);
}

/** Each record with the person's other engagements that share a day with it (two queries for a page). */
export function withOverlaps<Row extends Dated>(db: ReadDb, type: EngagementRef['type'], items: readonly Row[]): (Row & { overlaps: EngagementRef[] })[] {
  const engagements = engagementsOf(
    db,
    items.map((item) => item.candidateId),
  );
  return items.map((item) => ({ ...item, overlaps: overlapsIn(engagements, type, item) }));
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
export function resolveHostLinks(db: ReadDb, candidateId: string, links: HostLinks): HostLinks {
  let { employerId, jobNeedId } = links;
  const { presentationId } = links;
  if (presentationId !== null) {
    const presentation = presentationLink(db, presentationId);
    if (!presentation) refuse({ presentationId: 'common.errors.notFound' });
    if (presentation.candidateId !== candidateId) refuse({ presentationId: 'matching.errors.presentationOfOtherCandidate' });
    if (jobNeedId !== null && jobNeedId !== presentation.jobNeedId) refuse({ jobNeedId: 'matching.errors.needNotPresentations' });
    jobNeedId = presentation.jobNeedId;
  }
  if (jobNeedId !== null) {
    const needEmployerId = employerOfJobNeed(db, jobNeedId);
    if (needEmployerId === undefined) refuse({ jobNeedId: 'common.errors.notFound' });
    if (employerId !== null && employerId !== needEmployerId) refuse({ jobNeedId: 'matching.errors.needOfOtherEmployer' });
    employerId = needEmployerId;
  }
  if (employerId !== null && !employerExists(db, employerId)) {
    refuse({ employerId: 'common.errors.notFound' });
  }
  return { employerId, jobNeedId, presentationId };
}

type RecordColumns = 'seq' | 'id' | 'origin' | 'createdAt' | 'updatedAt' | 'archivedAt';

/** A stored row without the columns every record has: what a draft to check and write is made of. */
export function recordFields<Row extends Record<RecordColumns, unknown>>(row: Row): Omit<Row, RecordColumns> {
  const { seq: _seq, id: _id, origin: _origin, createdAt: _createdAt, updatedAt: _updatedAt, archivedAt: _archivedAt, ...fields } = row;
  return fields;
}

/** How a record is read and archived in the store (see store/placements, store/recruitments). */
export interface ArchivableRecord {
  type: 'placement' | 'recruitment';
  /** The contract's method group, whose `archive` and `restore` name the audit entry. */
  group: 'placements' | 'recruitments';
  find: (db: ReadDb, id: string) => { archivedAt: string | null };
  setArchived: (db: WriteDb, id: string, archived: boolean, now: string) => unknown;
}

/** Archives or restores a record with its audit entry; doing it twice changes nothing. */
export function archiveWithAudit(db: WriteDb, record: ArchivableRecord, id: string, archived: boolean, clock: Clock): void {
  const current = record.find(db, id);
  if ((current.archivedAt !== null) === archived) return;
  const { now } = moment(clock);
  db.transaction(() => {
    record.setArchived(db, id, archived, now);
    describeAudit(now, { action: `${record.group}.${archived ? 'archive' : 'restore'}`, subjectType: record.type, subjectId: id });
  });
}
