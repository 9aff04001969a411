import { describe, expect, it } from 'vitest';
import { ACTIVITY_EVENTS, type IdleClock, type KeyPress, isLockShortcut, startIdleLock } from '../../../../renderer/src/session/idleLock';

/** A clock moved by hand, and an event target whose listeners the test fires. */
function harness() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextHandle = 1;
  const clock: IdleClock = {
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const target = new EventTarget();
  return {
    clock,
    target,
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(handle);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
    input: (type: (typeof ACTIVITY_EVENTS)[number] = 'keydown') => target.dispatchEvent(new Event(type)),
  };
}

const MINUTE = 60_000;

describe('the idle lock', () => {
  it('locks once after the minutes without input', () => {
    const { clock, target, advance } = harness();
    let locks = 0;
    startIdleLock({ minutes: 10, target, clock, onIdle: () => locks++ });
    advance(10 * MINUTE - 1);
    expect(locks).toBe(0);
    advance(1);
    expect(locks).toBe(1);
    advance(60 * MINUTE);
    expect(locks).toBe(1);
  });

  it('starts the wait again at every kind of input: mouse, keys, wheel, touch', () => {
    const { clock, target, advance, input } = harness();
    let locks = 0;
    startIdleLock({ minutes: 10, target, clock, onIdle: () => locks++ });
    for (const type of ACTIVITY_EVENTS) {
      advance(9 * MINUTE);
      input(type);
    }
    expect(locks).toBe(0);
    advance(10 * MINUTE);
    expect(locks).toBe(1);
  });

  it('after it has locked, input no longer arms it (the sign-in starts a new one)', () => {
    const { clock, target, advance, input, pending } = harness();
    let locks = 0;
    startIdleLock({ minutes: 1, target, clock, onIdle: () => locks++ });
    advance(MINUTE);
    input('pointermove');
    expect(pending()).toBe(0);
    advance(5 * MINUTE);
    expect(locks).toBe(1);
  });

  it('stops listening and waiting when stopped (signed out, or the setting changed)', () => {
    const { clock, target, advance, input, pending } = harness();
    let locks = 0;
    const stop = startIdleLock({ minutes: 10, target, clock, onIdle: () => locks++ });
    stop();
    expect(pending()).toBe(0);
    input();
    expect(pending()).toBe(0);
    advance(60 * MINUTE);
    expect(locks).toBe(0);
  });
});

describe('the lock shortcut', () => {
  const key = (over: Partial<KeyPress>): KeyPress => ({ key: 'L', code: 'KeyL', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

  it('is Ctrl+Shift+L (⌘⇧L on a Mac), whatever the keyboard layout prints', () => {
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isLockShortcut(key({ metaKey: true, shiftKey: true }))).toBe(true);
    // An AZERTY or another layout: the physical key, or the letter typed.
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true, code: 'Semicolon', key: 'l' }))).toBe(true);
  });

  it('is not Ctrl+L, Shift+L, Ctrl+Alt+Shift+L or another letter', () => {
    expect(isLockShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isLockShortcut(key({ shiftKey: true }))).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true, key: 'K', code: 'KeyK' }))).toBe(false);
  });
});
