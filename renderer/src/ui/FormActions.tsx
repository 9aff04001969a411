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
  return (
    <div className="form-actions">
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={submitting}>
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
