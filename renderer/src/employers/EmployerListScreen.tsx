import { useTranslation } from 'react-i18next';
import type { EmployerSummary } from '../../../shared/employers';
import { formatDate } from '../app/format';
import { formatSiret } from '../../../shared/employers';
import { call } from '../api/client';
import { FilterSelect, SortSelect } from '../ui/FilterSelect';
import { ListExportMenu } from '../ui/ListExportMenu';
import type { Column } from '../ui/VirtualTable';
import { useSectors } from '../ui/sectors';
import { useRecordList } from '../ui/useRecordList';
import { RECORD_ORDERS, type RecordOrder, RecordListScreen, nameColumn } from '../ui/RecordListScreen';
import { hasNarrowingFilters, toListInput, useEmployerListFilters } from './listFilters';
import { useSectorNames } from './sectorNames';
import { useMay } from '../session/useMay';
import { SheetImportLink } from '../imports/SheetImportLink';

const YES_NO = ['yes', 'no'] as const;

export function EmployerListScreen() {
  const { t, i18n } = useTranslation();
  const mayExport = useMay('employers.export');
  const filters = useEmployerListFilters();
  const list = useRecordList('employers.list', toListInput(filters));
  const { sectors } = useSectors();
  const sectorName = useSectorNames();

  const columns: Column<EmployerSummary>[] = [
    nameColumn('employers', t('employers.ui.fields.name'), t('employers.ui.list.archivedTag'), 'minmax(200px, 2.2fr)'),
    {
      key: 'siret',
      header: t('employers.ui.fields.siret'),
      width: '172px',
      render: (employer) => employer.siret && <span className="number">{formatSiret(employer.siret)}</span>,
    },
    {
      key: 'sector',
      header: t('employers.ui.fields.sector'),
      width: 'minmax(130px, 1.3fr)',
      // A long sector name is cut to the column; the whole name shows on hover.
      render: (employer) => employer.sectorId && <span title={sectorName(employer.sectorId)}>{sectorName(employer.sectorId)}</span>,
    },
    { key: 'commune', header: t('employers.ui.fields.commune'), width: 'minmax(120px, 1fr)', render: (employer) => employer.commune },
    {
      key: 'needs',
      header: t('employers.ui.list.columns.openNeeds'),
      width: '176px',
      // The header says what the number counts; no open need leaves the cell to its dash.
      render: (employer) => employer.openNeeds > 0 && <span className="count-pill number">{employer.openNeeds}</span>,
    },
    {
      key: 'charter',
      header: t('employers.ui.list.columns.charter'),
      width: '140px',
      render: (employer) =>
        employer.charterSignedOn && <time dateTime={employer.charterSignedOn}>{formatDate(employer.charterSignedOn, i18n.language)}</time>,
    },
  ];

  return (
    <RecordListScreen
      section="employers"
      list={list}
      columns={columns}
      filters={filters}
      narrowed={hasNarrowingFilters(filters)}
      onClearFilters={filters.clearNarrowing}
      caption={t(`employers.ui.list.captions.${filters.order}`)}
      actions={
        <>
          <SheetImportLink kind="employers" />
          {mayExport && <ListExportMenu list="employers" exportList={(format, language, more) => call('employers.export', { format, language, more, filters: toListInput(filters) })} />}
        </>
      }
      selects={
        <>
          <FilterSelect
            label={t('employers.ui.fields.sector')}
            anyLabel={t('employers.ui.list.any.sector')}
            value={filters.sectorId}
            options={sectors
              .filter((sector) => sector.archivedAt === null || sector.id === filters.sectorId)
              .map((sector) => ({ value: sector.id, label: sectorName(sector.id) }))}
            onChange={(sectorId) => filters.set({ sectorId })}
          />
          <FilterSelect
            label={t('employers.ui.list.columns.charter')}
            anyLabel={t('employers.ui.list.any.charter')}
            value={filters.charterSigned}
            options={YES_NO.map((value) => ({ value, label: t(`employers.ui.list.charter.${value}`) }))}
            onChange={(charterSigned) => filters.set({ charterSigned })}
          />
          <FilterSelect
            label={t('employers.ui.list.columns.openNeeds')}
            anyLabel={t('employers.ui.list.any.needs')}
            value={filters.openNeeds}
            options={YES_NO.map((value) => ({ value, label: t(`employers.ui.list.needs.${value}`) }))}
            onChange={(openNeeds) => filters.set({ openNeeds })}
          />
        </>
      }
      order={
        <SortSelect
          label={t('employers.ui.list.sortLabel')}
          value={filters.order}
          options={Object.keys(RECORD_ORDERS) as RecordOrder[]}
          optionLabel={(order) => t(`employers.ui.list.sorts.${order}`)}
          onChange={(order) => filters.set({ order })}
        />
      }
    />
  );
}
