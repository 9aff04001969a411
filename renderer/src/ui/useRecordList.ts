import { useCallback, useEffect, useRef, useState } from 'react';
import { arrivedEarly, call } from '../api/client';
import { type ItemOf, type ListFilters, type ListMethod, PAGE_SIZE, pageInput } from './listPages';

const SEARCH_DEBOUNCE_MS = 150;

export interface RecordList<T> {
  status: 'loading' | 'ready' | 'error';
  errorKey: string | null;
  total: number;
  /** The item at this position, or undefined while its page loads. */
  itemAt(index: number): T | undefined;
  /** Asks for the pages covering these positions (the virtual list calls it as it scrolls). */
  loadRange(start: number, end: number): void;
  /** True while the first page for new filters is on its way. */
  pending: boolean;
}

type ListState<T> = { key: string; total: number; pages: Map<number, T[]>; errorKey: string | null };

/**
 * A list of any size, fetched page by page as it is scrolled. New filters wait for a short
 * pause in typing; answers that arrive for filters no longer on screen are dropped.
 */
export function useRecordList<M extends ListMethod>(method: M, filters: ListFilters<M>): RecordList<ItemOf<M>> {
  const key = JSON.stringify(filters);
  // The first page asked for early, when it is already here: the first render shows its rows.
  const [state, setState] = useState((): ListState<ItemOf<M>> => {
    const first = arrivedEarly(method, pageInput(filters, 0)) as { items: ItemOf<M>[]; total: number } | undefined;
    return first ? { key, total: first.total, pages: new Map([[0, first.items]]), errorKey: null } : { key: '', total: 0, pages: new Map(), errorKey: null };
  });
  const startedWith = useRef(state.key);
  const generation = useRef(0);
  // The table asks for the pages in view in its own effect, which runs before this hook's.
  const requested = useRef(new Set<number>(state.key === '' ? [] : [0]));
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fetchPage = useCallback(
    async (page: number, forGeneration: number, forKey: string) => {
      requested.current.add(page);
      const result = await call(method, pageInput(filtersRef.current, page));
      if (forGeneration !== generation.current) return;
      if (!result.ok) {
        requested.current.delete(page);
        setState((current) => ({ ...current, key: forKey, errorKey: result.error.message }));
        return;
      }
      const value = result.value as unknown as { items: ItemOf<M>[]; total: number };
      setState((current) => {
        const pages = current.key === forKey ? new Map(current.pages) : new Map<number, ItemOf<M>[]>();
        pages.set(page, value.items);
        return { key: forKey, total: value.total, pages, errorKey: null };
      });
    },
    [method],
  );

  const isFirstLoad = useRef(true);
  useEffect(() => {
    const startedWithPage = isFirstLoad.current && startedWith.current === key;
    const delay = isFirstLoad.current ? 0 : SEARCH_DEBOUNCE_MS;
    isFirstLoad.current = false;
    // Started with its first page: the pages the table asked for meanwhile stay valid.
    if (startedWithPage) return;
    const current = ++generation.current;
    requested.current = new Set();
    const timer = setTimeout(() => void fetchPage(0, current, key), delay);
    return () => clearTimeout(timer);
  }, [key, fetchPage]);

  const loadRange = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!requested.current.has(page)) void fetchPage(page, generation.current, key);
      }
    },
    [fetchPage, key],
  );

  const ready = state.key === key;
  return {
    status: state.errorKey ? 'error' : state.key === '' ? 'loading' : 'ready',
    errorKey: state.errorKey,
    total: state.total,
    itemAt: (index) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    loadRange,
    pending: !ready,
  };
}
