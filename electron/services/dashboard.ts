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
import type { ReadDb, WriteDb } from '../db/handles';
import { type Clock, moment, systemClock } from '../core/clock';
import {
  type Page,
  authorisationsDue,
  candidatesQuietSince,
  countsWithin,
  erasureProposals,
  followUpsDue,
  placementsDue,
  presentationsStaleSince,
} from '../store/dashboard';
import { readSetting, writeSetting } from '../store/settings';
import { createTimelineService } from './timeline';

const TARGETS_KEY = 'targets';

export const PERIOD_MONTHS: Record<TargetPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The programme's targets (Settings), read by the dashboard and the reports. */
export function readTargets(db: ReadDb): Targets {
  return readSetting(db, TARGETS_KEY, targetsSchema) ?? DEFAULT_TARGETS;
}

/** The calendar month, quarter or year containing `today`, both ends included. */
export function periodContaining(today: string, kind: TargetPeriod): Dashboard['period'] {
  const [year = '', month = ''] = today.split('-');
  const months = PERIOD_MONTHS[kind];
  const firstMonth = Number(month) - ((Number(month) - 1) % months);
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  return { kind, from, to: lastDayOfMonths(from, months) };
}

export function createDashboardService(db: WriteDb, clock: Clock = systemClock) {
  const timeline = createTimelineService(db, clock);

  const getTargets = (): Targets => readTargets(db);

  /** Active files whose work authorisation has ended or ends within 60 days: expired first, then the soonest. */
  function authorisations(today: string, page: Page): Dashboard['authorisations'] {
    const { items, total } = authorisationsDue(db, addDays(today, AUTHORISATION_DUE_DAYS), page);
    return { items: items.map((item) => ({ ...item, daysLeft: daysBetween(today, item.expiry) })), total };
  }

  /**
   * Follow-ups of a recruitment still waiting for news, due within 7 days or overdue, the oldest
   * first; not those a later follow-up made moot, nor those of a person who withdrew consent.
   */
  const dueFollowUps = (today: string, page: Page): Dashboard['followUps'] => followUpsDue(db, addDays(today, FOLLOW_UP_DUE_DAYS), page);

  /** Placements without an outcome that end within 14 days or have ended: the earliest end first. */
  const duePlacements = (today: string, page: Page): Dashboard['placements'] => placementsDue(db, addDays(today, PLACEMENT_DUE_DAYS), page);

  /** Presentations still open whose state has not changed for 30 days or more: the longest wait first. */
  const stalePresentations = (today: string, page: Page): Dashboard['presentations'] =>
    presentationsStaleSince(db, addDays(today, -PRESENTATION_STALE_DAYS), page);

  /**
   * New and active files with no contact for 90 days or more (none at all: since the file was
   * created), whose person agreed to be contacted: the longest silence first.
   */
  const quietCandidates = (today: string, page: Page): Dashboard['quietCandidates'] => candidatesQuietSince(db, addDays(today, -NO_CONTACT_DAYS), page);

  /** What was done in the period: files created (not merged into another), presentations, placements, recruitments, company contacts. */
  function counts(period: Dashboard['period']): Record<CountedThing, number> {
    return { ...countsWithin(db, period.from, addDays(period.to, 1)), companyContacts: timeline.countCompanyContacts(period).count };
  }

  const CARDS: { [Card in DueCardName]: (today: string, page: Page) => DueLists[Card] } = {
    authorisations,
    followUps: dueFollowUps,
    placements: duePlacements,
    presentations: stalePresentations,
    quietCandidates,
    erasureProposed: (_today, page) => erasureProposals(db, page),
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
          erasureProposed: erasureProposals(db, first),
          period,
          counts: COUNTED_THINGS.map((thing) => ({ thing, count: done[thing], target: targets[thing] })),
        };
      });
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
