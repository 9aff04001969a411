import type { ParsedInputOf } from '../../shared/api';
import { localDateTime } from '../../shared/appointments';
import { type FrenchLevel, frenchLevelRank } from '../../shared/candidates';
import type { BarrierTheme } from '../../shared/domain';
import type {
  BarrierStep,
  Diagnosis,
  NextItem,
  Objective,
  ObjectiveStatus,
  PathProgress,
  Plan,
  PlanStep,
  Responsible,
  StepChange,
  StepEvent,
  StepKind,
  StepStatus,
} from '../../shared/plans';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import { nextAppointmentsOf } from '../store/appointments';
import { describeAudit } from '../store/audit';
import { barriersOf, findCandidate, touchCandidate } from '../store/candidates';
import {
  type ObjectiveRow,
  type StepRow,
  deleteObjective,
  deleteStep,
  diagnosisOf,
  diagnosisSourceOf,
  insertDiagnosis,
  insertObjective,
  insertStep,
  insertStepEvents,
  objectiveById,
  objectivesOf,
  partnerExists,
  progressRows,
  stepById,
  stepEventsOf,
  stepIdsOfObjective,
  stepsOf,
  updateObjective,
  updateStep,
  volunteerExists,
} from '../store/plans';
import { createCandidateService } from './candidates';

const OBJECTIVE_NOT_FOUND = 'plans.errors.objectiveNotFound';
const STEP_NOT_FOUND = 'plans.errors.stepNotFound';
/** How many steps and appointments "what is next" shows. */
const NEXT_COUNT = 3;

const STEP_FIELDS = ['kind', 'label', 'dueOn', 'responsible', 'volunteerId', 'partnerId', 'status', 'outcome'] as const;

function toStep(row: StepRow): PlanStep {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    kind: row.kind as StepKind,
    label: row.label,
    dueOn: row.dueOn,
    responsible: row.responsible as Responsible,
    volunteerId: row.volunteerId,
    volunteerName: row.volunteerName,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    status: row.status as StepStatus,
    outcome: row.outcome,
    updatedAt: row.updatedAt,
  };
}

function toObjective(row: ObjectiveRow, steps: PlanStep[]): Objective {
  return {
    id: row.id,
    label: row.label,
    targetDate: row.targetDate,
    status: row.status as ObjectiveStatus,
    outcome: row.outcome,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    steps: steps.filter((step) => step.objectiveId === row.id),
  };
}

/** The project as the diagnosis keeps it: the occupations sought, in words. */
const projectText = (occupations: readonly { label: string }[]) => (occupations.length > 0 ? occupations.map((occupation) => occupation.label).join(', ') : null);

