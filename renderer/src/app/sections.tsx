import type { ComponentType } from 'react';
import { chunkedScreen } from './chunkedScreen';
import type { ComingSection, Route, Section } from './routes';

export type BuiltSection = Exclude<Section, ComingSection>;
type SectionScreen = ComponentType<{ route: Route }>;

/**
 * Each built section is a chunk of its own, fetched the first time it opens: the window then
 * evaluates the frame and the screen it opens on, not the whole app (1.1 MB in one file).
 */
const SECTIONS: Record<BuiltSection, ReturnType<typeof chunkedScreen<{ route: Route }>>> = {
  home: chunkedScreen(() => import('../home/HomeScreen').then((module): SectionScreen => module.HomeSection)),
  candidates: chunkedScreen(() => import('../candidates/CandidatesSection').then((module): SectionScreen => module.CandidatesSection)),
  sessions: chunkedScreen(() => import('../sessions/SessionsSection').then((module): SectionScreen => module.SessionsSection)),
  employers: chunkedScreen(() => import('../employers/EmployersSection').then((module): SectionScreen => module.EmployersSection)),
  volunteers: chunkedScreen(() => import('../volunteers/VolunteersSection').then((module): SectionScreen => module.VolunteersSection)),
  partners: chunkedScreen(() => import('../partners/PartnersSection').then((module): SectionScreen => module.PartnersSection)),
  matching: chunkedScreen(() => import('../matching/MatchingSection').then((module): SectionScreen => module.MatchingSection)),
  exchange: chunkedScreen(() => import('../exchange/ExchangeSection').then((module): SectionScreen => module.ExchangeSection)),
  settings: chunkedScreen(() => import('../settings/SettingsSection').then((module): SectionScreen => module.SettingsSection)),
};

/** Starts fetching a section's chunk (once); main.tsx does it for the section in the address. */
export function loadSection(section: BuiltSection): Promise<SectionScreen> {
  return SECTIONS[section].load();
}

/** The screen of a built section, rendered from its chunk (suspending while it arrives). */
export function SectionScreen({ section, route }: { section: BuiltSection; route: Route }) {
  const { Screen } = SECTIONS[section];
  return <Screen route={route} />;
}
