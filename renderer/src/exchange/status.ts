import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import type { ExchangeStatus } from '../../../shared/exchange';
import { call } from '../api/client';
import type { ApiValue } from '../ui/useApiValue';

interface ExchangeStatusState {
  status: ApiValue<ExchangeStatus>;
  load(): Promise<void>;
  /** What a call that changes the keys or the profile answered. */
  set(status: ExchangeStatus): void;
}

/**
 * The association's profile and whether its keys exist and are open: every screen of the
 * section reads it, and the unlock form at the top opens the keys for all of them.
 */
export const useExchangeStatus = forgetOnSessionEnd(
  create<ExchangeStatusState>()((set) => ({
  status: { status: 'loading' },
  async load() {
    const result = await call('exchange.status', {});
    set({ status: result.ok ? { status: 'ready', value: result.value } : { status: 'error', messageKey: result.error.message } });
  },
  set: (value) => set({ status: { status: 'ready', value } }),
})),
);

/** Set up: a profile and keys exist (open or not). */
export function isSetUp(status: ExchangeStatus): boolean {
  return status.profile !== null && status.keys !== null;
}
