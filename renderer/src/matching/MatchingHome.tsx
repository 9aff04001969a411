import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_PRESENTATION_STATES, type PresentationState } from '../../../shared/pipeline';
import type { JobNeed } from '../../../shared/employers';
import { today } from '../../../shared/validation';
import { formatDate } from '../app/format';
import { SectionIcon } from '../app/icons';
import { needMatchesHash, routeToHash } from '../app/routes';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { isOutdated, needRequirements } from '../ui/jobNeeds';
import { PresentationList } from './presentations/PresentationList';
import { presentationStateKey } from './presentations/format';
import { call } from '../api/client';
import { useMay } from '../session/useMay';
import { EmptyState } from '../ui/EmptyState';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SearchField } from '../ui/SearchField';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { ListExportMenu } from '../ui/ListExportMenu';
import { useApiValue } from '../ui/useApiValue';
import { useDebounced } from '../ui/useDebounced';
import './matching.css';

/** `#/matching`: the open job needs to fill, and the presentations waiting for an answer. */
export function MatchingHome() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const mayExport = useMay('placements.export');
  return (
    <div className="screen matching-home">
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('common.ui.sections.matching')}
          </h1>
          <p className="screen-subtitle">{t('matching.ui.matches.home.intro')}</p>
        </div>
        {mayExport && (
          <div className="screen-header-actions">
            <ListExportMenu
              list="placements"
              label={t('sheets.ui.export.exportOf', { list: t('sheets.ui.export.lists.placements') })}
              exportList={(format, language, more) => call('placements.export', { format, language, more, filters: {} })}
            />
            <ListExportMenu
              list="recruitments"
              label={t('sheets.ui.export.exportOf', { list: t('sheets.ui.export.lists.recruitments') })}
              exportList={(format, language, more) => call('recruitments.export', { format, language, more, filters: {} })}
            />
          </div>
        )}
      </header>
      <div className="matching-columns">
        <OpenNeeds />
        <PresentationsUnderWay />
      </div>
    </div>
  );
}

const NEEDS_PAGE = 30;

function OpenNeeds() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(NEEDS_PAGE);
  const settledQuery = useDebounced(query.trim());
  const filters = { states: ['open'], query: settledQuery, sort: 'start', descending: false } as const;
  const { state } = useApiValue('jobNeeds.list', { ...filters, states: [...filters.states], limit });
  const page = state.status === 'ready' ? state.value : null;
  const mayExport = useMay('jobNeeds.export');

  return (
    <section className="card matching-card" aria-labelledby="open-needs-title">
      <div className="side-card-header">
        <h2 id="open-needs-title">
          {t('matching.ui.matches.home.needsTitle')} {page && <span className="count-pill" data-testid="open-needs-count">{page.total}</span>}
        </h2>
        {mayExport && (
          <ListExportMenu
            list="jobNeeds"
            label={t('sheets.ui.export.exportOf', { list: t('sheets.ui.export.lists.jobNeeds') })}
            exportList={(format, language, more) => call('jobNeeds.export', { format, language, more, filters: { ...filters, states: [...filters.states] } })}
          />
        )}
      </div>
      <SearchField
        id="open-needs-search"
        label={t('matching.ui.matches.home.searchLabel')}
        placeholder={t('matching.ui.matches.home.searchPlaceholder')}
        value={query}
        onChange={(value) => {
          setQuery(value);
          setLimit(NEEDS_PAGE);
        }}
        className="matching-search"
      />
      {state.status === 'error' && <ErrorAlert messageKey={state.messageKey} />}
      {page && page.total === 0 && (
        <p className="empty-line">{t(settledQuery ? 'matching.ui.matches.home.noNeedFound' : 'matching.ui.matches.home.noOpenNeed')}</p>
      )}
      {page && page.items.length > 0 && (
        <ul className="open-needs" aria-busy={settledQuery !== query.trim()}>
          {page.items.map((need) => (
            <OpenNeedItem key={need.id} need={need} />
          ))}
        </ul>
      )}
      {page && page.total > page.items.length && (
        <button type="button" className="button button-link" onClick={() => setLimit(Math.min(500, limit + NEEDS_PAGE * 2))}>
          {t('matching.ui.matches.home.moreNeeds', { count: page.total - page.items.length })}
        </button>
      )}
    </section>
  );
}

