import type { Route } from '../app/routes';
import { AccountsSettings } from './AccountsSettings';
import { AuditLogScreen } from './AuditLogScreen';
import { SettingsScreen } from './SettingsScreen';
import './settings.css';

/** `#/settings`: the association's settings; `#/settings/accounts`: the accounts; `#/settings/audit`: the audit log. */
export function SettingsSection({ route }: { route: Route }) {
  if (route.id === 'accounts') return <AccountsSettings />;
  if (route.id === 'audit') return <AuditLogScreen />;
  return <SettingsScreen />;
}
