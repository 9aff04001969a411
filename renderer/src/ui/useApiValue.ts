import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api';
import { call } from '../api/client';

export type ApiValue<T> =
  | { status: 'loading' }
  | { status: 'error'; messageKey: string }
  | { status: 'ready'; value: T };

interface Options {
  /**
   * The message for a record that cannot be found: a malformed id in the address is, for the
   * user, a record that does not exist too.
   */
  notFoundKey?: string;
}

/**
 * One API answer kept in a screen's state: loaded when the input changes, reloaded on demand,
 * replaced by what a save returned. Answers for an input no longer on screen are dropped.
 * `input` null means "nothing to load yet".
 */
export function useApiValue<M extends MethodName>(method: M, input: InputOf<M> | null, { notFoundKey }: Options = {}) {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<ApiValue<OutputOf<M>>>({ status: 'loading' });
  const generation = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  const load = useCallback(async () => {
    const current = ++generation.current;
    const latest = inputRef.current;
    if (latest === null) return;
    const result = await call(method, latest);
    if (current !== generation.current) return;
    if (result.ok) setState({ status: 'ready', value: result.value });
    else {
      const missing = notFoundKey && (result.error.code === 'not_found' || result.error.code === 'validation');
      setState({ status: 'error', messageKey: missing ? notFoundKey : result.error.message });
    }
  }, [method, notFoundKey]);

  useEffect(() => {
    if (key === null) return;
    void load();
  }, [key, load]);

  /** Shows a value the API just returned (after a save) without asking again. */
  const replace = useCallback((value: OutputOf<M>) => {
    generation.current++;
    setState({ status: 'ready', value });
  }, []);

  return { state, reload: load, replace };
}
