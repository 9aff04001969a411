import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Candidate, CandidatePatch } from '../../../shared/candidates';
import type { ApiError } from '../../../shared/errors';
import { parseOptions } from '../../../shared/validation';
import { call } from '../api/client';
import { FormActions } from '../ui/FormActions';
import { useNotices } from '../app/notices';
import { useLeaveGuard } from '../ui/leaveGuard';
import { showServerError } from '../ui/serverErrors';
import { inputId } from './fields';
import type { SectionProps } from './sections/props';

// biome-ignore lint/suspicious/noExplicitAny: any zod schema whose input is a form's values
type FormSchema = z.ZodType<any, FieldValues>;

interface SectionFormOptions<S extends FormSchema> {
  /** The section's slice of `candidateFieldShapes` (the router's own rules and messages). */
  schema: S;
  toValues(candidate: Candidate): z.input<S>;
  /** What the section sends; by default the validated values as they are. */
  toPatch?(values: z.output<S>): Omit<CandidatePatch, 'id'>;
  /** A server error's field path as the form names it (null: not on this form). */
  formPath?(serverPath: string, values: z.input<S>): string | null;
}

/**
 * One section of the candidate's file as its own form: it validates with the API's schema for
 * its fields, sends only those (a patch), shows the server's field errors under the fields, and
 * takes in changes saved elsewhere (another section, a merge) without losing what is being typed.
 */
export function useSectionForm<S extends FormSchema>(
  { candidate, readOnly, onSaved, onDirtyChange }: SectionProps,
  { schema, toValues, toPatch = (values) => values, formPath = (path) => path }: SectionFormOptions<S>,
) {
  type Input = z.input<S>;
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [formError, setFormError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the values follow the saved record, not the function's identity
  const values = useMemo(() => toValues(candidate), [candidate]);
  const form = useForm<Input, unknown, z.output<S>>({
    resolver: zodResolver(schema, parseOptions),
    defaultValues: values as DefaultValues<Input>,
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const { isDirty, isSubmitting } = form.formState;

  useEffect(() => {
    onDirtyChange(isDirty);
  }, [isDirty, onDirtyChange]);
  useLeaveGuard(isDirty);

  function showError(error: ApiError) {
    const fields: Record<string, string> = {};
    const onForm: Path<Input>[] = [];
    for (const [path, message] of Object.entries(error.fields ?? {})) {
      const mapped = formPath(path, form.getValues());
      fields[mapped ?? path] = message;
      if (mapped !== null && get(form.getValues(), mapped.split('.')[0] ?? mapped) !== undefined) onForm.push(mapped as Path<Input>);
    }
    setFormError(showServerError({ ...error, fields }, onForm, form.setError, inputId));
  }

  const submit = form.handleSubmit(async (output) => {
    setFormError(null);
    const result = await call('candidates.update', { id: candidate.id, ...toPatch(output) });
    if (!result.ok) {
      showError(result.error);
      return;
    }
    form.reset(toValues(result.value));
    showNotice('common.ui.notices.saved');
    onSaved(result.value);
  });

  /** The translated message under a field, if any. */
  function errorOf(path: string): string | undefined {
    const error: { message?: unknown } | undefined = get(form.formState.errors, path);
    return typeof error?.message === 'string' ? t(error.message) : undefined;
  }

  return {
    form,
    register: form.register,
    control: form.control,
    errorOf,
    readOnly,
    formError,
    isDirty,
    isSubmitting,
    save: (event: FormEvent) => void submit(event),
    discard: () => {
      setFormError(null);
      form.reset(toValues(candidate));
    },
  };
}

interface SectionFrameProps {
  /** The section's key under `candidates.ui.sections`, which titles it. */
  name: string;
  /** A sentence under the title: what the section is for. */
  intro?: ReactNode;
  section: Pick<ReturnType<typeof useSectionForm>, 'save' | 'discard' | 'formError' | 'isDirty' | 'isSubmitting' | 'readOnly'>;
  children: ReactNode;
}

/** The card around a section's form, with its title and a sticky Save. */
export function SectionFrame({ name, intro, section, children }: SectionFrameProps) {
  const { t } = useTranslation();
  const id = `section-${name}`;
  const { readOnly } = section;
  return (
    <form className="card form section-form" noValidate onSubmit={section.save} aria-labelledby={`${id}-title`}>
      <header className="section-form-header">
        <h2 id={`${id}-title`}>{t(`candidates.ui.sections.${name}`)}</h2>
        {intro && <div className="section-form-intro">{intro}</div>}
      </header>
      <fieldset disabled={readOnly} className="form-body">
        {children}
      </fieldset>
      {!readOnly && (
        <FormActions
          error={section.formError}
          submitLabel={t('candidates.ui.form.save')}
          submitting={section.isSubmitting}
          {...(section.isDirty ? { cancel: { label: t('candidates.ui.form.discard'), onCancel: section.discard } } : {})}
        />
      )}
    </form>
  );
}
