import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerSummary } from '../../../shared/volunteers';
import { formatPhone } from '../app/phone';
import { PlusIcon, SearchIcon, SectionIcon } from '../app/icons';
import { useNavigation } from '../app/navigation';
import { call } from '../api/client';
import { EmptyState } from '../ui/EmptyState';
import { ListExportMenu } from '../ui/ListExportMenu';
import { FilterSelect } from '../ui/FilterSelect';
import { RecordListBody } from '../ui/RecordListBody';
import { SearchField } from '../ui/SearchField';
import { sectorLabel, useSectors } from '../ui/sectors';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useApiValue } from '../ui/useApiValue';
import { useRecordList } from '../ui/useRecordList';
import { type Column, VirtualTable } from '../ui/VirtualTable';
import { VolunteerTabs } from './VolunteerTabs';
import { VIEW_FILTERS, VOLUNTEER_VIEWS, useVolunteerListFilters } from './listFilters';
import { pairScope } from './names';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';
import { SheetImportLink } from '../imports/SheetImportLink';

export function VolunteerListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const { query, view, sectorId, setQuery, setView, setSectorId } = useVolunteerListFilters();
  const { sectors } = useSectors();
  const shown = { query, ...VIEW_FILTERS[view], ...(sectorId ? { sectorId } : {}) };
  const list = useRecordList('volunteers.list', shown);

  // What each volunteer's pairs work on, for the "Pairs" column (an association has a dozen pairs).
  const { state: pairsState } = useApiValue('pairs.list', { archived: 'active' });
  const pairScopes = useMemo(() => {
    const scopes = new Map<string, string[]>();
    if (pairsState.status !== 'ready') return scopes;
    for (const pair of pairsState.value) {
      for (const member of [pair.firstVolunteer, pair.secondVolunteer]) {
        scopes.set(member.id, [...(scopes.get(member.id) ?? []), pairScope(pair, t)]);
      }
    }
    return scopes;
  }, [pairsState, t]);

  const columns: Column<VolunteerSummary>[] = [
    {
      key: 'name',
      header: t('volunteers.ui.fields.name'),
      width: 'minmax(190px, 2fr)',
      rowHeader: true,
      render: (volunteer) => (
        <a href={routeToHash({ section: 'volunteers', id: volunteer.id })}>
          <span className="last-name">{volunteer.lastName}</span> <span>{volunteer.firstName}</span>
        </a>
      ),
    },
    {
      key: 'phone',
      header: t('volunteers.ui.fields.phone'),
      width: '150px',
      render: (volunteer) => volunteer.phone && formatPhone(volunteer.phone),
    },
    {
      key: 'sectors',
      header: t('volunteers.ui.fields.sectors'),
      width: 'minmax(160px, 2fr)',
      render: (volunteer) => volunteer.sectors.map((sector) => sectorLabel(sector, t)).join(', '),
    },
    {
      key: 'pairs',
      header: t('volunteers.ui.fields.pairs'),
      width: 'minmax(140px, 1.5fr)',
      render: (volunteer) => pairScopes.get(volunteer.id)?.join(', '),
    },
    {
      key: 'status',
      header: t('volunteers.ui.fields.status'),
      width: '120px',
      render: (volunteer) => <VolunteerStatus volunteer={volunteer} />,
    },
  ];

  const searching = query.trim() !== '' || sectorId !== '';

  const mayCreate = useMay('volunteers.create');
  const mayExport = useMay('volunteers.export');
  return (
    <div className="screen screen-with-tabs">
      <header className="screen-header">
        <h1>{t('volunteers.ui.list.title')}</h1>
        <div className="screen-header-actions">
          <SheetImportLink kind="volunteers" />
          {mayExport && <ListExportMenu list="volunteers" exportList={(format, language, more) => call('volunteers.export', { format, language, more, filters: shown })} />}
          {mayCreate && (
            <button type="button" className="button button-primary" onClick={() => navigate({ section: 'volunteers', id: 'new' })}>
              <PlusIcon />
              <span>{t('volunteers.ui.new')}</span>
            </button>
          )}
        </div>
      </header>
      <VolunteerTabs current="volunteers" />

      <div className="toolbar">
        <SearchField
          id="volunteer-search"
          label={t('volunteers.ui.list.searchLabel')}
          placeholder={t('volunteers.ui.list.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <SegmentedChoice
          name="volunteer-view"
          legend={t('volunteers.ui.list.viewLabel')}
          options={VOLUNTEER_VIEWS}
          value={view}
          label={(option) => t(`volunteers.ui.list.views.${option}`)}
          onChange={setView}
        />
        <FilterSelect
          label={t('volunteers.ui.list.sectorLabel')}
          anyLabel={t('volunteers.ui.list.allSectors')}
          value={sectorId || null}
          options={sectors.map((sector) => ({ value: sector.id, label: sectorLabel(sector, t) }))}
          onChange={(value) => setSectorId(value ?? '')}
        />
        <p className="result-count" aria-live="polite" data-testid="volunteer-count">
          {list.status === 'ready' && list.total > 0 && t(list.total === 1 ? 'volunteers.ui.list.countOne' : 'volunteers.ui.list.countMany', { count: list.total })}
        </p>
      </div>

      <RecordListBody
        list={list}
        empty={
          searching ? (
            <EmptyState icon={<SearchIcon />} title={t('volunteers.ui.list.noMatch.title')}>
              <p>{t('volunteers.ui.list.noMatch.body')}</p>
            </EmptyState>
          ) : (
            <EmptyState icon={<SectionIcon section="volunteers" />} title={t(`volunteers.ui.list.empty.${view}.title`)}>
              <p>{t(`volunteers.ui.list.empty.${view}.body`)}</p>
            </EmptyState>
          )
        }
      >
        <VirtualTable
          list={list}
          columns={columns}
          caption={t('volunteers.ui.list.caption')}
          rowKey={(volunteer) => volunteer.id}
          onOpen={(volunteer) => navigate({ section: 'volunteers', id: volunteer.id })}
          testId="volunteer-row"
        />
      </RecordListBody>
    </div>
  );
}

/** Archived, taking a break, or volunteering. */
export function VolunteerStatus({ volunteer }: { volunteer: Pick<VolunteerSummary, 'active' | 'archivedAt'> }) {
  const { t } = useTranslation();
  if (volunteer.archivedAt) return <span className="tag">{t('volunteers.ui.status.archived')}</span>;
  if (!volunteer.active) return <span className="tag tag-muted">{t('volunteers.ui.status.inactive')}</span>;
  return <span className="tag tag-ok">{t('volunteers.ui.status.active')}</span>;
}
