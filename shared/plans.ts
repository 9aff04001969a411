import { z } from 'zod';
import type { BarrierEvent, FrenchLevel } from './candidates';
import type { BarrierStatus, BarrierTheme } from './domain';
import { reads, writes } from './method';
import { betweenFields, optionalIsoDate, optionalText, requiredText, uuid } from './validation';

/**
 * A person's action plan: the diagnosis made when they came (kept as it was), objectives with
 * dated steps, who carries each step, where it stands and what came of it. The file's barriers
 * are steps too: each barrier's action, with the history the barriers already keep.
 */

export const OBJECTIVE_STATUSES = ['open', 'reached', 'dropped'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const STEP_KINDS = ['french_course', 'pmsmp', 'cv_workshop', 'prefecture', 'training', 'job_search', 'appointment', 'other'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Who carries a step: the person themself, a volunteer (named), a partner association (named). */
export const RESPONSIBLES = ['person', 'volunteer', 'partner'] as const;
export type Responsible = (typeof RESPONSIBLES)[number];

/** What a change did to a step, as its history tells it. */
export const STEP_CHANGES = ['created', 'updated', 'removed'] as const;
export type StepChange = (typeof STEP_CHANGES)[number];

/** The diagnosis at entry: French level, the barriers that stood open, the project, as they were. */
export interface Diagnosis {
  frenchLevel: FrenchLevel;
  openBarriers: BarrierTheme[];
  project: string | null;
  recordedOn: string;
  author: string | null;
}

export interface PlanStep {
  id: string;
  objectiveId: string;
  kind: StepKind;
  label: string;
  dueOn: string | null;
  responsible: Responsible;
  volunteerId: string | null;
  volunteerName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  status: StepStatus;
  outcome: string | null;
  updatedAt: string;
}

export interface Objective {
  id: string;
  label: string;
  targetDate: string | null;
  status: ObjectiveStatus;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  steps: PlanStep[];
}

/** A barrier as a step of the plan: its action, where it stands, and its history. */
export interface BarrierStep {
  theme: BarrierTheme;
  status: BarrierStatus;
  action: string | null;
  changedOn: string | null;
  history: BarrierEvent[];
}

export interface StepEvent {
  id: string;
  stepId: string;
  change: StepChange;
  /** The fields that changed, as they became (none when removed). */
  changed: Partial<Pick<PlanStep, 'label' | 'kind' | 'dueOn' | 'responsible' | 'volunteerId' | 'partnerId' | 'status' | 'outcome'>> | null;
  author: string | null;
  createdAt: string;
}

/** What comes next on the file: the first steps not done yet (by date), the next appointment. */
export interface NextItem {
  kind: 'step' | 'appointment';
  id: string;
  label: string;
  /** A date (a step) or a local date and time (an appointment). */
  on: string | null;
  stepKind?: StepKind;
  appointmentKind?: string;
}

export interface Plan {
  candidateId: string;
  diagnosis: Diagnosis | null;
  /** Where the person stands now, to compare with the diagnosis. */
  now: { frenchLevel: FrenchLevel; openBarriers: BarrierTheme[]; liftedSinceEntry: BarrierTheme[] };
  objectives: Objective[];
  barrierSteps: BarrierStep[];
  next: NextItem[];
  /** Every change of the plan's steps, newest first. */
  history: StepEvent[];
}

/** Progress since entry over files whose diagnosis was recorded in a period (for the reports). */
export interface PathProgress {
  diagnosed: number;
  frenchLevelRaised: number;
  withBarriersAtEntry: number;
  barriersAtEntry: number;
  barriersLiftedSinceEntry: number;
  objectivesReached: number;
  stepsDone: number;
}

/** Who makes the change (the name typed on this computer), kept in the step's history. */
const author = optionalText(100).optional();

const objectiveFields = {
  label: requiredText(200),
  targetDate: optionalIsoDate(),
};

export const objectiveAddSchema = z.strictObject({ candidateId: uuid, ...objectiveFields, author });
export const objectiveUpdateSchema = z.strictObject({
  id: uuid,
  ...objectiveFields,
  status: z.enum(OBJECTIVE_STATUSES, { error: 'common.errors.choice' }),
  outcome: optionalText(1000),
  author,
});

const stepFields = {
  kind: z.enum(STEP_KINDS, { error: 'common.errors.choice' }),
  label: requiredText(200),
  dueOn: optionalIsoDate(),
  responsible: z.enum(RESPONSIBLES, { error: 'common.errors.choice' }),
  volunteerId: uuid.nullish().transform((value) => value ?? null),
  partnerId: uuid.nullish().transform((value) => value ?? null),
};

/** A volunteer step names its volunteer, a partner step its partner; the person's step names neither. */
const responsibleNamed = betweenFields<{ responsible: Responsible; volunteerId: string | null; partnerId: string | null }>(
  ['responsible', 'volunteerId', 'partnerId'],
  (step) => ({
    volunteerId:
      step.responsible === 'volunteer' && !step.volunteerId ? 'common.errors.required' : step.responsible !== 'volunteer' && step.volunteerId ? 'plans.errors.responsibleMismatch' : undefined,
    partnerId:
      step.responsible === 'partner' && !step.partnerId ? 'common.errors.required' : step.responsible !== 'partner' && step.partnerId ? 'plans.errors.responsibleMismatch' : undefined,
  }),
);

export const stepAddSchema = z.strictObject({ objectiveId: uuid, ...stepFields, author }).check(responsibleNamed);
export const stepUpdateSchema = z
  .strictObject({
    id: uuid,
    ...stepFields,
    status: z.enum(STEP_STATUSES, { error: 'common.errors.choice' }),
    outcome: optionalText(1000),
    author,
  })
  .check(responsibleNamed);

const removeSchema = z.strictObject({ id: uuid, author });

export const diagnosisRecordSchema = z.strictObject({ candidateId: uuid, author });

export const progressSchema = z
  .strictObject({ from: z.iso.date({ error: 'common.errors.date' }), to: z.iso.date({ error: 'common.errors.date' }) })
  .check(betweenFields(['from', 'to'], (period) => (period.from <= period.to ? {} : { to: 'common.errors.periodOrder' })));

export const planMethods = {
  'plans.get': reads<Plan>('candidates.read')(z.strictObject({ candidateId: uuid })),
  /** Keeps the file's French level, open barriers and project as they are now as the diagnosis at entry; once per file. */
  'plans.recordDiagnosis': writes<Plan>('candidates.write')(diagnosisRecordSchema),
  'plans.addObjective': writes<Objective>('candidates.write')(objectiveAddSchema),
  'plans.updateObjective': writes<Objective>('candidates.write')(objectiveUpdateSchema),
  /** Removes an objective typed by mistake, with its steps (their removal stays in the history). */
  'plans.removeObjective': writes<Objective>('candidates.write')(removeSchema),
  'plans.addStep': writes<PlanStep>('candidates.write')(stepAddSchema),
  'plans.updateStep': writes<PlanStep>('candidates.write')(stepUpdateSchema),
  'plans.removeStep': writes<PlanStep>('candidates.write')(removeSchema),
  /** Aggregates only: progress since entry of the files diagnosed in a period. */
  'plans.progress': reads<PathProgress>('reports')(progressSchema),
};
