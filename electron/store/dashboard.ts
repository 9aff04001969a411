import { type SQL, and, asc, count, eq, exists, gt, gte, inArray, isNull, lt, lte, ne, not, sql } from 'drizzle-orm';
import { type SQLiteColumn, type SQLiteTable, alias } from 'drizzle-orm/sqlite-core';
import type { FollowUpStatus } from '../../shared/domain';
import { OPEN_PRESENTATION_STATES, type PlacementKind, type PresentationState } from '../../shared/pipeline';
import type { ReadDb } from '../db/handles';
import { candidates, employers, followUps, jobNeeds, placements, presentations, recruitments } from '../db/schema';
import { candidateName } from './candidates';
import { hostName } from './employers';
import { inCandidateScope } from './scope';

/**
 * The home screen's lists of what is due and its counts of what was done. Each query is pinned
 * to its index (test/unit/dashboard/query-plans.test.ts): keep their text as it is.
 */

/** Candidates whose authorisation matters: every file still followed (not archived, not gone; an anonymised one has no authorisation left). */
const followedCandidate = and(isNull(candidates.archivedAt), ne(candidates.status, 'left'));

/**
 * The reminders about a person follow their consent (shared/candidates.ts: consentWithdrawn,
 * mayBeContacted), here as conditions on the row: after a withdrawal nothing is chased any
 * more, and the list of people to call keeps only those who agreed to be contacted.
 */
const consentStands = and(isNull(candidates.consentWithdrawnOn), isNull(candidates.restrictedAt));
const mayBeContacted = and(eq(candidates.consentContact, true), consentStands);

/** The same recruitment's other follow-ups, to find a later one already recorded. */
const laterFollowUp = alias(followUps, 'later');

/** Files still waiting for a job, whose silence is worth a call. */
const QUIET_STATUSES: FollowUpStatus[] = ['new', 'active'];

/**
 * The day a candidate was last heard of: the last timeline event, else the file's creation.
 * The same expression as the `candidates_archived_quiet_idx` index (migrations 0005, 0008), which the
 * planner only uses when the text matches: keep both alike.
 */
const quietSince = sql<string>`coalesce(${candidates.lastContactOn}, substr(${candidates.createdAt}, 1, 10))`;

export interface Page {
  limit: number;
  offset: number;
}

const total = (db: ReadDb, table: SQLiteTable, where: SQL | undefined): number => db.select({ total: count() }).from(table).where(where).get()?.total ?? 0;

/** Followed files whose person did not withdraw consent and whose authorisation ends by `expiringBy`: the soonest first. */
export function authorisationsDue(db: ReadDb, expiringBy: string, { limit, offset }: Page) {
  const where = and(followedCandidate, consentStands, lte(candidates.authorisationExpiry, expiringBy), inCandidateScope(candidates.id));
  const items = db
    .select({ candidateId: candidates.id, candidateName, expiry: sql<string>`${candidates.authorisationExpiry}` })
    .from(candidates)
    .where(where)
    .orderBy(asc(candidates.authorisationExpiry), asc(candidates.seq))
    .limit(limit)
    .offset(offset)
    .all();
  return { items, total: total(db, candidates, where) };
}

/**
 * Follow-ups still waiting for news due by `dueBy`, of recruitments not archived, the oldest
 * first; not those a later follow-up of the same recruitment made moot (shared/pipeline.ts),
 * nor those of a person who withdrew consent.
 */
export function followUpsDue(db: ReadDb, dueBy: string, { limit, offset }: Page) {
  const superseded = exists(
    db
      .select({ one: sql`1` })
      .from(laterFollowUp)
      .where(
        and(
          eq(laterFollowUp.recruitmentId, followUps.recruitmentId),
          gt(laterFollowUp.monthsAfter, followUps.monthsAfter),
          ne(laterFollowUp.result, 'pending'),
        ),
      ),
  );
  // The person's consent and anonymisation asked of the few files they exclude, found in
  // indexes, rather than of each follow-up's file: at 100,000 files the count's 5,600 follow-ups
  // fetched rows spread over most of the candidates' table, 160 ms of CPU once the page cache no
  // longer held it whole (store/candidates.ts: listQuery), against 50 ms this way.
  const excluded = (condition: SQL) => sql`${candidates.seq} NOT IN (SELECT seq FROM ${candidates} WHERE ${condition})`;
  const where = and(
    eq(followUps.result, 'pending'),
    lte(followUps.dueOn, dueBy),
    isNull(recruitments.archivedAt),
    excluded(sql`${candidates.consentWithdrawnOn} IS NOT NULL OR ${candidates.restrictedAt} IS NOT NULL`),
    not(superseded),
    excluded(sql`${candidates.anonymisedAt} IS NOT NULL`),
    inCandidateScope(recruitments.candidateId),
  );
  const items = db
    .select({
      followUpId: followUps.id,
      recruitmentId: recruitments.id,
      candidateId: candidates.id,
      candidateName,
      hostName: hostName(recruitments.organisation),
      monthsAfter: followUps.monthsAfter,
      dueOn: followUps.dueOn,
    })
    .from(followUps)
    .innerJoin(recruitments, eq(recruitments.id, followUps.recruitmentId))
    .innerJoin(candidates, eq(candidates.id, recruitments.candidateId))
    .leftJoin(employers, eq(employers.id, recruitments.employerId))
    .where(where)
    .orderBy(asc(followUps.dueOn), asc(followUps.monthsAfter), asc(followUps.id))
    .limit(limit)
    .offset(offset)
    .all();
  const counted = db
    .select({ total: count() })
    .from(followUps)
    .innerJoin(recruitments, eq(recruitments.id, followUps.recruitmentId))
    .innerJoin(candidates, eq(candidates.id, recruitments.candidateId))
    .where(where)
    .get();
  return { items, total: counted?.total ?? 0 };
}

