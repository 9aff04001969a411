import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * While `active` (a secret shown once is on screen), leaving asks first: closing or reloading
 * the window, and following a link inside the app (the sidebar, a tab).
 */
export function useLeaveGuard(active: boolean, questionKey: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!active) return;
    const question = t(questionKey);
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (link && !window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, questionKey, t]);
}
