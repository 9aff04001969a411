import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../shared/exchange';
import { CheckIcon } from '../app/icons';
import { CreateKeysForm } from './CreateKeysForm';
import { OwnCard } from './OwnCard';
import { ProfileForm } from './ProfileForm';
import { useExchangeStatus } from './status';

const STEPS = ['profile', 'keys', 'card'] as const;
type Step = (typeof STEPS)[number];

export function currentStep(status: ExchangeStatus): Step {
  if (!status.profile) return 'profile';
  if (!status.keys) return 'keys';
  return 'card';
}

/** First use, one step at a time: who we are, our keys, then our card to send to partners. */
export function SetupSteps({ status, onDone }: { status: ExchangeStatus; onDone(): void }) {
  const { t } = useTranslation();
  const setStatus = useExchangeStatus((state) => state.set);
  const step = currentStep(status);
  const index = STEPS.indexOf(step);

  return (
    <div className="setup">
      <div className="setup-head">
        <h2>{t('exchange.ui.setup.title')}</h2>
        <p className="muted">{t('exchange.ui.setup.intro')}</p>
      </div>
      <ol className="setup-steps">
        {STEPS.map((name, position) => (
          <li
            key={name}
            className={position < index ? 'setup-step setup-step-done' : position === index ? 'setup-step setup-step-current' : 'setup-step'}
            aria-current={position === index ? 'step' : undefined}
          >
            <span className="setup-step-mark" aria-hidden="true">
              {position < index ? <CheckIcon /> : position + 1}
            </span>
            <span>{t(`exchange.ui.setup.steps.${name}`)}</span>
            {position < index && <span className="visually-hidden">{t('exchange.ui.setup.stepDone')}</span>}
          </li>
        ))}
      </ol>
      {step === 'profile' && <ProfileForm profile={null} onSaved={(profile) => setStatus({ ...status, profile })} />}
      {step === 'keys' && <CreateKeysForm protection={status.protection} />}
      {step === 'card' && status.keys && (
        <>
          <OwnCard fingerprint={status.keys.fingerprint} />
          <div className="setup-done">
            <p>{t('exchange.ui.setup.done')}</p>
            <button type="button" className="button button-primary" onClick={onDone}>
              {t('exchange.ui.setup.toPartners')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
