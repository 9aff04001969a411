import { create } from 'zustand';
import { confirmLeave } from '../ui/leaveGuard';

/** The sidebar's sections, in order. */
export const SECTIONS = [
  'home',
  'candidates',
  'sessions',
  'employers',
  'volunteers',
  'partners',
  'matching',
  'reports',
  'exchange',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Sections a later version brings: they show an honest placeholder. */
export const COMING_SECTIONS = ['reports'] as const satisfies readonly Section[];
export type ComingSection = (typeof COMING_SECTIONS)[number];

/**
 * Where the user is: a section's list (`#/employers`), a new record (`#/employers/new`), a
 * record (`#/employers/<id>`), or a place inside a record (`#/employers/<id>/needs/<needId>`).
 */
export interface Route {
  section: Section;
  /** `new`, a record id, or undefined for the list. */
  id?: string;
  /** Further path segments inside the record. */
  rest?: string[];
}

export function routeToHash({ section, id, rest = [] }: Route): string {
  return ['#', section, ...(id === undefined ? [] : [id, ...rest])].map(encodeURIComponent).join('/').replace('%23', '#');
}

export function hashToRoute(hash: string): Route {
  const [section, id, ...rest] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  // `#/`, and any address that is not (or no longer) one of ours, opens the home screen.
  if (!SECTIONS.some((known) => known === section)) return { section: 'home' };
  return { section: section as Section, ...(id === undefined ? {} : { id }), ...(rest.length > 0 ? { rest } : {}) };
}

export function isComingSection(section: Section): section is ComingSection {
  return (COMING_SECTIONS as readonly Section[]).includes(section);
}

interface NavigationState {
  route: Route;
  /** `replace` swaps the history entry, e.g. the "new" form once the record exists. */
  navigate(route: Route, options?: { replace?: boolean }): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: hashToRoute(window.location.hash),
  navigate(route, options) {
    const hash = routeToHash(route);
    if (options?.replace) window.history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

/**
 * Keeps the store in step with the address bar (back and forward, links, reload). Going back
 * from a screen that guards its departure puts its address back while the person decides.
 */
export function syncNavigationWithHash(): void {
  window.addEventListener('hashchange', () => {
    const route = hashToRoute(window.location.hash);
    const current = routeToHash(useNavigation.getState().route);
    if (routeToHash(route) === current) return;
    confirmLeave(() => useNavigation.getState().navigate(route));
    if (routeToHash(useNavigation.getState().route) === current) window.history.pushState(null, '', current);
  });
}
