import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Candidate, FRENCH_LEVELS, candidateFieldsSchema } from '../../../shared/candidates';
import type { ApiError } from '../../../shared/errors';
import { parseOptions } from '../../../shared/validation';
import { call } from '../api/client';
import { formatPhone } from '../app/format';
import { Field, fieldErrorId } from '../ui/Field';

const inputId = (name: FieldName) => `candidate-${name}`;

/** The part of the candidate's file this form edits, validated by the API's own schema. */
const formSchema = candidateFieldsSchema.pick({
  firstName: true,
  lastName: true,
  birthDate: true,
  frenchLevel: true,
  phone: true,
  email: true,
  commune: true,
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
type FieldName = keyof FormInput;

function isFieldName(path: string): path is FieldName {
  return Object.hasOwn(formSchema.shape, path);
}

/** Form inputs hold strings: an absent value is an empty field. */
function toFormValues(candidate: Candidate | null): FormInput {
  return {
    firstName: candidate?.firstName ?? '',
    lastName: candidate?.lastName ?? '',
    birthDate: candidate?.birthDate ?? '',
    phone: candidate?.phone ? formatPhone(candidate.phone) : '',
    email: candidate?.email ?? '',
    commune: candidate?.commune ?? '',
    frenchLevel: candidate?.frenchLevel ?? 'not_assessed',
  };
}

interface CandidateFormProps {
  /** Null for a new record. */
  candidate: Candidate | null;
  /** An archived record is shown but not edited until restored. */
  readOnly: boolean;
  onSaved(candidate: Candidate): void;
  onCancel(): void;
}

export function CandidateForm({ candidate, readOnly, onSaved, onCancel }: CandidateFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    // The same schema and messages as the router, so both report a mistake in the same words.
    resolver: zodResolver(formSchema, parseOptions),
    defaultValues: toFormValues(candidate),
  });

  useEffect(() => {
    if (candidate === null) setFocus('firstName');
  }, [candidate, setFocus]);

  function showServerError(error: ApiError) {
    const fieldEntries = Object.entries(error.fields ?? {});
    const onForm = fieldEntries.filter((entry): entry is [FieldName, string] => isFieldName(entry[0]));
    onForm.forEach(([name, messageKey], index) => {
      setError(name, { type: 'server', message: messageKey }, { shouldFocus: index === 0 });
    });
    // Errors the form cannot show on a field still deserve a sentence beside the buttons.
    if (onForm.length < fieldEntries.length || fieldEntries.length === 0) setFormError(error.message);
    // Once drawn, bring the first field's message out from under the sticky footer.
    const [first] = onForm;
    if (first) requestAnimationFrame(() => document.getElementById(fieldErrorId(inputId(first[0])))?.scrollIntoView({ block: 'nearest' }));
  }

  const save = handleSubmit(async (fields) => {
    setFormError(null);
    const result = candidate
      ? await call('candidates.update', { id: candidate.id, ...fields })
      : await call('candidates.create', fields);
    if (!result.ok) {
      showServerError(result.error);
      return;
    }
    reset(toFormValues(result.value));
    onSaved(result.value);
  });

  function errorOf(name: FieldName): string | undefined {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  }

  return (
    <form className="card form" noValidate onSubmit={(event) => void save(event)}>
      <fieldset disabled={readOnly} className="form-body">
        <fieldset className="form-section">
          <legend>{t('candidates.form.identity')}</legend>
          <div className="form-grid">
            <Field id={inputId('firstName')} label={t('candidates.fields.firstName')} error={errorOf('firstName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('firstName')} />}
            </Field>
            <Field id={inputId('lastName')} label={t('candidates.fields.lastName')} error={errorOf('lastName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('lastName')} />}
            </Field>
            <Field id={inputId('birthDate')} label={t('candidates.fields.birthDate')} error={errorOf('birthDate')}>
              {(a11y) => <input type="date" min="1900-01-01" {...a11y} {...register('birthDate')} />}
            </Field>
            <Field id={inputId('frenchLevel')}
              label={t('candidates.fields.frenchLevel')}
              error={errorOf('frenchLevel')}
            >
              {(a11y) => (
                <select {...a11y} {...register('frenchLevel')}>
                  {FRENCH_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`frenchLevels.${level}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('candidates.form.contact')}</legend>
          <div className="form-grid">
            <Field id={inputId('phone')}
              label={t('candidates.fields.phone')}
              hint={t('candidates.form.phoneHint')}
              error={errorOf('phone')}
            >
              {(a11y) => <input type="tel" autoComplete="off" {...a11y} {...register('phone')} />}
            </Field>
            <Field id={inputId('email')} label={t('candidates.fields.email')} error={errorOf('email')}>
              {(a11y) => (
                <input type="email" autoComplete="off" spellCheck={false} {...a11y} {...register('email')} />
              )}
            </Field>
            <Field id={inputId('commune')} label={t('candidates.fields.commune')} error={errorOf('commune')}>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('commune')} />}
            </Field>
          </div>
        </fieldset>
      </fieldset>

      {!readOnly && (
        <div className="form-actions">
          {/* In the sticky footer, beside the buttons, where the eyes are after pressing one. */}
          {formError && (
            <p className="alert alert-error" role="alert">
              {t(formError)}
            </p>
          )}
          <div className="form-buttons">
            <button type="submit" className="button button-primary" disabled={isSubmitting}>
              {t(candidate ? 'candidates.form.save' : 'candidates.form.create')}
            </button>
            {candidate === null && (
              <button type="button" className="button button-secondary" onClick={onCancel}>
                {t('candidates.form.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
    </form>
  );
}
