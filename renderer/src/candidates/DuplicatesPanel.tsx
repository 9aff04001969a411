import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/candidates';
import { formatDate } from '../app/format';
import { formatPhone } from '../app/phone';
import { routeToHash } from '../app/routes';
import { AlertIcon } from '../app/icons';

interface DuplicatesPanelProps {
  matches: DuplicateCandidate[];
  title: string;
  intro: string;
  /** Buttons beside "Open this file" for each match (e.g. merge); `describedBy` names the match. */
  actions?(match: DuplicateCandidate, describedBy: string): ReactNode;
  /** Below the list (e.g. "Create anyway"). */
  children?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Offers to close the panel (after a search on a record). */
  onClose?(): void;
}

/** Files that may be the same person, with why they look alike, in words. */
export function DuplicatesPanel({ matches, title, intro, actions, children, headingRef, onClose }: DuplicatesPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-title" data-testid="duplicates-panel">
      <div className="duplicates-head">
        <AlertIcon />
        <div>
          <h2 id="duplicates-title" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          <p>{intro}</p>
        </div>
        {onClose && (
          <button type="button" className="button button-link duplicates-close" onClick={onClose}>
            {t('candidates.ui.duplicates.close')}
          </button>
        )}
      </div>
      <ul className="duplicates-list">
        {matches.map(({ candidate, reasons }) => (
          <li key={candidate.id} className="duplicate" data-testid="duplicate">
            <div className="duplicate-who">
              <p className="duplicate-name" id={`duplicate-${candidate.id}`}>
                <span className="last-name">{candidate.lastName}</span> {candidate.firstName}
                {candidate.archivedAt && <span className="tag">{t('candidates.ui.archived.tag')}</span>}
              </p>
              <p className="duplicate-details">
                {[
                  candidate.birthDate && t('candidates.ui.duplicates.born', { date: formatDate(candidate.birthDate, i18n.language) }),
                  candidate.phone && formatPhone(candidate.phone),
                  candidate.email,
                  candidate.commune,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="duplicate-reasons">
                {new Intl.ListFormat(i18n.language).format(reasons.map((reason) => t(`candidates.ui.duplicates.reasons.${reason}`)))}
              </p>
            </div>
            <div className="duplicate-actions">
              <a
                className="button button-secondary"
                href={routeToHash({ section: 'candidates', id: candidate.id })}
                aria-describedby={`duplicate-${candidate.id}`}
              >
                {t('candidates.ui.duplicates.open')}
              </a>
              {actions?.({ candidate, reasons }, `duplicate-${candidate.id}`)}
            </div>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
