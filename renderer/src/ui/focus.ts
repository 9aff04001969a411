import { type KeyboardEvent, useEffect, useRef } from 'react';

/**
 * The one focus rule of the app: after an action, focus goes to its result or stays on the
 * control. Controls and results are found by id because the control that opened a form is
 * often replaced while the form is open (a new element once it closes).
 */

/**
 * How long to wait for the element to appear: React renders what an action changed within a
 * few frames, and a list read again after a save within a second on a loaded laptop.
 */
const FRAMES = 60;

/**
 * Focuses the element with this id once it is on screen (now, or after the render that an
 * action's state change brings). Elements that are not focusable by nature need tabIndex={-1}.
 */
export function focusWhenShown(id: string): void {
  let frames = 0;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element && !element.hasAttribute('disabled')) {
      // An item of a closed menu (ui/ActionMenu): the focus stays on the menu's button.
      const closedMenu = element.closest<HTMLElement>('[role="menu"][hidden]');
      (closedMenu ? document.querySelector<HTMLElement>(`[aria-controls="${closedMenu.id}"]`) : element)?.focus();
      return;
    }
    frames += 1;
    if (frames < FRAMES) requestAnimationFrame(attempt);
  };
  // After the current event and its state updates: an element removed by them must not take it.
  requestAnimationFrame(attempt);
}

/**
 * Escape anywhere in an inline form closes it like its Cancel button: `onKeyDown={closeOnEscape(onCancel)}`.
 * The cancel gives focus back to the control that opened the form (`focusWhenShown(openerId)`).
 */
export function closeOnEscape(cancel: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
}

/**
 * An inline form takes the focus on its first field when it opens: the button that opened it
 * is usually hidden while it is open, which would leave the focus nowhere.
 */
export function useFocusFirstField<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([type="hidden"]):not([tabindex="-1"]), select, textarea')?.focus();
  }, []);
  return ref;
}

/** The ids of a record's Archive and Restore buttons: after one, focus goes to the other. */
export const ARCHIVE_BUTTON_ID = 'record-archive';
export const RESTORE_BUTTON_ID = 'record-restore';
