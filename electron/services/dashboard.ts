import { type SQL, and, asc, count, eq, exists, gt, gte, inArray, isNull, lt, lte, ne, not, sql } from 'drizzle-orm';
import { type SQLiteColumn, type SQLiteTable, alias } from 'drizzle-orm/sqlite-core';
import {
  AUTHORISATION_DUE_DAYS,
  type DueCardName,
  type DueLists,
  COUNTED_THINGS,
  type CountedThing,
  DEFAULT_TARGETS,
  type Dashboard,
  FOLLOW_UP_DUE_DAYS,
  NO_CONTACT_DAYS,
  PLACEMENT_DUE_DAYS,
  PRESENTATION_STALE_DAYS,
  type TargetPeriod,
  type Targets,
  targetsSchema,
} from '../../shared/dashboard';
import { addDays, daysBetween, lastDayOfMonths } from '../../shared/dates';
import type { FollowUpStatus } from '../../shared/domain';
import { OPEN_PRESENTATION_STATES, type PlacementKind, type PresentationState } from '../../shared/pipeline';
import type { Db } from '../db/open';
import { candidates, employers, followUps, jobNeeds, placements, presentations, recruitments } from '../db/schema';
import { type Clock, moment, systemClock } from '../core/clock';
import { candidateName } from '../store/candidates';
import { hostName } from '../store/employers';
import { readSetting, writeSetting } from '../store/settings';
import { createTimelineService } from './timeline';

const TARGETS_KEY = 'targets';

/** Candidates whose authorisation matters: every file still followed (not archived, not gone). */
const followedCandidate = and(isNull(candidates.archivedAt), ne(candidates.status, 'left'));

/**
 * The reminders about a person follow their consent (shared/candidates.ts: consentWithdrawn,
 * mayBeContacted), here as conditions on the row: after a withdrawal nothing is chased any
 * more, and the list of people to call keeps only those who agreed to be contacted.
 */
const consentStands = isNull(candidates.consentWithdrawnOn);
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

interface Page {
  limit: number;
  offset: number;
}

const PERIOD_MONTHS: Record<TargetPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter or year containing `today`, both ends included. */
export function periodContaining(today: string, kind: TargetPeriod): Dashboard['period'] {
  const [year = '', month = ''] = today.split('-');
  const months = PERIOD_MONTHS[kind];
  const firstMonth = Number(month) - ((Number(month) - 1) % months);
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  return { kind, from, to: lastDayOfMonths(from, months) };
}

/** Timestamps (`2026-03-10T09:00:00Z`) or dates within a period, as text ranges. */
function within(column: SQLiteColumn, period: Dashboard['period']): SQL | undefined {
  return and(gte(column, period.from), lt(column, addDays(period.to, 1)));
}

