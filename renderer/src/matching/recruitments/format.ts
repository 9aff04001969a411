import { type FollowUp, type FollowUpResult, type LeftReason, type OutcomeClass, type RecruitmentKind, followUpSuperseded } from '../../../../shared/pipeline';

/** Labels of the pipeline's enums live with the pipeline's translations. */
export const recruitmentKindKey = (kind: RecruitmentKind) => `matching.values.recruitmentKinds.${kind}`;
export const outcomeClassKey = (outcomeClass: OutcomeClass) => `matching.values.outcomeClasses.${outcomeClass}`;
export const followUpResultKey = (result: FollowUpResult) => `matching.values.followUpResults.${result}`;
export const leftReasonKey = (reason: LeftReason) => `matching.values.leftReasons.${reason}`;

/** A follow-up still to do whose day has passed, unless a later one was recorded since. */
export function isOverdue(followUp: FollowUp, all: readonly FollowUp[], on: string): boolean {
  return followUp.result === 'pending' && followUp.dueOn < on && !followUpSuperseded(followUp, all);
}
