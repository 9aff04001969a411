import { z } from 'zod';
import type { PlacementKind, PresentationState } from './pipeline';
import { reads, writes } from './method';
import { wholeNumber } from './validation';

/** The home screen: what is due, each item one click from its record, and the period's counts. */

/** Within this many days an authorisation's expiry is due for attention (expired ones too). */
export const AUTHORISATION_DUE_DAYS = 60;
/** Placements ending within this many days (and those past their end without an outcome). */
export const PLACEMENT_DUE_DAYS = 14;
/** Presentations waiting this many days or more for an answer. */
export const PRESENTATION_STALE_DAYS = 30;
/** Active candidates without any contact for this many days. */
export const NO_CONTACT_DAYS = 90;
/** Follow-ups due within this many days (and overdue ones). */
export const FOLLOW_UP_DUE_DAYS = 7;

export interface DueList<Item> {
  /** The most urgent first, at most `limit` of them. */
  items: Item[];
  total: number;
}

export interface DueAuthorisation {
  candidateId: string;
  candidateName: string;
  expiry: string;
  /** Negative when already expired. */
  daysLeft: number;
}

export interface DueFollowUp {
  followUpId: string;
  recruitmentId: string;
  candidateId: string;
  candidateName: string;
  hostName: string | null;
  monthsAfter: number;
  dueOn: string;
}

export interface DuePlacement {
  placementId: string;
  candidateId: string;
  candidateName: string;
  kind: PlacementKind;
  hostName: string | null;
  endDate: string;
}

export interface StalePresentation {
  presentationId: string;
  candidateId: string;
  candidateName: string;
  employerName: string;
  occupation: string;
  state: PresentationState;
  stateChangedOn: string;
}

export interface QuietCandidate {
  candidateId: string;
  candidateName: string;
  /** Last call, meeting, visit, message or note; null when there was none. */
  lastContactOn: string | null;
}

/** A person who took back their consent to being recorded (or all of it): their file should be erased. */
export interface ErasureProposal {
  candidateId: string;
  candidateName: string;
  /** The day of the withdrawal. */
  withdrawnOn: string;
}

/** The home screen's cards of what is due; each leads to the full list of what it counts. */
export const DUE_CARDS = ['authorisations', 'followUps', 'placements', 'presentations', 'quietCandidates', 'erasureProposed'] as const;
export type DueCardName = (typeof DUE_CARDS)[number];

export interface DueLists {
  authorisations: DueList<DueAuthorisation>;
  followUps: DueList<DueFollowUp>;
  placements: DueList<DuePlacement>;
  presentations: DueList<StalePresentation>;
  quietCandidates: DueList<QuietCandidate>;
  erasureProposed: DueList<ErasureProposal>;
}

export const dueListSchema = z.strictObject({
  card: z.enum(DUE_CARDS),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const TARGET_PERIODS = ['month', 'quarter', 'year'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

export const COUNTED_THINGS = ['candidates', 'presentations', 'placements', 'recruitments', 'companyContacts'] as const;
export type CountedThing = (typeof COUNTED_THINGS)[number];

const target = wholeNumber()
  .min(0)
  .max(1_000_000)
  .nullable();

/** A programme's targets for one period (null: no target), e.g. 200 company contacts a year. */
export const targetsSchema = z.strictObject({
  period: z.enum(TARGET_PERIODS, { error: 'common.errors.choice' }),
  candidates: target,
  presentations: target,
  placements: target,
  recruitments: target,
  companyContacts: target,
});
export type Targets = z.output<typeof targetsSchema>;

export const DEFAULT_TARGETS: Targets = {
  period: 'year',
  candidates: null,
  presentations: null,
  placements: null,
  recruitments: null,
  companyContacts: 200,
};

export interface PeriodCount {
  thing: CountedThing;
  count: number;
  target: number | null;
}

export interface Dashboard extends DueLists {
  today: string;
  /** The current period (from the targets), both ends included. */
  period: { kind: TargetPeriod; from: string; to: string };
  /**
   * New candidate files, presentations made, placements and recruitments started, calls,
   * meetings and messages with employers — in the period, beside their targets.
   */
  counts: PeriodCount[];
}

export const dashboardMethods = {
  'dashboard.get': reads<Dashboard>('reports')(z.strictObject({ limit: z.int().min(1).max(200).default(20) })),
  /** One card's items in full, page by page. */
  'dashboard.due': reads<DueLists[DueCardName]>('candidates.read')(dueListSchema),
  'dashboard.getTargets': reads<Targets>('reports')(z.strictObject({})),
  'dashboard.setTargets': writes<Targets>('settings')(targetsSchema),
};
