import type { Route } from '../app/navigation';

/** Screens of this section: built by the sessions work. */
export function SessionsSection(_props: { route: Route }) {
  return null;
}
