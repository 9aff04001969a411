import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CandidateListScreen } from '../candidates/CandidateListScreen';
import { CandidateScreen } from '../candidates/CandidateScreen';
import { ComingSoon } from './ComingSoon';
import { NoticeRegion } from './NoticeRegion';
import { Sidebar } from './Sidebar';
import { type Route, useNavigation } from './navigation';

function Screen({ route }: { route: Route }) {
  if (route.section !== 'candidates') return <ComingSoon key={route.section} section={route.section} />;
  if (route.screen === 'list') return <CandidateListScreen />;
  if (route.screen === 'new') return <CandidateScreen key="new" id={null} />;
  return <CandidateScreen key={route.id} id={route.id} />;
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
    </div>
  );
}
