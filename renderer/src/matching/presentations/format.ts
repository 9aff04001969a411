import type { PresentationState, RefusalReason } from '../../../../shared/pipeline';
import { daysBetween } from '../../../../shared/dates';
import { today } from '../../../../shared/validation';

/** Labels of the pipeline's enums live with the pipeline's translations. */
export const presentationStateKey = (state: PresentationState) => `matching.values.presentationStates.${state}`;
export const refusalReasonKey = (reason: RefusalReason) => `matching.values.refusalReasons.${reason}`;

/** Whole days since the last change of state: how long the presentation has waited. */
export function daysWaiting(stateChangedOn: string, from: string = today()): number {
  return Math.max(0, daysBetween(stateChangedOn, from));
}

/** A presentation that has waited this long for an answer deserves a call. */
export const LONG_WAIT_DAYS = 14;
