import type { Route } from '../app/navigation';

/** Screens of this section: built by the volunteers work. */
export function VolunteersSection(_props: { route: Route }) {
  return null;
}
