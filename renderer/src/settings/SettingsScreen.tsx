import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { useMay } from '../session/useMay';
import { SmallCellSetting } from '../reports/SmallCellSetting';
import { BackupsSettings } from './BackupsSettings';
import { RetentionSettings } from './RetentionSettings';
import { ProgrammeSettings } from './ProgrammeSettings';
import { SectorSettings } from './SectorSettings';
import { SettingsTabs } from './SettingsTabs';
import { SheetImportSettings } from './SheetImportSettings';
import { TargetsSettings } from './TargetsSettings';

export function SettingsScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const maySettings = useMay('dashboard.setTargets');
  const mayBackups = useMay('backups.status');
  const mayImport = useMay('sheets.open');
  const mayRetention = useMay('retention.saveSettings');
  return (
    <div className="screen screen-narrow">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.ui.title')}
        </h1>
      </header>
      <SettingsTabs current="general" />
      {maySettings && <TargetsSettings />}
      {maySettings && <SectorSettings />}
      {maySettings && <ProgrammeSettings />}
      {maySettings && <SmallCellSetting />}
      {mayRetention && <RetentionSettings />}
      {mayBackups && <BackupsSettings />}
      {mayImport && <SheetImportSettings />}
    </div>
  );
}
