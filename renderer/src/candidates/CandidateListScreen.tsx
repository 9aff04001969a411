import { useTranslation } from 'react-i18next';
import { ARCHIVE_FILTERS, type CandidateSummary, FRENCH_LEVELS } from '../../../shared/candidates';
import { FOLLOW_UP_STATUSES } from '../../../shared/domain';
import { formatDate } from '../app/format';
import { formatPhone } from '../app/phone';
import { PlusIcon, SearchIcon, SectionIcon } from '../app/icons';
import { useNavigation } from '../app/navigation';
import { call } from '../api/client';
import { EmptyState } from '../ui/EmptyState';
import { ListExportMenu } from '../ui/ListExportMenu';
import { FilterSelect, SortSelect } from '../ui/FilterSelect';
import { RecordListBody } from '../ui/RecordListBody';
import { SearchField } from '../ui/SearchField';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { type Column, VirtualTable } from '../ui/VirtualTable';
import { sectorLabel, useSectors } from '../ui/sectors';
import { useRecordList } from '../ui/useRecordList';
import { ExpiryDate } from './ExpiryDate';
import { EXPIRY_WINDOWS, SORT_ORDER_NAMES, hasNarrowingFilters, toListInput, useCandidateListFilters } from './listFilters';
import { choices, offered, usePairOptions, usePartnerOptions } from './options';
import { routeToHash, sheetImportHash } from '../app/routes';

