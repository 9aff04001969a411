import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';

export interface CheckboxOption {
  value: string;
  label: string;
  /** Shown after the label, smaller (e.g. "inactive"). */
  note?: string;
}

interface CheckboxGroupProps {
  /** Unique on the page: the boxes' ids derive from it. */
  id: string;
  legend: string;
  options: CheckboxOption[];
  value: readonly string[];
  onChange(value: string[]): void;
  hint?: string;
  /** Already translated; shown when there is nothing to choose from. */
  emptyText?: string;
  disabled?: boolean;
}

/** A multiple choice from a short list (sectors, volunteers present), as a grid of checkboxes. */
export function CheckboxGroup({ id, legend, options, value, onChange, hint, emptyText, disabled = false }: CheckboxGroupProps) {
  const chosen = new Set(value);
  function toggle(option: string, checked: boolean) {
    // Kept in the options' order, whatever the order of the clicks.
    onChange(options.map((item) => item.value).filter((item) => (item === option ? checked : chosen.has(item))));
  }
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset className="checkbox-group" disabled={disabled} aria-describedby={hintId}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {options.length === 0 && emptyText && <p className="muted">{emptyText}</p>}
      <div className="checkbox-grid">
        {options.map((option) => (
          <label key={option.value} className="checkbox" htmlFor={`${id}-${option.value}`}>
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={chosen.has(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>
              {option.label}
              {option.note && <span className="checkbox-note"> {option.note}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type FieldProps = Omit<CheckboxGroupProps, 'value' | 'onChange'>;

/** The same, as a list field of a react-hook-form form (sectors, volunteers present…). */
export function CheckboxGroupField<Values extends FieldValues, Transformed>({
  control,
  name,
  ...props
}: FieldProps & { control: Control<Values, unknown, Transformed>; name: Path<Values> }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <CheckboxGroup {...props} value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} />}
    />
  );
}
