import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { ok, refused } from '../../support/api';
import { manualClock } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend } from '../../support/temp';

const rows = (backend: Backend, sql: string, ...params: unknown[]) => backend.database.sqlite.prepare(sql).all(...params);

async function person(backend: Backend) {
  return ok(backend, 'candidates.create', {
    firstName: 'Amina',
    lastName: 'Diallo',
    frenchLevel: 'A1',
    occupations: [{ label: 'Préparatrice de commandes', romeCode: null }],
    barriers: [
      { theme: 'housing', status: 'open', action: 'Demande SIAO', changedOn: '2026-03-01' },
      { theme: 'mobility', status: 'open', action: null, changedOn: null },
    ],
  });
}

describe('the action plan through the API', () => {
  const openBackend = useBackend();

  it('keeps the diagnosis at entry as it was, and shows progress beside it', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const amina = await person(backend);
    const empty = await ok(backend, 'plans.get', { candidateId: amina.id });
    expect(empty).toMatchObject({ diagnosis: null, objectives: [], next: [], history: [] });
    expect(empty.barrierSteps.map((step) => step.theme)).toEqual(['housing', 'mobility']);

    const goal = await ok(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Français B1 en juin', targetDate: '2026-06-30', author: 'Marc' });
    expect(goal).toMatchObject({ label: 'Français B1 en juin', status: 'open', steps: [] });
    // The file changes afterwards: French improves, mobility is lifted.
    await ok(backend, 'candidates.update', {
      id: amina.id,
      frenchLevel: 'A2',
      barriers: [
        { theme: 'housing', status: 'open', action: 'Demande SIAO', changedOn: '2026-03-01' },
        { theme: 'mobility', status: 'lifted', action: 'Carte de bus solidaire', changedOn: '2026-03-09' },
      ],
      author: 'Marc',
    });
    const plan = await ok(backend, 'plans.get', { candidateId: amina.id });
    expect(plan.diagnosis).toEqual({ frenchLevel: 'A1', openBarriers: ['housing', 'mobility'], project: 'Préparatrice de commandes', recordedOn: '2026-03-10', author: 'Marc' });
    expect(plan.now).toEqual({ frenchLevel: 'A2', openBarriers: ['housing'], liftedSinceEntry: ['mobility'] });
    // The barrier's action is a step, with its history (who, what changed).
    const mobility = plan.barrierSteps.find((step) => step.theme === 'mobility');
    expect(mobility).toMatchObject({ status: 'lifted', action: 'Carte de bus solidaire' });
    expect(mobility?.history.map((event) => [event.change, event.author])).toEqual([
      ['lifted', 'Marc'],
      ['opened', null],
    ]);
    // A second diagnosis is refused: the first stays what was seen at entry.
    await refused(backend, 'plans.recordDiagnosis', { candidateId: amina.id }, {}, 'conflict');

    expect(await ok(backend, 'plans.progress', { from: '2026-01-01', to: '2026-12-31' })).toEqual({
      diagnosed: 1,
      frenchLevelRaised: 1,
      withBarriersAtEntry: 1,
      barriersAtEntry: 2,
      barriersLiftedSinceEntry: 1,
      objectivesReached: 0,
      stepsDone: 0,
    });
    expect((await ok(backend, 'plans.progress', { from: '2026-04-01', to: '2026-12-31' })).diagnosed).toBe(0);
  });

  it('records steps with who carries them, keeps their history, and shows what is next', async () => {
    const clock = manualClock('2026-03-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const amina = await person(backend);
    const marc = await ok(backend, 'volunteers.create', { firstName: 'Marc', lastName: 'Petit' });
    const forum = await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    const goal = await ok(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Français B1 en juin' });
    const course = await ok(backend, 'plans.addStep', {
      objectiveId: goal.id,
      kind: 'french_course',
      label: 'Cours au centre social',
      dueOn: '2026-03-20',
      responsible: 'partner',
      partnerId: forum.id,
      author: 'Marc',
    });
    expect(course).toMatchObject({ status: 'planned', partnerName: 'Forum Réfugiés', volunteerId: null });
    const cv = await ok(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'cv_workshop', label: 'Atelier CV', dueOn: '2026-03-15', responsible: 'volunteer', volunteerId: marc.id });
    await ok(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Sans date', responsible: 'person' });
    clock.tick();
    const { id, kind, label, dueOn, responsible, volunteerId, partnerId } = cv;
    await ok(backend, 'plans.updateStep', { id, kind, label, dueOn, responsible, volunteerId, partnerId, status: 'done', outcome: 'CV prêt', author: 'Zoé' });
    const appointment = await ok(backend, 'appointments.create', { candidateId: amina.id, kind: 'prefecture', startsAt: '2026-03-12T10:00', place: 'Préfecture du Rhône' });

    const plan = await ok(backend, 'plans.get', { candidateId: amina.id });
    expect(plan.objectives[0]?.steps.map((step) => [step.label, step.status])).toEqual([
      ['Atelier CV', 'done'],
      ['Cours au centre social', 'planned'],
      ['Sans date', 'planned'],
    ]);
    // What is next: the appointment, then the steps not done, by date; undated last.
    expect(plan.next.map((item) => [item.kind, item.id])).toEqual([
      ['appointment', appointment.id],
      ['step', course.id],
      ['step', plan.objectives[0]?.steps[2]?.id],
    ]);
    expect(plan.history.map((event) => [event.change, event.author, event.changed])).toEqual([
      ['updated', 'Zoé', { status: 'done', outcome: 'CV prêt' }],
      ['created', null, expect.objectContaining({ label: 'Sans date' })],
      ['created', null, expect.objectContaining({ label: 'Atelier CV' })],
      ['created', 'Marc', expect.objectContaining({ label: 'Cours au centre social' })],
    ]);
    // Each write audited about the file, with ids and field names only.
    expect(rows(backend, "SELECT action, subject_id AS subjectId FROM audit_log WHERE action LIKE 'plans.%' ORDER BY rowid")).toEqual(
      ['plans.addObjective', 'plans.addStep', 'plans.addStep', 'plans.addStep', 'plans.updateStep'].map((action) => ({ action, subjectId: amina.id })),
    );

    // Removing the objective takes its steps; their removal stays in the history.
    await ok(backend, 'plans.removeObjective', { id: goal.id });
    const after = await ok(backend, 'plans.get', { candidateId: amina.id });
    expect(after.objectives).toEqual([]);
    expect(after.history.filter((event) => event.change === 'removed')).toHaveLength(3);
  });

  it.each([
    ['a volunteer step without its volunteer', { responsible: 'volunteer' }, { volunteerId: 'common.errors.required' }],
    ['a person step naming a partner', { responsible: 'person', partnerId: '0190b3a0-0000-7000-8000-000000000000' }, { partnerId: 'plans.errors.responsibleMismatch' }],
    ['an impossible date', { responsible: 'person', dueOn: '2026-02-30' }, { dueOn: 'common.errors.date' }],
    ['an unknown kind', { responsible: 'person', kind: 'party' }, { kind: 'common.errors.choice' }],
  ])('refuses %s and writes nothing', async (_case, fields, errors) => {
    const backend = await openBackend();
    const amina = await person(backend);
    const goal = await ok(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Permis de conduire' });
    await refused(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Code de la route', ...fields }, errors);
  });

  it('refuses an unknown volunteer or partner, and a step of a file outside a volunteer\'s scope', async () => {
    const backend = await openBackend();
    const amina = await person(backend);
    const goal = await ok(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Permis de conduire' });
    await refused(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Code', responsible: 'volunteer', volunteerId: '0190b3a0-0000-7000-8000-000000000000' }, { volunteerId: 'volunteers.errors.notFound' });
    const claire = await ok(backend, 'volunteers.create', { firstName: 'Claire', lastName: 'Roux' });
    signInAs(backend, accountOf('volunteer', claire.id));
    await refused(backend, 'plans.get', { candidateId: amina.id }, {}, 'not_found');
    await refused(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Code', responsible: 'person' }, {}, 'not_found');
    signInAs(backend, accountOf('reader'));
    await refused(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Permis' }, {}, 'forbidden');
  });
});
