import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SecretField } from '../ui/SecretField';
import { BusyNote } from './Busy';
import { useExchangeStatus } from './status';

/** The keys sealed by a passphrase stay closed until someone types it (once per start of Tremplin). */
export function UnlockForm() {
  const { t } = useTranslation();
  const setStatus = useExchangeStatus((state) => state.set);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('exchange.unlock', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setStatus(result.value);
      return;
    }
    setError(result.error.fields?.passphrase ?? null);
    setFormError(result.error.fields?.passphrase ? null : result.error.message);
    document.getElementById('exchange-unlock')?.focus();
  }

  return (
    <form className="card exchange-unlock" noValidate onSubmit={(event) => void unlock(event)} aria-labelledby="exchange-unlock-title">
      <h2 id="exchange-unlock-title">{t('exchange.ui.unlock.title')}</h2>
      <p className="muted">{t('exchange.ui.unlock.intro')}</p>
      <div className="exchange-unlock-row">
        <SecretField
          id="exchange-unlock"
          kind="current-password"
          label={t('exchange.ui.unlock.passphrase')}
          error={error ? t(error) : undefined}
          value={passphrase}
          onChange={setPassphrase}
        />
        <button type="submit" className="button button-primary" disabled={busy || passphrase === ''}>
          {t('exchange.ui.unlock.submit')}
        </button>
      </div>
      {busy && <BusyNote labelKey="exchange.ui.unlock.busy" />}
      <ErrorAlert messageKey={formError} />
    </form>
  );
}
