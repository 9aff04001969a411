import type { ParsedInputOf } from '../../shared/api';
import type { EmployerKind } from '../../shared/employers';
import {
  type FollowUp,
  type FollowUpResult,
  type LeftReason,
  OPEN_PRESENTATION_STATES,
  type Recruitment,
  type RecruitmentKind,
  type RecruitmentPage,
  type RecruitmentSummary,
  ACTIVE_PRESENTATION_STATES,
  authorisedActivity,
  followUpDueDates,
  isEmployment,
  outcomeClass,
  pmsmpShareExceeded,
  recruitmentConsistencyErrors,
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
import { automaticChangeDay, logPresentationChange } from './presentations';
import { markEmployed } from '../store/candidates';
import { createJobNeedStore, updateJobNeed } from '../store/employers';
import { pmsmpsOf } from '../store/placements';
import { findPresentation, presentationsOfIn } from '../store/presentations';
import {
  type RecruitmentRow,
  findRecruitment,
  followUpById,
  followUpsOf,
  hiresFor,
  insertRecruitment,
  movePendingFollowUps,
  recruitmentPage,
  recruitmentSummary,
  setRecruitmentArchived,
  updateFollowUp,
  updateRecruitment,
} from '../store/recruitments';
type RecruitmentDraft = ReturnType<typeof recordFields<RecruitmentRow>>;

const NOT_FOUND = 'matching.errors.recruitmentNotFound';
const ARCHIVABLE: ArchivableRecord = { type: 'recruitment', group: 'recruitments', find: findRecruitment, setArchived: setRecruitmentArchived };

/** The fields whose change makes the work authorisation be checked again. */
const AUTHORISATION_FIELDS = ['kind', 'startDate', 'endDate', 'employerApplying'] as const;
const FOLLOW_UP_NOT_FOUND = 'matching.errors.followUpNotFound';

function toSummary<Row extends { kind: string; startDate: string; endDate: string | null; employerKind: string | null }>({ employerKind, ...row }: Row) {
  const kind = row.kind as RecruitmentKind;
  return { ...row, kind, outcomeClass: outcomeClass({ kind, startDate: row.startDate, endDate: row.endDate, employerKind: employerKind as EmployerKind | null }) };
}

/** Written in the presentations' history when a recruitment closes them (the association's working language). */
function hiredNote(startDate: string, elsewhere: boolean): string {
  const day = startDate.split('-').reverse().join('/');
  return elsewhere ? `Recrutement ailleurs (début le ${day})` : `Recrutement enregistré (début le ${day})`;
}

export function createRecruitmentService(db: WriteDb, clock: Clock = systemClock) {
  const jobNeedStore = createJobNeedStore(db);

  function followUpsOfRecruitment(recruitmentId: string): FollowUp[] {
    return followUpsOf(db, recruitmentId).map((followUp) => ({ ...followUp, result: followUp.result as FollowUpResult, leftReason: followUp.leftReason as LeftReason | null }));
  }

  function get(id: string): Recruitment {
    const summary = recruitmentSummary(db, id);
    if (!summary) throw new AppError('not_found', NOT_FOUND);
    const { seq: _seq, ...row } = findRecruitment(db, id);
    const recruitment = { ...row, ...toSummary(summary), followUps: followUpsOfRecruitment(id) };
    return { ...recruitment, overlaps: overlapsIn(engagementsOf(db, [row.candidateId]), 'recruitment', recruitment) };
  }

  /**
   * A contract with an end, recorded after PMSMPs: the immersions that start during it stay
   * within 25% of its days, as when the immersions come second (./placements.ts).
   */
  function checkPmsmpShare(draft: RecruitmentDraft & { kind: RecruitmentKind }) {
    const { endDate } = draft;
    if (endDate === null || !isEmployment(draft.kind)) return;
    if (pmsmpShareExceeded({ startDate: draft.startDate, endDate }, pmsmpsOf(db, draft.candidateId, null))) refuse({ endDate: 'matching.errors.contractUnderPmsmpShare' });
  }

  /**
   * The recruitment's rules, on the whole record: an end date where the kind has one, an
   * employer, links that agree, the PMSMPs' 25% share, overlaps the law refuses, and (when it
   * is recorded or its kind, days or the employer's answer change: `authorisation`) the work
   * authorisation against the document the file has then.
   */
  function check(draft: RecruitmentDraft, selfId: string | null, authorisation: boolean): RecruitmentDraft {
    const recruitment = { ...draft, ...resolveHostLinks(db, draft.candidateId, draft) };
    const kind = recruitment.kind as RecruitmentKind;
    const errors = recruitmentConsistencyErrors({ ...recruitment, kind });
    if (Object.keys(errors).length > 0) refuse(errors);
    checkPmsmpShare({ ...recruitment, kind });
    checkOverlaps(db, recruitment.candidateId, { type: 'recruitment', id: selfId ?? '', kind, startDate: recruitment.startDate, endDate: recruitment.endDate, hoursPerWeek: recruitment.hoursPerWeek });
    const activity = authorisedActivity({ type: 'recruitment', kind });
    if (authorisation && activity) checkWorkAuthorisation(db, recruitment, activity);
    return recruitment;
  }

  /**
   * What a hire changes beyond its own record (returned for the audit log): the presentation it came from is accepted; the
   * person's other presentations still waiting become obsolete (hired elsewhere); the person is
   * employed (entering qualifying training is not a job: the status stays); the need is filled
   * once its positions are.
   */
  function applyHire(draft: RecruitmentDraft, now: string, today: string): { obsolete: string[]; employed: boolean; needFilled: boolean } {
    if (draft.presentationId !== null) {
      const presentation = findPresentation(db, draft.presentationId);
      if (presentation.state !== 'accepted') {
        logPresentationChange(
          db,
          presentation,
          { to: 'accepted', on: automaticChangeDay(presentation, today), author: null, note: hiredNote(draft.startDate, false) },
          now,
        );
      }
    }
    const waiting = presentationsOfIn(db, draft.candidateId, OPEN_PRESENTATION_STATES, draft.presentationId);
    for (const presentation of waiting) {
      logPresentationChange(
        db,
        presentation,
        { to: 'obsolete', on: automaticChangeDay(presentation, today), author: null, note: hiredNote(draft.startDate, true) },
        now,
      );
    }
    const employed = draft.kind !== 'qualifying_training' && markEmployed(db, draft.candidateId, now);
    let needFilled = false;
    if (draft.jobNeedId !== null) {
      const need = jobNeedStore.find(draft.jobNeedId);
      if (need.state === 'open' && hiresFor(db, need.id) >= need.positions) {
        updateJobNeed(db, need.id, { state: 'filled', updatedAt: now });
        needFilled = true;
      }
    }
    return { obsolete: waiting.map((presentation) => presentation.id), employed, needFilled };
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The recruitment, its four follow-ups and what the hire changes, in one transaction. */
    create(input: ParsedInputOf<'recruitments.create'>): Recruitment {
      requireCandidate(db, input.candidateId);
      const draft = check({
        candidateId: input.candidateId,
        kind: input.kind,
        employerId: input.employerId ?? null,
        organisation: input.organisation ?? null,
        jobNeedId: input.jobNeedId ?? null,
        presentationId: input.presentationId ?? null,
        hoursPerWeek: input.hoursPerWeek ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        notes: input.notes ?? null,
        employerApplying: input.employerApplying ?? false,
      }, null, true);
      if (draft.presentationId !== null) {
        const { state } = findPresentation(db, draft.presentationId);
        if (!(ACTIVE_PRESENTATION_STATES as readonly string[]).includes(state)) refuse({ presentationId: 'matching.errors.presentationClosed' });
      }
      const id = newId();
      const { now, today } = moment(clock);
      db.transaction(() => {
        insertRecruitment(db, { ...draft, id, createdAt: now, updatedAt: now }, followUpDueDates(draft.startDate), now);
        const changed = applyHire(draft, now, today);
        describeAudit(now, {
          action: 'recruitments.create',
          subjectType: 'recruitment',
          subjectId: id,
          details: { candidateId: draft.candidateId, kind: draft.kind, presentationId: draft.presentationId, employerApplying: draft.employerApplying, ...changed },
        });
      });
      return get(id);
    },

    /**
     * Changes the fields sent and checks the whole record again. When the start moves, the
     * follow-ups not yet recorded move with it. What the hire changed when it was recorded
     * (presentations, the person's status, the need) is not done again.
     */
    update({ id, ...patch }: ParsedInputOf<'recruitments.update'>): Recruitment {
      const current = recordFields(findRecruitment(db, id));
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const draft = check({ ...current, ...defined }, id, changesAny(current, defined, AUTHORISATION_FIELDS));
      const { now } = moment(clock);
      db.transaction(() => {
        updateRecruitment(db, id, { ...draft, updatedAt: now });
        if (draft.startDate !== current.startDate) movePendingFollowUps(db, id, followUpDueDates(draft.startDate), now);
        describeAudit(now, {
          action: 'recruitments.update',
          subjectType: 'recruitment',
          subjectId: id,
          details: { fields: Object.keys(defined), employerApplying: draft.employerApplying },
        });
      });
      return get(id);
    },

    /** Latest start first. */
    list(input: ParsedInputOf<'recruitments.list'>): RecruitmentPage {
      const { rows, total } = recruitmentPage(db, input);
      const items: RecruitmentSummary[] = withOverlaps(db, 'recruitment', rows.map(toSummary));
      return { items, total };
    },

    archive({ id }: { id: string }): Recruitment {
      archiveWithAudit(db, ARCHIVABLE, id, true, clock);
      return get(id);
    },

    /** A recruitment comes back only if it still keeps the rules (PMSMPs recorded since, overlaps). */
    restore({ id }: { id: string }): Recruitment {
      const row = findRecruitment(db, id);
      if (row.archivedAt !== null) check(recordFields(row), id, false);
      archiveWithAudit(db, ARCHIVABLE, id, false, clock);
      return get(id);
    },

    /**
     * What became of the person at a follow-up: still employed, left (and why) or unknown,
     * heard on a day between the start and today. `pending` clears a result recorded by mistake.
     */
    recordFollowUp(input: ParsedInputOf<'followUps.record'>): Recruitment {
      const followUp = followUpById(db, input.id);
      if (!followUp) throw new AppError('not_found', FOLLOW_UP_NOT_FOUND);
      if (input.result !== 'left' && input.leftReason !== null) refuse({ leftReason: 'matching.errors.leftReasonOnlyWhenLeft' });
      const recruitment = findRecruitment(db, followUp.recruitmentId);
      const { today, now } = moment(clock);
      const pending = input.result === 'pending';
      const recordedOn = pending ? null : (input.recordedOn ?? today);
      if (recordedOn !== null) {
        assertNotAhead(recordedOn, today, 'recordedOn');
        if (recordedOn < recruitment.startDate) refuse({ recordedOn: 'matching.errors.recordedBeforeStart' });
      }
      db.transaction(() => {
        updateFollowUp(db, input.id, { result: input.result, leftReason: input.leftReason, recordedOn, author: pending ? null : input.author, note: input.note, updatedAt: now });
        updateRecruitment(db, recruitment.id, { updatedAt: now });
        describeAudit(now, {
          action: 'followUps.record',
          subjectType: 'recruitment',
          subjectId: recruitment.id,
          details: { followUpId: input.id, result: input.result },
        });
      });
      return get(recruitment.id);
    },
  };
}

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