export function CandidateListScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const filters = useCandidateListFilters();
  const list = useRecordList('candidates.list', toListInput(filters));
  const { sectors } = useSectors();
  const partners = usePartnerOptions();
  const pairs = usePairOptions();
  const narrowed = hasNarrowingFilters(filters);

  const columns: Column<CandidateSummary>[] = [
    {
      key: 'name',
      header: t('candidates.fields.name'),
      width: 'minmax(180px, 1.6fr)',
      rowHeader: true,
      render: (candidate) => (
        <>
          <a href={routeToHash({ section: 'candidates', id: candidate.id })}>
            <span className="last-name">{candidate.lastName}</span> <span>{candidate.firstName}</span>
          </a>
          {candidate.archivedAt && <span className="tag">{t('candidates.archived.tag')}</span>}
        </>
      ),
    },
    { key: 'commune', header: t('candidates.fields.commune'), width: 'minmax(110px, 1fr)', render: (candidate) => candidate.commune },
    {
      key: 'french',
      header: t('candidates.list.columns.french'),
      width: '124px',
      render: (candidate) => t(`candidates.frenchLevelsShort.${candidate.frenchLevel}`),
    },
    {
      key: 'status',
      header: t('candidates.fields.status'),
      width: '190px',
      // Cut to the column in the longer languages ("Uscito dal programma"), whole on hover.
      render: (candidate) => (
        <span className={`status status-${candidate.status}`} title={t(`candidates.statuses.${candidate.status}`)}>
          <span className="status-label">{t(`candidates.statuses.${candidate.status}`)}</span>
        </span>
      ),
    },
    {
      key: 'expiry',
      header: t('candidates.list.columns.expiry'),
      width: '162px',
      render: (candidate) => candidate.authorisationExpiry && <ExpiryDate date={candidate.authorisationExpiry} />,
    },
    {
      key: 'phone',
      header: t('candidates.fields.phone'),
      width: '142px',
      render: (candidate) => candidate.phone && formatPhone(candidate.phone),
    },
    {
      key: 'updated',
      header: t('candidates.list.updatedAt'),
      width: '116px',
      render: (candidate) => <time dateTime={candidate.updatedAt}>{formatDate(candidate.updatedAt, i18n.language)}</time>,
    },
  ];

  const sectorOptions = sectors.map((sector) => ({ value: sector.id, label: sectorLabel(sector, t) }));

  return (
    <div className="screen candidate-list">
      <header className="screen-header">
        <h1>{t('candidates.list.title')}</h1>
        <div className="screen-header-actions">
          <ListExportMenu
            exportList={(format, language) => call('candidates.export', { format, language, filters: toListInput(filters) })}
          />
          <a className="button button-secondary" href={sheetImportHash} data-testid="sheet-import-link">
            {t('sheets.ui.fromList')}
          </a>
          <button type="button" className="button button-primary" onClick={() => navigate({ section: 'candidates', id: 'new' })}>
            <PlusIcon />
            <span>{t('candidates.new')}</span>
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchField
          id="candidate-search"
          label={t('candidates.list.searchLabel')}
          placeholder={t('candidates.list.searchPlaceholder')}
          value={filters.query}
          onChange={filters.setQuery}
        />
        <SegmentedChoice
          name="archive-filter"
          legend={t('candidates.list.filterLabel')}
          options={ARCHIVE_FILTERS}
          value={filters.archived}
          label={(option) => t(`candidates.list.filters.${option}`)}
          onChange={filters.setArchived}
        />
        <SortSelect
          label={t('candidates.list.sortLabel')}
          value={filters.order}
          options={SORT_ORDER_NAMES}
          optionLabel={(order) => t(`candidates.list.sorts.${order}`)}
          onChange={(order) => filters.set({ order })}
        />
        <p className="result-count" aria-live="polite" data-testid="candidate-count">
          {list.status === 'ready' &&
            list.total > 0 &&
            t(list.total === 1 ? 'candidates.list.countOne' : 'candidates.list.countMany', { count: list.total })}
        </p>
      </div>

      <fieldset className="filter-row">
        <legend className="visually-hidden">{t('candidates.list.filtersLegend')}</legend>
        <FilterSelect
          label={t('candidates.fields.status')}
          anyLabel={t('candidates.list.any.status')}
          value={filters.status}
          options={choices(FOLLOW_UP_STATUSES, t, 'candidates.statuses')}
          onChange={(status) => filters.set({ status })}
        />
        <FilterSelect
          label={t('candidates.fields.frenchLevel')}
          anyLabel={t('candidates.list.any.frenchLevel')}
          value={filters.frenchLevel}
          options={choices(FRENCH_LEVELS, t, 'candidates.list.frenchAtLeast')}
          onChange={(frenchLevel) => filters.set({ frenchLevel })}
        />
        <FilterSelect
          label={t('candidates.fields.sectors')}
          anyLabel={t('candidates.list.any.sector')}
          value={filters.sectorId}
          options={sectorOptions}
          onChange={(sectorId) => filters.set({ sectorId })}
        />
        <FilterSelect
          label={t('candidates.list.expiryFilter')}
          anyLabel={t('candidates.list.any.expiry')}
          value={filters.expiringWithin === null ? null : String(filters.expiringWithin)}
          options={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: t('candidates.list.expiringWithin', { count: days }) }))}
          onChange={(value) => filters.set({ expiringWithin: EXPIRY_WINDOWS.find((days) => String(days) === value) ?? null })}
        />
        <FilterSelect
          label={t('candidates.fields.referralPartner')}
          anyLabel={t('candidates.list.any.partner')}
          value={filters.partnerId}
          options={offered(partners, [filters.partnerId])}
          onChange={(partnerId) => filters.set({ partnerId })}
        />
        <FilterSelect
          label={t('candidates.fields.assignedPair')}
          anyLabel={t('candidates.list.any.pair')}
          value={filters.pairId}
          options={offered(pairs, [filters.pairId])}
          onChange={(pairId) => filters.set({ pairId })}
        />
        {narrowed && (
          <button type="button" className="button button-link" onClick={filters.clearNarrowing}>
            {t('candidates.list.clearFilters')}
          </button>
        )}
      </fieldset>

      <RecordListBody list={list} empty={<NoCandidates />}>
        <VirtualTable
          list={list}
          columns={columns}
          caption={t(`candidates.list.captions.${filters.order}`)}
          rowKey={(candidate) => candidate.id}
          onOpen={(candidate) => navigate({ section: 'candidates', id: candidate.id })}
          testId="candidate-row"
        />
      </RecordListBody>
    </div>
  );
}

/** Nothing to show: why (no file yet, a search, filters) and what to do about it. */
function NoCandidates() {
  const { t } = useTranslation();
  const filters = useCandidateListFilters();
  const query = filters.query.trim();
  const narrowed = hasNarrowingFilters(filters);
  if (query === '' && !narrowed) {
    return (
      <EmptyState icon={<SectionIcon section="candidates" />} title={t(`candidates.list.empty.${filters.archived}.title`)}>
        <p>{t(`candidates.list.empty.${filters.archived}.body`)}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<SearchIcon />}
      title={query === '' ? t('candidates.list.noMatch.filtersTitle') : t('candidates.list.noMatch.title', { query })}
    >
      {query !== '' && <p>{t('candidates.list.noMatch.body')}</p>}
      {filters.archived !== 'all' && <p>{t(`candidates.list.noMatch.${filters.archived}`)}</p>}
      {narrowed && (
        <button type="button" className="button button-secondary" onClick={filters.clearNarrowing}>
          {t('candidates.list.clearFilters')}
        </button>
      )}
    </EmptyState>
  );
}
