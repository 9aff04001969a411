import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import type { ARCHIVE_FILTERS } from '../../../shared/candidates';
import type { ACTIVE_FILTERS } from '../../../shared/volunteers';

/**
 * One choice for "who to show": people currently volunteering, those taking a break, archived
 * records, or everyone. It sets both the API's `active` and `archived` filters.
 */
export const VOLUNTEER_VIEWS = ['active', 'inactive', 'archived', 'all'] as const;
export type VolunteerView = (typeof VOLUNTEER_VIEWS)[number];

export const VIEW_FILTERS: Record<
  VolunteerView,
  { active: (typeof ACTIVE_FILTERS)[number]; archived: (typeof ARCHIVE_FILTERS)[number] }
> = {
  active: { active: 'yes', archived: 'active' },
  inactive: { active: 'no', archived: 'active' },
  archived: { active: 'any', archived: 'archived' },
  all: { active: 'any', archived: 'all' },
};

interface ListFilters {
  query: string;
  view: VolunteerView;
  /** Empty for every sector. */
  sectorId: string;
  setQuery(query: string): void;
  setView(view: VolunteerView): void;
  setSectorId(sectorId: string): void;
}

/** Kept outside the list screen so coming back from a record finds the same search. */
export const useVolunteerListFilters = forgetOnSessionEnd(
  create<ListFilters>()((set) => ({
  query: '',
  view: 'active',
  sectorId: '',
  setQuery: (query) => set({ query }),
  setView: (view) => set({ view }),
  setSectorId: (sectorId) => set({ sectorId }),
})),
);
