import { describe, expect, it } from 'vitest';
import { ok } from '../../../support/api';
import { exportTo, importFile, keysOf, recipientOf, reseal, twoPartners, useExchangeBackend } from '../../../support/exchange';

/** A person's action plan travels with their file to a partner their consent names, and older files without plans still open. */
describe('the action plan in the exchange format', () => {
  const openBackend = useExchangeBackend();

  it('arrives with the file: objectives and steps, who carries them by kind only', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const marc = await ok(a, 'volunteers.create', { firstName: 'Marc', lastName: 'Petit' });
    const goal = await ok(a, 'plans.addObjective', { candidateId: amina.id, label: 'Français B1 en juin', targetDate: '2026-06-30' });
    const course = await ok(a, 'plans.addStep', { objectiveId: goal.id, kind: 'french_course', label: 'Cours au centre social', dueOn: '2026-03-20', responsible: 'volunteer', volunteerId: marc.id });
    await ok(a, 'plans.addStep', { objectiveId: goal.id, kind: 'cv_workshop', label: 'Atelier CV', responsible: 'person' });

    const file = await exportTo(a, cardBatA.id, [amina.id]);
    await importFile(b, file.content);
    const sent = await ok(a, 'plans.get', { candidateId: amina.id });
    const received = await ok(b, 'plans.get', { candidateId: amina.id });
    const shape = (plan: typeof sent) =>
      plan.objectives.map((objective) => ({
        ...objective,
        steps: objective.steps.map(({ volunteerId: _id, volunteerName: _name, partnerId: _partner, partnerName: _partnerName, ...step }) => step),
      }));
    expect(shape(received)).toEqual(shape(sent));
    // The volunteer stays with the association that knows them: the step says "a volunteer".
    expect(received.objectives[0]?.steps.find((step) => step.id === course.id)).toMatchObject({ responsible: 'volunteer', volunteerId: null, volunteerName: null });
  });

  it('a plan changed since the last file travels again, though nothing else of the file changed', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const goal = await ok(a, 'plans.addObjective', { candidateId: amina.id, label: 'Permis de conduire' });
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    await ok(a, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Code de la route', responsible: 'person' });

    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    const received = await ok(b, 'plans.get', { candidateId: amina.id });
    expect(received.objectives.map((objective) => objective.steps.map((step) => step.label))).toEqual([['Code de la route']]);
  });

  it('opens a file written before plans were sent', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    await ok(a, 'plans.addObjective', { candidateId: amina.id, label: 'Permis de conduire' });
    const file = await exportTo(a, cardBatA.id, [amina.id]);
    const older = await reseal(keysOf(a, 'Tremplin Lyon'), file.content, [recipientOf(b)], (payload) => {
      const records = (payload as { records: Record<string, unknown> }).records;
      delete records.plans;
      return payload;
    });
    await importFile(b, older);
    expect((await ok(b, 'candidates.get', { id: amina.id })).lastName).toBe('Nguyễn-Đặng');
    expect((await ok(b, 'plans.get', { candidateId: amina.id })).objectives).toEqual([]);
  });
});