/** Placements not archived, without an outcome, that end by `endingBy`: the earliest end first. */
export function placementsDue(db: ReadDb, endingBy: string, { limit, offset }: Page) {
  const where = and(isNull(placements.outcome), lte(placements.endDate, endingBy), isNull(placements.archivedAt), inCandidateScope(placements.candidateId));
  const items = db
    .select({
      placementId: placements.id,
      candidateId: candidates.id,
      candidateName,
      kind: sql<PlacementKind>`${placements.kind}`,
      hostName: hostName(placements.organisation),
      endDate: placements.endDate,
    })
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .leftJoin(employers, eq(employers.id, placements.employerId))
    .where(where)
    .orderBy(asc(placements.endDate), asc(placements.seq))
    .limit(limit)
    .offset(offset)
    .all();
  return { items, total: total(db, placements, where) };
}

/** Presentations still open, not archived, whose state has not changed since `unchangedSince`: the longest wait first. */
export function presentationsStaleSince(db: ReadDb, unchangedSince: string, { limit, offset }: Page) {
  const where = and(
    inArray(presentations.state, [...OPEN_PRESENTATION_STATES]),
    lte(presentations.stateChangedOn, unchangedSince),
    isNull(presentations.archivedAt),
    inCandidateScope(presentations.candidateId),
  );
  const order = [asc(presentations.stateChangedOn), asc(presentations.seq)];
  // The most urgent are picked from the presentations alone, then joined: thousands of
  // waiting presentations are sorted without first fetching a name for each.
  const mostUrgent = db.select({ seq: presentations.seq }).from(presentations).where(where).orderBy(...order).limit(limit).offset(offset);
  const items = db
    .select({
      presentationId: presentations.id,
      candidateId: candidates.id,
      candidateName,
      employerName: employers.name,
      occupation: jobNeeds.occupation,
      state: sql<PresentationState>`${presentations.state}`,
      stateChangedOn: presentations.stateChangedOn,
    })
    .from(presentations)
    .innerJoin(candidates, eq(candidates.id, presentations.candidateId))
    .innerJoin(jobNeeds, eq(jobNeeds.id, presentations.jobNeedId))
    .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
    .where(inArray(presentations.seq, mostUrgent))
    .orderBy(...order)
    .all();
  return { items, total: total(db, presentations, where) };
}

/**
 * New and active files not archived, last heard of (or, never, created) by `heardOfBy`,
 * whose person agreed to be contacted: the longest silence first.
 */
export function candidatesQuietSince(db: ReadDb, heardOfBy: string, { limit, offset }: Page) {
  const where = and(isNull(candidates.archivedAt), inArray(candidates.status, QUIET_STATUSES), lte(quietSince, heardOfBy), mayBeContacted, inCandidateScope(candidates.id));
  const items = db
    .select({ candidateId: candidates.id, candidateName, lastContactOn: candidates.lastContactOn })
    .from(candidates)
    .where(where)
    .orderBy(asc(quietSince), asc(candidates.seq))
    .limit(limit)
    .offset(offset)
    .all();
  return { items, total: total(db, candidates, where) };
}

/**
 * Files whose person took back their consent to being recorded, or all of it (shared/candidates.ts:
 * erasureProposed), archived or not, but not merged into another nor restricted (a person may
 * ask to keep their data frozen instead): the oldest withdrawal first.
 */
export function erasureProposals(db: ReadDb, { limit, offset }: Page) {
  // The text of the partial index `candidates_erasure_proposed_idx` (migration 0013): the planner uses it only then.
  const withdrawnOn = sql<string>`coalesce(consent_withdrawn_on, consent_recording_withdrawn_on)`;
  const where = and(
    sql`(consent_withdrawn_on IS NOT NULL OR consent_recording_withdrawn_on IS NOT NULL)`,
    isNull(candidates.mergedIntoId),
    isNull(candidates.restrictedAt),
    inCandidateScope(candidates.id),
  );
  const items = db
    .select({ candidateId: candidates.id, candidateName, withdrawnOn })
    .from(candidates)
    .where(where)
    .orderBy(asc(withdrawnOn), asc(candidates.seq))
    .limit(limit)
    .offset(offset)
    .all();
  return { items, total: total(db, candidates, where) };
}

/** Timestamps (`2026-03-10T09:00:00Z`) or dates from `from` until before `until`, as text ranges. */
function within(column: SQLiteColumn, from: string, until: string): SQL | undefined {
  return and(gte(column, from), lt(column, until));
}

/** Files created (not merged into another), presentations proposed, placements and recruitments started, from `from` until before `until`. */
export function countsWithin(db: ReadDb, from: string, until: string) {
  return {
    candidates: total(db, candidates, and(within(candidates.createdAt, from, until), isNull(candidates.mergedIntoId))),
    presentations: total(db, presentations, and(within(presentations.proposedOn, from, until), isNull(presentations.archivedAt))),
    placements: total(db, placements, and(within(placements.startDate, from, until), isNull(placements.archivedAt))),
    recruitments: total(db, recruitments, and(within(recruitments.startDate, from, until), isNull(recruitments.archivedAt))),
  };
}