export function createPlanService(db: WriteDb, clock: Clock = systemClock) {
  const candidatesService = createCandidateService(db, clock);

  function objective(id: string): ObjectiveRow {
    const row = objectiveById(db, id);
    if (!row) throw new AppError('not_found', OBJECTIVE_NOT_FOUND);
    return row;
  }

  function step(id: string): StepRow {
    const row = stepById(db, id);
    if (!row) throw new AppError('not_found', STEP_NOT_FOUND);
    return row;
  }

  function assertResponsibleExists(input: { volunteerId: string | null; partnerId: string | null }) {
    if (input.volunteerId && !volunteerExists(db, input.volunteerId)) refuse({ volunteerId: 'volunteers.errors.notFound' });
    if (input.partnerId && !partnerExists(db, input.partnerId)) refuse({ partnerId: 'partners.errors.notFound' });
  }

  /** Keeps the file's state as the diagnosis at entry, when it has none yet. */
  function ensureDiagnosis(tx: WriteDb, candidateId: string, author: string | null | undefined): void {
    if (diagnosisOf(tx, candidateId)) return;
    const source = diagnosisSourceOf(tx, candidateId);
    if (!source) return;
    const { now, today } = moment(clock);
    insertDiagnosis(tx, {
      candidateId,
      frenchLevel: source.frenchLevel,
      openBarriers: source.openBarriers,
      project: projectText(source.occupations),
      recordedOn: today,
      author: author ?? null,
      createdAt: now,
    });
  }

  function stepEvent(row: { id: string; candidateId: string }, change: StepChange, changed: Record<string, unknown> | null, author: string | null | undefined) {
    return { id: newId(), candidateId: row.candidateId, stepId: row.id, change, changed, author: author ?? null, createdAt: moment(clock).now };
  }

  /**
   * Every write of the plan: its audit entry, and the file's date moved, so the file shows it
   * changed and the next export to a partner carries the plan again.
   */
  function planChanged(
    tx: WriteDb,
    action: 'plans.addObjective' | 'plans.updateObjective' | 'plans.removeObjective' | 'plans.addStep' | 'plans.updateStep' | 'plans.removeStep' | 'plans.recordDiagnosis',
    candidateId: string,
    details: Record<string, unknown>,
  ) {
    const { now } = moment(clock);
    touchCandidate(tx, candidateId, now);
    describeAudit(now, { action, subjectType: 'candidate', subjectId: candidateId, details });
  }

  function barrierSteps(candidateId: string): BarrierStep[] {
    const history = candidatesService.barrierHistory({ id: candidateId });
    return barriersOf(db, candidateId)
      .sort((a, b) => (a.status === b.status ? a.theme.localeCompare(b.theme) : a.status === 'open' ? -1 : 1))
      .map((barrier) => ({ ...barrier, history: history.filter((event) => event.theme === barrier.theme) }));
  }

  function next(candidateId: string, steps: PlanStep[]): NextItem[] {
    const open = steps.filter((item) => item.status === 'planned' || item.status === 'in_progress').slice(0, NEXT_COUNT);
    const appointments = nextAppointmentsOf(db, candidateId, localDateTime(clock.now()), NEXT_COUNT);
    const items: NextItem[] = [
      ...appointments.map((row) => ({ kind: 'appointment' as const, id: row.id, label: row.place ?? '', on: row.startsAt, appointmentKind: row.kind })),
      ...open.map((item) => ({ kind: 'step' as const, id: item.id, label: item.label, on: item.dueOn, stepKind: item.kind })),
    ];
    // Dated first, soonest first (an appointment's time sorts within its day); undated steps last.
    return items.sort((a, b) => (a.on === null ? 1 : b.on === null ? -1 : a.on.localeCompare(b.on))).slice(0, NEXT_COUNT + 1);
  }

  function get(candidateId: string): Plan {
    const file = findCandidate(db, candidateId);
    const diagnosisRow = diagnosisOf(db, candidateId);
    const diagnosis: Diagnosis | null = diagnosisRow
      ? {
          frenchLevel: diagnosisRow.frenchLevel as FrenchLevel,
          openBarriers: diagnosisRow.openBarriers as BarrierTheme[],
          project: diagnosisRow.project,
          recordedOn: diagnosisRow.recordedOn,
          author: diagnosisRow.author,
        }
      : null;
    const steps = stepsOf(db, candidateId).map(toStep);
    const barriers = barrierSteps(candidateId);
    const openNow = barriers.filter((barrier) => barrier.status === 'open').map((barrier) => barrier.theme);
    return {
      candidateId,
      diagnosis,
      now: {
        frenchLevel: file.frenchLevel as FrenchLevel,
        openBarriers: openNow,
        liftedSinceEntry: (diagnosis?.openBarriers ?? []).filter((theme) => !openNow.includes(theme)),
      },
      objectives: objectivesOf(db, candidateId).map((row) => toObjective(row, steps)),
      barrierSteps: barriers,
      next: next(candidateId, steps),
      history: stepEventsOf(db, candidateId).map(
        (row): StepEvent => ({ id: row.id, stepId: row.stepId, change: row.change as StepChange, changed: (row.changed ?? null) as StepEvent['changed'], author: row.author, createdAt: row.createdAt }),
      ),
    };
  }

  return {
    get: ({ candidateId }: ParsedInputOf<'plans.get'>) => get(candidateId),

    recordDiagnosis({ candidateId, author }: ParsedInputOf<'plans.recordDiagnosis'>): Plan {
      findCandidate(db, candidateId);
      if (diagnosisOf(db, candidateId)) throw new AppError('conflict', 'plans.errors.diagnosisRecorded');
      db.transaction((tx) => {
        ensureDiagnosis(tx, candidateId, author);
        planChanged(tx, 'plans.recordDiagnosis', candidateId, {});
      });
      return get(candidateId);
    },

    addObjective({ candidateId, author, ...fields }: ParsedInputOf<'plans.addObjective'>): Objective {
      findCandidate(db, candidateId);
      const { now } = moment(clock);
      const id = newId();
      db.transaction((tx) => {
        // A plan starts from a diagnosis: the file as it is when its first objective is set.
        ensureDiagnosis(tx, candidateId, author);
        insertObjective(tx, { id, candidateId, ...fields, status: 'open', outcome: null, createdAt: now, updatedAt: now });
        planChanged(tx, 'plans.addObjective', candidateId, { objectiveId: id });
      });
      return toObjective(objective(id), []);
    },

    updateObjective({ id, author: _author, ...fields }: ParsedInputOf<'plans.updateObjective'>): Objective {
      const before = objective(id);
      const changed = (['label', 'targetDate', 'status', 'outcome'] as const).filter((field) => fields[field] !== before[field]);
      db.transaction((tx) => {
        updateObjective(tx, id, { ...fields, updatedAt: moment(clock).now });
        planChanged(tx, 'plans.updateObjective', before.candidateId, { objectiveId: id, changed });
      });
      return toObjective(objective(id), stepsOf(db, before.candidateId).map(toStep));
    },

    removeObjective({ id, author }: ParsedInputOf<'plans.removeObjective'>): Objective {
      const before = objective(id);
      const steps = stepsOf(db, before.candidateId).map(toStep);
      db.transaction((tx) => {
        insertStepEvents(
          tx,
          stepIdsOfObjective(tx, id).map((stepId) => stepEvent({ id: stepId, candidateId: before.candidateId }, 'removed', null, author)),
        );
        deleteObjective(tx, id);
        planChanged(tx, 'plans.removeObjective', before.candidateId, { objectiveId: id });
      });
      return toObjective(before, steps);
    },

    addStep({ objectiveId, author, ...fields }: ParsedInputOf<'plans.addStep'>): PlanStep {
      const goal = objective(objectiveId);
      assertResponsibleExists(fields);
      const { now } = moment(clock);
      const id = newId();
      db.transaction((tx) => {
        insertStep(tx, { id, objectiveId, candidateId: goal.candidateId, ...fields, status: 'planned', outcome: null, createdAt: now, updatedAt: now });
        insertStepEvents(tx, [stepEvent({ id, candidateId: goal.candidateId }, 'created', { ...fields, status: 'planned' }, author)]);
        planChanged(tx, 'plans.addStep', goal.candidateId, { stepId: id, kind: fields.kind });
      });
      return toStep(step(id));
    },

    updateStep({ id, author, ...fields }: ParsedInputOf<'plans.updateStep'>): PlanStep {
      const before = step(id);
      assertResponsibleExists(fields);
      const changedFields = STEP_FIELDS.filter((field) => fields[field] !== before[field]);
      if (changedFields.length === 0) return toStep(before);
      db.transaction((tx) => {
        updateStep(tx, id, { ...fields, updatedAt: moment(clock).now });
        insertStepEvents(tx, [stepEvent(before, 'updated', Object.fromEntries(changedFields.map((field) => [field, fields[field]])), author)]);
        planChanged(tx, 'plans.updateStep', before.candidateId, { stepId: id, changed: changedFields });
      });
      return toStep(step(id));
    },

    removeStep({ id, author }: ParsedInputOf<'plans.removeStep'>): PlanStep {
      const before = step(id);
      db.transaction((tx) => {
        deleteStep(tx, id);
        insertStepEvents(tx, [stepEvent(before, 'removed', null, author)]);
        planChanged(tx, 'plans.removeStep', before.candidateId, { stepId: id });
      });
      return toStep(before);
    },

    progress: ({ from, to }: ParsedInputOf<'plans.progress'>): PathProgress => progressOf(db, from, to),
  };
}

