import type { IpcMain, WebFrameMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc';
import { type ApiResult, errorMessageKey } from '../../shared/errors';
import { REQUEST_TOO_LARGE, isRequestTooLarge } from '../../shared/transport';
import type { Dispatch } from '../api/router';
import { isAppUrl } from './security';

const UNAUTHORIZED: ApiResult<never> = {
  ok: false,
  error: { code: 'unauthorized', message: errorMessageKey('unauthorized') },
};
const UNKNOWN_METHOD: ApiResult<never> = {
  ok: false,
  error: { code: 'unknown_method', message: errorMessageKey('unknown_method') },
};

/** Only the app's own top-level page may call the API; never an iframe or a foreign page. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, devServerUrl?: string): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, devServerUrl?: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, devServerUrl)) {
      console.warn('[ipc] call refused from', event.senderFrame?.url ?? 'a destroyed frame');
      return UNAUTHORIZED;
    }
    if (typeof method !== 'string') return UNKNOWN_METHOD;
    if (tooLarge(input)) return REQUEST_TOO_LARGE;
    return dispatch(method, input);
  });
}

/** The rule the preview host applies to its bodies, applied to the input as JSON. */
function tooLarge(input: unknown): boolean {
  try {
    return isRequestTooLarge(input);
  } catch {
    // Not JSON (a BigInt, a cycle): no method's input schema accepts it, the router refuses it.
    return false;
  }
}
