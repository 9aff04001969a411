import type { StoreApi, UseBoundStore } from 'zustand';

type AnyStore = UseBoundStore<StoreApi<unknown>>;
const stores = new Set<AnyStore>();

/**
 * Marks a store that holds what one person typed, opened or searched for (an imported file, a
 * list's search): it goes back to its first state when the session ends, so whoever signs in
 * next on the shared laptop starts clean.
 */
export function forgetOnSessionEnd<S>(store: UseBoundStore<StoreApi<S>>): UseBoundStore<StoreApi<S>> {
  stores.add(store as unknown as AnyStore);
  return store;
}

/** Called by the session store on a lock, a sign-out, a change of person, or a session lost on the main side. */
export function forgetSessionData(): void {
  for (const store of stores) store.setState(store.getInitialState(), true);
}
