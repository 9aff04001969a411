import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/languages';
import { LIST_EXPORT_FORMATS, type ListExport, type ListExportFormat } from '../../../shared/lists';
import { downloadBase64 } from '../exchange/files';
import { currentLanguage } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/**
 * "Export" on a list: the rows it shows (its filters and search) as an Excel or CSV file, with
 * headers in the language on screen; the file is offered like every other download.
 */
export function ListExportMenu({ exportList }: { exportList(format: ListExportFormat, language: Language): Promise<ApiResult<ListExport>> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ListExportFormat, menu: HTMLDetailsElement | null) {
    menu?.removeAttribute('open');
    setBusy(true);
    setError(null);
    const result = await exportList(format, currentLanguage());
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
          {busy ? t('sheets.ui.export.exporting') : t('sheets.ui.export.button')}
        </summary>
        <fieldset className="list-export-choices">
          <legend className="visually-hidden">{t('sheets.ui.export.formatLabel')}</legend>
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
      </details>
      <ErrorAlert messageKey={error} />
    </div>
  );
}
