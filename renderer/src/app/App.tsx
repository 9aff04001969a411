import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LeaveDialog } from '../ui/leaveGuard';
import { ComingSoon } from './ComingSoon';
import { NoticeRegion } from './NoticeRegion';
import { Sidebar } from './Sidebar';
import { SectionScreen } from './sections';
import { useNavigation } from './navigation';
import { type Route, type Section, isComingSection } from './routes';

function Screen({ route }: { route: Route }) {
  if (isComingSection(route.section)) return <ComingSoon key={route.section} section={route.section} />;
  return <SectionScreen section={route.section} route={route} />;
}

/** What stands in for a section while its chunk arrives: said politely, never a blank page. */
function SectionLoading({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <p className="section-loading" role="status">
        {t('common.ui.app.sectionLoading', { section: t(`common.ui.sections.${section}`) })}
      </p>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const route = useNavigation((state) => state.route);

  useEffect(() => {
    document.title = `${t(`common.ui.sections.${route.section}`)} – ${t('common.ui.app.name')}`;
  }, [route.section, t]);

  return (
    <div className="app">
      {/* Not href="#main": the hash holds the route. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('common.ui.app.skipToContent')}
      </button>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<SectionLoading section={route.section} />}>
          <Screen route={route} />
        </Suspense>
      </main>
      <NoticeRegion />
      <LeaveDialog />
    </div>
  );
}
