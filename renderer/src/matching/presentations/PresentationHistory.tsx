import { useTranslation } from 'react-i18next';
import type { Presentation } from '../../../../shared/pipeline';
import { formatDate } from '../../app/format';
import { PresentationStateBadge } from './PresentationStateBadge';
import '../matching.css';

/** Every change of the presentation, newest first: the day, who, from which state to which, and the note. */
export function PresentationHistory({ presentation }: { presentation: Presentation }) {
  const { t, i18n } = useTranslation();
  const events = [...presentation.history].reverse();
  return (
    <section className="card side-card presentation-history" aria-labelledby="presentation-history-title">
      <h2 id="presentation-history-title">{t('matching.ui.presentations.history.title')}</h2>
      <ol className="timeline-list" data-testid="presentation-history">
        {events.map((event) => (
          <li key={event.id} className="timeline-item" data-testid="history-event">
            <div className="timeline-meta">
              <time dateTime={event.on}>{formatDate(event.on, i18n.language)}</time>
              <span className="muted">{event.author ?? t('matching.ui.presentations.history.noAuthor')}</span>
            </div>
            <p className="history-change">
              {event.from === null ? (
                <span className="strong">{t('matching.ui.presentations.history.proposed')}</span>
              ) : (
                <>
                  <span className="visually-hidden">{t('matching.ui.presentations.history.from')} </span>
                  <PresentationStateBadge state={event.from} />
                  <span aria-hidden="true" className="history-arrow">
                    →
                  </span>
                  <span className="visually-hidden"> {t('matching.ui.presentations.history.to')} </span>
                  <PresentationStateBadge state={event.to} on={event.on} />
                </>
              )}
            </p>
            {event.note && <p className="timeline-text">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
