import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountPanel } from '../session/AccountPanel';
import { maySee } from '../session/sectionAccess';
import { useSession } from '../session/sessionStore';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MenuIcon, SectionIcon } from './icons';
import { useNavigation } from './navigation';
import { SECTIONS, routeToHash } from './routes';
import { useSidebar } from './sidebarState';

/**
 * The sidebar: the sections, the account and the language. It folds into a rail of icons (the
 * toggle says whether it is open with aria-expanded); folded, the links keep their names.
 */
export function Sidebar() {
  const { t } = useTranslation();
  const current = useNavigation((state) => state.route.section);
  const role = useSession((store) => store.state?.signedIn?.role);
  const expanded = useSidebar((state) => state.expanded);
  const toggle = useSidebar((state) => state.toggle);
  const closeOverlay = useSidebar((state) => state.closeOverlay);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !expanded) return;
    closeOverlay();
    document.getElementById('sidebar-toggle')?.focus();
  }

  return (
    <aside className="sidebar" data-expanded={expanded} onKeyDown={closeOnEscape}>
      <div className="brand">
        <button id="sidebar-toggle" type="button" className="sidebar-toggle" aria-expanded={expanded} aria-controls="sidebar-content" onClick={toggle}>
          <MenuIcon />
          <span className="visually-hidden">{t('common.ui.app.sidebarToggle')}</span>
        </button>
        <span className="brand-text">
          <span className="brand-name">{t('common.ui.app.name')}</span>
          <span className="brand-tagline">{t('common.ui.app.tagline')}</span>
        </span>
      </div>
      <div id="sidebar-content" className="sidebar-content">
        <nav className="sidebar-nav" aria-label={t('common.ui.app.mainNavigation')}>
          <ul>
            {SECTIONS.filter((section) => maySee(role, section)).map((section) => (
              <li key={section}>
                <a
                  className="nav-link"
                  href={routeToHash({ section })}
                  aria-current={section === current ? 'page' : undefined}
                  title={expanded ? undefined : t(`common.ui.sections.${section}`)}
                  onClick={closeOverlay}
                >
                  <SectionIcon section={section} />
                  <span className="nav-label">{t(`common.ui.sections.${section}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <AccountPanel />
        <LanguageSwitcher />
      </div>
    </aside>
  );
}
