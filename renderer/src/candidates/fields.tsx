import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldValues, Path, RegisterOptions, UseFormRegister } from 'react-hook-form';
import { DateInput } from '../ui/DateInput';
import { Field } from '../ui/Field';
import type { Option } from '../ui/options';

/** Every control of a candidate's file has an id derived from its field path: `candidate-occupations-0-label`. */
export const inputId = (path: string) => `candidate-${path.replaceAll('.', '-')}`;

/** For a select or a number input: an empty control is "not known". */
export const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
export const numberOrNull = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

/** What a field needs from its form: how to bind the control, and the message to show under it. */
export interface FormControls<T extends FieldValues> {
  register: UseFormRegister<T>;
  errorOf(path: string): string | undefined;
}

interface FieldProps<T extends FieldValues> {
  form: FormControls<T>;
  name: Path<T>;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  /** Spans the whole row of a form grid. */
  wide?: boolean;
  options?: RegisterOptions<T, Path<T>>;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'>;

/** A labelled input bound to its form (text by default; `type` makes it a date, a phone, a number…). */
export function InputField<T extends FieldValues>({ form, name, label, hint, required, wide, options, ...input }: FieldProps<T> & InputProps) {
  return (
    <Field id={inputId(name)} label={label} hint={hint} error={form.errorOf(name)} required={required} wide={wide}>
      {(a11y) =>
        input.type === 'date' ? (
          <DateInput min={input.min} max={input.max} {...a11y} {...form.register(name, options)} />
        ) : (
          <input type="text" autoComplete="off" {...input} {...a11y} {...form.register(name, options)} />
        )
      }
    </Field>
  );
}

/** A whole number ("25" km), or nothing. */
export function NumberField<T extends FieldValues>(props: FieldProps<T> & InputProps) {
  return <InputField type="number" inputMode="numeric" step={1} min={0} options={{ setValueAs: numberOrNull }} {...props} />;
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name'>;

export function TextAreaField<T extends FieldValues>({ form, name, label, hint, required, wide, options, ...textarea }: FieldProps<T> & TextAreaProps) {
  return (
    <Field id={inputId(name)} label={label} hint={hint} error={form.errorOf(name)} required={required} wide={wide}>
      {(a11y) => <textarea rows={3} {...textarea} {...a11y} {...form.register(name, options)} />}
    </Field>
  );
}

type SelectFieldProps<T extends FieldValues> = FieldProps<T> & {
  choices: readonly Option[];
  /** The first choice, meaning "not known" (the field then holds null); none for a required choice. */
  emptyLabel?: string;
};

export function SelectField<T extends FieldValues>({ form, name, label, hint, required, wide, choices, emptyLabel }: SelectFieldProps<T>) {
  return (
    <Field id={inputId(name)} label={label} hint={hint} error={form.errorOf(name)} required={required} wide={wide}>
      {(a11y) => (
        <select {...a11y} {...form.register(name, emptyLabel === undefined ? {} : { setValueAs: emptyToNull })}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
