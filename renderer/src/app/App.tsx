import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { CandidatesSection } from '../candidates/CandidatesSection';
import { EmployersSection } from '../employers/EmployersSection';
import { ExchangeSection } from '../exchange/ExchangeSection';
import { HomeSection } from '../home/HomeScreen';
import { MatchingSection } from '../matching/MatchingSection';
import { PartnersSection } from '../partners/PartnersSection';
import { SessionsSection } from '../sessions/SessionsSection';
import { SettingsSection } from '../settings/SettingsSection';
import { LeaveDialog } from '../ui/leaveGuard';
import { VolunteersSection } from '../volunteers/VolunteersSection';
import { ComingSoon } from './ComingSoon';
import { NoticeRegion } from './NoticeRegion';
import { Sidebar } from './Sidebar';
import { useNavigation } from './navigation';
import { type Route, type Section, isComingSection } from './routes';

/** Each built section renders its own screens from the route. */
const SECTION_SCREENS: Record<Exclude<Section, 'reports'>, (route: Route) => ReactNode> = {
  home: (route) => <HomeSection route={route} />,
  candidates: (route) => <CandidatesSection route={route} />,
  sessions: (route) => <SessionsSection route={route} />,
  employers: (route) => <EmployersSection route={route} />,
  volunteers: (route) => <VolunteersSection route={route} />,
  partners: (route) => <PartnersSection route={route} />,
  matching: (route) => <MatchingSection route={route} />,
  exchange: (route) => <ExchangeSection route={route} />,
  settings: (route) => <SettingsSection route={route} />,
};

function Screen({ route }: { route: Route }) {
  if (isComingSection(route.section)) return <ComingSoon key={route.section} section={route.section} />;
  return SECTION_SCREENS[route.section](route);
}

export function App() {
  const { t } = useTranslation();
  const route = useNavigation((state) => state.route);

  useEffect(() => {
    document.title = `${t(`sections.${route.section}`)} – ${t('app.name')}`;
  }, [route.section, t]);

  return (
    <div className="app">
      {/* Not href="#main": the hash holds the route. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <Screen route={route} />
      </main>
      <NoticeRegion />
      <LeaveDialog />
    </div>
  );
}
