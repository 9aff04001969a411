import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionVisit } from '../../../shared/sessions';
import { formatPhone } from '../app/phone';
import { routeToHash } from '../app/routes';
import { ExpiryDate } from '../candidates/ExpiryDate';
import { folded } from '../ui/text';
import { formatTime } from './format';
import { TableScroll } from '../ui/TableScroll';

function searchText(visit: SessionVisit): string {
  const phone = visit.phone ? `${visit.phone} ${formatPhone(visit.phone).replace(/\s/g, '')}` : '';
  return folded(`${visit.firstName} ${visit.lastName} ${phone} ${visit.note ?? ''}`);
}

interface VisitsTableProps {
  visits: SessionVisit[];
  /** What is typed in the filter box. */
  filter: string;
  /** The visit just recorded, drawn out for a moment. */
  highlightId: string | null;
  readOnly: boolean;
  onRemove(visit: SessionVisit): Promise<void>;
}

/** The people seen at a session, newest first; each name opens the person's file. */
export function VisitsTable({ visits, filter, highlightId, readOnly, onRemove }: VisitsTableProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so Enter confirms and Tab reaches "Keep".
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const words = folded(filter).split(/\s+/).filter(Boolean);
  const shown = [...visits].reverse().filter((visit) => {
    const text = searchText(visit);
    return words.every((word) => text.includes(word));
  });

  if (visits.length === 0) return <p className="empty-line">{t('sessions.ui.visits.empty')}</p>;
  if (shown.length === 0) return <p className="empty-line">{t('sessions.ui.visits.noMatch', { query: filter.trim() })}</p>;

  return (
    <TableScroll>
      <table className="data-table visits-table">
        <caption className="visually-hidden">{t('sessions.ui.visits.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-name">{t('sessions.ui.visits.columns.name')}</th>
            <th scope="col" className="col-phone">{t('sessions.ui.visits.columns.phone')}</th>
            <th scope="col" className="col-level">{t('sessions.ui.visits.columns.frenchLevel')}</th>
            <th scope="col" className="col-auth">{t('sessions.ui.visits.columns.authorisation')}</th>
            <th scope="col" className="col-note">{t('sessions.ui.visits.columns.note')}</th>
            <th scope="col" className="col-time">{t('sessions.ui.visits.columns.time')}</th>
            {!readOnly && (
              <th scope="col" className="col-action">
                <span className="visually-hidden">{t('sessions.ui.visits.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((visit) => {
            const name = `${visit.firstName} ${visit.lastName}`;
            return (
              <tr key={visit.id} data-testid="visit-row" className={visit.id === highlightId ? 'row-new' : undefined}>
                <th scope="row">
                  <a href={routeToHash({ section: 'candidates', id: visit.candidateId })}>
                    <span className="last-name">{visit.lastName}</span> <span>{visit.firstName}</span>
                  </a>
                </th>
                <td className="nowrap" title={visit.phone ? formatPhone(visit.phone) : undefined}>
                  {visit.phone && formatPhone(visit.phone)}
                </td>
                <td className="nowrap" title={t(`common.values.frenchLevels.${visit.frenchLevel}`)}>
                  {t(`candidates.values.frenchLevelsShort.${visit.frenchLevel}`)}
                </td>
                <td>
                  {visit.authorisationDocument && <span>{t(`candidates.values.documents.${visit.authorisationDocument}`)}</span>}
                  {visit.authorisationExpiry && (
                    <span className="cell-secondary">
                      {t('sessions.ui.visits.until')} <ExpiryDate date={visit.authorisationExpiry} />
                    </span>
                  )}
                </td>
                <td className="visit-note">{visit.note}</td>
                <td className="nowrap">
                  <time dateTime={visit.seenAt}>{formatTime(visit.seenAt, i18n.language)}</time>
                </td>
                {!readOnly && (
                  <td className="cell-action">
                    {confirming === visit.id ? (
                      <span className="confirm-actions">
                        <button
                          ref={confirmRef}
                          type="button"
                          className="button button-danger"
                          onClick={() => {
                            setConfirming(null);
                            void onRemove(visit);
                          }}
                        >
                          {t('sessions.ui.visits.confirmRemove')}
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
                          {t('sessions.ui.visits.keep')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={t('sessions.ui.visits.removeLabel', { name })}
                        onClick={() => setConfirming(visit.id)}
                      >
                        {t('sessions.ui.visits.remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
