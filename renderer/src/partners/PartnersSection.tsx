import type { Route } from '../app/navigation';

/** Screens of this section: built by the partners work. */
export function PartnersSection(_props: { route: Route }) {
  return null;
}
