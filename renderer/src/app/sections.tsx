import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { ComingSection, Route, Section } from './routes';

export type BuiltSection = Exclude<Section, ComingSection>;
type SectionScreen = ComponentType<{ route: Route }>;

/**
 * Each built section is a chunk of its own, fetched the first time it opens: the window then
 * evaluates the frame and the screen it opens on, not the whole app (1.1 MB in one file made the
 * first render of the candidate list wait about a second, whatever the number of files).
 */
const LOADERS: Record<BuiltSection, () => Promise<SectionScreen>> = {
  home: () => import('../home/HomeScreen').then((module) => module.HomeSection),
  candidates: () => import('../candidates/CandidatesSection').then((module) => module.CandidatesSection),
  sessions: () => import('../sessions/SessionsSection').then((module) => module.SessionsSection),
  employers: () => import('../employers/EmployersSection').then((module) => module.EmployersSection),
  volunteers: () => import('../volunteers/VolunteersSection').then((module) => module.VolunteersSection),
  partners: () => import('../partners/PartnersSection').then((module) => module.PartnersSection),
  matching: () => import('../matching/MatchingSection').then((module) => module.MatchingSection),
  exchange: () => import('../exchange/ExchangeSection').then((module) => module.ExchangeSection),
  settings: () => import('../settings/SettingsSection').then((module) => module.SettingsSection),
};

const loads = new Map<BuiltSection, Promise<{ default: SectionScreen }>>();

/**
 * Starts fetching a section's chunk (once). main.tsx calls it for the section in the address
 * before the first render, so that chunk is on its way while React starts.
 */
export function loadSection(section: BuiltSection): Promise<{ default: SectionScreen }> {
  let load = loads.get(section);
  if (load === undefined) {
    load = LOADERS[section]().then((screen) => ({ default: screen }));
    // A failed fetch is tried again the next time the section opens.
    load.catch(() => loads.delete(section));
    loads.set(section, load);
  }
  return load;
}

export const SECTION_SCREENS = Object.fromEntries(
  Object.keys(LOADERS).map((section) => [section, lazy(() => loadSection(section as BuiltSection))]),
) as Record<BuiltSection, LazyExoticComponent<SectionScreen>>;
