import type { Route } from '../app/routes';
import { SettingsScreen } from './SettingsScreen';
import './settings.css';

/** One screen: the programme's targets and the association's sectors. */
export function SettingsSection(_props: { route: Route }) {
  return <SettingsScreen />;
}
