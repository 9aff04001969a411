import { useLayoutEffect, useRef } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface FormActionsProps {
  /** A translation key: the refusal that belongs to no field on screen. */
  error: string | null;
  submitLabel: string;
  submitting: boolean;
  /** Shown as a second button when given (e.g. leaving a new record's form). */
  cancel?: { label: string; onCancel(): void };
}

/** The sticky footer of a record's form: what went wrong as a whole, then Save (and Cancel). */
export function FormActions({ error, submitLabel, submitting, cancel }: FormActionsProps) {
  // Save is disabled while it saves, which drops its focus to the page: it takes it back after,
  // unless the save moved it elsewhere (a field in error, a new screen).
  const submitRef = useRef<HTMLButtonElement>(null);
  const pressed = useRef(false);
  useLayoutEffect(() => {
    if (submitting || !pressed.current) return;
    pressed.current = false;
    const focused = document.activeElement;
    if (focused === null || focused === document.body || focused === submitRef.current) submitRef.current?.focus();
  }, [submitting]);

  return (
    <div className="form-actions">
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button
          ref={submitRef}
          type="submit"
          className="button button-primary"
          disabled={submitting}
          onClick={() => {
            pressed.current = true;
          }}
        >
          {submitLabel}
        </button>
        {cancel && (
          <button type="button" className="button button-secondary" onClick={cancel.onCancel}>
            {cancel.label}
          </button>
        )}
      </div>
    </div>
  );
}