function OpenNeedItem({ need }: { need: JobNeed }) {
  const { t, i18n } = useTranslation();
  const requirements = needRequirements(need, t);
  const details = [
    t(`employers.values.contractTypes.${need.contractType}`),
    t('employers.ui.needs.positions', { count: need.positions }),
    need.startDate && t('matching.ui.matches.startsOn', { date: formatDate(need.startDate, i18n.language) }),
  ].filter(Boolean);
  return (
    <li className="open-need" data-testid="open-need">
      <div className="open-need-head">
        <a className="open-need-title" href={needMatchesHash(need.id)}>
          {need.occupation}
        </a>
        <a className="cell-secondary" href={routeToHash({ section: 'employers', id: need.employerId })}>
          {need.employerName}
        </a>
      </div>
      <p className="cell-secondary">{details.join(' · ')}</p>
      {isOutdated(need, today()) && need.validUntil && (
        <p className="need-validity need-outdated">{t('employers.ui.needs.outdated', { date: formatDate(need.validUntil, i18n.language) })}</p>
      )}
      {requirements.length > 0 && (
        <ul className="need-requirements" aria-label={t('employers.ui.needs.requirementsLabel')}>
          {requirements.map((requirement) => (
            <li key={requirement}>{requirement}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

type OpenState = (typeof OPEN_PRESENTATION_STATES)[number];
const UNDER_WAY_FILTERS = ['all', ...OPEN_PRESENTATION_STATES] as const;
type UnderWayFilter = (typeof UNDER_WAY_FILTERS)[number];

function PresentationsUnderWay() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<UnderWayFilter>('all');
  const counts = useUnderWayCounts();
  const states: PresentationState[] = filter === 'all' ? [...OPEN_PRESENTATION_STATES] : [filter];
  const total = counts && OPEN_PRESENTATION_STATES.reduce((sum, state) => sum + counts[state], 0);
  const mayExport = useMay('presentations.export');

  return (
    <section className="card matching-card" aria-labelledby="under-way-title">
      <div className="side-card-header">
        <h2 id="under-way-title">
          {t('matching.ui.matches.home.underWayTitle')} {total !== null && <span className="count-pill">{total}</span>}
        </h2>
        {mayExport && (
          <ListExportMenu
            list="presentations"
            label={t('sheets.ui.export.exportOf', { list: t('sheets.ui.export.lists.presentations') })}
            exportList={(format, language, more) => call('presentations.export', { format, language, more, filters: { states } })}
          />
        )}
      </div>
      <SegmentedChoice<UnderWayFilter>
        name="under-way-filter"
        legend={t('matching.ui.matches.home.stateFilter')}
        options={UNDER_WAY_FILTERS}
        value={filter}
        label={(option) => {
          const name = option === 'all' ? t('matching.ui.matches.home.allStates') : t(presentationStateKey(option));
          if (counts === null) return name;
          return `${name} (${option === 'all' ? total : counts[option]})`;
        }}
        onChange={setFilter}
      />
      {total === 0 ? (
        <EmptyState icon={<SectionIcon section="matching" />} title={t('matching.ui.matches.home.nothingUnderWay')}>
          <p>{t('matching.ui.matches.home.nothingUnderWayHint')}</p>
        </EmptyState>
      ) : (
        <PresentationList key={filter} states={states} />
      )}
    </section>
  );
}

/** How many presentations wait in each open state: one single-row call per state, only its total read. */
function useUnderWayCounts(): Record<OpenState, number> | null {
  const answers = {
    proposed: useApiValue('presentations.list', { states: ['proposed'], limit: 1 }).state,
    presented: useApiValue('presentations.list', { states: ['presented'], limit: 1 }).state,
    interview: useApiValue('presentations.list', { states: ['interview'], limit: 1 }).state,
  };
  const counts: Partial<Record<OpenState, number>> = {};
  for (const state of OPEN_PRESENTATION_STATES) {
    const answer = answers[state];
    if (answer.status !== 'ready') return null;
    counts[state] = answer.value.total;
  }
  return counts as Record<OpenState, number>;
}
