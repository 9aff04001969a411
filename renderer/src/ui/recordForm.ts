import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiResult } from '../../../shared/errors';
import { parseOptions } from '../../../shared/validation';
import { useLeaveGuard } from './leaveGuard';
import { showServerError } from './serverErrors';

// biome-ignore lint/suspicious/noExplicitAny: any zod object whose input is a form's values
type FormSchema = z.ZodObject<any> & z.ZodType<any, FieldValues>;

interface RecordFormOptions<S extends FormSchema, R> {
  /** The record's fields with the API's own shapes, so the form and the router say the same thing. */
  schema: S;
  /** Every control's id starts with it: `employer-name`, `employer-contacts-0-email`. */
  idPrefix: string;
  values: z.input<S>;
  /** Creates or updates the record with the validated fields. */
  send(fields: z.output<S>): Promise<ApiResult<R>>;
  /** The form's values for the record the API returned, once saved. */
  toValues(record: R): z.input<S>;
  onSaved(record: R): void;
}

/**
 * A record's form (employer, partner, job need): validated with the API's schema, the server's
 * refusals shown under their fields (rows of a list included, e.g. `contacts.1.email`), and
 * what was saved put back in the form.
 */
export function useRecordForm<S extends FormSchema, R>({ schema, idPrefix, values, send, toValues, onSaved }: RecordFormOptions<S, R>) {
  type Input = z.input<S>;
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Input, unknown, z.output<S>>({
    resolver: zodResolver(schema, parseOptions),
    defaultValues: values as DefaultValues<Input>,
  });
  useLeaveGuard(form.formState.isDirty);
  const inputId = (path: string) => `${idPrefix}-${path.replaceAll('.', '-')}`;

  const submit = form.handleSubmit(async (fields) => {
    setFormError(null);
    const result = await send(fields);
    if (!result.ok) {
      // The fields on screen: the record's own, and those of each row of its lists (not a row's hidden id).
      const onScreen = Object.keys(result.error.fields ?? {}).filter(
        (path) => !path.endsWith('.id') && get(form.getValues(), path) !== undefined,
      ) as Path<Input>[];
      setFormError(showServerError(result.error, onScreen, form.setError, inputId));
      return;
    }
    form.reset(toValues(result.value));
    onSaved(result.value);
  });

  /** The translated message under a field, if any. */
  function errorOf(path: string): string | undefined {
    const error: { message?: unknown } | undefined = get(form.formState.errors, path);
    return typeof error?.message === 'string' ? t(error.message) : undefined;
  }

  return { form, errorOf, formError, inputId, save: (event: FormEvent) => void submit(event) };
}

/** For a select whose empty choice means "none": the API wants null, not an empty string. */
export const emptyAsNull = (value: unknown) => (value === '' ? null : value);
