import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../app/LanguageSwitcher';
import { gateScreen } from './gate';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { useSession } from './sessionStore';
import './session.css';

/**
 * Stands before the app: until an account is signed in and the app unlocked, nothing of the data
 * is rendered or fetched (the app's screens are not even mounted), and the window's title is
 * the app's name alone.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useSession((store) => store.state);
  const failure = useSession((store) => store.failure);
  const screen = gateScreen(state, failure !== null);

  useEffect(() => {
    if (screen !== 'app') document.title = t('common.ui.app.name');
  }, [screen, t]);

  if (screen === 'app') return children;
  return (
    <div className="gate">
      <div className="gate-column">
        <p className="gate-brand">
          <span className="brand-name">{t('common.ui.app.name')}</span>
          <span className="brand-tagline">{t('common.ui.app.tagline')}</span>
        </p>
        <main className="gate-main">
          {screen === 'loading' && (
            <p className="gate-card muted" role="status">
              {t('accounts.ui.loading')}
            </p>
          )}
          {screen === 'unavailable' && (
            <div className="gate-card">
              <p className="alert alert-error" role="alert">
                {t(failure ?? 'errors.internal')}
              </p>
              <button type="button" className="button button-secondary" onClick={() => void useSession.getState().refresh()}>
                {t('accounts.ui.retry')}
              </button>
            </div>
          )}
          {screen === 'setup' && <SetupScreen />}
          {screen === 'signIn' && state && <SignInScreen state={state} />}
        </main>
        <LanguageSwitcher />
      </div>
    </div>
  );
}
