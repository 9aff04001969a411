import { useTranslation } from 'react-i18next';
import { SectionIcon } from './icons';
import { type ComingSection, routeToHash } from './routes';
import { useFocusOnMount } from './useFocusOnMount';

/** The honest placeholder of a section that a later version brings. */
export function ComingSoon({ section }: { section: ComingSection }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  return (
    <div className="screen">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>{t(`common.ui.sections.${section}`)}</h1>
      </header>
      <div className="empty-state">
        <span className="empty-state-icon">
          <SectionIcon section={section} />
        </span>
        <h2>{t('common.ui.comingSoon.title')}</h2>
        <p>{t(`common.ui.comingSoon.${section}`)}</p>
        <a className="button button-secondary" href={routeToHash({ section: 'candidates' })}>
          {t('common.ui.comingSoon.toCandidates')}
        </a>
      </div>
    </div>
  );
}
