/**
 * The candidate list's filters and what `candidates.list` receives for them, apart from the
 * store that keeps them (listFilters.ts): the entry asks for the list's first page with the
 * default filters before the store's library is here (main.tsx).
 */
import { type ARCHIVE_FILTERS, FRENCH_LEVELS, type FrenchLevel, frenchLevelRank } from '../../../shared/domain';
import type { FollowUpStatus } from '../../../shared/domain';
import type { ListFilters as RecordListFilters } from '../ui/listPages';

export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/**
 * The French-level filter: an exact state for the two that are not a level ("not assessed",
 * "below A1"), otherwise "this level or better", which is how employers state a requirement.
 */
export function frenchLevelsFor(filter: FrenchLevel): FrenchLevel[] {
  if (filter === 'not_assessed' || filter === 'below_a1') return [filter];
  return FRENCH_LEVELS.filter((level) => frenchLevelRank(level) >= frenchLevelRank(filter));
}

/** Authorisation expiring within this many days (expired ones included). */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** The list's orders, each with the direction people expect from it. */
export const SORT_ORDERS = {
  name: { sort: 'name', descending: false },
  updated: { sort: 'updated', descending: true },
  created: { sort: 'created', descending: true },
  authorisation_expiry: { sort: 'authorisation_expiry', descending: false },
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;
export const SORT_ORDER_NAMES = Object.keys(SORT_ORDERS) as SortOrder[];

export interface CandidateFilters {
  query: string;
  archived: ArchiveFilter;
  /** Null: every value. */
  status: FollowUpStatus | null;
  frenchLevel: FrenchLevel | null;
  sectorId: string | null;
  expiringWithin: ExpiryWindow | null;
  partnerId: string | null;
  pairId: string | null;
  programmeId: string | null;
  order: SortOrder;
}

export const DEFAULT_FILTERS: CandidateFilters = {
  query: '',
  archived: 'active',
  status: null,
  frenchLevel: null,
  sectorId: null,
  expiringWithin: null,
  partnerId: null,
  pairId: null,
  programmeId: null,
  order: 'name',
};

/** The filters of the toolbar's second row (not the search, the archive choice or the order). */
export function hasNarrowingFilters(filters: CandidateFilters): boolean {
  const { status, frenchLevel, sectorId, expiringWithin, partnerId, pairId, programmeId } = filters;
  return [status, frenchLevel, sectorId, expiringWithin, partnerId, pairId, programmeId].some((value) => value !== null);
}

/** What `candidates.list` receives for these filters. */
export function toListInput(filters: CandidateFilters): RecordListFilters<'candidates.list'> {
  return {
    query: filters.query,
    archived: filters.archived,
    statuses: filters.status ? [filters.status] : [],
    frenchLevels: filters.frenchLevel ? frenchLevelsFor(filters.frenchLevel) : [],
    ...(filters.sectorId ? { sectorId: filters.sectorId } : {}),
    ...(filters.expiringWithin ? { authorisationExpiringWithinDays: filters.expiringWithin } : {}),
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
    ...(filters.pairId ? { pairId: filters.pairId } : {}),
    ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
    ...SORT_ORDERS[filters.order],
  };
}

