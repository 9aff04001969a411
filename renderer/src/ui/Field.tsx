import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-required'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** Unique on the page: the input's id is derived from it (e.g. `candidate-phone`). */
  id: string;
  label: string;
  hint?: string | undefined;
  /** Already translated. */
  error: string | undefined;
  required?: boolean;
  /** Spans the whole row of a form grid. */
  wide?: boolean;
  children(a11y: FieldA11y): ReactNode;
}

export const fieldErrorId = (id: string) => `${id}-error`;

/** A labelled form control with its hint and error, wired for screen readers. */
export function Field({ id, label, hint, error, required = false, wide = false, children }: FieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const messageId = error ? fieldErrorId(id) : undefined;
  const describedBy = [messageId, hintId].filter(Boolean).join(' ');

  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field-required" aria-hidden="true">
            {t('common.ui.form.required')}
          </span>
        )}
      </div>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(required ? { 'aria-required': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={messageId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
