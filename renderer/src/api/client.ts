import type { InputOf, Invoke, MethodName, OutputOf } from '../../../shared/api';
import type { ApiResult, ErrorCode } from '../../../shared/errors';
import { earlyCalls } from './early';
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

/**
 * Calls the window's first screen will make, started by the entry (main.tsx) while the frame
 * and the screen's code are still on their way (api/early.ts).
 */
const early = earlyCalls((method, input) => send(method, input));
export const { callEarly, arrivedEarly, forgetEarlyCalls } = early;

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
  // Without an early answer to take, the request leaves now rather than a turn later: the entry's
  // session.status left 30 ms after the list's first page (Chromium, load ~6).
  const taken = early.take(method, input);
  // The router answers with the method's result type: the API table is the contract.
  const result = ((taken && (await taken)) ?? (await send(method, input))) as ApiResult<OutputOf<M>>;
  if (!result.ok && result.error.code === 'signed_out') onSignedOut();
  return result;
}
