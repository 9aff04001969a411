import { useTranslation } from 'react-i18next';
import { sheetImportHash, sheetImportHashOf } from '../app/routes';

const OTHER_KINDS = ['employers', 'jobNeeds', 'volunteers', 'partners'] as const;

/** The way in to bringing the association's existing spreadsheets (people, employers, job needs, volunteers, partners) into Tremplin. */
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
      <p className="muted">{t('sheets.ui.settingsOthers')}</p>
      <ul className="sheet-settings-kinds">
        {OTHER_KINDS.map((kind) => (
          <li key={kind}>
            <a href={sheetImportHashOf(kind)} data-testid={`sheet-import-settings-${kind}`}>
              {t(`sheets.ui.kinds.${kind}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
