import { create } from 'zustand';

/** The sidebar's sections, in order. Only candidates has screens so far. */
export const SECTIONS = ['candidates', 'employers', 'volunteers', 'partners', 'matching', 'reports', 'exchange'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  | { section: 'candidates'; screen: 'list' }
  | { section: 'candidates'; screen: 'new' }
  | { section: 'candidates'; screen: 'detail'; id: string }
  | { section: Exclude<Section, 'candidates'> };

const HOME: Route = { section: 'candidates', screen: 'list' };

export function routeToHash(route: Route): string {
  if (route.section !== 'candidates') return `#/${route.section}`;
  if (route.screen === 'new') return '#/candidates/new';
  if (route.screen === 'detail') return `#/candidates/${encodeURIComponent(route.id)}`;
  return '#/candidates';
}

export function hashToRoute(hash: string): Route {
  const [section, id] = hash.replace(/^#\/?/, '').split('/');
  if (section === 'candidates') {
    if (id === undefined || id === '') return HOME;
    if (id === 'new') return { section, screen: 'new' };
    return { section, screen: 'detail', id: decodeURIComponent(id) };
  }
  return isComingSection(section) ? { section } : HOME;
}

function isComingSection(value: string | undefined): value is Exclude<Section, 'candidates'> {
  return value !== 'candidates' && SECTIONS.some((section) => section === value);
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

/** Keeps the store in step with the address bar (back and forward, links, reload). */
export function syncNavigationWithHash(): void {
  window.addEventListener('hashchange', () => {
    const route = hashToRoute(window.location.hash);
    if (routeToHash(route) !== routeToHash(useNavigation.getState().route)) useNavigation.setState({ route });
  });
}
