import { useTranslation } from 'react-i18next';
import { routeToHash } from '../app/routes';

/** The two views of the section: the volunteers and their pairs. */
export function VolunteerTabs({ current }: { current: 'volunteers' | 'pairs' }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('volunteers.ui.tabs.label')}>
      <a href={routeToHash({ section: 'volunteers' })} aria-current={current === 'volunteers' ? 'page' : undefined}>
        {t('volunteers.ui.tabs.volunteers')}
      </a>
      <a href={routeToHash({ section: 'volunteers', id: 'pairs' })} aria-current={current === 'pairs' ? 'page' : undefined}>
        {t('volunteers.ui.tabs.pairs')}
      </a>
    </nav>
  );
}
