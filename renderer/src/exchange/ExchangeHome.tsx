import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../shared/exchange';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { formatSiret } from '../../../shared/employers';
import { formatPhone } from '../app/phone';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { BackupsReminder } from './BackupsReminder';
import { OwnCard } from './OwnCard';
import { PartnerCards } from './PartnerCards';
import { ProfileForm } from './ProfileForm';
import { SetupSteps } from './SetupSteps';
import { isSetUp, useExchangeStatus } from './status';

/** The first-use steps until they are done; then who we are, our card and the partners' cards. */
export function ExchangeHome({ status }: { status: ExchangeStatus }) {
  // The steps stay until the staffer has seen the card they end with.
  const [settingUp, setSettingUp] = useState(!isSetUp(status));
  if (settingUp || !status.profile || !status.keys) return <SetupSteps status={status} onDone={() => setSettingUp(false)} />;
  return (
    <>
      <BackupsReminder />
      <div className="exchange-columns">
        <Identity status={status} />
        <OwnCard fingerprint={status.keys.fingerprint} />
      </div>
      <PartnerCards />
    </>
  );
}

/** Our association as partners see it, and how its keys are kept on this computer. */
function Identity({ status }: { status: ExchangeStatus }) {
  const { t, i18n } = useTranslation();
  const setStatus = useExchangeStatus((state) => state.set);
  const showNotice = useNotices((state) => state.showNotice);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { profile, keys } = status;
  if (!profile || !keys) return null;

  if (editing) {
    return (
      <ProfileForm
        profile={profile}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setStatus({ ...status, profile: saved });
          setEditing(false);
          showNotice('exchange.ui.profile.saved');
        }}
      />
    );
  }

  async function lock() {
    const result = await call('exchange.lock', {});
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  }

  return (
    <section className="card exchange-panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('exchange.ui.identity.title')}</h2>
      <dl className="exchange-facts">
        <dt>{t('exchange.ui.profile.name')}</dt>
        <dd className="strong">{profile.name}</dd>
        <dt>{t('exchange.ui.profile.siret')}</dt>
        <dd>{profile.siret ? formatSiret(profile.siret) : t('exchange.ui.none')}</dd>
        <dt>{t('exchange.ui.profile.email')}</dt>
        <dd>{profile.email ?? t('exchange.ui.none')}</dd>
        <dt>{t('exchange.ui.profile.phone')}</dt>
        <dd>{profile.phone ? formatPhone(profile.phone) : t('exchange.ui.none')}</dd>
        <dt>{t('exchange.ui.identity.keys')}</dt>
        <dd>
          {t('exchange.ui.identity.keysCreated', { date: formatDate(keys.createdAt, i18n.language, 'long') })}
          <br />
          <span className="muted">{t(`exchange.ui.identity.protection.${status.protection}`)}</span>
        </dd>
      </dl>
      <p className="muted exchange-note">{t('exchange.ui.identity.nameOnCard')}</p>
      <div className="exchange-actions">
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          {t('exchange.ui.identity.edit')}
        </button>
        {status.protection === 'passphrase' && keys.unlocked && (
          <button type="button" className="button button-quiet" onClick={() => void lock()}>
            {t('exchange.ui.identity.lock')}
          </button>
        )}
      </div>
      <ErrorAlert messageKey={error} />
    </section>
  );
}
