import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/dashboard';
import { daysBetween } from '../../../shared/dates';
import { formatDate } from '../app/format';
import { routeToHash } from '../app/navigation';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { presentationHash } from '../matching/routes';
import { journeyHash } from '../pipeline/journey/routes';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { DueCard } from './DueCard';
import { PeriodCounts } from './PeriodCounts';
import './home.css';

/** Enough for a card's "show all"; beyond it, the card says how many more there are. */
const DASHBOARD_INPUT = { limit: 50 };

const candidateHref = (candidateId: string, tab?: 'work') =>
  routeToHash({ section: 'candidates', id: candidateId, ...(tab ? { rest: [tab] } : {}) });

/** The home screen: what is due, each item one click from its record, and the period's figures. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { state } = useApiValue('dashboard.get', DASHBOARD_INPUT);

  return (
    <div className="screen home-screen">
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('dashboard.title')}
          </h1>
          {state.status === 'ready' && (
            <p className="screen-subtitle">{t('dashboard.subtitle', { date: formatDate(state.value.today, i18n.language, 'long') })}</p>
          )}
        </div>
      </header>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'loading' && <p className="muted">{t('dashboard.loading')}</p>}
      {state.status === 'ready' && <DashboardView dashboard={state.value} />}
    </div>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const { today } = dashboard;
  const date = (value: string) => formatDate(value, i18n.language);
  /** "in 3 days", "today", "5 days late", from the keys of one family. */
  const relative = (family: string, day: string) => {
    const days = daysBetween(today, day);
    if (days === 0) return t(`dashboard.when.${family}Today`);
    return days > 0 ? t(`dashboard.when.${family}In`, { count: days }) : t(`dashboard.when.${family}Ago`, { count: -days });
  };

  return (
    <div className="due-grid">
      <DueCard
        name="authorisations"
        list={dashboard.authorisations}
        view={(item) => ({
          key: item.candidateId,
          href: candidateHref(item.candidateId, 'work'),
          name: item.candidateName,
          when: t('dashboard.details.expiry', { when: relative('expires', item.expiry), date: date(item.expiry) }),
          late: item.daysLeft < 0,
        })}
      />
      <DueCard
        name="followUps"
        list={dashboard.followUps}
        view={(item) => ({
          key: item.followUpId,
          href: journeyHash(item.candidateId),
          name: item.candidateName,
          detail: [t('dashboard.details.followUp', { count: item.monthsAfter }), item.hostName].filter(Boolean).join(' · '),
          when: relative('due', item.dueOn),
          late: item.dueOn < today,
        })}
      />
      <DueCard
        name="placements"
        list={dashboard.placements}
        view={(item) => ({
          key: item.placementId,
          href: journeyHash(item.candidateId),
          name: item.candidateName,
          detail: [t(`pipeline.placementKinds.${item.kind}`), item.hostName].filter(Boolean).join(' · '),
          when: relative('ends', item.endDate),
          late: item.endDate < today,
        })}
      />
      <DueCard
        name="presentations"
        list={dashboard.presentations}
        view={(item) => ({
          key: item.presentationId,
          href: presentationHash(item.presentationId),
          name: item.candidateName,
          detail: `${item.occupation} · ${item.employerName}`,
          when: t('dashboard.details.waiting', {
            state: t(`pipeline.presentationStates.${item.state}`),
            count: daysBetween(item.stateChangedOn, today),
          }),
          late: false,
        })}
      />
      <DueCard
        name="quietCandidates"
        list={dashboard.quietCandidates}
        view={(item) => ({
          key: item.candidateId,
          href: candidateHref(item.candidateId),
          name: item.candidateName,
          when:
            item.lastContactOn === null
              ? t('dashboard.details.neverContacted')
              : t('dashboard.details.noContactFor', { count: daysBetween(item.lastContactOn, today) }),
          late: false,
        })}
      />
      <PeriodCounts period={dashboard.period} counts={dashboard.counts} />
    </div>
  );
}
