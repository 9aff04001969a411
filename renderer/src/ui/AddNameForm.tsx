import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface AddNameFormProps {
  /** The input's id; its error's is `<id>-error`. */
  id: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
  /** A translation key, shown under the field and tied to it. */
  errorKey: string | null;
  onSubmit: (event: FormEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A one-field form that adds a named item to a list in Settings (a sector, a programme): the field, its button, its error. */
export function AddNameForm({ id, label, placeholder, submitLabel, value, onChange, errorKey, onSubmit, inputRef }: AddNameFormProps) {
  const { t } = useTranslation();
  return (
    <form className="inline-form" noValidate onSubmit={onSubmit}>
      <label htmlFor={id} className="compact-field">
        <span>{label}</span>
      </label>
      <div className="inline-form-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          autoComplete="off"
          maxLength={80}
          value={value}
          placeholder={placeholder}
          aria-invalid={Boolean(errorKey)}
          aria-describedby={errorKey ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
      </div>
      {errorKey && (
        <p id={`${id}-error`} className="field-error">
          {t(errorKey)}
        </p>
      )}
    </form>
  );
}
