import { useTranslation } from 'react-i18next';
import { type Presentation, isPlanned } from '../../../../shared/pipeline';
import { today } from '../../../../shared/validation';
import { formatDate } from '../../app/format';
import { candidateHash, jobNeedHash, needMatchesHash, recruitHash, routeToHash } from '../../app/routes';
import { useFocusOnMount } from '../../app/useFocusOnMount';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';
import { PresentationHistory } from './PresentationHistory';
import { PresentationStateBadge } from './PresentationStateBadge';
import { TransitionForm } from './TransitionForm';
import { daysWaiting, refusalReasonKey } from './format';
import '../matching.css';

/** `#/matching/presentations/ID`: who was put forward for what, what happened since, and what can happen next. */
export function PresentationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, replace } = useApiValue('presentations.get', { id }, { notFoundKey: 'matching.errors.presentationNotFound' });
  const back = <BackLink section="matching" label={t('matching.ui.matches.backToMatching')} />;
  if (state.status !== 'ready') {
    return (
      <div className="screen screen-narrow">
        {back}
        {state.status === 'error' && <ErrorAlert messageKey={state.messageKey} />}
      </div>
    );
  }
  const presentation = state.value;
  return (
    <div className="screen presentation-screen">
      {back}
      <PresentationHeader presentation={presentation} />
      <div className="record-columns presentation-columns">
        <div className="record-side">
          {presentation.state === 'accepted' && (
            <div className="hint-box presentation-accepted" data-testid="presentation-accepted">
              <div>
                <p className="hint-box-title">{t('matching.ui.presentations.accepted.title')}</p>
                <p>{t('matching.ui.presentations.accepted.explanation', { name: presentation.candidateName })}</p>
              </div>
              <a className="button button-primary" href={recruitHash(presentation.candidateId, presentation.id)}>
                {t('matching.ui.presentations.accepted.recordRecruitment')}
              </a>
            </div>
          )}
          <TransitionForm presentation={presentation} onChanged={replace} />
        </div>
        <PresentationHistory presentation={presentation} />
      </div>
    </div>
  );
}

function PresentationHeader({ presentation }: { presentation: Presentation }) {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const waited = daysWaiting(presentation.stateChangedOn);
  return (
    <header className="screen-header record-header" data-testid="presentation-header">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('matching.ui.presentations.title', { name: presentation.candidateName, occupation: presentation.occupation })}
        </h1>
        <p className="screen-subtitle">
          {t('matching.ui.presentations.subtitle', {
            employer: presentation.employerName,
            date: formatDate(presentation.proposedOn, i18n.language, 'long'),
          })}
        </p>
        <ul className="record-facts">
          <li>
            <PresentationStateBadge state={presentation.state} on={presentation.stateChangedOn} />
            <span className="muted">
              {isPlanned(presentation.state, presentation.stateChangedOn, today())
                ? t('matching.ui.presentations.plannedOn', { date: formatDate(presentation.stateChangedOn, i18n.language, 'long') })
                : waited === 0
                  ? t('matching.ui.presentations.sinceToday')
                  : t('matching.ui.presentations.since', { date: formatDate(presentation.stateChangedOn, i18n.language), count: waited })}
            </span>
          </li>
          {presentation.refusalReason && (
            <li className="fact-warning" data-testid="refusal-reason">
              {t('matching.ui.presentations.refusedBecause', { reason: t(refusalReasonKey(presentation.refusalReason)) })}
            </li>
          )}
        </ul>
        <ul className="presentation-links">
          <li>
            <a href={candidateHash(presentation.candidateId)}>{t('matching.ui.presentations.links.candidate', { name: presentation.candidateName })}</a>
          </li>
          <li>
            <a href={jobNeedHash(presentation.employerId, presentation.jobNeedId)}>
              {t('matching.ui.presentations.links.need', { occupation: presentation.occupation })}
            </a>
          </li>
          <li>
            <a href={routeToHash({ section: 'employers', id: presentation.employerId })}>
              {t('matching.ui.presentations.links.employer', { name: presentation.employerName })}
            </a>
          </li>
          <li>
            <a href={needMatchesHash(presentation.jobNeedId)}>{t('matching.ui.presentations.links.otherCandidates')}</a>
          </li>
        </ul>
      </div>
    </header>
  );
}
