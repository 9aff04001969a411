import { useTranslation } from 'react-i18next';
import type { CandidateSummary } from '../../../shared/candidates';
import { ARCHIVE_FILTERS, FOLLOW_UP_STATUSES, FRENCH_LEVELS } from '../../../shared/domain';
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
import { useCandidateListFilters } from './listFilters';
import { EXPIRY_WINDOWS, SORT_ORDER_NAMES, hasNarrowingFilters, toListInput } from './listInput';
import { usePartnerOptions } from '../ui/options';
import { choices, offered, usePairOptions, useProgrammeOptions } from './options';
import { routeToHash, sheetImportHash } from '../app/routes';
import { useMay } from '../session/useMay';

export function CandidateListScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const mayExport = useMay('candidates.export');
  const mayImport = useMay('sheets.open');
  const filters = useCandidateListFilters();
  const list = useRecordList('candidates.list', toListInput(filters));
  // The filters' choices once the first rows are here: the host answers one call at a time, and
  // at 100,000 files the partners' list (each with its count of referred files) took 300 ms.
  const rowsAnswered = list.status !== 'loading';
  const { sectors } = useSectors(false, rowsAnswered);
  const partners = usePartnerOptions(rowsAnswered);
  const pairs = usePairOptions(rowsAnswered);
  const programmes = useProgrammeOptions(rowsAnswered);
  const narrowed = hasNarrowingFilters(filters);

  const columns: Column<CandidateSummary>[] = [
    {
      key: 'name',
      header: t('candidates.ui.fields.name'),
      width: 'minmax(180px, 1.6fr)',
      rowHeader: true,
      render: (candidate) => (
        <>
          <a href={routeToHash({ section: 'candidates', id: candidate.id })}>
            {candidate.lastName === '' && candidate.firstName === '' ? (
              <span>{t('retention.ui.anonymisedFile')}</span>
            ) : (
              <>
                <span className="last-name">{candidate.lastName}</span> <span>{candidate.firstName}</span>
              </>
            )}
          </a>
          {candidate.archivedAt && <span className="tag">{t('candidates.ui.archived.tag')}</span>}
        </>
      ),
    },
    { key: 'commune', header: t('candidates.ui.fields.commune'), width: 'minmax(110px, 1fr)', render: (candidate) => candidate.commune },
    {
      key: 'french',
      header: t('candidates.ui.list.columns.french'),
      width: '124px',
      render: (candidate) => t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`),
    },
    {
      key: 'status',
      header: t('candidates.ui.fields.status'),
      width: '190px',
      // Cut to the column in the longer languages ("Uscito dal programma"), whole on hover.
      render: (candidate) => (
        <span className={`status status-${candidate.status}`} title={t(`candidates.values.statuses.${candidate.status}`)}>
          <span className="status-label">{t(`candidates.values.statuses.${candidate.status}`)}</span>
        </span>
      ),
    },
    {
      key: 'expiry',
      header: t('candidates.ui.list.columns.expiry'),
      width: '162px',
      render: (candidate) => candidate.authorisationExpiry && <ExpiryDate date={candidate.authorisationExpiry} />,
    },
    {
      key: 'phone',
      header: t('candidates.ui.fields.phone'),
      width: '142px',
      render: (candidate) => candidate.phone && formatPhone(candidate.phone),
    },
    {
      key: 'updated',
      header: t('candidates.ui.list.updatedAt'),
      width: '116px',
      render: (candidate) => <time dateTime={candidate.updatedAt}>{formatDate(candidate.updatedAt, i18n.language)}</time>,
    },
  ];

  const sectorOptions = sectors.map((sector) => ({ value: sector.id, label: sectorLabel(sector, t) }));

  return (
    <div className="screen candidate-list">
      <header className="screen-header">
        <h1>{t('candidates.ui.list.title')}</h1>
        <div className="screen-header-actions">
          {mayExport && (
            <ListExportMenu
              list="candidates"
              exportList={(format, language, more) => call('candidates.export', { format, language, more, filters: toListInput(filters) })}
            />
          )}
          {mayImport && (
            <a className="button button-secondary" href={sheetImportHash} data-testid="sheet-import-link">
              {t('sheets.ui.fromList')}
            </a>
          )}
          <button type="button" className="button button-primary" onClick={() => navigate({ section: 'candidates', id: 'new' })}>
            <PlusIcon />
            <span>{t('candidates.ui.new')}</span>
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchField
          id="candidate-search"
          label={t('candidates.ui.list.searchLabel')}
          placeholder={t('candidates.ui.list.searchPlaceholder')}
          value={filters.query}
          onChange={filters.setQuery}
        />
        <SegmentedChoice
          name="archive-filter"
          legend={t('candidates.ui.list.filterLabel')}
          options={ARCHIVE_FILTERS}
          value={filters.archived}
          label={(option) => t(`candidates.ui.list.filters.${option}`)}
          onChange={filters.setArchived}
        />
        <SortSelect
          label={t('candidates.ui.list.sortLabel')}
          value={filters.order}
          options={SORT_ORDER_NAMES}
          optionLabel={(order) => t(`candidates.ui.list.sorts.${order}`)}
          onChange={(order) => filters.set({ order })}
        />
        <p className="result-count" aria-live="polite" data-testid="candidate-count">
          {list.status === 'ready' &&
            list.total > 0 &&
            t(list.total === 1 ? 'candidates.ui.list.countOne' : 'candidates.ui.list.countMany', { count: list.total })}
        </p>
      </div>

      <fieldset className="filter-row">
        <legend className="visually-hidden">{t('candidates.ui.list.filtersLegend')}</legend>
        <FilterSelect
          label={t('candidates.ui.fields.status')}
          anyLabel={t('candidates.ui.list.any.status')}
          value={filters.status}
          options={choices(FOLLOW_UP_STATUSES, t, 'candidates.values.statuses')}
          onChange={(status) => filters.set({ status })}
        />
        <FilterSelect
          label={t('candidates.ui.fields.frenchLevel')}
          anyLabel={t('candidates.ui.list.any.frenchLevel')}
          value={filters.frenchLevel}
          options={choices(FRENCH_LEVELS, t, 'candidates.ui.list.frenchAtLeast')}
          onChange={(frenchLevel) => filters.set({ frenchLevel })}
        />
        <FilterSelect
          label={t('candidates.ui.fields.sectors')}
          anyLabel={t('candidates.ui.list.any.sector')}
          value={filters.sectorId}
          options={sectorOptions}
          onChange={(sectorId) => filters.set({ sectorId })}
        />
        <FilterSelect
          label={t('candidates.ui.list.expiryFilter')}
          anyLabel={t('candidates.ui.list.any.expiry')}
          value={filters.expiringWithin === null ? null : String(filters.expiringWithin)}
          options={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: t('candidates.ui.list.expiringWithin', { count: days }) }))}
          onChange={(value) => filters.set({ expiringWithin: EXPIRY_WINDOWS.find((days) => String(days) === value) ?? null })}
        />
        <FilterSelect
          label={t('candidates.ui.fields.referralPartner')}
          anyLabel={t('candidates.ui.list.any.partner')}
          value={filters.partnerId}
          options={offered(partners, [filters.partnerId])}
          onChange={(partnerId) => filters.set({ partnerId })}
        />
        <FilterSelect
          label={t('candidates.ui.fields.assignedPair')}
          anyLabel={t('candidates.ui.list.any.pair')}
          value={filters.pairId}
          options={offered(pairs, [filters.pairId])}
          onChange={(pairId) => filters.set({ pairId })}
        />
        <FilterSelect
          label={t('candidates.ui.list.programmeFilter')}
          anyLabel={t('candidates.ui.list.any.programme')}
          value={filters.programmeId}
          options={offered(programmes, [filters.programmeId])}
          onChange={(programmeId) => filters.set({ programmeId })}
        />
        {narrowed && (
          <button type="button" className="button button-link" onClick={filters.clearNarrowing}>
            {t('candidates.ui.list.clearFilters')}
          </button>
        )}
      </fieldset>

      <RecordListBody list={list} empty={<NoCandidates />}>
        <VirtualTable
          list={list}
          columns={columns}
          caption={t(`candidates.ui.list.captions.${filters.order}`)}
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
      <EmptyState icon={<SectionIcon section="candidates" />} title={t(`candidates.ui.list.empty.${filters.archived}.title`)}>
        <p>{t(`candidates.ui.list.empty.${filters.archived}.body`)}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<SearchIcon />}
      title={query === '' ? t('candidates.ui.list.noMatch.filtersTitle') : t('candidates.ui.list.noMatch.title', { query })}
    >
      {query !== '' && <p>{t('candidates.ui.list.noMatch.body')}</p>}
      {filters.archived !== 'all' && <p>{t(`candidates.ui.list.noMatch.${filters.archived}`)}</p>}
      {narrowed && (
        <button type="button" className="button button-secondary" onClick={filters.clearNarrowing}>
          {t('candidates.ui.list.clearFilters')}
        </button>
      )}
    </EmptyState>
  );
}
