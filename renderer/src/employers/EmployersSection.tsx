import type { Route } from '../app/navigation';

/** Screens of this section: built by the employers work. */
export function EmployersSection(_props: { route: Route }) {
  return null;
}
