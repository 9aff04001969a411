import type { ParsedInputOf } from '../../shared/api';
import { addDays, lastDayOfMonths } from '../../shared/dates';
import {
  type Placement,
  type PlacementKind,
  type PlacementOutcome,
  type PlacementPage,
  type PlacementSummary,
  type RecruitmentKind,
  TEMP_MISSION_MAX_MONTHS,
  TEMP_MISSION_MAX_RENEWALS,
  authorisedActivity,
  isEmployment,
  placementPeriodErrors,
  pmsmpShareExceeded,
} from '../../shared/pipeline';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { describeAudit } from '../store/audit';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import {
  type ArchivableRecord,
  archiveWithAudit,
  assertNotAhead,
  changesAny,
  checkOverlaps,
  checkWorkAuthorisation,
  engagementsOf,
  overlapsIn,
  recordFields,
  requireCandidate,
  resolveHostLinks,
  withOverlaps,
} from './pipeline-records';
import {
  type PlacementRow,
  findPlacement,
  insertPlacement,
  placementById,
  placementPage,
  placementSummary,
  pmsmpsOf,
  renewalOf,
  setPlacementArchived,
  tempMissionsWith,
  updatePlacement,
} from '../store/placements';
import { contractsCovering } from '../store/recruitments';

const NOT_FOUND = 'matching.errors.placementNotFound';
const ARCHIVABLE: ArchivableRecord = { type: 'placement', group: 'placements', find: findPlacement, setArchived: setPlacementArchived };

/** The fields whose change makes the work authorisation be checked again (the kind does not change). */
const AUTHORISATION_FIELDS = ['startDate', 'endDate', 'employerApplying'] as const;

/** A placement as it would be stored, to check before writing it. */
type PlacementDraft = ReturnType<typeof recordFields<PlacementRow>>;

function toSummary<Row extends { kind: string; outcome: string | null }>(row: Row) {
  return { ...row, kind: row.kind as PlacementKind, outcome: row.outcome as PlacementOutcome | null };
}

