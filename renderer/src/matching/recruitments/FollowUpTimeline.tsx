import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp, Recruitment } from '../../../../shared/pipeline';
import { today } from '../../../../shared/validation';
import { formatDate } from '../../app/format';
import { FollowUpForm } from './FollowUpForm';
import { focusWhenShown } from '../../ui/focus';
import { followUpResultKey, isOverdue, leftReasonKey } from './format';

interface FollowUpTimelineProps {
  recruitment: Recruitment;
  readOnly: boolean;
  onRecorded(recruitment: Recruitment): void;
}

const followUpStepId = (followUpId: string) => `follow-up-${followUpId}-step`;
const followUpOpenerId = (followUpId: string) => `follow-up-${followUpId}-open`;

/**
 * The follow-ups at 1, 3, 6 and 12 months as four steps: the day each is due (those past due
 * and not done stand out), what was learnt, and a quick way to record it.
 */
export function FollowUpTimeline({ recruitment, readOnly, onRecorded }: FollowUpTimelineProps) {
  const { t, i18n } = useTranslation();
  const [recording, setRecording] = useState<string | null>(null);
  const on = today();
  const open = recruitment.followUps.find((followUp) => followUp.id === recording);
  const stepTitle = (followUp: FollowUp) => t('matching.ui.recruitments.followUps.title', { count: followUp.monthsAfter });

  return (
    <div className="follow-ups">
      <h3 className="follow-ups-title">{t('matching.ui.recruitments.followUps.heading')}</h3>
      <ol className="follow-up-steps">
        {recruitment.followUps.map((followUp) => {
          const overdue = isOverdue(followUp, recruitment.followUps, on);
          const state = overdue ? 'overdue' : followUp.result;
          return (
            <li key={followUp.id} id={followUpStepId(followUp.id)} tabIndex={-1} className={`follow-up-step follow-up-${state}`} data-testid="follow-up">
              <span className="follow-up-when">{t('matching.ui.recruitments.followUps.months', { count: followUp.monthsAfter })}</span>
              <time className="follow-up-due" dateTime={followUp.dueOn}>
                {formatDate(followUp.dueOn, i18n.language)}
              </time>
              <span className="status follow-up-result" data-testid="follow-up-result">
                {overdue ? t('matching.ui.recruitments.followUps.overdue') : t(followUpResultKey(followUp.result))}
              </span>
              {followUp.leftReason && <span className="follow-up-detail">{t(leftReasonKey(followUp.leftReason))}</span>}
              {followUp.recordedOn && (
                <span className="follow-up-detail">
                  {t('matching.ui.recruitments.followUps.recorded', { date: formatDate(followUp.recordedOn, i18n.language) })}
                  {followUp.author && ` · ${followUp.author}`}
                </span>
              )}
              {followUp.note && <span className="follow-up-detail follow-up-note">{followUp.note}</span>}
              {!readOnly && recording !== followUp.id && (
                <button
                  id={followUpOpenerId(followUp.id)}
                  type="button"
                  className="button button-quiet button-small follow-up-action"
                  aria-label={`${t(followUp.result === 'pending' ? 'matching.ui.recruitments.followUps.record' : 'matching.ui.recruitments.followUps.correct')} · ${stepTitle(followUp)}`}
                  onClick={() => setRecording(followUp.id)}
                >
                  {t(followUp.result === 'pending' ? 'matching.ui.recruitments.followUps.record' : 'matching.ui.recruitments.followUps.correct')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {open && (
        <FollowUpForm
          key={open.id}
          followUp={open}
          title={stepTitle(open)}
          onRecorded={(saved) => {
            setRecording(null);
            onRecorded(saved);
            // The step now shows what was noted: focus goes there.
            focusWhenShown(followUpStepId(open.id));
          }}
          onCancel={() => {
            setRecording(null);
            focusWhenShown(followUpOpenerId(open.id));
          }}
        />
      )}
    </div>
  );
}
