import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api';
import { call } from '../api/client';

const PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 150;

/** List methods: they take limit/offset and answer `{ items, total }`. */
type ListMethod = {
  [M in MethodName]: OutputOf<M> extends { items: unknown[]; total: number }
    ? InputOf<M> extends { limit?: number; offset?: number }
      ? M
      : never
    : never;
}[MethodName];

type ItemOf<M extends ListMethod> = OutputOf<M> extends { items: (infer T)[] } ? T : never;
export type ListFilters<M extends ListMethod> = Omit<InputOf<M>, 'limit' | 'offset'>;

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

/**
 * A list of any size, fetched page by page as it is scrolled. New filters wait for a short
 * pause in typing; answers that arrive for filters no longer on screen are dropped.
 */
export function useRecordList<M extends ListMethod>(method: M, filters: ListFilters<M>): RecordList<ItemOf<M>> {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; total: number; pages: Map<number, ItemOf<M>[]>; errorKey: string | null }>({
    key: '',
    total: 0,
    pages: new Map(),
    errorKey: null,
  });
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fetchPage = useCallback(
    async (page: number, forGeneration: number, forKey: string) => {
      requested.current.add(page);
      const input = { ...filtersRef.current, limit: PAGE_SIZE, offset: page * PAGE_SIZE } as InputOf<M>;
      const result = await call(method, input);
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
    const current = ++generation.current;
    requested.current = new Set();
    const delay = isFirstLoad.current ? 0 : SEARCH_DEBOUNCE_MS;
    isFirstLoad.current = false;
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
