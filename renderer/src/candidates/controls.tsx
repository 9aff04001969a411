import { type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorId } from '../ui/Field';
import { CloseIcon } from '../app/icons';
import type { Option } from '../ui/options';

interface CheckboxFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
}

/** A checkbox with its label on the right and an optional hint below. */
export function CheckboxField({ id, label, hint, ...input }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="checkbox-field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" aria-describedby={hintId} {...input} />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface ChipPickerProps {
  id: string;
  label: string;
  hint?: string;
  options: readonly Option[];
  value: readonly string[];
  onChange(value: string[]): void;
  /** Shown when nothing is chosen yet. */
  noneText: string;
  disabled?: boolean;
  error?: string | undefined;
  /** Spans the whole row of a form grid. */
  wide?: boolean;
}

/**
 * A multiple choice from a long list (languages, partners): the chosen ones as chips that can be
 * removed, and a field that suggests the others as one types (the browser's own list).
 */
export function ChipPicker({ id, label, hint, options, value, onChange, noneText, disabled = false, error, wide = false }: ChipPickerProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const listId = useId();
  const labelOf = (code: string) => options.find((option) => option.value === code)?.label ?? code;
  const available = options.filter((option) => !option.retired && !value.includes(option.value));

  function add(text: string): boolean {
    const wanted = text.trim().toLocaleLowerCase();
    if (wanted === '') return false;
    const exact = available.find((option) => option.label.toLocaleLowerCase() === wanted);
    const single = available.filter((option) => option.label.toLocaleLowerCase().includes(wanted));
    const found = exact ?? (single.length === 1 ? single[0] : undefined);
    if (!found) return false;
    onChange([...value, found.value]);
    setTyped('');
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    // Enter adds the language typed instead of saving the whole form.
    event.preventDefault();
    add(typed);
  }

  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={wide ? 'field field-wide chip-picker' : 'field chip-picker'}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
      </div>
      <ul className="chips" aria-label={t('candidates.ui.picker.chosen', { label })}>
        {value.length === 0 && <li className="muted">{noneText}</li>}
        {value.map((code) => (
          <li key={code} className="chip">
            <span>{labelOf(code)}</span>
            {!disabled && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('candidates.ui.picker.remove', { name: labelOf(code) })}
                onClick={() => onChange(value.filter((item) => item !== code))}
              >
                <CloseIcon />
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <input
          id={id}
          type="text"
          list={listId}
          value={typed}
          autoComplete="off"
          placeholder={t('candidates.ui.picker.placeholder')}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          aria-invalid={Boolean(error)}
          onChange={(event) => {
            setTyped(event.target.value);
            // Picking a suggestion puts its whole label in the field: take it at once.
            if (available.some((option) => option.label === event.target.value)) add(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
      )}
      <datalist id={listId}>
        {available.map((option) => (
          <option key={option.value} value={option.label} />
        ))}
      </datalist>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ListEditorProps<T> {
  /** Already translated: the heading above the rows. */
  legend: string;
  hint?: string;
  items: readonly T[];
  addLabel: string;
  /** Already translated, e.g. "Retirer la ligne 2". */
  removeLabel(index: number): string;
  onAdd(): void;
  onRemove(index: number): void;
  renderRow(item: T, index: number): ReactNode;
  /** Stable per row (a field array's id), so removing a row keeps the others' focus and state. */
  rowKey(item: T, index: number): string;
  max: number;
  disabled?: boolean;
  /** Shown when there is no row. */
  emptyText: string;
}

/** A short list of rows (other name forms, occupations, qualifications), each removable. */
export function ListEditor<T>({
  legend,
  hint,
  items,
  addLabel,
  removeLabel,
  onAdd,
  onRemove,
  renderRow,
  rowKey,
  max,
  disabled = false,
  emptyText,
}: ListEditorProps<T>) {
  return (
    <fieldset className="list-editor field-wide">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {items.length === 0 && <p className="muted list-editor-empty">{emptyText}</p>}
      {items.length > 0 && (
        <ol className="list-editor-rows">
          {items.map((item, index) => (
            <li key={rowKey(item, index)} className="list-editor-row">
              <div className="list-editor-fields">{renderRow(item, index)}</div>
              {!disabled && (
                <button type="button" className="button button-icon" aria-label={removeLabel(index)} onClick={() => onRemove(index)}>
                  <CloseIcon />
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!disabled && items.length < max && (
        <button type="button" className="button button-link" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}

interface RowInputProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  /** For screen readers: a row's fields are labelled by the list's heading to the eye. */
  label: string;
  error: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A text input in a list row, with its error under it. */
export function RowInput({ id, label, error, ...input }: RowInputProps) {
  return (
    <div className="row-input">
      <input
        id={id}
        type="text"
        autoComplete="off"
        aria-label={label}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? fieldErrorId(id) : undefined}
        {...input}
      />
      {error && (
        <p id={fieldErrorId(id)} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
