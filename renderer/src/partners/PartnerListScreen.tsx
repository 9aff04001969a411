import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS } from '../../../shared/domain';
import type { PartnerSummary } from '../../../shared/partners';
import { formatPhone } from '../app/phone';
import { SheetImportLink } from '../imports/SheetImportLink';
import { RECORD_ORDERS, type RecordOrder, RecordListScreen, nameColumn } from '../ui/RecordListScreen';
import { FilterSelect, SortSelect } from '../ui/FilterSelect';
import type { Column } from '../ui/VirtualTable';
import { useRecordList } from '../ui/useRecordList';
import { toListInput, usePartnerListFilters } from './listFilters';

export function PartnerListScreen() {
  const { t } = useTranslation();
  const filters = usePartnerListFilters();
  const list = useRecordList('partners.list', toListInput(filters));

  const columns: Column<PartnerSummary>[] = [
    nameColumn('partners', t('partners.ui.fields.name'), t('partners.ui.list.archivedTag'), 'minmax(220px, 2.2fr)'),
    { key: 'kind', header: t('partners.ui.fields.kind'), width: 'minmax(170px, 1.6fr)', render: (partner) => t(`partners.values.kinds.${partner.kind}`) },
    { key: 'commune', header: t('partners.ui.fields.commune'), width: 'minmax(120px, 1fr)', render: (partner) => partner.commune },
    { key: 'phone', header: t('partners.ui.fields.phone'), width: '150px', render: (partner) => partner.phone && formatPhone(partner.phone) },
    {
      key: 'referred',
      header: t('partners.ui.list.columns.referred'),
      width: '150px',
      render: (partner) => <span className="number">{t('partners.ui.list.referredCount', { count: partner.referredCount })}</span>,
    },
  ];

  return (
    <RecordListScreen
      section="partners"
      list={list}
      columns={columns}
      filters={filters}
      narrowed={filters.kind !== null}
      onClearFilters={() => filters.set({ kind: null })}
      caption={t(`partners.ui.list.captions.${filters.order}`)}
      actions={<SheetImportLink kind="partners" />}
      selects={
        <FilterSelect
          label={t('partners.ui.fields.kind')}
          anyLabel={t('partners.ui.list.anyKind')}
          value={filters.kind}
          options={PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`partners.values.kinds.${kind}`) }))}
          onChange={(kind) => filters.set({ kind })}
        />
      }
      order={
        <SortSelect
          label={t('partners.ui.list.sortLabel')}
          value={filters.order}
          options={Object.keys(RECORD_ORDERS) as RecordOrder[]}
          optionLabel={(order) => t(`partners.ui.list.sorts.${order}`)}
          onChange={(order) => filters.set({ order })}
        />
      }
    />
  );
}