export function createDashboardService(db: Db, clock: Clock = systemClock) {
  const timeline = createTimelineService(db, clock);

  /** A later follow-up of the same recruitment already recorded: the earlier one still waiting is moot (shared/pipeline.ts). */
  const supersededFollowUp = exists(
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

  const total = (table: SQLiteTable, where: SQL | undefined): number =>
    db.select({ total: count() }).from(table).where(where).get()?.total ?? 0;

  function getTargets(): Targets {
    return readSetting(db, TARGETS_KEY, targetsSchema) ?? DEFAULT_TARGETS;
  }

  /** Active files whose work authorisation has ended or ends within 60 days: expired first, then the soonest. */
  function authorisations(today: string, { limit, offset }: Page): Dashboard['authorisations'] {
    const where = and(followedCandidate, consentStands, lte(candidates.authorisationExpiry, addDays(today, AUTHORISATION_DUE_DAYS)));
    const items = db
      .select({ candidateId: candidates.id, candidateName, expiry: sql<string>`${candidates.authorisationExpiry}` })
      .from(candidates)
      .where(where)
      .orderBy(asc(candidates.authorisationExpiry), asc(candidates.seq))
      .limit(limit)
      .offset(offset)
      .all()
      .map((item) => ({ ...item, daysLeft: daysBetween(today, item.expiry) }));
    return { items, total: total(candidates, where) };
  }

  /**
   * Follow-ups of a recruitment still waiting for news, due within 7 days or overdue, the oldest
   * first; not those a later follow-up made moot, nor those of a person who withdrew consent.
   */
  function dueFollowUps(today: string, { limit, offset }: Page): Dashboard['followUps'] {
    const where = and(
      eq(followUps.result, 'pending'),
      lte(followUps.dueOn, addDays(today, FOLLOW_UP_DUE_DAYS)),
      isNull(recruitments.archivedAt),
      consentStands,
      not(supersededFollowUp),
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

  /** Placements without an outcome that end within 14 days or have ended: the earliest end first. */
  function duePlacements(today: string, { limit, offset }: Page): Dashboard['placements'] {
    const where = and(isNull(placements.outcome), lte(placements.endDate, addDays(today, PLACEMENT_DUE_DAYS)), isNull(placements.archivedAt));
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
    return { items, total: total(placements, where) };
  }

  /** Presentations still open whose state has not changed for 30 days or more: the longest wait first. */
  function stalePresentations(today: string, { limit, offset }: Page): Dashboard['presentations'] {
    const where = and(
      inArray(presentations.state, [...OPEN_PRESENTATION_STATES]),
      lte(presentations.stateChangedOn, addDays(today, -PRESENTATION_STALE_DAYS)),
      isNull(presentations.archivedAt),
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
    return { items, total: total(presentations, where) };
  }

  /**
   * New and active files with no contact for 90 days or more (none at all: since the file was
   * created), whose person agreed to be contacted: the longest silence first.
   */
  function quietCandidates(today: string, { limit, offset }: Page): Dashboard['quietCandidates'] {
    const where = and(
      isNull(candidates.archivedAt),
      inArray(candidates.status, QUIET_STATUSES),
      lte(quietSince, addDays(today, -NO_CONTACT_DAYS)),
      mayBeContacted,
    );
    const items = db
      .select({ candidateId: candidates.id, candidateName, lastContactOn: candidates.lastContactOn })
      .from(candidates)
      .where(where)
      .orderBy(asc(quietSince), asc(candidates.seq))
      .limit(limit)
      .offset(offset)
      .all();
    return { items, total: total(candidates, where) };
  }

  /** What was done in the period: files created (not merged into another), presentations, placements, recruitments, company contacts. */
  function counts(period: Dashboard['period']): Record<CountedThing, number> {
    return {
      candidates: total(candidates, and(within(candidates.createdAt, period), isNull(candidates.mergedIntoId))),
      presentations: total(presentations, and(within(presentations.proposedOn, period), isNull(presentations.archivedAt))),
      placements: total(placements, and(within(placements.startDate, period), isNull(placements.archivedAt))),
      recruitments: total(recruitments, and(within(recruitments.startDate, period), isNull(recruitments.archivedAt))),
      companyContacts: timeline.countCompanyContacts(period).count,
    };
  }

  const CARDS: { [Card in DueCardName]: (today: string, page: Page) => DueLists[Card] } = {
    authorisations,
    followUps: dueFollowUps,
    placements: duePlacements,
    presentations: stalePresentations,
    quietCandidates,
  };

  return {
    getTargets,

    /** All of one card's items, page by page, in the card's order (the card shows the first few). */
    due<Card extends DueCardName>({ card, limit, offset }: { card: Card; limit: number; offset: number }): DueLists[Card] {
      return CARDS[card](moment(clock).today, { limit, offset });
    },

    setTargets(targets: Targets): Targets {
      writeSetting(db, TARGETS_KEY, targets);
      return getTargets();
    },

    get({ limit }: { limit: number }): Dashboard {
      const { today } = moment(clock);
      const targets = getTargets();
      const period = periodContaining(today, targets.period);
      // One read transaction: the lists and counts describe the same moment.
      return db.transaction(() => {
        const done = counts(period);
        const first = { limit, offset: 0 };
        return {
          today,
          authorisations: authorisations(today, first),
          followUps: dueFollowUps(today, first),
          placements: duePlacements(today, first),
          presentations: stalePresentations(today, first),
          quietCandidates: quietCandidates(today, first),
          period,
          counts: COUNTED_THINGS.map((thing) => ({ thing, count: done[thing], target: targets[thing] })),
        };
      });
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
