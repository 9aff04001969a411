import { useTranslation } from 'react-i18next';
import { DUE_CARDS, type Dashboard, type DueCardName } from '../../../shared/dashboard';
import { formatDate } from '../app/format';
import type { Route } from '../app/routes';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { useMay } from '../session/useMay';
import { useSession } from '../session/sessionStore';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { DueCard, FIRST_SHOWN } from './DueCard';
import { DueListScreen } from './DueListScreen';
import { useDueViews } from './dueViews';
import { PeriodCounts } from './PeriodCounts';
import { RetentionCard } from './RetentionCard';
import { PartnerErasureCard, RightsRequestsCard } from './RightsCards';
import { TomorrowCard } from '../path/TomorrowCard';
import './home.css';

/** Each card shows its most urgent items; its full list has the rest. */
const DASHBOARD_INPUT = { limit: FIRST_SHOWN };

const isDueCard = (id: string | undefined): id is DueCardName => (DUE_CARDS as readonly (string | undefined)[]).includes(id);

/** The home screen (`#/home`), or the full list of one of its cards (`#/home/<card>`). */
export function HomeSection({ route }: { route: Route }) {
  const mayDashboard = useMay('dashboard.get');
  if (!mayDashboard) return <WelcomeScreen />;
  return isDueCard(route.id) ? <DueListScreen key={route.id} card={route.id} /> : <HomeScreen />;
}

/** A role without the dashboard's figures (a volunteer) starts from the sidebar's sections. */
function WelcomeScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const name = useSession((store) => store.state?.signedIn?.name ?? '');
  const mayCalendar = useMay('appointments.calendar');
  return (
    <div className="screen home-screen">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('dashboard.ui.title')}
        </h1>
      </header>
      <p>{t('accounts.ui.home.welcome', { name })}</p>
      {mayCalendar && (
        <div className="due-grid">
          <TomorrowCard />
        </div>
      )}
    </div>
  );
}

/** The home screen: what is due, each item one click from its record, and the period's figures. */
function HomeScreen() {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { state } = useApiValue('dashboard.get', DASHBOARD_INPUT);

  return (
    <div className="screen home-screen">
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('dashboard.ui.title')}
          </h1>
          {state.status === 'ready' && (
            <p className="screen-subtitle">{t('dashboard.ui.subtitle', { date: formatDate(state.value.today, i18n.language, 'long') })}</p>
          )}
        </div>
      </header>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'loading' && <p className="muted">{t('dashboard.ui.loading')}</p>}
      {state.status === 'ready' && <DashboardView dashboard={state.value} />}
    </div>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const views = useDueViews(dashboard.today);
  const mayDecideRetention = useMay('retention.due');
  const mayCalendar = useMay('appointments.calendar');
  return (
    <div className="due-grid">
      {mayCalendar && <TomorrowCard />}
      <PartnerErasureCard />
      <RightsRequestsCard />
      <DueCard name="authorisations" list={dashboard.authorisations} view={views.authorisations} />
      <DueCard name="followUps" list={dashboard.followUps} view={views.followUps} />
      <DueCard name="placements" list={dashboard.placements} view={views.placements} />
      <DueCard name="presentations" list={dashboard.presentations} view={views.presentations} />
      <DueCard name="quietCandidates" list={dashboard.quietCandidates} view={views.quietCandidates} />
      {mayDecideRetention && <RetentionCard />}
      <DueCard name="erasureProposed" list={dashboard.erasureProposed} view={views.erasureProposed} />
      <PeriodCounts period={dashboard.period} counts={dashboard.counts} />
    </div>
  );
}
