import { groupBy } from '../core/collections';
import { and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { PlanRecord } from '../formats/payload';
import type { ReadDb, WriteDb } from '../db/handles';
import { rowsWhereIn } from '../db/row-reader';
import { candidateBarriers, candidateDiagnoses, candidates, partners, planObjectives, planStepEvents, planSteps, volunteers } from '../db/schema';
import { inCandidateScope } from './scope';

/** A person's action plan: the diagnosis at entry, objectives, steps and the steps' history. */

export type DiagnosisRow = typeof candidateDiagnoses.$inferSelect;
export type ObjectiveRow = typeof planObjectives.$inferSelect;
export type StepRow = typeof planSteps.$inferSelect & { volunteerName: string | null; partnerName: string | null };
export type StepEventRow = typeof planStepEvents.$inferSelect;

export function diagnosisOf(db: ReadDb, candidateId: string): DiagnosisRow | undefined {
  return db.select().from(candidateDiagnoses).where(eq(candidateDiagnoses.candidateId, candidateId)).get();
}

/** Writes the diagnosis once: a second one changes nothing (the first is what was seen at entry). */
export function insertDiagnosis(db: WriteDb, values: DiagnosisRow): void {
  db.insert(candidateDiagnoses).values(values).onConflictDoNothing().run();
}

/** What the diagnosis keeps, read from the file as it is now. */
export function diagnosisSourceOf(db: ReadDb, candidateId: string) {
  const file = db
    .select({ frenchLevel: candidates.frenchLevel, occupations: candidates.occupations })
    .from(candidates)
    .where(eq(candidates.id, candidateId))
    .get();
  if (!file) return undefined;
  const open = db
    .select({ theme: candidateBarriers.theme })
    .from(candidateBarriers)
    .where(and(eq(candidateBarriers.candidateId, candidateId), eq(candidateBarriers.status, 'open')))
    .orderBy(asc(candidateBarriers.theme))
    .all();
  return { frenchLevel: file.frenchLevel, occupations: file.occupations, openBarriers: open.map((row) => row.theme) };
}

export function objectivesOf(db: ReadDb, candidateId: string): ObjectiveRow[] {
  return db.select().from(planObjectives).where(eq(planObjectives.candidateId, candidateId)).orderBy(asc(planObjectives.createdAt), asc(planObjectives.id)).all();
}

const stepColumns = {
  id: planSteps.id,
  objectiveId: planSteps.objectiveId,
  candidateId: planSteps.candidateId,
  kind: planSteps.kind,
  label: planSteps.label,
  dueOn: planSteps.dueOn,
  responsible: planSteps.responsible,
  volunteerId: planSteps.volunteerId,
  partnerId: planSteps.partnerId,
  status: planSteps.status,
  outcome: planSteps.outcome,
  createdAt: planSteps.createdAt,
  updatedAt: planSteps.updatedAt,
  volunteerName: sql<string | null>`CASE WHEN ${volunteers.id} IS NULL THEN NULL ELSE ${volunteers.firstName} || ' ' || ${volunteers.lastName} END`,
  partnerName: partners.name,
};

function stepQuery(db: ReadDb) {
  return db.select(stepColumns).from(planSteps).leftJoin(volunteers, eq(volunteers.id, planSteps.volunteerId)).leftJoin(partners, eq(partners.id, planSteps.partnerId));
}

/** The file's steps, undated ones last, then by date and creation. */
export function stepsOf(db: ReadDb, candidateId: string): StepRow[] {
  return stepQuery(db)
    .where(eq(planSteps.candidateId, candidateId))
    .orderBy(sql`${planSteps.dueOn} IS NULL`, asc(planSteps.dueOn), asc(planSteps.createdAt))
    .all();
}

/** An objective within the caller's scope (see store/scope.ts), else undefined. */
export function objectiveById(db: ReadDb, id: string): ObjectiveRow | undefined {
  return db.select().from(planObjectives).where(and(eq(planObjectives.id, id), inCandidateScope(planObjectives.candidateId))).get();
}

export function stepById(db: ReadDb, id: string): StepRow | undefined {
  return stepQuery(db).where(and(eq(planSteps.id, id), inCandidateScope(planSteps.candidateId))).get();
}

export function insertObjective(db: WriteDb, values: ObjectiveRow): void {
  db.insert(planObjectives).values(values).run();
}

export function updateObjective(db: WriteDb, id: string, values: Partial<ObjectiveRow>): void {
  db.update(planObjectives).set(values).where(eq(planObjectives.id, id)).run();
}

export function deleteObjective(db: WriteDb, id: string): void {
  db.delete(planObjectives).where(eq(planObjectives.id, id)).run();
}

export function stepIdsOfObjective(db: ReadDb, objectiveId: string): string[] {
  return db.select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.objectiveId, objectiveId)).all().map((row) => row.id);
}

export function insertStep(db: WriteDb, values: typeof planSteps.$inferInsert): void {
  db.insert(planSteps).values(values).run();
}

export function updateStep(db: WriteDb, id: string, values: Partial<typeof planSteps.$inferInsert>): void {
  db.update(planSteps).set(values).where(eq(planSteps.id, id)).run();
}