/**
 * Progress since entry of the files diagnosed in a period, for the reports: French levels raised
 * (a level now above the level at entry; "not assessed" at entry counts as no level), barriers
 * open at entry and lifted since.
 */
export function progressOf(db: ReadDb, from: string, to: string): PathProgress {
  const { diagnosed, stillOpen, reached, done } = progressRows(db, from, to);
  const openNow = new Set(stillOpen.map((row) => `${row.candidateId} ${row.theme}`));
  let frenchLevelRaised = 0;
  let withBarriersAtEntry = 0;
  let barriersAtEntry = 0;
  let barriersLiftedSinceEntry = 0;
  for (const row of diagnosed) {
    if (frenchLevelRank(row.levelNow as FrenchLevel) > frenchLevelRank(row.levelAtEntry as FrenchLevel)) frenchLevelRaised += 1;
    if (row.openAtEntry.length > 0) withBarriersAtEntry += 1;
    barriersAtEntry += row.openAtEntry.length;
    barriersLiftedSinceEntry += row.openAtEntry.filter((theme) => !openNow.has(`${row.candidateId} ${theme}`)).length;
  }
  return { diagnosed: diagnosed.length, frenchLevelRaised, withBarriersAtEntry, barriersAtEntry, barriersLiftedSinceEntry, objectivesReached: reached, stepsDone: done };
}

export type PlanService = ReturnType<typeof createPlanService>;
