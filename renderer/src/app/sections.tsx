import type { ComponentType } from 'react';
import { chunkedScreen } from './chunkedScreen';
import type { Route, Section } from './routes';

type SectionComponent = ComponentType<{ route: Route }>;

/**
 * Each built section is a chunk of its own, fetched the first time it opens: the window then
 * evaluates the frame and the screen it opens on, not the whole app (1.1 MB in one file).
 */
const SECTION_CHUNKS: Record<Section, ReturnType<typeof chunkedScreen<{ route: Route }>>> = {
  home: chunkedScreen(() => import('../home/HomeScreen').then((module): SectionComponent => module.HomeSection)),
  calendar: chunkedScreen(() => import('../path/CalendarSection').then((module): SectionComponent => module.CalendarSection)),
  candidates: chunkedScreen(() => import('../candidates/CandidatesSection').then((module): SectionComponent => module.CandidatesSection)),
  sessions: chunkedScreen(() => import('../sessions/SessionsSection').then((module): SectionComponent => module.SessionsSection)),
  employers: chunkedScreen(() => import('../employers/EmployersSection').then((module): SectionComponent => module.EmployersSection)),
  volunteers: chunkedScreen(() => import('../volunteers/VolunteersSection').then((module): SectionComponent => module.VolunteersSection)),
  partners: chunkedScreen(() => import('../partners/PartnersSection').then((module): SectionComponent => module.PartnersSection)),
  matching: chunkedScreen(() => import('../matching/MatchingSection').then((module): SectionComponent => module.MatchingSection)),
  reports: chunkedScreen(() => import('../reports/ReportsSection').then((module): SectionComponent => module.ReportsSection)),
  exchange: chunkedScreen(() => import('../exchange/ExchangeSection').then((module): SectionComponent => module.ExchangeSection)),
  settings: chunkedScreen(() => import('../settings/SettingsSection').then((module): SectionComponent => module.SettingsSection)),
};

/** Starts fetching a section's chunk (once); main.tsx does it for the section in the address. */
export function loadSection(section: Section): Promise<SectionComponent> {
  return SECTION_CHUNKS[section].load();
}

/** The screen of a built section, rendered from its chunk (suspending while it arrives). */
export function SectionScreen({ section, route }: { section: Section; route: Route }) {
  const { Screen } = SECTION_CHUNKS[section];
  return <Screen route={route} />;
}
