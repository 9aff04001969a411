import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSummary } from '../../../shared/candidates';
import { formatDate, formatPhone } from '../app/format';
import { routeToHash, useNavigation } from '../app/navigation';

export function CandidateTable({ items }: { items: CandidateSummary[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);

  /** A mouse shortcut: the link in the first cell is the keyboard's (and screen reader's) way in. */
  function openFromRow(event: MouseEvent, id: string) {
    // Let people select a phone number to copy it without opening the record.
    if (window.getSelection()?.toString()) return;
    if ((event.target as HTMLElement).closest('a')) return;
    navigate({ section: 'candidates', id });
  }

  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('candidates.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('candidates.fields.name')}</th>
          <th scope="col">{t('candidates.fields.commune')}</th>
          <th scope="col">{t('candidates.fields.frenchLevel')}</th>
          <th scope="col">{t('candidates.fields.phone')}</th>
          <th scope="col">{t('candidates.list.updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((candidate) => (
          <tr key={candidate.id} className="clickable-row" data-testid="candidate-row" onClick={(event) => openFromRow(event, candidate.id)}>
            <th scope="row">
              <a href={routeToHash({ section: 'candidates', id: candidate.id })}>
                <span className="last-name">{candidate.lastName}</span>{' '}
                <span>{candidate.firstName}</span>
              </a>
              {candidate.archivedAt && <span className="tag">{t('candidates.archived.tag')}</span>}
            </th>
            <td>{candidate.commune}</td>
            <td>{t(`frenchLevels.${candidate.frenchLevel}`)}</td>
            <td className="nowrap">{candidate.phone && formatPhone(candidate.phone)}</td>
            <td className="nowrap">
              <time dateTime={candidate.updatedAt}>{formatDate(candidate.updatedAt, i18n.language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
