import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { parseOptions } from '../../../shared/validation';
import { type Volunteer, volunteerFieldShapes } from '../../../shared/volunteers';
import { call } from '../api/client';
import { formatPhone } from '../app/phone';
import { CheckboxGroupField } from '../ui/CheckboxGroup';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { sectorLabel, useSectors } from '../ui/sectors';
import { showServerError } from '../ui/serverErrors';
import { useLeaveGuard } from '../ui/leaveGuard';

/** Every field of the record, validated by the API's own shapes and messages. */
const formSchema = z.strictObject(volunteerFieldShapes);
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
type FieldName = keyof FormInput;

const FIELD_NAMES = Object.keys(volunteerFieldShapes) as FieldName[];
const inputId = (name: FieldName) => `volunteer-${name}`;

function toFormValues(volunteer: Volunteer | null): FormInput {
  return {
    firstName: volunteer?.firstName ?? '',
    lastName: volunteer?.lastName ?? '',
    phone: volunteer?.phone ? formatPhone(volunteer.phone) : '',
    email: volunteer?.email ?? '',
    sectorIds: volunteer?.sectors.map((sector) => sector.id) ?? [],
    availability: volunteer?.availability ?? '',
    active: volunteer?.active ?? true,
    notes: volunteer?.notes ?? '',
  };
}

interface VolunteerFormProps {
  volunteer: Volunteer | null;
  readOnly: boolean;
  onSaved(volunteer: Volunteer): void;
  onCancel(): void;
}

export function VolunteerForm({ volunteer, readOnly, onSaved, onCancel }: VolunteerFormProps) {
  const { t } = useTranslation();
  const { sectors } = useSectors(true);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema, parseOptions),
    defaultValues: toFormValues(volunteer),
  });
  useLeaveGuard(isDirty);

  useEffect(() => {
    if (volunteer === null) setFocus('firstName');
  }, [volunteer, setFocus]);

  const save = handleSubmit(async (fields) => {
    setFormError(null);
    const result = volunteer ? await call('volunteers.update', { id: volunteer.id, ...fields }) : await call('volunteers.create', fields);
    if (!result.ok) {
      setFormError(showServerError(result.error, FIELD_NAMES, setError, inputId));
      return;
    }
    reset(toFormValues(result.value));
    onSaved(result.value);
  });

  const errorOf = (name: FieldName) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  // Archived sectors stay listed only for a volunteer who already has them.
  const mine = new Set(volunteer?.sectors.map((sector) => sector.id));
  const sectorOptions = sectors
    .filter((sector) => sector.archivedAt === null || mine.has(sector.id))
    .map((sector) => ({
      value: sector.id,
      label: sectorLabel(sector, t),
      ...(sector.archivedAt ? { note: t('volunteers.ui.form.archivedSector') } : {}),
    }));

  return (
    <form className="card form" noValidate onSubmit={(event) => void save(event)}>
      <fieldset disabled={readOnly} className="form-body">
        <fieldset className="form-section">
          <legend>{t('volunteers.ui.form.contact')}</legend>
          <div className="form-grid">
            <Field id={inputId('firstName')} label={t('volunteers.ui.fields.firstName')} error={errorOf('firstName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('firstName')} />}
            </Field>
            <Field id={inputId('lastName')} label={t('volunteers.ui.fields.lastName')} error={errorOf('lastName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('lastName')} />}
            </Field>
            <Field id={inputId('phone')} label={t('volunteers.ui.fields.phone')} error={errorOf('phone')}>
              {(a11y) => <input type="tel" autoComplete="off" {...a11y} {...register('phone')} />}
            </Field>
            <Field id={inputId('email')} label={t('volunteers.ui.fields.email')} error={errorOf('email')}>
              {(a11y) => <input type="email" autoComplete="off" spellCheck={false} {...a11y} {...register('email')} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('volunteers.ui.form.commitment')}</legend>
          <div className="form-grid">
            <div className="field-wide">
              <CheckboxGroupField
                control={control}
                name="sectorIds"
                id={inputId('sectorIds')}
                legend={t('volunteers.ui.fields.sectors')}
                hint={t('volunteers.ui.form.sectorsHint')}
                emptyText={t('volunteers.ui.form.noSectors')}
                options={sectorOptions}
              />
            </div>
            <Field id={inputId('availability')} label={t('volunteers.ui.fields.availability')} error={errorOf('availability')} wide>
              {(a11y) => (
                <input
                  type="text"
                  autoComplete="off"
                  placeholder={t('volunteers.ui.form.availabilityPlaceholder')}
                  {...a11y}
                  {...register('availability')}
                />
              )}
            </Field>
            <div className="field field-wide">
              <label className="checkbox" htmlFor={inputId('active')}>
                <input id={inputId('active')} type="checkbox" aria-describedby={`${inputId('active')}-hint`} {...register('active')} />
                <span>{t('volunteers.ui.form.active')}</span>
              </label>
              <p id={`${inputId('active')}-hint`} className="field-hint">
                {t('volunteers.ui.form.activeHint')}
              </p>
            </div>
            <Field id={inputId('notes')} label={t('volunteers.ui.fields.notes')} error={errorOf('notes')} wide>
              {(a11y) => <textarea rows={3} {...a11y} {...register('notes')} />}
            </Field>
          </div>
        </fieldset>
      </fieldset>

      {!readOnly && (
        <FormActions
          submitLabel={t(volunteer ? 'volunteers.ui.form.save' : 'volunteers.ui.form.create')}
          submitting={isSubmitting}
          error={formError}
          {...(volunteer === null ? { cancel: { label: t('volunteers.ui.form.cancel'), onCancel } } : {})}
        />
      )}
    </form>
  );
}
