import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notices';
import { journeyHash, routeToHash } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';
import { OverlapsNote } from '../journey/WorkRules';
import { periodText } from '../journey/format';
import { FollowUpTimeline } from './FollowUpTimeline';
import { OutcomeClassBadge } from './OutcomeClassBadge';
import { recruitmentKindKey } from './format';

interface CandidateRecruitmentsProps {
  candidateId: string;
  readOnly: boolean;
}

/** The person's recruitments, newest first, each with its outcome class and its follow-ups. */
export function CandidateRecruitments({ candidateId, readOnly }: CandidateRecruitmentsProps) {
  const { t } = useTranslation();
  const { state } = useApiValue('recruitments.list', { candidateId, limit: 100 });
  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items } = state.value;
  if (items.length === 0) return <p className="empty-line">{t('matching.ui.recruitments.empty')}</p>;
  return (
    <ul className="journey-list" data-testid="recruitment-list">
      {items.map((item) => (
        <RecruitmentItem key={item.id} id={item.id} candidateId={candidateId} readOnly={readOnly} />
      ))}
    </ul>
  );
}

/** A recruitment in the list: focused once it is saved (the same element while it loads, so the focus stays). */
export const recruitmentItemId = (recruitmentId: string) => `recruitment-${recruitmentId}`;

/** One recruitment in full (its follow-ups come with it). */
function RecruitmentItem({ id, candidateId, readOnly }: { id: string; candidateId: string; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace } = useApiValue('recruitments.get', { id });
  if (state.status === 'loading') return <li id={recruitmentItemId(id)} tabIndex={-1} className="journey-item" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <li id={recruitmentItemId(id)} tabIndex={-1} className="journey-item">
        <ErrorAlert messageKey={state.messageKey} />
      </li>
    );
  }
  const recruitment = state.value;
  const hours =
    recruitment.hoursPerWeek === null
      ? null
      : t('matching.ui.recruitments.hours', { hours: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(recruitment.hoursPerWeek) });
  return (
    <li id={recruitmentItemId(id)} tabIndex={-1} className="journey-item" data-testid="recruitment">
      <div className="journey-item-head">
        <div className="journey-item-title">
          <span className="strong">{t(recruitmentKindKey(recruitment.kind))}</span>
          {recruitment.hostName &&
            (recruitment.employerId ? (
              <a href={routeToHash({ section: 'employers', id: recruitment.employerId })}>{recruitment.hostName}</a>
            ) : (
              <span className="muted">{recruitment.hostName}</span>
            ))}
        </div>
        <OutcomeClassBadge outcomeClass={recruitment.outcomeClass} />
      </div>
      <div className="journey-item-meta-row">
        <p className="journey-item-meta">
          {[periodText(recruitment.startDate, recruitment.endDate, t, i18n.language), hours].filter(Boolean).join(' · ')}
        </p>
        {!readOnly && (
          <a className="button button-quiet button-small" href={journeyHash(candidateId, { view: 'editRecruitment', recruitmentId: recruitment.id })}>
            {t('matching.ui.recruitments.edit')}
          </a>
        )}
      </div>
      <OverlapsNote overlaps={recruitment.overlaps} />
      {recruitment.notes && <p className="journey-item-notes">{recruitment.notes}</p>}
      <FollowUpTimeline
        recruitment={recruitment}
        readOnly={readOnly}
        onRecorded={(saved) => {
          showNotice('matching.ui.recruitments.notices.followUpRecorded');
          replace(saved);
        }}
      />
    </li>
  );
}
