import type { FollowUp, FollowUpResult, LeftReason, OutcomeClass, RecruitmentKind } from '../../../../shared/pipeline';

/** Labels of the pipeline's enums live with the pipeline's translations. */
export const recruitmentKindKey = (kind: RecruitmentKind) => `pipeline.recruitmentKinds.${kind}`;
export const outcomeClassKey = (outcomeClass: OutcomeClass) => `pipeline.outcomeClasses.${outcomeClass}`;
export const followUpResultKey = (result: FollowUpResult) => `pipeline.followUpResults.${result}`;
export const leftReasonKey = (reason: LeftReason) => `pipeline.leftReasons.${reason}`;

/** A follow-up still to do whose day has passed. */
export function isOverdue(followUp: Pick<FollowUp, 'result' | 'dueOn'>, on: string): boolean {
  return followUp.result === 'pending' && followUp.dueOn < on;
}
