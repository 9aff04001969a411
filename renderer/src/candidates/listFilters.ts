import { create } from 'zustand';
import type { ARCHIVE_FILTERS } from '../../../shared/candidates';

export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

interface ListFilters {
  query: string;
  archived: ArchiveFilter;
  setQuery(query: string): void;
  setArchived(archived: ArchiveFilter): void;
}

/** Kept outside the list screen so coming back from a record finds the same search. */
export const useCandidateListFilters = create<ListFilters>()((set) => ({
  query: '',
  archived: 'active',
  setQuery: (query) => set({ query }),
  setArchived: (archived) => set({ archived }),
}));
