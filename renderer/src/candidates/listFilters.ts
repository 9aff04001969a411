import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import { type ArchiveFilter, type CandidateFilters, DEFAULT_FILTERS } from './listInput';

interface ListFiltersState extends CandidateFilters {
  set(change: Partial<CandidateFilters>): void;
  setQuery(query: string): void;
  setArchived(archived: ArchiveFilter): void;
  /** Back to every candidate, keeping the search, the archive choice and the order. */
  clearNarrowing(): void;
}

/** Kept outside the list screen so coming back from a record finds the same search and filters. */
export const useCandidateListFilters = forgetOnSessionEnd(
  create<ListFiltersState>()((set) => ({
  ...DEFAULT_FILTERS,
  set: (change) => set(change),
  setQuery: (query) => set({ query }),
  setArchived: (archived) => set({ archived }),
  clearNarrowing: () =>
    set({ status: null, frenchLevel: null, sectorId: null, expiringWithin: null, partnerId: null, pairId: null, programmeId: null }),
})),
);
