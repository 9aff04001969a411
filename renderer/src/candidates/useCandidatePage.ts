import { useEffect, useRef, useState } from 'react';
import type { CandidatePage } from '../../../shared/candidates';
import { call } from '../api/client';
import type { ArchiveFilter } from './listFilters';

const SEARCH_DEBOUNCE_MS = 150;
/** Enough for an association's whole active list; past it, the screen asks to narrow the search. */
export const LIST_LIMIT = 200;

export type PageState =
  | { status: 'loading' }
  | { status: 'error'; messageKey: string }
  | { status: 'ready'; page: CandidatePage; query: string; archived: ArchiveFilter };

/**
 * The candidates matching a search, fetched as the user types. Typing waits for a short pause;
 * an answer that arrives after a newer request started is dropped, so results never go backwards.
 */
export function useCandidatePage(query: string, archived: ArchiveFilter): { state: PageState; pending: boolean } {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [pending, setPending] = useState(true);
  const lastQuery = useRef<string | null>(null);

  useEffect(() => {
    const typing = lastQuery.current !== null && lastQuery.current !== query;
    lastQuery.current = query;
    let current = true;
    setPending(true);
    async function load() {
      const result = await call('candidates.list', { query, archived, limit: LIST_LIMIT });
      if (!current) return;
      setPending(false);
      setState(
        result.ok
          ? { status: 'ready', page: result.value, query, archived }
          : { status: 'error', messageKey: result.error.message },
      );
    }
    const timer = setTimeout(() => void load(), typing ? SEARCH_DEBOUNCE_MS : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, archived]);

  return { state, pending };
}
