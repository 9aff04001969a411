import { useTranslation } from 'react-i18next';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';

export type SettingsTab = 'general' | 'accounts' | 'audit';

/** Settings' views, each shown to the roles that may use it. */
export function SettingsTabs({ current }: { current: SettingsTab }) {
  const { t } = useTranslation();
  const mayAccounts = useMay('accounts.list');
  const mayAudit = useMay('audit.list');
  if (!mayAccounts && !mayAudit) return null;
  const tab = (id: SettingsTab, label: string) => (
    <a href={routeToHash(id === 'general' ? { section: 'settings' } : { section: 'settings', id })} aria-current={current === id ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav className="tabs" aria-label={t('accounts.ui.tabs.label')}>
      {tab('general', t('accounts.ui.tabs.general'))}
      {mayAccounts && tab('accounts', t('accounts.ui.tabs.accounts'))}
      {mayAudit && tab('audit', t('accounts.ui.tabs.audit'))}
    </nav>
  );
}
