import { create } from 'zustand';
import type { SessionState } from '../../../shared/accounts';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api';
import type { ApiResult } from '../../../shared/errors';
import { forgetSessionData } from './forgetOnSessionEnd';

/** What the store needs of the typed client (api/client.ts): given, so the store is tested without a window. */
export interface SessionClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>>;
  whenSignedOut(listener: () => void): void;
}

export interface SessionStore {
  /** The main process's answer; null until the first one. */
  state: SessionState | null;
  /** The first status could not be read (the message's key). */
  failure: string | null;
  /** The name of the account that locked the app, so its sign-in screen starts on it. */
  lockedBy: string | null;
  refresh(): Promise<void>;
  /** Shows a state the API just returned (after a sign-in, a setup, a lock…). */
  apply(state: SessionState): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  /** Back to the sign-in screen's list, the app locked, so another person signs in. */
  switchUser(): Promise<void>;
}

export function createSessionStore({ call, whenSignedOut }: SessionClient) {
  const useSession = create<SessionStore>()((set, get) => ({
    state: null,
    failure: null,
    lockedBy: null,
    async refresh() {
      const result = await call('session.status', {});
      if (result.ok) set({ state: result.value, failure: null });
      else if (get().state === null) set({ failure: result.error.message });
    },
    apply(state) {
      set({ state, failure: null });
    },
    async lock() {
      const name = get().state?.signedIn?.name ?? null;
      hideAtOnce(get, set);
      set({ lockedBy: name });
      const result = await call('session.lock', {});
      if (result.ok) set({ state: result.value });
      else await get().refresh();
    },
    async signOut() {
      hideAtOnce(get, set);
      set({ lockedBy: null });
      const result = await call('session.signOut', {});
      if (result.ok) set({ state: result.value });
      else await get().refresh();
    },
    async switchUser() {
      hideAtOnce(get, set);
      set({ lockedBy: null });
      const result = await call('session.lock', {});
      if (result.ok) set({ state: result.value });
      else await get().refresh();
    },
  }));

  // Any call refused for want of a session (idle on the main side, locked in another window)
  // brings the sign-in screen back, with the state the main process now has.
  whenSignedOut(() => {
    const state = useSession.getState().state;
    if (state?.signedIn) {
      useSession.setState({ lockedBy: state.signedIn.name });
      hideAtOnce(useSession.getState, useSession.setState);
    }
    void useSession.getState().refresh();
  });
  return useSession;
}

/** The data leaves the screen before the main process has answered: a lock never waits on it. */
function hideAtOnce(get: () => SessionStore, set: (partial: Partial<SessionStore>) => void): void {
  const state = get().state;
  if (state) set({ state: { ...state, locked: true, signedIn: null } });
  forgetSessionData();
}
