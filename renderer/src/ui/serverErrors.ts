import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../shared/errors';
import { fieldErrorId } from './Field';

/**
 * Puts an API refusal where the person looks: each field's message under its field (the first
 * one focused and scrolled clear of a sticky footer), and a sentence for the form as a whole
 * when some of it belongs to no field on screen. Returns that sentence's key, or null.
 */
export function showServerError<Values extends FieldValues, Name extends Path<Values>>(
  error: ApiError,
  fieldNames: readonly Name[],
  setError: UseFormSetError<Values>,
  inputId: (name: Name) => string,
): string | null {
  const entries = Object.entries(error.fields ?? {});
  const onForm = entries.filter((entry): entry is [Name, string] => (fieldNames as readonly string[]).includes(entry[0]));
  onForm.forEach(([name, messageKey], index) => {
    setError(name, { type: 'server', message: messageKey }, { shouldFocus: index === 0 });
  });
  const [first] = onForm;
  if (first) requestAnimationFrame(() => document.getElementById(fieldErrorId(inputId(first[0])))?.scrollIntoView({ block: 'nearest' }));
  if (onForm.length < entries.length || entries.length === 0) return error.message;
  return null;
}
