import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { useSession } from './sessionStore';

/** The shortcut, as `aria-keyshortcuts` names it and as the button's title says it. */
export const LOCK_SHORTCUT = 'Control+Shift+L';

/** The sidebar's foot: who is signed in, and the ways to hand the laptop over. */
export function AccountPanel() {
  const { t } = useTranslation();
  const signedIn = useSession((store) => store.state?.signedIn ?? null);
  const [changing, setChanging] = useState(false);
  if (signedIn === null) return null;
  const { lock, switchUser, signOut } = useSession.getState();

  return (
    <section className="account-panel" aria-label={t('accounts.ui.panel.label')} data-testid="account-panel">
      <p className="account-who">
        <span className="account-name" data-testid="signed-in-name">
          {signedIn.name}
        </span>
        <span className="account-role">{t(`accounts.ui.roles.${signedIn.role}`)}</span>
      </p>
      <button
        type="button"
        className="account-lock"
        title={t('accounts.ui.panel.lockTitle', { shortcut: t('accounts.ui.panel.shortcut') })}
        aria-keyshortcuts={LOCK_SHORTCUT}
        onClick={() => void lock()}
      >
        <LockIcon />
        {t('accounts.ui.panel.lock')}
      </button>
      <div className="account-actions">
        <button type="button" onClick={() => void switchUser()}>
          {t('accounts.ui.panel.switchUser')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('accounts.ui.panel.signOut')}
        </button>
        <button type="button" onClick={() => setChanging(true)}>
          {t('accounts.ui.panel.changePassword')}
        </button>
      </div>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </section>
  );
}

function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
