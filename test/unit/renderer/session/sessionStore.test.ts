import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState, SignedIn } from '../../../../shared/accounts';
import { gateScreen } from '../../../../renderer/src/session/gate';
import { create } from 'zustand';
import { forgetOnSessionEnd } from '../../../../renderer/src/session/forgetOnSessionEnd';
import { type SessionClient, createSessionStore } from '../../../../renderer/src/session/store';

/** The main process as the store sees it: each method's next answer, set by the test. */
const answers = new Map<string, unknown>();
const calls: string[] = [];
let signedOutListener: () => void = () => {};

const useSession = createSessionStore({
  call: (async (method: string) => {
    calls.push(method);
    return answers.get(method) ?? { ok: false, error: { code: 'internal', message: 'errors.internal' } };
  }) as unknown as SessionClient['call'],
  whenSignedOut: (listener) => {
    signedOutListener = listener;
  },
});

const karim: SignedIn = { accountId: '0190a0a0-0000-7000-8000-000000000002', name: 'Karim Benali', role: 'staff', volunteerId: null };
const open: SessionState = { setupNeeded: false, signedIn: karim, locked: false, recentAccounts: [{ id: karim.accountId, name: karim.name }], idleLockMinutes: 10 };
const locked: SessionState = { ...open, signedIn: null, locked: true };
const screen = () => gateScreen(useSession.getState().state, useSession.getState().failure !== null);

beforeEach(() => {
  answers.clear();
  calls.length = 0;
  useSession.setState({ state: open, failure: null, lockedBy: null });
});

describe('the session store', () => {
  it('forgets what the person searched and opened when the session ends, for every way it ends', async () => {
    const useSearch = forgetOnSessionEnd(create<{ search: string }>()(() => ({ search: '' })));
    answers.set('session.lock', { ok: true, value: locked });
    answers.set('session.signOut', { ok: true, value: { ...locked, locked: false } });
    answers.set('session.status', { ok: true, value: locked });
    const endings = [() => useSession.getState().lock(), () => useSession.getState().signOut(), () => useSession.getState().switchUser(), async () => signedOutListener()];
    for (const end of endings) {
      useSession.setState({ state: open });
      useSearch.setState({ search: 'Aminata' });
      await end();
      expect(useSearch.getState().search).toBe('');
    }
  });

  it('hides the app the moment the lock is asked, before the main process answers', async () => {
    let answer: (value: unknown) => void = () => {};
    answers.set('session.lock', new Promise((resolve) => (answer = resolve)));
    const locking = useSession.getState().lock();
    expect(screen()).toBe('signIn');
    expect(useSession.getState().lockedBy).toBe('Karim Benali');
    answer({ ok: true, value: locked });
    await locking;
    expect(useSession.getState().state).toEqual(locked);
  });

  it('stays locked when the lock call fails, asking the main process where it stands', async () => {
    answers.set('session.status', { ok: true, value: locked });
    await useSession.getState().lock();
    expect(calls).toEqual(['session.lock', 'session.status']);
    expect(screen()).toBe('signIn');
  });

  it('switching user forgets who locked, so the next person picks their own name', async () => {
    answers.set('session.lock', { ok: true, value: locked });
    await useSession.getState().switchUser();
    expect(useSession.getState().lockedBy).toBeNull();
    expect(screen()).toBe('signIn');
  });

  it('returns to the sign-in screen when any call answers signed_out (idle on the main side)', async () => {
    answers.set('session.status', { ok: true, value: locked });
    signedOutListener();
    expect(screen()).toBe('signIn');
    expect(useSession.getState().lockedBy).toBe('Karim Benali');
    await vi.waitFor(() => expect(useSession.getState().state).toEqual(locked));
  });

  it('opens the app only with the state a sign-in returned', () => {
    useSession.setState({ state: locked });
    expect(screen()).toBe('signIn');
    useSession.getState().apply(open);
    expect(screen()).toBe('app');
  });

  it('keeps the first failure to read the status, and forgets it once an answer comes', async () => {
    useSession.setState({ state: null });
    await useSession.getState().refresh();
    expect(screen()).toBe('unavailable');
    answers.set('session.status', { ok: true, value: locked });
    await useSession.getState().refresh();
    expect(screen()).toBe('signIn');
  });
});
