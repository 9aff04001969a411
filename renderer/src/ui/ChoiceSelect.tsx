import { Field } from './Field';

interface ChoiceSelectProps<T extends string> {
  /** Unique on the page (the select's id). */
  id: string;
  label: string;
  /** The closed list, in the order shown. */
  choices: readonly T[];
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
  /** Each choice's words, in the interface language. */
  choiceLabel(choice: NoInfer<T>): string;
  /** Each option marked as written in its own language (a list of languages, each named in itself). */
  choicesInOwnLanguage?: boolean;
  /** Already translated. */
  error?: string | undefined;
}

/** A labelled drop-down of a closed list (a reason, a format, a language): the dialogs' and settings' one shape. */
export function ChoiceSelect<T extends string>({ id, label, choices, value, onChange, choiceLabel, choicesInOwnLanguage = false, error }: ChoiceSelectProps<T>) {
  return (
    <Field id={id} label={label} error={error}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(event) => onChange(choices.find((choice) => choice === event.target.value) ?? value)}>
          {choices.map((choice) => (
            <option key={choice} value={choice} lang={choicesInOwnLanguage ? choice : undefined}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
