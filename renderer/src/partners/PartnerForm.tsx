import { useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PARTNER_KINDS } from '../../../shared/domain';
import { type Partner, partnerFieldShapes } from '../../../shared/partners';
import { call } from '../api/client';
import { formatPhone } from '../app/phone';
import { ContactsEditor, contactRows } from '../ui/ContactsEditor';
import { useRecordForm } from '../ui/recordForm';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';

const formSchema = z.strictObject(partnerFieldShapes);
type FormInput = z.input<typeof formSchema>;

function toValues(partner: Partner | null): FormInput {
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? 'other',
    address: partner?.address ?? '',
    postalCode: partner?.postalCode ?? '',
    commune: partner?.commune ?? '',
    phone: partner?.phone ? formatPhone(partner.phone) : '',
    email: partner?.email ?? '',
    notes: partner?.notes ?? '',
    contacts: contactRows(partner?.contacts ?? []),
  };
}

interface PartnerFormProps {
  /** Null: a new partner. */
  partner: Partner | null;
  readOnly: boolean;
  onSaved(partner: Partner): void;
  /** Leaves a new partner's form. */
  onCancel?(): void;
}

/** The partner association's details and the people to reach there, saved together. */
export function PartnerForm({ partner, readOnly, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: formSchema,
    idPrefix: 'partner',
    values: toValues(partner),
    send: (fields) => (partner ? call('partners.update', { id: partner.id, ...fields }) : call('partners.create', fields)),
    toValues,
    onSaved,
  });
  const { register, setFocus, formState } = form;

  useEffect(() => {
    if (partner === null) setFocus('name');
  }, [partner, setFocus]);

  return (
    <FormProvider {...form}>
      <form className="card form" noValidate onSubmit={save} aria-label={t('partners.ui.form.label')}>
        <fieldset disabled={readOnly} className="form-body">
          <fieldset className="form-section">
            <legend>{t('partners.ui.form.organisation')}</legend>
            <div className="form-grid">
              <Field id={inputId('name')} label={t('partners.ui.fields.name')} error={errorOf('name')} required wide>
                {(a11y) => <input type="text" autoComplete="off" maxLength={200} {...a11y} {...register('name')} />}
              </Field>
              <Field id={inputId('kind')} label={t('partners.ui.fields.kind')} error={errorOf('kind')} required>
                {(a11y) => (
                  <select {...a11y} {...register('kind')}>
                    {PARTNER_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`partners.values.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={inputId('phone')} label={t('partners.ui.fields.phone')} error={errorOf('phone')}>
                {(a11y) => <input type="tel" autoComplete="off" maxLength={40} {...a11y} {...register('phone')} />}
              </Field>
              <Field id={inputId('email')} label={t('partners.ui.fields.email')} error={errorOf('email')} wide>
                {(a11y) => <input type="email" autoComplete="off" spellCheck={false} maxLength={200} {...a11y} {...register('email')} />}
              </Field>
              <Field id={inputId('address')} label={t('partners.ui.fields.address')} error={errorOf('address')} wide>
                {(a11y) => <input type="text" autoComplete="off" maxLength={200} {...a11y} {...register('address')} />}
              </Field>
              <Field id={inputId('postalCode')} label={t('partners.ui.fields.postalCode')} error={errorOf('postalCode')}>
                {(a11y) => <input type="text" inputMode="numeric" autoComplete="off" maxLength={10} {...a11y} {...register('postalCode')} />}
              </Field>
              <Field id={inputId('commune')} label={t('partners.ui.fields.commune')} error={errorOf('commune')}>
                {(a11y) => <input type="text" autoComplete="off" maxLength={100} {...a11y} {...register('commune')} />}
              </Field>
              <Field id={inputId('notes')} label={t('partners.ui.fields.notes')} error={errorOf('notes')} wide>
                {(a11y) => <textarea rows={3} maxLength={5000} {...a11y} {...register('notes')} />}
              </Field>
            </div>
          </fieldset>
          <ContactsEditor inputId={inputId} errorOf={errorOf} readOnly={readOnly} hint={t('partners.ui.form.contactsHint')} />
        </fieldset>
        {!readOnly && (
          <FormActions
            error={formError}
            submitLabel={t(partner ? 'partners.ui.form.save' : 'partners.ui.form.create')}
            submitting={formState.isSubmitting}
            {...(onCancel ? { cancel: { label: t('partners.ui.form.cancel'), onCancel } } : {})}
          />
        )}
      </form>
    </FormProvider>
  );
}
