import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../app/icons';
import { routeToHash } from '../app/routes';
import { useApiValue } from '../ui/useApiValue';

/** Every import starts with a backup: until backups are set up, say so and where to do it. */
export function BackupsReminder() {
  const { t } = useTranslation();
  const { state } = useApiValue('backups.status', {});
  if (state.status !== 'ready' || state.value.recoveryConfigured) return null;
  return (
    <div className="hint-box hint-box-warning exchange-reminder" data-testid="backups-reminder">
      <InfoIcon />
      <div>
        <p className="hint-box-title">{t('exchange.ui.backupsReminder.title')}</p>
        <p>
          {t('exchange.ui.backupsReminder.text')} <a href={routeToHash({ section: 'settings' })}>{t('exchange.ui.backupsReminder.link')}</a>
        </p>
      </div>
    </div>
  );
}
