import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssociationProfile, associationProfileSchema } from '../../../shared/exchange';
import { call } from '../api/client';
import { formatSiret } from '../../../shared/employers';
import { formatPhone } from '../app/phone';
import { useRecordForm } from '../ui/recordForm';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';

function toValues(profile: AssociationProfile | null) {
  return {
    name: profile?.name ?? '',
    siret: profile?.siret ? formatSiret(profile.siret) : '',
    email: profile?.email ?? '',
    phone: profile?.phone ? formatPhone(profile.phone) : '',
  };
}

interface ProfileFormProps {
  /** Null: the first time. */
  profile: AssociationProfile | null;
  onSaved(profile: AssociationProfile): void;
  onCancel?(): void;
}

/** Who we are on the cards and files partners receive: name, SIRET, a way to reach us. */
export function ProfileForm({ profile, onSaved, onCancel }: ProfileFormProps) {
  const { t } = useTranslation();
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: associationProfileSchema,
    idPrefix: 'association',
    values: toValues(profile),
    send: (fields) => call('exchange.saveProfile', fields),
    toValues,
    onSaved,
  });
  const { register, setFocus, formState } = form;

  useEffect(() => {
    setFocus('name');
  }, [setFocus]);

  return (
    <form className="card form" noValidate onSubmit={save} aria-labelledby="association-form-title">
      <div className="form-body">
        <h2 id="association-form-title" className="form-title">
          {t('exchange.ui.profile.title')}
        </h2>
        <p className="muted exchange-form-intro">{t('exchange.ui.profile.intro')}</p>
        <div className="form-grid">
          <Field id={inputId('name')} label={t('exchange.ui.profile.name')} error={errorOf('name')} required wide>
            {(a11y) => <input type="text" autoComplete="organization" maxLength={200} {...a11y} {...register('name')} />}
          </Field>
          <Field id={inputId('siret')} label={t('exchange.ui.profile.siret')} hint={t('exchange.ui.profile.siretHint')} error={errorOf('siret')}>
            {(a11y) => <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={30} {...a11y} {...register('siret')} />}
          </Field>
          <Field id={inputId('phone')} label={t('exchange.ui.profile.phone')} error={errorOf('phone')}>
            {(a11y) => <input type="tel" autoComplete="off" maxLength={40} {...a11y} {...register('phone')} />}
          </Field>
          <Field id={inputId('email')} label={t('exchange.ui.profile.email')} error={errorOf('email')} wide>
            {(a11y) => <input type="email" autoComplete="off" spellCheck={false} maxLength={200} {...a11y} {...register('email')} />}
          </Field>
        </div>
      </div>
      <FormActions
        error={formError}
        submitLabel={t(profile ? 'exchange.ui.profile.save' : 'exchange.ui.profile.next')}
        submitting={formState.isSubmitting}
        {...(onCancel ? { cancel: { label: t('exchange.ui.cancel'), onCancel } } : {})}
      />
    </form>
  );
}
