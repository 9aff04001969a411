import { addDays, lastDayOfMonths } from '../../../../shared/dates';
import type { JobNeed } from '../../../../shared/employers';
import type { ApiResult } from '../../../../shared/errors';
import { INTERNSHIP_MAX_MONTHS, type Placement, type RecruitmentKind } from '../../../../shared/pipeline';
import { call } from '../../api/client';
import type { PlacementDraft } from '../placements/PlacementForm';
import type { RecruitmentDraft } from '../recruitments/RecruitmentForm';

/**
 * The forms a step of the journey opens already filled from the step before: a renewal from
 * the internship it renews, a hire from the accepted presentation (and its job need) or from
 * the placement that ended in it. Each answers with the draft or the refusal to show.
 */

/** A job need's contract, as a recruitment's (the need's dates may still be right, the person checks). */
function fromNeed(need: JobNeed): RecruitmentDraft {
  return {
    kind: need.contractType satisfies RecruitmentKind,
    hoursPerWeek: need.hoursPerWeek,
    ...(need.startDate ? { startDate: need.startDate } : {}),
    ...(need.endDate ? { endDate: need.endDate } : {}),
  };
}

async function withNeed(draft: RecruitmentDraft): Promise<ApiResult<RecruitmentDraft>> {
  if (!draft.jobNeedId) return { ok: true, value: draft };
  const need = await call('jobNeeds.get', { id: draft.jobNeedId });
  return need.ok ? { ok: true, value: { ...fromNeed(need.value), ...draft } } : need;
}

/** The hire an accepted presentation leads to: its employer and need, the need's contract. */
export async function recruitmentFromPresentation(candidateId: string, presentationId: string): Promise<ApiResult<RecruitmentDraft>> {
  const presentation = await call('presentations.get', { id: presentationId });
  if (!presentation.ok) return presentation;
  const { value } = presentation;
  if (value.candidateId !== candidateId) return { ok: false, error: { code: 'validation', message: 'matching.errors.presentationOfOtherCandidate' } };
  return withNeed({ employerId: value.employerId, hostName: value.employerName, jobNeedId: value.jobNeedId, presentationId: value.id });
}

/** The hire a placement ended in: same employer (or organisation), need and presentation. */
export async function recruitmentAfterPlacement(placementId: string): Promise<ApiResult<RecruitmentDraft>> {
  const placement = await call('placements.get', { id: placementId });
  if (!placement.ok) return placement;
  const { employerId, hostName, organisation, jobNeedId, presentationId } = placement.value;
  return withNeed({ employerId, hostName, organisation, jobNeedId, presentationId });
}

/**
 * What follows a placement that was extended: an internship's renewal starts the day after its
 * planned end and may last 3 months more; another kind starts the day after it really ended.
 * A PMSMP has one objective per immersion, so the objective is not carried over.
 */
export function placementFollowing(placement: Placement): PlacementDraft {
  const renewal = placement.kind === 'internship_apprenticeship' && placement.renewsId === null && placement.renewedById === null;
  const startDate = addDays(renewal ? placement.endDate : (placement.endedOn ?? placement.endDate), 1);
  return {
    kind: placement.kind,
    employerId: placement.employerId,
    hostName: placement.hostName,
    organisation: placement.organisation,
    jobNeedId: placement.jobNeedId,
    presentationId: placement.presentationId,
    tutor: placement.tutor,
    prescriber: placement.prescriber,
    stipendAmount: placement.stipendAmount,
    stipendPayer: placement.stipendPayer,
    startDate,
    ...(renewal ? { renewsId: placement.id, endDate: lastDayOfMonths(startDate, INTERNSHIP_MAX_MONTHS), objective: placement.objective } : {}),
    ...(placement.kind !== 'pmsmp' && !renewal ? { objective: placement.objective } : {}),
  };
}

export async function placementAfter(placementId: string): Promise<ApiResult<PlacementDraft>> {
  const placement = await call('placements.get', { id: placementId });
  return placement.ok ? { ok: true, value: placementFollowing(placement.value) } : placement;
}
