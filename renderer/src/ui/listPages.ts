import type { InputOf, MethodName, OutputOf } from '../../../shared/api';
import type { ApiResult } from '../../../shared/errors';
import { callEarly } from '../api/client';

/**
 * A list's pages, as useRecordList asks for them, apart from the hook: the entry (main.tsx) asks
 * for the candidate list's first page with them before React is here.
 */
export const PAGE_SIZE = 100;

/** List methods: they take limit/offset and answer `{ items, total }`. */
export type ListMethod = {
  [M in MethodName]: OutputOf<M> extends { items: unknown[]; total: number }
    ? InputOf<M> extends { limit?: number; offset?: number }
      ? M
      : never
    : never;
}[MethodName];

export type ItemOf<M extends ListMethod> = OutputOf<M> extends { items: (infer T)[] } ? T : never;
export type ListFilters<M extends ListMethod> = Omit<InputOf<M>, 'limit' | 'offset'>;

/** What a list method receives for one page of these filters. */
export const pageInput = <M extends ListMethod>(filters: ListFilters<M>, page: number) => ({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE }) as InputOf<M>;

/** Asks for a list's first page before its screen is evaluated (main.tsx): the screen then starts with it. Settles once it has arrived. */
export function callFirstPageEarly<M extends ListMethod>(method: M, filters: ListFilters<M>): Promise<ApiResult<OutputOf<M>>> {
  return callEarly(method, pageInput(filters, 0));
}
