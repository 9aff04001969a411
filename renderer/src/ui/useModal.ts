import { type RefObject, useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modal while its component is on screen (the page behind it inert, Escape
 * cancels) and closed when it goes. `firstFocus` takes the focus when it opens: the safe way out
 * of a dialog whose other button cannot be undone. Without it, the browser's first control.
 */
export function useModal(firstFocus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    firstFocus?.current?.focus();
    return () => dialog?.close();
  }, [firstFocus]);
  return ref;
}
