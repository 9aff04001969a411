import { useTranslation } from 'react-i18next';
import { sheetImportHash } from '../app/routes';

/** The way in to bringing the association's existing spreadsheet of people into Tremplin. */
export function SheetImportSettings() {
  const { t } = useTranslation();
  return (
    <section className="card settings-card" aria-labelledby="sheet-import-settings-title" data-testid="sheet-import-settings">
      <h2 id="sheet-import-settings-title">{t('sheets.ui.settingsTitle')}</h2>
      <p className="muted">{t('sheets.ui.settingsIntro')}</p>
      <p>
        <a className="button button-secondary" href={sheetImportHash}>
          {t('sheets.ui.settingsOpen')}
        </a>
      </p>
    </section>
  );
}
