import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';

/**
 * What happened to the person's barriers, newest first: which theme, what changed (opened,
 * updated, lifted, reopened, removed), the action noted then, who and when. Folded by default:
 * the table above says where things stand.
 */
export function BarrierHistory({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useApiValue('candidates.barrierHistory', { id: candidateId });
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  if (state.status !== 'ready') return null;
  const events = state.value;
  return (
    <details className="barrier-history" data-testid="barrier-history">
      <summary>{t('candidates.ui.barriers.history', { count: events.length })}</summary>
      {events.length === 0 ? (
        <p className="muted">{t('candidates.ui.barriers.historyEmpty')}</p>
      ) : (
        <ol className="timeline-list">
          {events.map((event) => (
            <li key={event.id} className="timeline-item" data-testid="barrier-event">
              <div className="timeline-meta">
                <span className="timeline-kind">{t(`candidates.values.barrierThemes.${event.theme}`)}</span>
                <span>{t(`candidates.ui.barriers.changes.${event.change}`)}</span>
                <time dateTime={event.createdAt}>{formatDate(event.createdAt, i18n.language)}</time>
                <span className="muted">{event.author ?? t('candidates.ui.barriers.noAuthor')}</span>
              </div>
              {event.barrier?.action && <p className="timeline-text">{event.barrier.action}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
