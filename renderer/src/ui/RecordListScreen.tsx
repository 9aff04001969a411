import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_FILTERS } from '../../../shared/candidates';
import { PlusIcon, SectionIcon } from '../app/icons';
import { useNavigation } from '../app/navigation';
import { RecordListBody } from './RecordListBody';
import { SearchField } from './SearchField';
import { SegmentedChoice } from './SegmentedChoice';
import { type Column, VirtualTable } from './VirtualTable';
import type { RecordList } from './useRecordList';
import { ListEmptyState } from './ListEmptyState';
import { type Section, routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';

type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/** The orders of the employers' and partners' lists, each with the direction people expect from it. */
export const RECORD_ORDERS = {
  name: { sort: 'name', descending: false },
  updated: { sort: 'updated', descending: true },
  created: { sort: 'created', descending: true },
} as const;
export type RecordOrder = keyof typeof RECORD_ORDERS;

interface RecordListScreenProps<T extends { id: string }> {
  section: Extract<Section, 'employers' | 'partners'>;
  list: RecordList<T>;
  columns: Column<T>[];
  /** The list's filters store: the search and the archive choice, and how to change them. */
  filters: { query: string; archived: ArchiveFilter; set(change: { query?: string; archived?: ArchiveFilter }): void };
  /** The filter row's selects. */
  selects: ReactNode;
  narrowed: boolean;
  onClearFilters(): void;
  /** The list's order ("Trier par"), in the toolbar. */
  order: ReactNode;
  /** Already translated: says how the rows are ordered, for screen readers. */
  caption: string;
  /** Beside "New": what else the list offers (its export). */
  actions?: ReactNode;
}

/**
 * The list of a section's records (employers, partners): a search, the archive choice and the
 * count, a row of filters and the order, then a table of any length. Texts live under `employers.list` or `partners.list`.
 */
export function RecordListScreen<T extends { id: string }>({
  section,
  list,
  columns,
  filters,
  selects,
  narrowed,
  actions,
  onClearFilters,
  order,
  caption,
}: RecordListScreenProps<T>) {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const texts = `${section}.ui.list` as const;
  const mayCreate = useMay(section === 'employers' ? 'employers.create' : 'partners.create');
  const { query, archived } = filters;

  return (
    <div className="screen list-with-filters">
      <header className="screen-header">
        <h1>{t(`${texts}.title`)}</h1>
        <div className="screen-header-actions">
          {actions}
          {mayCreate && (
            <button type="button" className="button button-primary" onClick={() => navigate({ section, id: 'new' })}>
              <PlusIcon />
              <span>{t(`${section}.ui.new`)}</span>
            </button>
          )}
        </div>
      </header>

      <div className="toolbar">
        <SearchField
          id={`${section}-search`}
          label={t(`${texts}.searchLabel`)}
          placeholder={t(`${texts}.searchPlaceholder`)}
          value={query}
          onChange={(change) => filters.set({ query: change })}
        />
        <SegmentedChoice
          name={`${section}-archive-filter`}
          legend={t(`${texts}.filterLabel`)}
          options={ARCHIVE_FILTERS}
          value={archived}
          label={(option) => t(`${texts}.archiveFilters.${option}`)}
          onChange={(change) => filters.set({ archived: change })}
        />
        {order}
        <p className="result-count" aria-live="polite" data-testid={`${section}-count`}>
          {list.status === 'ready' && list.total > 0 && t(`${texts}.count`, { count: list.total })}
        </p>
      </div>

      <fieldset className="filter-row">
        <legend className="visually-hidden">{t(`${texts}.filtersLegend`)}</legend>
        {selects}
        {narrowed && (
          <button type="button" className="button button-link" onClick={onClearFilters}>
            {t(`${texts}.clearFilters`)}
          </button>
        )}
      </fieldset>

      <RecordListBody
        list={list}
        empty={
          <ListEmptyState
            icon={<SectionIcon section={section} />}
            texts={texts}
            query={query}
            archived={archived}
            narrowed={narrowed}
            onClearFilters={onClearFilters}
          />
        }
      >
        <VirtualTable
          list={list}
          columns={columns}
          caption={caption}
          rowKey={(item) => item.id}
          onOpen={(item) => navigate({ section, id: item.id })}
          testId={`${section}-row`}
        />
      </RecordListBody>
    </div>
  );
}

type NamedRecord = { id: string; name: string; archivedAt: string | null };

/** The first column of these lists: the record's name as the link into it, and a tag once archived. */
export function nameColumn<T extends NamedRecord>(section: RecordListScreenProps<T>['section'], header: string, archivedTag: string, width: string): Column<T> {
  return {
    key: 'name',
    header,
    width,
    rowHeader: true,
    render: (record) => (
      <>
        <a href={routeToHash({ section, id: record.id })} className="strong">
          {record.name}
        </a>
        {record.archivedAt && <span className="tag">{archivedTag}</span>}
      </>
    ),
  };
}
