import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionGate } from '../session/SessionGate';
import { maySee } from '../session/sectionAccess';
import { useSession } from '../session/sessionStore';
import { useLockTriggers } from '../session/useLockTriggers';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { LeaveDialog } from '../ui/leaveGuard';
import { useRecordTitleStore } from '../ui/recordTitle';
import { NoticeRegion } from './NoticeRegion';
import { Sidebar } from './Sidebar';
import { SectionScreen } from './sections';
import { useSidebar } from './sidebarState';
import { useNavigation } from './navigation';
import type { Route, Section } from './routes';

function Screen({ route }: { route: Route }) {
  const role = useSession((store) => store.state?.signedIn?.role);
  // An address typed or kept from another account: the role's own sections are in the sidebar.
  if (!maySee(role, route.section)) {
    return (
      <div className="screen">
        <ErrorAlert messageKey="errors.forbidden" />
      </div>
    );
  }
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

/** The app behind its gate: nothing below is mounted until an account is signed in. */
export function App() {
  return (
    <SessionGate>
      <SignedInApp />
    </SessionGate>
  );
}

function SignedInApp() {
  const { t } = useTranslation();
  const route = useNavigation((state) => state.route);
  useLockTriggers();
  // The entries' author field starts on the person signed in, not on whoever typed it last.
  const signedInName = useSession((store) => store.state?.signedIn?.name ?? null);
  useEffect(() => {
    if (signedInName) useCurrentAuthor.getState().setAuthor(signedInName);
  }, [signedInName]);

  const recordName = useRecordTitleStore((state) => state.name);
  useEffect(() => {
    const parts = [recordName, t(`common.ui.sections.${route.section}`), t('common.ui.app.name')];
    document.title = parts.filter(Boolean).join(' – ');
  }, [recordName, route.section, t]);

  const sidebarExpanded = useSidebar((state) => state.expanded);

  return (
    <div className={sidebarExpanded ? 'app' : 'app sidebar-collapsed'}>
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
