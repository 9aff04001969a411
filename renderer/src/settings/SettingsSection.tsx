import type { Route } from '../app/navigation';

/** Screens of this section: built by the settings work. */
export function SettingsSection(_props: { route: Route }) {
  return null;
}
