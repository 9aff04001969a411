import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import type { ARCHIVE_FILTERS } from '../../../shared/candidates';
import { RECORD_ORDERS, type RecordOrder } from '../ui/RecordListScreen';
import type { ListFilters as RecordListFilters } from '../ui/listPages';

type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];
type YesNo = 'yes' | 'no';

export interface EmployerFilters {
  query: string;
  archived: ArchiveFilter;
  /** Null: every value. */
  sectorId: string | null;
  charterSigned: YesNo | null;
  openNeeds: YesNo | null;
  order: RecordOrder;
}

/** The filters of the second row (not the search, the archive choice or the order). */
export function hasNarrowingFilters({ sectorId, charterSigned, openNeeds }: EmployerFilters): boolean {
  return sectorId !== null || charterSigned !== null || openNeeds !== null;
}

/** What `employers.list` receives for these filters. */
export function toListInput(filters: EmployerFilters): RecordListFilters<'employers.list'> {
  return {
    query: filters.query,
    archived: filters.archived,
    charterSigned: filters.charterSigned ?? 'any',
    ...(filters.sectorId ? { sectorId: filters.sectorId } : {}),
    ...(filters.openNeeds ? { hasOpenNeeds: filters.openNeeds === 'yes' } : {}),
    ...RECORD_ORDERS[filters.order],
  };
}

interface EmployerFiltersState extends EmployerFilters {
  set(change: Partial<EmployerFilters>): void;
  /** Back to every employer, keeping the search, the archive choice and the order. */
  clearNarrowing(): void;
}

/** Kept outside the list screen so coming back from a record finds the same search and filters. */
export const useEmployerListFilters = forgetOnSessionEnd(
  create<EmployerFiltersState>()((set) => ({
  query: '',
  archived: 'active',
  sectorId: null,
  charterSigned: null,
  openNeeds: null,
  order: 'name',
  set: (change) => set(change),
  clearNarrowing: () => set({ sectorId: null, charterSigned: null, openNeeds: null }),
})),
);
