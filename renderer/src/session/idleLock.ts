/** What counts as someone at the computer. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface IdleLockOptions {
  minutes: number;
  onIdle(): void;
  /** Where input is heard (the window). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  clock?: IdleClock;
}

const realClock: IdleClock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Calls `onIdle` once after `minutes` without input (mouse, keys, touch); each input starts the
 * wait again. Returns the function that stops listening.
 */
export function startIdleLock({ minutes, onIdle, target, clock = realClock }: IdleLockOptions): () => void {
  const delay = minutes * 60_000;
  let handle: unknown = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    if (handle !== null) clock.clearTimeout(handle);
    handle = clock.setTimeout(() => {
      handle = null;
      stop();
      onIdle();
    }, delay);
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, arm, { capture: true });
  };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, arm, { passive: true, capture: true });
  arm();
  return stop;
}

/** What the shortcut reads of a key press (a KeyboardEvent has it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl+Shift+L (⌘⇧L on a Mac): locks at once. */
export function isLockShortcut(event: KeyPress): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l');
}
