import type { SessionState } from '../../../shared/accounts';

/** What the window shows: nothing of the data until an account is signed in and the app unlocked. */
export type GateScreen = 'loading' | 'unavailable' | 'setup' | 'signIn' | 'app';

/** The screen for a session state; `null` while the first answer is on its way. */
export function gateScreen(state: SessionState | null, failed = false): GateScreen {
  if (state === null) return failed ? 'unavailable' : 'loading';
  if (state.setupNeeded) return 'setup';
  if (state.signedIn === null || state.locked) return 'signIn';
  return 'app';
}

/**
 * The name the sign-in screen starts on: the account that locked the app (the same person
 * coming back), else none, so a person passing the laptop on picks their own.
 */
export function preselectedName(state: SessionState, lockedBy: string | null): string | null {
  if (!state.locked || lockedBy === null) return null;
  return state.recentAccounts.some((account) => account.name === lockedBy) ? lockedBy : null;
}
