import { type FollowUp, type FollowUpResult, type LeftReason, type OutcomeClass, type RecruitmentKind, followUpSuperseded } from '../../../../shared/pipeline';

/** Labels of the pipeline's enums live with the pipeline's translations. */
export const recruitmentKindKey = (kind: RecruitmentKind) => `pipeline.recruitmentKinds.${kind}`;
export const outcomeClassKey = (outcomeClass: OutcomeClass) => `pipeline.outcomeClasses.${outcomeClass}`;
export const followUpResultKey = (result: FollowUpResult) => `pipeline.followUpResults.${result}`;
export const leftReasonKey = (reason: LeftReason) => `pipeline.leftReasons.${reason}`;

/** A follow-up still to do whose day has passed, unless a later one was recorded since. */
export function isOverdue(followUp: FollowUp, all: readonly FollowUp[], on: string): boolean {
  return followUp.result === 'pending' && followUp.dueOn < on && !followUpSuperseded(followUp, all);
}
