import { useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EMPLOYER_KINDS, type Employer, employerFieldShapes } from '../../../shared/employers';
import { call } from '../api/client';
import { formatSiret } from '../../../shared/employers';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { ContactsEditor, contactRows } from '../ui/ContactsEditor';
import { SectorSelect } from './SectorSelect';
import { useRecordForm } from '../ui/recordForm';
import { DateInput } from '../ui/DateInput';

const formSchema = z.strictObject(employerFieldShapes);
type FormInput = z.input<typeof formSchema>;

function toValues(employer: Employer | null): FormInput {
  return {
    name: employer?.name ?? '',
    siret: employer?.siret ? formatSiret(employer.siret) : '',
    sectorId: employer?.sectorId ?? null,
    address: employer?.address ?? '',
    postalCode: employer?.postalCode ?? '',
    commune: employer?.commune ?? '',
    charterSignedOn: employer?.charterSignedOn ?? '',
    kind: employer?.kind ?? null,
    notes: employer?.notes ?? '',
    contacts: contactRows(employer?.contacts ?? []),
  };
}

interface EmployerFormProps {
  /** Null: a new employer. */
  employer: Employer | null;
  readOnly: boolean;
  onSaved(employer: Employer): void;
  /** Leaves a new employer's form. */
  onCancel?(): void;
}

/** The company's details and the people to reach there, saved together. */
export function EmployerForm({ employer, readOnly, onSaved, onCancel }: EmployerFormProps) {
  const { t } = useTranslation();
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: formSchema,
    idPrefix: 'employer',
    values: toValues(employer),
    send: (fields) => (employer ? call('employers.update', { id: employer.id, ...fields }) : call('employers.create', fields)),
    toValues,
    onSaved,
  });
  const { register, setFocus, formState } = form;

  useEffect(() => {
    if (employer === null) setFocus('name');
  }, [employer, setFocus]);

  return (
    <FormProvider {...form}>
      <form className="card form" noValidate onSubmit={save} aria-label={t('employers.ui.form.label')}>
        <fieldset disabled={readOnly} className="form-body">
          <fieldset className="form-section">
            <legend>{t('employers.ui.form.company')}</legend>
            <div className="form-grid">
              <Field id={inputId('name')} label={t('employers.ui.fields.name')} error={errorOf('name')} required wide>
                {(a11y) => <input type="text" autoComplete="off" maxLength={200} {...a11y} {...register('name')} />}
              </Field>
              <Field id={inputId('siret')} label={t('employers.ui.fields.siret')} hint={t('employers.ui.form.siretHint')} error={errorOf('siret')}>
                {(a11y) => <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={30} {...a11y} {...register('siret')} />}
              </Field>
              <Field id={inputId('sectorId')} label={t('employers.ui.fields.sector')} error={errorOf('sectorId')}>
                {(a11y) => <SectorSelect a11y={a11y} saved={employer?.sectorId ?? null} />}
              </Field>
              <Field id={inputId('kind')} label={t('employers.ui.fields.kind')} error={errorOf('kind')}>
                {(a11y) => (
                  <select {...a11y} {...register('kind', { setValueAs: (value: string | null) => value || null })}>
                    <option value="">{t('employers.ui.form.noKind')}</option>
                    {EMPLOYER_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`employers.values.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={inputId('address')} label={t('employers.ui.fields.address')} error={errorOf('address')} wide>
                {(a11y) => <input type="text" autoComplete="off" maxLength={200} {...a11y} {...register('address')} />}
              </Field>
              <Field id={inputId('postalCode')} label={t('employers.ui.fields.postalCode')} error={errorOf('postalCode')}>
                {(a11y) => <input type="text" inputMode="numeric" autoComplete="off" maxLength={10} {...a11y} {...register('postalCode')} />}
              </Field>
              <Field id={inputId('commune')} label={t('employers.ui.fields.commune')} error={errorOf('commune')}>
                {(a11y) => <input type="text" autoComplete="off" maxLength={100} {...a11y} {...register('commune')} />}
              </Field>
              <Field
                id={inputId('charterSignedOn')}
                label={t('employers.ui.fields.charterSignedOn')}
                hint={t('employers.ui.form.charterHint')}
                error={errorOf('charterSignedOn')}
              >
                {(a11y) => <DateInput {...a11y} {...register('charterSignedOn')} />}
              </Field>
              <Field id={inputId('notes')} label={t('employers.ui.fields.notes')} error={errorOf('notes')} wide>
                {(a11y) => <textarea rows={3} maxLength={5000} {...a11y} {...register('notes')} />}
              </Field>
            </div>
          </fieldset>
          <ContactsEditor inputId={inputId} errorOf={errorOf} readOnly={readOnly} hint={t('employers.ui.contacts.employerHint')} />
        </fieldset>
        {!readOnly && (
          <FormActions
            error={formError}
            submitLabel={t(employer ? 'employers.ui.form.save' : 'employers.ui.form.create')}
            submitting={formState.isSubmitting}
            {...(onCancel ? { cancel: { label: t('employers.ui.form.cancel'), onCancel } } : {})}
          />
        )}
      </form>
    </FormProvider>
  );
}
