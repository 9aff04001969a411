import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LeaveDialog } from '../ui/leaveGuard';
import { NoticeRegion } from './NoticeRegion';
import { Sidebar } from './Sidebar';
import { SectionScreen } from './sections';
import { useNavigation } from './navigation';
import type { Route, Section } from './routes';

function Screen({ route }: { route: Route }) {
  return <SectionScreen section={route.section} route={route} />;
}

/** What stands in for a section while its chunk arrives: said politely, never a blank page. */
function SectionLoading({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <p className="section-loading" role="status">
        {t('app.sectionLoading', { section: t(`sections.${section}`) })}
      </p>
    </div>
  );
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
        <Suspense fallback={<SectionLoading section={route.section} />}>
          <Screen route={route} />
        </Suspense>
      </main>
      <NoticeRegion />
      <LeaveDialog />
    </div>
  );
}
