import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_PRESENTATION_STATES, type PresentationState, type PresentationSummary } from '../../../../shared/pipeline';
import { formatDate } from '../../app/format';
import { presentationHash } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';
import { PresentationStateBadge } from './PresentationStateBadge';
import { LONG_WAIT_DAYS, daysWaiting } from './format';
import { useReloadOnPresentationChange } from './presentationChanges';
import '../matching.css';

interface PresentationListProps {
  /** Only this candidate's presentations (the candidate column is then left out). */
  candidateId?: string;
  /** Only those to this employer's needs (the employer is then left out). */
  employerId?: string;
  /** Only those to this need (the need and employer are then left out). */
  jobNeedId?: string;
  /** Only these states; all when left out. */
  states?: PresentationState[];
}

const PAGE = 50;
const MAX_LIMIT = 500;

/**
 * Presentations (mises en relation), most recently changed first: who, to which need, the
 * state and since when (how long it has waited, while it waits), each a link to the
 * presentation's screen. It fits a side card as well as a whole screen.
 */
export function PresentationList({ candidateId, employerId, jobNeedId, states = [] }: PresentationListProps) {
  const { t, i18n } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const { state, reload } = useApiValue('presentations.list', { candidateId, employerId, jobNeedId, states, limit });
  useReloadOnPresentationChange(reload);

  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items, total } = state.value;
  if (items.length === 0) return <p className="empty-line">{t('matching.ui.presentations.list.empty')}</p>;

  const showCandidate = candidateId === undefined;
  const showNeed = jobNeedId === undefined;
  const showEmployer = showNeed && employerId === undefined;
  const describe = (item: PresentationSummary) =>
    [showCandidate && showNeed ? item.occupation : null, showEmployer ? item.employerName : null].filter(Boolean).join(' · ');

  return (
    <div className="presentation-list">
      <ul className="presentation-items" aria-label={t('matching.ui.presentations.list.caption', { count: total })} data-testid="presentation-list">
        {items.map((item) => {
          const waited = daysWaiting(item.stateChangedOn);
          // Still waiting for an answer, since before today.
          const waiting = (OPEN_PRESENTATION_STATES as readonly string[]).includes(item.state) && waited > 0;
          const details = describe(item);
          return (
            <li key={item.id} className="presentation-item" data-testid="presentation-row">
              <div className="presentation-what">
                <a className="presentation-link" href={presentationHash(item.id)}>
                  {showCandidate ? item.candidateName : item.occupation}
                </a>
                {details && <span className="cell-secondary">{details}</span>}
              </div>
              <div className="presentation-when">
                <PresentationStateBadge state={item.state} on={item.stateChangedOn} />
                <span className="cell-secondary">
                  <time dateTime={item.stateChangedOn}>{formatDate(item.stateChangedOn, i18n.language)}</time>
                  {waiting && (
                    <>
                      {' · '}
                      <span className={waited >= LONG_WAIT_DAYS ? 'wait-long' : undefined}>{t('matching.ui.presentations.waiting', { count: waited })}</span>
                    </>
                  )}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      {total > items.length && limit < MAX_LIMIT && (
        <button type="button" className="button button-link" onClick={() => setLimit(Math.min(MAX_LIMIT, limit + PAGE * 2))}>
          {t('matching.ui.presentations.list.more', { count: total - items.length })}
        </button>
      )}
    </div>
  );
}
