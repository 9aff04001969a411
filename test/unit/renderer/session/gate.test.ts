import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/accounts';
import { gateScreen, preselectedName } from '../../../../renderer/src/session/gate';

const signedOut: SessionState = {
  setupNeeded: false,
  signedIn: null,
  locked: false,
  recentAccounts: [
    { id: '0190a0a0-0000-7000-8000-000000000001', name: 'Aminata Diallo' },
    { id: '0190a0a0-0000-7000-8000-000000000002', name: 'Karim Benali' },
  ],
  idleLockMinutes: 10,
};
const karim = { accountId: '0190a0a0-0000-7000-8000-000000000002', name: 'Karim Benali', role: 'staff' as const, volunteerId: null };

describe('the session gate', () => {
  it('waits for the first answer, and says so when it cannot be had', () => {
    expect(gateScreen(null)).toBe('loading');
    expect(gateScreen(null, true)).toBe('unavailable');
  });

  it('asks for the administrator on a first start, even if the answer says someone is signed in', () => {
    expect(gateScreen({ ...signedOut, recentAccounts: [], setupNeeded: true })).toBe('setup');
    expect(gateScreen({ ...signedOut, setupNeeded: true, signedIn: karim })).toBe('setup');
  });

  it('shows the sign-in screen when signed out or locked, and the app only to a signed-in, unlocked account', () => {
    expect(gateScreen(signedOut)).toBe('signIn');
    expect(gateScreen({ ...signedOut, locked: true })).toBe('signIn');
    expect(gateScreen({ ...signedOut, locked: true, signedIn: karim })).toBe('signIn');
    expect(gateScreen({ ...signedOut, signedIn: karim })).toBe('app');
  });

  it('starts a locked screen on the account that locked it, and a signed-out one on nobody', () => {
    expect(preselectedName({ ...signedOut, locked: true }, 'Karim Benali')).toBe('Karim Benali');
    expect(preselectedName(signedOut, 'Karim Benali')).toBeNull();
    expect(preselectedName({ ...signedOut, locked: true }, null)).toBeNull();
    // An account no longer among the recent ones (disabled since) is not offered.
    expect(preselectedName({ ...signedOut, locked: true }, 'Someone Gone')).toBeNull();
  });
});
