import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

/** The question asked before leaving a form with unsaved changes. */
export const UNSAVED_CHANGES_QUESTION = 'common.ui.leaveGuard.unsaved';

interface LeaveGuardState {
  /** One entry per screen that asks before it is left (its question's key), newest last. */
  questions: readonly { key: string }[];
  /** The departure waiting for an answer, with the question to ask. */
  pending: { question: string; leave(): void } | null;
}

const useLeaveGuardState = create<LeaveGuardState>()(() => ({ questions: [], pending: null }));

/**
 * While `active` (unsaved changes, a secret shown once), leaving the screen asks first:
 * following a link or going back inside the app (the answer comes from the in-app dialog), and
 * closing or reloading the window (the browser's or, in the app, the main process's question).
 */
export function useLeaveGuard(active: boolean, questionKey: string = UNSAVED_CHANGES_QUESTION): void {
  useEffect(() => {
    if (!active) return;
    const entry = { key: questionKey };
    useLeaveGuardState.setState((state) => ({ questions: [...state.questions, entry] }));
    return () => useLeaveGuardState.setState((state) => ({ questions: state.questions.filter((other) => other !== entry) }));
  }, [active, questionKey]);
}

/** Runs `leave` at once when nothing on screen guards it; otherwise once the person agrees. */
export function confirmLeave(leave: () => void): void {
  const { questions } = useLeaveGuardState.getState();
  const last = questions.at(-1);
  if (last === undefined) leave();
  else useLeaveGuardState.setState({ pending: { question: last.key, leave } });
}

/**
 * Watches the ways out of a screen that no component controls: links to another place in the
 * app (asked before the address changes) and closing or reloading the window.
 */
export function installLeaveGuard(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const hash = link?.getAttribute('href');
      if (!hash || hash === window.location.hash || useLeaveGuardState.getState().questions.length === 0) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      confirmLeave(() => {
        window.location.hash = hash;
      });
    },
    true,
  );
  window.addEventListener('beforeunload', (event) => {
    if (useLeaveGuardState.getState().questions.length > 0) event.preventDefault();
  });
}

/**
 * The question, as a modal dialog: "Stay" first and focused (the safe answer, also Escape's),
 * then "Leave without saving".
 */
export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useLeaveGuardState((state) => state.pending);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (pending === null || dialog === null) return;
    dialog.showModal();
    return () => dialog.close();
  }, [pending]);

  if (pending === null) return null;
  const stay = () => useLeaveGuardState.setState({ pending: null });
  const leave = () => {
    // The screen's guards go with it; until it unmounts, this departure is the one agreed to.
    useLeaveGuardState.setState({ pending: null, questions: [] });
    pending.leave();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="leave-title" aria-describedby="leave-question" onCancel={stay}>
      <h2 id="leave-title">{t('common.ui.leaveGuard.title')}</h2>
      <p id="leave-question" className="dialog-body">
        {t(pending.question)}
      </p>
      <div className="dialog-buttons">
        {/* biome-ignore lint/a11y/noAutofocus: the safe answer takes the focus, as the dialog opens */}
        <button type="button" className="button button-primary" autoFocus onClick={stay}>
          {t('common.ui.leaveGuard.stay')}
        </button>
        <button type="button" className="button button-secondary" onClick={leave}>
          {t('common.ui.leaveGuard.leave')}
        </button>
      </div>
    </dialog>
  );
}
