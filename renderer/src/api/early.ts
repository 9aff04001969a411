import type { InputOf, MethodName, OutputOf } from '../../../shared/api';
import type { ApiResult } from '../../../shared/errors';

/** An answer asked for early, which says once it has arrived what it holds. */
interface EarlyAnswer {
  pending: Promise<ApiResult<unknown>>;
  arrived?: ApiResult<unknown>;
}

/**
 * Calls the window's first screen will make, started before its code is evaluated: at 100,000
 * files the candidate list's first page was asked for only after React's first render, its wait
 * added to everything before it. `send` never throws (the client's transport).
 */
export function earlyCalls(send: (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>) {
  const early = new Map<string, EarlyAnswer>();
  const keyOf = (method: MethodName, input: unknown) => `${method} ${JSON.stringify(input)}`;

  return {
    /**
     * Starts a call the first screen will make with exactly this method and input; `take` then
     * gives its answer. The promise says when it has arrived (the entry waits for the list's).
     */
    callEarly<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>> {
      const answer: EarlyAnswer = { pending: send(method, input) };
      const arrived = answer.pending.then((result) => {
        answer.arrived = result;
        return result as ApiResult<OutputOf<M>>;
      });
      early.set(keyOf(method, input), answer);
      return arrived;
    },

    /**
     * Takes the answer of an early call when it has arrived and succeeded: a screen renders with
     * it at once, without a second render. Otherwise it is left for `take`, which waits for it.
     */
    arrivedEarly<M extends MethodName>(method: M, input: InputOf<M>): OutputOf<M> | undefined {
      const key = keyOf(method, input);
      const arrived = early.get(key)?.arrived;
      if (!arrived?.ok) return undefined;
      early.delete(key);
      return arrived.value as OutputOf<M>;
    },

    /**
     * Answers asked for early serve the first screen only: once the person goes elsewhere, a
     * call asks again (what the first screen showed may have changed since).
     */
    forgetEarlyCalls(): void {
      early.clear();
    },

    /**
     * The early answer to this call, taken once; none for a failed one (the window was signed out):
     * it is asked again. Undefined at once when there is none, so that the call leaves without
     * waiting a turn of the event loop (the client's `call`).
     */
    take(method: MethodName, input: unknown): Promise<ApiResult<unknown> | undefined> | undefined {
      if (early.size === 0) return undefined;
      const key = keyOf(method, input);
      const answer = early.get(key);
      if (answer === undefined) return undefined;
      early.delete(key);
      return answer.pending.then((result) => (result.ok ? result : undefined));
    },
  };
}
