import { useTranslation } from 'react-i18next';
import { ARCHIVE_FILTERS } from '../../../shared/candidates';
import { PlusIcon, SearchIcon, SectionIcon } from '../app/icons';
import { useNavigation } from '../app/navigation';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { CandidateTable } from './CandidateTable';
import { type ArchiveFilter, useCandidateListFilters } from './listFilters';
import { type PageState, useCandidatePage } from './useCandidatePage';

export function CandidateListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const { query, archived, setQuery, setArchived } = useCandidateListFilters();
  const { state, pending } = useCandidatePage(query, archived);
  // The search is what people come to this screen for.
  const searchRef = useFocusOnMount<HTMLInputElement>();

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('candidates.list.title')}</h1>
        <button
          type="button"
          className="button button-primary"
          onClick={() => navigate({ section: 'candidates', id: 'new' })}
        >
          <PlusIcon />
          <span>{t('candidates.new')}</span>
        </button>
      </header>

      <div className="toolbar">
        <search className="search-field">
          <label htmlFor="candidate-search" className="visually-hidden">
            {t('candidates.list.searchLabel')}
          </label>
          <SearchIcon />
          <input
            id="candidate-search"
            ref={searchRef}
            type="search"
            value={query}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('candidates.list.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </search>
        <fieldset className="segmented filter">
          <legend className="visually-hidden">{t('candidates.list.filterLabel')}</legend>
          {ARCHIVE_FILTERS.map((filter) => (
            <label key={filter}>
              <input
                type="radio"
                name="archive-filter"
                value={filter}
                checked={archived === filter}
                onChange={() => setArchived(filter)}
              />
              <span>{t(`candidates.list.filters.${filter}`)}</span>
            </label>
          ))}
        </fieldset>
        <p className="result-count" aria-live="polite" data-testid="candidate-count">
          {state.status === 'ready' && state.page.total > 0 && countText(state, t)}
        </p>
      </div>

      <div className="list-body" aria-busy={pending}>
        <ListBody state={state} />
      </div>
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function countText(state: Extract<PageState, { status: 'ready' }>, t: Translate): string {
  const { items, total } = state.page;
  if (items.length < total) return t('candidates.list.countLimited', { shown: items.length, count: total });
  // Shown only for one candidate or more, where French, English and Italian all say "1 x, 2 xs".
  return t(total === 1 ? 'candidates.list.countOne' : 'candidates.list.countMany', { count: total });
}

function ListBody({ state }: { state: PageState }) {
  const { t } = useTranslation();

  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p className="alert alert-error" role="alert">
        {t(state.messageKey)}
      </p>
    );
  }
  if (state.page.items.length !== 0) return <CandidateTable items={state.page.items} />;
  if (state.query.trim() !== '') return <NoMatch query={state.query} archived={state.archived} />;
  return (
    <div className="empty-state">
      <span className="empty-state-icon">
        <SectionIcon section="candidates" />
      </span>
      <h2>{t(`candidates.list.empty.${state.archived}.title`)}</h2>
      <p>{t(`candidates.list.empty.${state.archived}.body`)}</p>
    </div>
  );
}

function NoMatch({ query, archived }: { query: string; archived: ArchiveFilter }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <span className="empty-state-icon">
        <SearchIcon />
      </span>
      <h2>{t('candidates.list.noMatch.title', { query: query.trim() })}</h2>
      <p>{t('candidates.list.noMatch.body')}</p>
      {archived !== 'all' && <p>{t(`candidates.list.noMatch.${archived}`)}</p>}
    </div>
  );
}
