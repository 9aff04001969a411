import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type ExchangeStatus, MIN_KEY_PASSPHRASE_LENGTH } from '../../../shared/exchange';
import { parseOptions } from '../../../shared/validation';
import { call } from '../api/client';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { BusyNote } from './Busy';
import { useExchangeStatus } from './status';

/** The passphrase typed twice: a typo here would lock the keys away for good. */
const passphraseForm = z
  .object({
    passphrase: z.string().min(MIN_KEY_PASSPHRASE_LENGTH, { error: 'exchange.errors.keyPassphraseTooShort' }).max(200),
    confirmation: z.string(),
  })
  .refine((values) => values.passphrase === values.confirmation, { path: ['confirmation'], error: 'exchange.ui.keys.mismatch' });
type PassphraseValues = z.infer<typeof passphraseForm>;

/**
 * Makes this installation's keys: sealed under the database key where the database is
 * encrypted, else by the computer's keychain where there is a real one, else by a passphrase the staffer chooses (and that is stored nowhere).
 */
export function CreateKeysForm({ protection }: { protection: ExchangeStatus['protection'] }) {
  const { t } = useTranslation();
  const setStatus = useExchangeStatus((state) => state.set);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withPassphrase = protection === 'passphrase';
  const form = useForm<PassphraseValues>({
    resolver: withPassphrase ? zodResolver(passphraseForm, parseOptions) : undefined,
    defaultValues: { passphrase: '', confirmation: '' },
  });
  const { register, setFocus, setError, formState } = form;

  useEffect(() => {
    if (withPassphrase) setFocus('passphrase');
  }, [withPassphrase, setFocus]);

  const create = form.handleSubmit(async ({ passphrase }) => {
    setFormError(null);
    setBusy(true);
    const result = await call('exchange.createKeys', withPassphrase ? { passphrase } : {});
    setBusy(false);
    if (result.ok) {
      setStatus(result.value);
      return;
    }
    const fieldError = result.error.fields?.passphrase;
    if (fieldError && withPassphrase) setError('passphrase', { type: 'server', message: fieldError }, { shouldFocus: true });
    else setFormError(result.error.message);
  });

  const errorOf = (name: keyof PassphraseValues) => {
    const message = formState.errors[name]?.message;
    return message ? t(message) : undefined;
  };

  return (
    <form className="card form" noValidate onSubmit={(event) => void create(event)} aria-labelledby="keys-form-title">
      <div className="form-body">
        <h2 id="keys-form-title" className="form-title">
          {t('exchange.ui.keys.title')}
        </h2>
        <p className="exchange-form-intro">{t('exchange.ui.keys.intro')}</p>
        {withPassphrase ? (
          <>
            <div className="hint-box exchange-form-intro">
              <div>
                <p className="hint-box-title">{t('exchange.ui.keys.passphraseTitle')}</p>
                <p>{t('exchange.ui.keys.passphraseExplanation', { min: MIN_KEY_PASSPHRASE_LENGTH })}</p>
              </div>
            </div>
            <div className="form-grid">
              <Field id="keys-passphrase" label={t('exchange.ui.keys.passphrase')} error={errorOf('passphrase')} required>
                {(a11y) => <input type="password" autoComplete="new-password" maxLength={200} {...a11y} {...register('passphrase')} />}
              </Field>
              <Field id="keys-confirmation" label={t('exchange.ui.keys.confirmation')} error={errorOf('confirmation')} required>
                {(a11y) => <input type="password" autoComplete="new-password" maxLength={200} {...a11y} {...register('confirmation')} />}
              </Field>
            </div>
          </>
        ) : (
          <p className="muted">{t(protection === 'database' ? 'exchange.ui.keys.databaseKey' : 'exchange.ui.keys.keychain')}</p>
        )}
        {busy && <BusyNote labelKey="exchange.ui.keys.busy" />}
      </div>
      <FormActions error={formError} submitLabel={t('exchange.ui.keys.create')} submitting={busy} />
    </form>
  );
}
