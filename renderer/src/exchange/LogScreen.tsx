import { dateFormat } from '../../../shared/dateFormat';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { TableScroll } from '../ui/TableScroll';

const PAGE_SIZE = 50;

/** Every export and import: when, who, which way, with whom, how many files and how protected. */
export function LogScreen() {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { state } = useApiValue('exchange.log', { limit: PAGE_SIZE, offset });
  const page = state.status === 'ready' ? state.value : null;
  const time = dateFormat(i18n.language, { timeStyle: 'short' });

  return (
    <section className="card exchange-panel" aria-labelledby="exchange-log-title">
      <h2 id="exchange-log-title">{t('exchange.ui.log.title')}</h2>
      <p className="muted">{t('exchange.ui.log.intro')}</p>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {page && page.total === 0 && <p className="empty-line">{t('exchange.ui.log.empty')}</p>}
      {page && page.total > 0 && (
        <>
          <TableScroll label={t('exchange.ui.log.title')}>
            <table className="data-table compact-table exchange-log" data-testid="exchange-log">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.ui.log.when')}</th>
                  <th scope="col">{t('exchange.ui.log.direction')}</th>
                  <th scope="col">{t('exchange.ui.log.with')}</th>
                  <th scope="col" className="number">
                    {t('exchange.ui.log.files')}
                  </th>
                  <th scope="col">{t('exchange.ui.log.protection')}</th>
                  <th scope="col">{t('exchange.ui.log.who')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((entry) => (
                  <tr key={entry.id} data-testid="exchange-log-row">
                    <td className="nowrap">
                      {formatDate(entry.at, i18n.language)} <span className="muted">{time.format(new Date(entry.at))}</span>
                    </td>
                    <td>
                      <span className={`tag ${entry.direction === 'export' ? 'tag-ok' : 'tag-muted'} log-direction`}>{t(`exchange.ui.log.directions.${entry.direction}`)}</span>
                    </td>
                    <td>
                      {entry.counterpartName ?? t('exchange.ui.none')}
                      {entry.fileName && <span className="cell-secondary">{entry.fileName}</span>}
                    </td>
                    <td className="number">{entry.candidates}</td>
                    <td>{t(entry.byPassphrase ? 'exchange.ui.log.byPassphrase' : 'exchange.ui.log.byKey')}</td>
                    <td>{entry.actor ?? <span className="muted">{t('exchange.ui.log.unknownActor')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {page.total > PAGE_SIZE && (
            <div className="exchange-actions log-pages">
              <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('exchange.ui.log.newer')}
              </button>
              <span className="muted">{t('exchange.ui.log.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, page.total), total: page.total })}</span>
              <button type="button" className="button button-secondary" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('exchange.ui.log.older')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