export function deleteStep(db: WriteDb, id: string): void {
  db.delete(planSteps).where(eq(planSteps.id, id)).run();
}

export function insertStepEvents(db: WriteDb, rows: StepEventRow[]): void {
  if (rows.length > 0) db.insert(planStepEvents).values(rows).run();
}

/** Every change of the file's steps, newest first. */
export function stepEventsOf(db: ReadDb, candidateId: string): StepEventRow[] {
  return db.select().from(planStepEvents).where(eq(planStepEvents.candidateId, candidateId)).orderBy(desc(planStepEvents.createdAt), desc(planStepEvents.id)).all();
}

/** Whether a volunteer or a partner exists (a step names who carries it). */
export function volunteerExists(db: ReadDb, id: string): boolean {
  return db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, id)).get() !== undefined;
}

export function partnerExists(db: ReadDb, id: string): boolean {
  return db.select({ id: partners.id }).from(partners).where(eq(partners.id, id)).get() !== undefined;
}

/**
 * The figures of progress since entry for the files diagnosed in a period (`from`, `to` dates,
 * both included): each file's diagnosis beside its French level and open barriers now.
 */
export function progressRows(db: ReadDb, from: string, to: string) {
  const diagnosed = db
    .select({
      candidateId: candidateDiagnoses.candidateId,
      levelAtEntry: candidateDiagnoses.frenchLevel,
      openAtEntry: candidateDiagnoses.openBarriers,
      levelNow: candidates.frenchLevel,
    })
    .from(candidateDiagnoses)
    .innerJoin(candidates, eq(candidates.id, candidateDiagnoses.candidateId))
    .where(and(gte(candidateDiagnoses.recordedOn, from), lte(candidateDiagnoses.recordedOn, to), sql`${candidates.mergedIntoId} IS NULL`))
    .all();
  const inPeriod = sql`(SELECT candidate_id FROM candidate_diagnoses WHERE recorded_on >= ${from} AND recorded_on <= ${to})`;
  const stillOpen = db
    .select({ candidateId: candidateBarriers.candidateId, theme: candidateBarriers.theme })
    .from(candidateBarriers)
    .where(and(sql`${candidateBarriers.candidateId} IN ${inPeriod}`, eq(candidateBarriers.status, 'open')))
    .all();
  const reached = db.select({ n: count() }).from(planObjectives).where(and(sql`${planObjectives.candidateId} IN ${inPeriod}`, eq(planObjectives.status, 'reached'))).get()?.n ?? 0;
  const done = db.select({ n: count() }).from(planSteps).where(and(sql`${planSteps.candidateId} IN ${inPeriod}`, eq(planSteps.status, 'done'))).get()?.n ?? 0;
  return { diagnosed, stillOpen, reached, done };
}

/** The plans of files sent to a partner (see formats/payload.ts): objectives and steps, without who here carries them. */
export function planRecordsOf(db: ReadDb, candidateIds: readonly string[]): PlanRecord[] {
  // One statement per table over the ids as a JSON array, the rows grouped by file here: 10,000
  // files, 500 ids per drizzle query, cost 0.1 s of CPU for an export without any plan.
  const objectives = rowsWhereIn(db, planObjectives, planObjectives.candidateId, candidateIds).sort((a, b) => compareText(a.createdAt, b.createdAt));
  if (objectives.length === 0) return [];
  const withPlans = [...new Set(objectives.map((objective) => objective.candidateId))];
  const steps = rowsWhereIn(db, planSteps, planSteps.candidateId, withPlans).sort((a, b) => compareText(a.createdAt, b.createdAt));
  const stepsOf = groupBy(steps, (step) => step.objectiveId);
  const objectivesOf = groupBy(objectives, (objective) => objective.candidateId);
  return candidateIds.flatMap((candidateId) => {
    const own = objectivesOf.get(candidateId);
    if (!own) return [];
    return [
      {
        candidateId,
        objectives: own.map(({ candidateId: _candidate, ...objective }) => ({
          ...objective,
          steps: (stepsOf.get(objective.id) ?? []).map(({ id, kind, label, dueOn, responsible, status, outcome, createdAt, updatedAt }) => ({
            id,
            kind,
            label,
            dueOn,
            responsible,
            status,
            outcome,
            createdAt,
            updatedAt,
          })),
        })) as PlanRecord['objectives'],
      },
    ];
  });
}

/** SQLite's order of text (ORDER BY's, for the ASCII of ids and ISO dates), without a collator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A partner's plan for a file taken from their export replaces the plan here (inside the
 * import's transaction): the sender's version of the file is the one kept, plan included.
 */
export function replacePlans(tx: WriteDb, plans: readonly PlanRecord[]): void {
  for (const plan of plans) {
    tx.delete(planObjectives).where(eq(planObjectives.candidateId, plan.candidateId)).run();
    for (const { steps, ...objective } of plan.objectives) {
      tx.insert(planObjectives).values({ ...objective, candidateId: plan.candidateId }).run();
      if (steps.length > 0) tx.insert(planSteps).values(steps.map((step) => ({ ...step, objectiveId: objective.id, candidateId: plan.candidateId }))).run();
    }
  }
}
