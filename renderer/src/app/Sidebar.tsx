import { useTranslation } from 'react-i18next';
import { AccountPanel } from '../session/AccountPanel';
import { maySee } from '../session/sectionAccess';
import { useSession } from '../session/sessionStore';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SectionIcon } from './icons';
import { useNavigation } from './navigation';
import { SECTIONS, routeToHash } from './routes';

export function Sidebar() {
  const { t } = useTranslation();
  const current = useNavigation((state) => state.route.section);
  const role = useSession((store) => store.state?.signedIn?.role);

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-name">{t('common.ui.app.name')}</span>
        <span className="brand-tagline">{t('common.ui.app.tagline')}</span>
      </div>
      <nav className="sidebar-nav" aria-label={t('common.ui.app.mainNavigation')}>
        <ul>
          {SECTIONS.filter((section) => maySee(role, section)).map((section) => (
            <li key={section}>
              <a
                className="nav-link"
                href={routeToHash({ section })}
                aria-current={section === current ? 'page' : undefined}
              >
                <SectionIcon section={section} />
                <span>{t(`common.ui.sections.${section}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AccountPanel />
      <LanguageSwitcher />
    </aside>
  );
}
