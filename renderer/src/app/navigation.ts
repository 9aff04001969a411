import { create } from 'zustand';
import { forgetEarlyCalls } from '../api/client';
import { confirmLeave } from '../ui/leaveGuard';
import { type Route, hashToRoute, routeToHash } from './routes';

interface NavigationState {
  route: Route;
  /** `replace` swaps the history entry, e.g. the "new" form once the record exists. */
  navigate(route: Route, options?: { replace?: boolean }): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  // The address is read by syncNavigationWithHash before the first render: read here, it would
  // run while this chunk is evaluated, before the entry's routes are (the chunks import each other).
  route: { section: 'home' },
  navigate(route, options) {
    forgetEarlyCalls();
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
  // The first screen's address, and any change to it while the language and that screen were on their way.
  useNavigation.setState({ route: hashToRoute(window.location.hash) });
  window.addEventListener('hashchange', () => {
    const route = hashToRoute(window.location.hash);
    const current = routeToHash(useNavigation.getState().route);
    if (routeToHash(route) === current) return;
    confirmLeave(() => useNavigation.getState().navigate(route));
    if (routeToHash(useNavigation.getState().route) === current) window.history.pushState(null, '', current);
  });
}
