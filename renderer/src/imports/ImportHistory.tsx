import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetImportSummary } from '../../../shared/sheets';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import type { ApiValue } from '../ui/useApiValue';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TableScroll } from '../ui/TableScroll';

interface History {
  state: ApiValue<SheetImportSummary[]>;
  reload(): Promise<void>;
}

/** The spreadsheets brought in lately, each with "undo" while nothing has touched what it created. */
export function ImportHistory({ history }: { history: History }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (history.state.status === 'error') return <ErrorAlert messageKey={history.state.messageKey} />;
  if (history.state.status !== 'ready' || history.state.value.length === 0) return null;

  async function undo(id: string) {
    setBusy(true);
    setError(null);
    const result = await call('sheets.undo', { id });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice('sheets.ui.undoDone');
    await history.reload();
  }

  return (
    <section className="card sheet-step" aria-labelledby="sheet-history-title" data-testid="sheet-history">
      <h2 id="sheet-history-title">{t('sheets.ui.historyTitle')}</h2>
      <ErrorAlert messageKey={error} />
      <TableScroll label={t('sheets.ui.historyTitle')}>
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{t('sheets.ui.historyFile')}</th>
              <th scope="col">{t('sheets.ui.historyKind')}</th>
              <th scope="col">{t('sheets.ui.historyDate')}</th>
              <th scope="col">{t('sheets.ui.historyCreated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sheets.ui.historyActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.state.value.map((entry) => (
              <Fragment key={entry.id}>
                <tr data-testid="sheet-history-row">
                  <th scope="row">{entry.fileName}</th>
                  <td>{t(`sheets.ui.kinds.${entry.kind}`)}</td>
                  <td>{formatDate(entry.importedAt, i18n.language)}</td>
                  <td className="number">
                    {entry.created}
                    {entry.merged > 0 && <span className="muted sheet-history-merged">{t('sheets.ui.doneMerged', { count: entry.merged })}</span>}
                  </td>
                  <td className="cell-action">
                    {entry.undoneAt ? (
                      <span className="tag tag-muted">{t('sheets.ui.undoneOn', { date: formatDate(entry.undoneAt, i18n.language) })}</span>
                    ) : (
                      <button type="button" className="button button-secondary" disabled={confirming === entry.id} onClick={() => setConfirming(entry.id)}>
                        {t('sheets.ui.undo')}
                      </button>
                    )}
                  </td>
                </tr>
                {confirming === entry.id && !entry.undoneAt && (
                  <tr className="sheet-confirm-row" data-testid="sheet-undo-confirm">
                    <td colSpan={5}>
                      <div className="sheet-confirm">
                        <span>{t('sheets.ui.undoQuestion', { count: entry.created })}</span>
                        <button type="button" className="button button-danger" disabled={busy} onClick={() => void undo(entry.id)}>
                          {t('sheets.ui.undoConfirm')}
                        </button>
                        <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(null)}>
                          {t('sheets.ui.undoKeep')}
                        </button>
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
