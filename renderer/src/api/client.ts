import type { InputOf, Invoke, MethodName, OutputOf } from '../../../shared/api';
import type { ApiResult, ErrorCode } from '../../../shared/errors';
import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META, REQUEST_TOO_LARGE, isRequestTooLarge } from '../../../shared/transport';

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** The browser preview: the same API table over loopback HTTP, authenticated by the page's token. */
function previewInvoke(): Invoke {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${PREVIEW_TOKEN_META}"]`)?.content ?? '';
  return async (method, input) => {
    // Refused here as the host would, without sending it.
    if (isRequestTooLarge(input)) return REQUEST_TOO_LARGE;
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
    } catch {
      return failure('internal', 'common.errors.network');
    }
    if (response.status === 401) return failure('unauthorized', 'errors.unauthorized');
    if (response.status === 413) return REQUEST_TOO_LARGE;
    if (!response.ok) return failure('internal', 'common.errors.network');
    try {
      return await response.json();
    } catch {
      return failure('internal', 'common.errors.network');
    }
  };
}

const invoke: Invoke = window.tremplin?.invoke ?? previewInvoke();

let onSignedOut: () => void = () => {};

/** Who hears that the main process no longer holds a session (locked elsewhere, idle, signed out): the session gate. */
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

/** An answer asked for early, which says once it has arrived what it holds. */
interface EarlyAnswer {
  pending: Promise<ApiResult<unknown>>;
  arrived?: ApiResult<unknown>;
}

/**
 * Calls the window's first screen will make, started by the entry (main.tsx) while the frame
 * and the screen's code are still on their way: at 100,000 files the list's first page was
 * asked for only after React's first render, its wait added to everything before it.
 */
const early = new Map<string, EarlyAnswer>();

const earlyKey = (method: MethodName, input: unknown) => `${method} ${JSON.stringify(input)}`;

/** Starts a call the first screen will make with exactly this method and input; `call` then takes its answer. */
export function callEarly<M extends MethodName>(method: M, input: InputOf<M>): void {
  const answer: EarlyAnswer = { pending: send(method, input) };
  void answer.pending.then((result) => {
    answer.arrived = result;
  });
  early.set(earlyKey(method, input), answer);
}

/**
 * Takes the answer of an early call when it has arrived and succeeded: a screen renders with it
 * at once, without a second render. Otherwise it is left for `call`, which waits for it.
 */
export function arrivedEarly<M extends MethodName>(method: M, input: InputOf<M>): OutputOf<M> | undefined {
  const key = earlyKey(method, input);
  const arrived = early.get(key)?.arrived;
  if (!arrived?.ok) return undefined;
  early.delete(key);
  return arrived.value as OutputOf<M>;
}

/**
 * Answers asked for early serve the first screen only: once the person goes elsewhere, a call
 * asks again (what the first screen showed may have changed since).
 */
export function forgetEarlyCalls(): void {
  early.clear();
}

/** Takes an early answer to this call, once; a failed one (the window was signed out) is asked again. */
async function takeEarly(method: MethodName, input: unknown): Promise<ApiResult<unknown> | undefined> {
  if (early.size === 0) return undefined;
  const key = earlyKey(method, input);
  const answer = early.get(key);
  if (answer === undefined) return undefined;
  early.delete(key);
  const result = await answer.pending;
  return result.ok ? result : undefined;
}

async function send(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
  try {
    // The router answers every call with a result value (the API table is the contract).
    return (await invoke(method, input)) as ApiResult<unknown>;
  } catch {
    return failure('internal', 'common.errors.network');
  }
}

/** Calls one method of the API table; never throws, every outcome is a result value. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>> {
  // The router answers with the method's result type: the API table is the contract.
  const result = ((await takeEarly(method, input)) ?? (await send(method, input))) as ApiResult<OutputOf<M>>;
  if (!result.ok && result.error.code === 'signed_out') onSignedOut();
  return result;
}
