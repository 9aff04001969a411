import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type DropinSession, sessionFieldShapes } from '../../../shared/sessions';
import { parseOptions, today } from '../../../shared/validation';
import { call } from '../api/client';
import { CheckboxGroupField } from '../ui/CheckboxGroup';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { showServerError } from '../ui/serverErrors';
import { useApiValue } from '../ui/useApiValue';
import { sortableName } from '../volunteers/names';
import { useLeaveGuard } from '../ui/leaveGuard';
import { closeOnEscape } from '../ui/focus';
import { DateInput } from '../ui/DateInput';

const formSchema = z.strictObject(sessionFieldShapes);
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
type FieldName = keyof FormInput;
const FIELD_NAMES = Object.keys(sessionFieldShapes) as FieldName[];
const inputId = (name: FieldName) => `session-${name}`;

function toFormValues(session: DropinSession | null): FormInput {
  return {
    date: session?.date ?? today(),
    place: session?.place ?? '',
    notes: session?.notes ?? '',
    volunteerIds: session?.volunteers.map((volunteer) => volunteer.id) ?? [],
  };
}

interface SessionFormProps {
  /** Null to open a new session. */
  session: DropinSession | null;
  onSaved(session: DropinSession): void;
  onCancel(): void;
}

/** A session's date, place, volunteers present and notes; a new one starts today, where the last one was. */
export function SessionForm({ session, onSaved, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { state: volunteersState } = useApiValue('volunteers.list', { active: 'yes', archived: 'active', limit: 500 });
  const { state: lastState } = useApiValue('sessions.list', session ? null : { archived: 'all', limit: 1 });
  const lastPlace = lastState.status === 'ready' ? lastState.value.items[0]?.place : undefined;
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    getFieldState,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema, parseOptions),
    defaultValues: toFormValues(session),
  });
  useLeaveGuard(isDirty);

  useEffect(() => {
    setFocus('place');
  }, [setFocus]);

  // The place is usually the last session's: offered once known, unless already typed.
  useEffect(() => {
    if (lastPlace && !getFieldState('place').isDirty) setValue('place', lastPlace);
  }, [lastPlace, getFieldState, setValue]);

  const save = handleSubmit(async (fields) => {
    setFormError(null);
    const result = session ? await call('sessions.update', { id: session.id, ...fields }) : await call('sessions.create', fields);
    if (!result.ok) {
      setFormError(showServerError(result.error, FIELD_NAMES, setError, inputId));
      return;
    }
    onSaved(result.value);
  });

  const errorOf = (name: FieldName) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  const active = volunteersState.status === 'ready' ? volunteersState.value.items : [];
  // Someone recorded as present stays listed even if they have stopped volunteering since.
  const present = session?.volunteers.filter((volunteer) => !active.some((item) => item.id === volunteer.id)) ?? [];
  const volunteerOptions = [...active, ...present].map((volunteer) => ({
    value: volunteer.id,
    label: sortableName(volunteer),
    ...(volunteer.active && !volunteer.archivedAt ? {} : { note: t('volunteers.ui.status.inactive') }),
  }));

  return (
    <form className="card form" noValidate onSubmit={(event) => void save(event)} onKeyDown={closeOnEscape(onCancel)}>
      <div className="form-body">
        <div className="form-grid session-form-grid">
          <Field id={inputId('date')} label={t('sessions.ui.fields.date')} error={errorOf('date')} required>
            {(a11y) => <DateInput {...a11y} {...register('date')} />}
          </Field>
          <Field
            id={inputId('place')}
            label={t('sessions.ui.fields.place')}
            hint={!session && lastPlace ? t('sessions.ui.form.placeHint') : undefined}
            error={errorOf('place')}
            required
          >
            {(a11y) => (
              <input type="text" autoComplete="off" maxLength={150} placeholder={t('sessions.ui.form.placePlaceholder')} {...a11y} {...register('place')} />
            )}
          </Field>
          <div className="field-wide">
            <CheckboxGroupField
              control={control}
              name="volunteerIds"
              id={inputId('volunteerIds')}
              legend={t('sessions.ui.fields.volunteers')}
              emptyText={t('sessions.ui.form.noVolunteers')}
              options={volunteerOptions}
            />
          </div>
          <Field id={inputId('notes')} label={t('sessions.ui.fields.notes')} error={errorOf('notes')} wide>
            {(a11y) => <textarea rows={2} {...a11y} {...register('notes')} />}
          </Field>
        </div>
      </div>
      <FormActions
        submitLabel={t(session ? 'sessions.ui.form.save' : 'sessions.ui.form.create')}
        submitting={isSubmitting}
        error={formError}
        cancel={{ label: t('sessions.ui.form.cancel'), onCancel }}
      />
    </form>
  );
}