export function createPlacementService(db: WriteDb, clock: Clock = systemClock) {
  function get(id: string): Placement {
    const summary = placementSummary(db, id);
    if (!summary) throw new AppError('not_found', NOT_FOUND);
    const { seq: _seq, ...row } = findPlacement(db, id);
    const renewal = renewalOf(db, id, null);
    const placement = { ...row, ...toSummary(summary), renewedById: renewal?.id ?? null };
    return { ...placement, overlaps: overlapsIn(engagementsOf(db, [row.candidateId]), 'placement', placement) };
  }

  /**
   * PMSMP for a person in a job: all immersions during the initial contract, this one included,
   * stay within 25% of the contract's days (days actually taken when an immersion ended early).
   * The contracts are the person's recruitments (jobs, not training or a business) that cover
   * the immersion's first day. A CDI (or any contract without an end) has no length to take a
   * share of: only the one-month limit of each immersion applies then. The contract's side is
   * checked when a contract is recorded (./recruitments.ts).
   */
  function checkPmsmpShare(draft: PlacementDraft, selfId: string | null) {
    for (const { kind, startDate, endDate } of contractsCovering(db, draft.candidateId, draft.startDate)) {
      if (endDate === null || !isEmployment(kind as RecruitmentKind)) continue;
      const others = pmsmpsOf(db, draft.candidateId, selfId);
      if (pmsmpShareExceeded({ startDate, endDate }, [...others, draft])) refuse({ endDate: 'matching.errors.pmsmpOverContractShare' });
    }
  }

  /**
   * A temporary-work mission, renewals included, stays within 18 months and two renewals
   * (TEMP_MISSION_MAX_MONTHS). A renewal is a mission of the same person with the same host
   * that starts the day after the previous one's planned end.
   */
  function checkTempMissionChain(draft: PlacementDraft, selfId: string | null) {
    const missions = tempMissionsWith(db, draft, selfId);
    let first = draft.startDate;
    let last = draft.endDate;
    let count = 1;
    for (let previous = missions.find((mission) => addDays(mission.endDate, 1) === first); previous; previous = missions.find((mission) => addDays(mission.endDate, 1) === first)) {
      first = previous.startDate;
      count += 1;
    }
    for (let following = missions.find((mission) => mission.startDate === addDays(last, 1)); following; following = missions.find((mission) => mission.startDate === addDays(last, 1))) {
      last = following.endDate;
      count += 1;
    }
    if (count > TEMP_MISSION_MAX_RENEWALS + 1) refuse({ startDate: 'matching.errors.tempMissionRenewals' });
    if (last > lastDayOfMonths(first, TEMP_MISSION_MAX_MONTHS)) refuse({ endDate: 'matching.errors.tempMissionTooLong' });
  }

  /**
   * An internship-apprenticeship is renewable once: a renewal names an internship of the same
   * person that is neither a renewal itself nor already renewed, and starts the day after the
   * original's planned end — no gap (a later start is a new internship) and no overlap. A
   * renewal is an internship like the first, so the 3-month limit applies to it as well.
   */
  function checkRenewal(draft: PlacementDraft, selfId: string | null) {
    const renewal = selfId ? renewalOf(db, selfId, null) : undefined;
    if (renewal && renewal.startDate !== addDays(draft.endDate, 1)) refuse({ endDate: 'matching.errors.renewalWouldNotFollow' });
    if (draft.renewsId === null) return;
    if (draft.kind !== 'internship_apprenticeship') refuse({ renewsId: 'matching.errors.renewalOnlyInternship' });
    if (renewal) refuse({ renewsId: 'matching.errors.renewalOfRenewal' });
    const original = placementById(db, draft.renewsId);
    if (!original) refuse({ renewsId: 'common.errors.notFound' });
    if (original.candidateId !== draft.candidateId || original.kind !== 'internship_apprenticeship' || original.archivedAt) {
      refuse({ renewsId: 'matching.errors.renewsNotInternship' });
    }
    if (original.renewsId !== null) refuse({ renewsId: 'matching.errors.renewalOfRenewal' });
    if (original.outcome !== null && original.outcome !== 'extended') refuse({ renewsId: 'matching.errors.originalClosed' });
    const otherRenewal = renewalOf(db, original.id, selfId);
    if (otherRenewal) refuse({ renewsId: 'matching.errors.alreadyRenewed' });
    if (draft.startDate !== addDays(original.endDate, 1)) refuse({ startDate: 'matching.errors.renewalMustFollow' });
  }

  /**
   * Every rule a stored placement keeps, checked on the whole placement before any write. The
   * work authorisation is checked when the placement is recorded and when its days or the
   * employer's answer change (`authorisation`), against the document the file has then.
   */
  function check(draft: PlacementDraft, selfId: string | null, authorisation: boolean): PlacementDraft {
    const placement = { ...draft, ...resolveHostLinks(db, draft.candidateId, draft) };
    const errors = placementPeriodErrors({ kind: placement.kind as PlacementKind, startDate: placement.startDate, endDate: placement.endDate });
    if (placement.kind === 'pmsmp') {
      // The three-party agreement names the host and one objective per immersion.
      if (placement.employerId === null && placement.organisation === null) errors.employerId ??= 'matching.errors.employerRequired';
      if (placement.objective === null) errors.objective ??= 'matching.errors.objectiveRequired';
    }
    if (placement.endedOn !== null && (placement.endedOn < placement.startDate || placement.endedOn > placement.endDate)) {
      errors.endDate ??= 'matching.errors.endedOutsidePeriod';
    }
    if (Object.keys(errors).length > 0) refuse(errors);
    checkRenewal(placement, selfId);
    if (placement.kind === 'pmsmp') checkPmsmpShare(placement, selfId);
    if (placement.kind === 'temp_mission') checkTempMissionChain(placement, selfId);
    const kind = placement.kind as PlacementKind;
    const endDate = placement.endedOn ?? placement.endDate;
    checkOverlaps(db, placement.candidateId, { type: 'placement', id: selfId ?? '', kind, startDate: placement.startDate, endDate, hoursPerWeek: null });
    const activity = authorisedActivity({ type: 'placement', kind });
    if (authorisation && activity) checkWorkAuthorisation(db, placement, activity);
    return placement;
  }

  function write(id: string, values: Partial<PlacementRow>, audit: { action: 'placements.update' | 'placements.end'; details: Record<string, unknown> }) {
    const { now } = moment(clock);
    db.transaction(() => {
      updatePlacement(db, id, { ...values, updatedAt: now });
      describeAudit(now, { ...audit, subjectType: 'placement', subjectId: id });
    });
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    create(input: ParsedInputOf<'placements.create'>): Placement {
      requireCandidate(db, input.candidateId);
      const draft = check(
        {
          candidateId: input.candidateId,
          kind: input.kind,
          employerId: input.employerId ?? null,
          organisation: input.organisation ?? null,
          jobNeedId: input.jobNeedId ?? null,
          presentationId: input.presentationId ?? null,
          startDate: input.startDate,
          endDate: input.endDate,
          renewsId: input.renewsId ?? null,
          tutor: input.tutor ?? null,
          objective: input.objective ?? null,
          prescriber: input.prescriber ?? null,
          stipendAmount: input.stipendAmount ?? null,
          stipendPayer: input.stipendPayer ?? null,
          outcome: null,
          endedOn: null,
          notes: input.notes ?? null,
          employerApplying: input.employerApplying ?? false,
        },
        null,
        true,
      );
      const id = newId();
      const { now } = moment(clock);
      db.transaction(() => {
        insertPlacement(db, { ...draft, id, createdAt: now, updatedAt: now });
        describeAudit(now, {
          action: 'placements.create',
          subjectType: 'placement',
          subjectId: id,
          details: { candidateId: draft.candidateId, kind: draft.kind, employerApplying: draft.employerApplying },
        });
      });
      return get(id);
    },

    /** Changes the fields sent; the whole placement is checked again (legal limits included). */
    update({ id, ...patch }: ParsedInputOf<'placements.update'>): Placement {
      const current = recordFields(findPlacement(db, id));
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const draft = check({ ...current, ...defined }, id, changesAny(current, defined, AUTHORISATION_FIELDS));
      write(id, draft, { action: 'placements.update', details: { fields: Object.keys(defined), employerApplying: draft.employerApplying } });
      return get(id);
    },

    /** Records how it ended, once: the day (within its period, not ahead) and the outcome. */
    end(input: ParsedInputOf<'placements.end'>): Placement {
      const current = findPlacement(db, input.id);
      if (current.outcome !== null) throw new AppError('conflict', 'matching.errors.placementAlreadyEnded');
      if (input.endedOn < current.startDate || input.endedOn > current.endDate) refuse({ endedOn: 'matching.errors.endedOutsidePeriod' });
      assertNotAhead(input.endedOn, moment(clock).today, 'endedOn');
      // The closing note joins the placement's notes, where people read about it.
      const notes = input.note ? [current.notes, input.note].filter(Boolean).join('\n') : current.notes;
      write(input.id, { outcome: input.outcome, endedOn: input.endedOn, notes }, { action: 'placements.end', details: { outcome: input.outcome, endedOn: input.endedOn } });
      return get(input.id);
    },

    /** Latest start first. */
    list(input: ParsedInputOf<'placements.list'>): PlacementPage {
      const { rows, total } = placementPage(db, input);
      const items: PlacementSummary[] = withOverlaps(db, 'placement', rows.map(toSummary));
      return { items, total };
    },

    archive({ id }: { id: string }): Placement {
      archiveWithAudit(db, ARCHIVABLE, id, true, clock);
      return get(id);
    },

    /** A placement comes back only if it still keeps the rules (a renewal made since, the 25% share). */
    restore({ id }: { id: string }): Placement {
      const row = findPlacement(db, id);
      if (row.archivedAt !== null) check(recordFields(row), id, false);
      archiveWithAudit(db, ARCHIVABLE, id, false, clock);
      return get(id);
    },
  };
}

export type PlacementService = ReturnType<typeof createPlacementService>;
