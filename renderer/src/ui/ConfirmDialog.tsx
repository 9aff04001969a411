import { useId, useRef } from 'react';
import { useModal } from './useModal';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, said plainly: read out with the title when the dialog opens. */
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * The confirmation of an action that cannot be undone, in the app's language (the browser's own
 * confirm box speaks the system's, with "OK"): the safe button first and focused, Escape cancels.
 */
export function ConfirmDialog({ title, text, confirmLabel, cancelLabel, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModal(cancelRef);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={textId} onCancel={onCancel} data-testid="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">
        <p id={textId}>{text}</p>
      </div>
      <div className="dialog-buttons">
        <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
