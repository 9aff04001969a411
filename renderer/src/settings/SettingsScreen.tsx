import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { BackupsSettings } from './BackupsSettings';
import { SectorSettings } from './SectorSettings';
import { SheetImportSettings } from './SheetImportSettings';
import { TargetsSettings } from './TargetsSettings';

export function SettingsScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="screen screen-narrow">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.title')}
        </h1>
      </header>
      <TargetsSettings />
      <SectorSettings />
      <BackupsSettings />
      <SheetImportSettings />
    </div>
  );
}
