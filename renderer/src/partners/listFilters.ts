import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import type { ARCHIVE_FILTERS } from '../../../shared/candidates';
import type { PartnerKind } from '../../../shared/domain';
import type { ListFilters as RecordListFilters } from '../ui/listPages';
import { RECORD_ORDERS, type RecordOrder } from '../ui/RecordListScreen';

export interface PartnerFilters {
  query: string;
  archived: (typeof ARCHIVE_FILTERS)[number];
  /** Null: every kind. */
  kind: PartnerKind | null;
  order: RecordOrder;
}

/** What `partners.list` receives for these filters. */
export function toListInput(filters: PartnerFilters): RecordListFilters<'partners.list'> {
  return {
    query: filters.query,
    archived: filters.archived,
    kinds: filters.kind ? [filters.kind] : [],
    ...RECORD_ORDERS[filters.order],
  };
}

interface PartnerFiltersState extends PartnerFilters {
  set(change: Partial<PartnerFilters>): void;
}

/** Kept outside the list screen so coming back from a record finds the same search. */
export const usePartnerListFilters = forgetOnSessionEnd(
  create<PartnerFiltersState>()((set) => ({
  query: '',
  archived: 'active',
  kind: null,
  order: 'name',
  set: (change) => set(change),
})),
);
