import { AsyncLocalStorage } from 'node:async_hooks';
import type { SignedIn } from '../../shared/accounts';

/**
 * The account on whose behalf the current API call runs, set by the router around the handler.
 * Held in an AsyncLocalStorage, like the audit scope, rather than passed down as an argument:
 * the volunteer's scope is applied by the store's queries themselves (store/scope.ts), and
 * threading a context through every service and store function that reaches a candidate (some
 * sixty) would leave each one a place to forget it. Outside any call (the command line, the
 * seed, a service's own test) there is no caller and the store applies no scope.
 */
const calls = new AsyncLocalStorage<SignedIn | null>();

export function runAsCaller<T>(caller: SignedIn | null, call: () => T): T {
  return calls.run(caller, call);
}

/** The signed-in account of the current call; null outside a call or for a `public` method. */
export function currentCaller(): SignedIn | null {
  return calls.getStore() ?? null;
}
