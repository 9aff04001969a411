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
      ...(sector.archivedAt ? { note: t('volunteers.form.archivedSector') } : {}),
    }));

  return (
    <form className="card form" noValidate onSubmit={(event) => void save(event)}>
      <fieldset disabled={readOnly} className="form-body">
        <fieldset className="form-section">
          <legend>{t('volunteers.form.contact')}</legend>
          <div className="form-grid">
            <Field id={inputId('firstName')} label={t('volunteers.fields.firstName')} error={errorOf('firstName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('firstName')} />}
            </Field>
            <Field id={inputId('lastName')} label={t('volunteers.fields.lastName')} error={errorOf('lastName')} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('lastName')} />}
            </Field>
            <Field id={inputId('phone')} label={t('volunteers.fields.phone')} error={errorOf('phone')}>
              {(a11y) => <input type="tel" autoComplete="off" {...a11y} {...register('phone')} />}
            </Field>
            <Field id={inputId('email')} label={t('volunteers.fields.email')} error={errorOf('email')}>
              {(a11y) => <input type="email" autoComplete="off" spellCheck={false} {...a11y} {...register('email')} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('volunteers.form.commitment')}</legend>
          <div className="form-grid">
            <div className="field-wide">
              <CheckboxGroupField
                control={control}
                name="sectorIds"
                id={inputId('sectorIds')}
                legend={t('volunteers.fields.sectors')}
                hint={t('volunteers.form.sectorsHint')}
                emptyText={t('volunteers.form.noSectors')}
                options={sectorOptions}
              />
            </div>
            <Field id={inputId('availability')} label={t('volunteers.fields.availability')} error={errorOf('availability')} wide>
              {(a11y) => (
                <input
                  type="text"
                  autoComplete="off"
                  placeholder={t('volunteers.form.availabilityPlaceholder')}
                  {...a11y}
                  {...register('availability')}
                />
              )}
            </Field>
            <div className="field field-wide">
              <label className="checkbox" htmlFor={inputId('active')}>
                <input id={inputId('active')} type="checkbox" aria-describedby={`${inputId('active')}-hint`} {...register('active')} />
                <span>{t('volunteers.form.active')}</span>
              </label>
              <p id={`${inputId('active')}-hint`} className="field-hint">
                {t('volunteers.form.activeHint')}
              </p>
            </div>
            <Field id={inputId('notes')} label={t('volunteers.fields.notes')} error={errorOf('notes')} wide>
              {(a11y) => <textarea rows={3} {...a11y} {...register('notes')} />}
            </Field>
          </div>
        </fieldset>
      </fieldset>

      {!readOnly && (
        <FormActions
          submitLabel={t(volunteer ? 'volunteers.form.save' : 'volunteers.form.create')}
          submitting={isSubmitting}
          error={formError}
          {...(volunteer === null ? { cancel: { label: t('volunteers.form.cancel'), onCancel } } : {})}
        />
      )}
    </form>
  );
}
