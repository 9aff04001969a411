import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ARCHIVE_FILTERS } from '../../../shared/candidates';
import { SearchIcon } from '../app/icons';
import { EmptyState } from './EmptyState';

interface ListEmptyStateProps {
  icon: ReactNode;
  /** Where the list's texts live (`employers.ui.list`): `empty.ARCHIVED.*`, `noMatch.*`, `clearFilters`. */
  texts: 'employers.ui.list' | 'partners.ui.list';
  query: string;
  archived: (typeof ARCHIVE_FILTERS)[number];
  /** A filter other than the search and the archive choice is in use. */
  narrowed: boolean;
  onClearFilters(): void;
}

/** Nothing to show: why (a search, filters, or no record yet) and what to do about it. */
export function ListEmptyState({ icon, texts, query, archived, narrowed, onClearFilters }: ListEmptyStateProps) {
  const { t } = useTranslation();
  const search = query.trim();
  if (search === '' && !narrowed) {
    return (
      <EmptyState icon={icon} title={t(`${texts}.empty.${archived}.title`)}>
        <p>{t(`${texts}.empty.${archived}.body`)}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<SearchIcon />} title={search === '' ? t(`${texts}.noMatch.filtersTitle`) : t(`${texts}.noMatch.title`, { query: search })}>
      {search !== '' && <p>{t(`${texts}.noMatch.body`)}</p>}
      {archived !== 'all' && <p>{t(`${texts}.noMatch.${archived}`)}</p>}
      {narrowed && (
        <button type="button" className="button button-secondary" onClick={onClearFilters}>
          {t(`${texts}.clearFilters`)}
        </button>
      )}
    </EmptyState>
  );
}
