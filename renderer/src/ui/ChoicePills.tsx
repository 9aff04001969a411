import type { UseFormRegisterReturn } from 'react-hook-form';

interface ChoicePillsProps<T extends string> {
  /** The first radio's id, so a field error can point at the group. */
  id: string;
  legend: string;
  options: readonly T[];
  label(option: T): string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}

/** A form's one-of choice drawn as pills (a placement's outcome, a follow-up's answer), with its error. */
export function ChoicePills<T extends string>({ id, legend, options, label, error, registration }: ChoicePillsProps<T>) {
  const errorId = `${id}-error`;
  return (
    <fieldset className="choice-row" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label-text">{legend}</legend>
      {options.map((option, index) => (
        <label key={option} className="choice-pill">
          <input type="radio" value={option} id={index === 0 ? id : undefined} {...registration} />
          <span>{label(option)}</span>
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
