import { useEffect } from 'react';
import { isLockShortcut, startIdleLock } from './idleLock';
import { useSession } from './sessionStore';

/** While the app is open: Ctrl+Shift+L locks at once, and so does idle time (the association's setting). */
export function useLockTriggers(): void {
  const idleLockMinutes = useSession((store) => store.state?.idleLockMinutes ?? null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      void useSession.getState().lock();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  useEffect(() => {
    if (idleLockMinutes === null) return;
    return startIdleLock({ minutes: idleLockMinutes, target: window, onIdle: () => void useSession.getState().lock() });
  }, [idleLockMinutes]);
}
