import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/languages';
import { type ExportedList, LIST_COLUMNS, LIST_EXPORT_FORMATS, type ListExport, type ListExportFormat, type MoreColumn } from '../../../shared/list-columns';
import { downloadBase64 } from '../exchange/files';
import { currentLanguage } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

interface ListExportMenuProps<L extends ExportedList> {
  list: L;
  exportList(format: ListExportFormat, language: Language, more: MoreColumn<L>[]): Promise<ApiResult<ListExport>>;
  /** The button's text, where a screen holds more than one list ("Export: placements"). */
  label?: string;
}

/**
 * "Export" on a list: the rows it shows (its filters and search) as an Excel or CSV file, in
 * its columns plus those ticked under "More columns", with headers in the language on screen;
 * the file is offered like every other download.
 */
export function ListExportMenu<L extends ExportedList>({ list, exportList, label }: ListExportMenuProps<L>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState<MoreColumn<L>[]>([]);
  const available = Object.entries(LIST_COLUMNS[list].more) as [MoreColumn<L>, string][];

  async function download(format: ListExportFormat, menu: HTMLDetailsElement | null) {
    menu?.removeAttribute('open');
    setBusy(true);
    setError(null);
    const result = await exportList(format, currentLanguage(), more);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    downloadBase64(result.value.contentBase64, result.value.fileName);
  }

  return (
    <div className="list-export">
      <details className="list-export-menu">
        <summary className="button button-secondary" aria-busy={busy}>
          {busy ? t('sheets.ui.export.exporting') : (label ?? t('sheets.ui.export.button'))}
        </summary>
        <div className="list-export-choices">
          <fieldset className="list-export-more">
            <legend>{t('sheets.ui.export.moreColumns')}</legend>
            {available.map(([column, header]) => (
              <label key={String(column)} className="checkbox">
                <input
                  type="checkbox"
                  checked={more.includes(column)}
                  onChange={(event) => setMore(event.target.checked ? [...more, column] : more.filter((chosen) => chosen !== column))}
                />
                <span>{t(header)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="list-export-formats">
            <legend>{t('sheets.ui.export.formatLabel')}</legend>
            {LIST_EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button button-quiet"
                disabled={busy}
                onClick={(event) => void download(format, event.currentTarget.closest('details'))}
              >
                {t(`sheets.ui.export.${format}`)}
              </button>
            ))}
          </fieldset>
        </div>
      </details>
      <ErrorAlert messageKey={error} />
    </div>
  );
}
