import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { ApiResult } from '../../../shared/errors';
import { ok, refused } from '../../support/api';
import { MISSING_ID, RESIDENT_CARD, employer, immersion, manualClock, need } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend } from '../../support/temp';

const expiringSoon = { ...RESIDENT_CARD, authorisationExpiry: '2026-04-01' };
const healthNote = 'Suivi au CMP le mardi';

/**
 * An association where volunteer Claire (in the Logistics pair with Marc) may see four files:
 * one assigned to her, one to her pair, one of her pair's sector, one met at her drop-in
 * session; and where Yonas's file (Building sector, the other pair, seen at a session she did
 * not attend) carries a presentation, a placement, a recruitment, timeline entries and a health note.
 */
async function association(backend: Backend) {
  const [logistics, building] = await ok(backend, 'sectors.list', {});
  if (!logistics || !building) throw new Error('the seeded sectors are missing');
  const volunteer = (firstName: string) => ok(backend, 'volunteers.create', { firstName, lastName: 'Bénévole' });
  const [claire, marc, nadia, omar] = [await volunteer('Claire'), await volunteer('Marc'), await volunteer('Nadia'), await volunteer('Omar')];
  const ours = await ok(backend, 'pairs.create', { kind: 'sector', sectorId: logistics.id, firstVolunteerId: claire.id, secondVolunteerId: marc.id });
  const theirs = await ok(backend, 'pairs.create', { kind: 'sector', sectorId: building.id, firstVolunteerId: nadia.id, secondVolunteerId: omar.id });
  const person = (firstName: string, fields: Record<string, unknown> = {}) =>
    ok(backend, 'candidates.create', { firstName, lastName: 'Test', phone: null, ...expiringSoon, ...fields });
  const health = (action: string) => [{ theme: 'health' as const, status: 'open' as const, action, changedOn: '2026-03-01' }];
  const assignedToHer = await person('Amina', { assignedVolunteerId: claire.id, barriers: health(healthNote) });
  const assignedToPair = await person('Binta', { assignedPairId: ours.id });
  const ofHerSector = await person('Chloé', { sectorIds: [logistics.id], barriers: health(healthNote) });
  const metAtHerSession = await person('Dawit');
  const outside = await person('Yonas', { phone: '06 11 22 33 44', sectorIds: [building.id], assignedPairId: theirs.id, barriers: health(healthNote) });
  const hers = await ok(backend, 'sessions.create', { date: '2026-03-05', place: 'Local', volunteerIds: [claire.id] });
  const other = await ok(backend, 'sessions.create', { date: '2026-03-06', place: 'Local', volunteerIds: [nadia.id] });
  await ok(backend, 'sessions.addVisit', { sessionId: hers.id, candidateId: metAtHerSession.id });
  const outsideVisit = await ok(backend, 'sessions.addVisit', { sessionId: other.id, candidateId: outside.id });
  const company = await employer(backend);
  const job = await need(backend, company.id);
  const presentation = await ok(backend, 'presentations.create', { candidateId: outside.id, jobNeedId: job.id });
  const placement = await ok(backend, 'placements.create', immersion(outside.id, company.id, '2026-03-02', '2026-03-13'));
  const recruitment = await ok(backend, 'recruitments.create', { candidateId: outside.id, kind: 'cdi', employerId: company.id, startDate: '2026-02-02' });
  const call = await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: outside.id, kind: 'call', occurredAt: '2026-03-09' });
  return {
    claire,
    job,
    company,
    other,
    outsideVisit,
    inScope: [assignedToHer, assignedToPair, ofHerSector, metAtHerSession],
    assignedToHer,
    ofHerSector,
    outside,
    presentation,
    placement,
    recruitment,
    call,
  };
}

/** The answer to a call on a record that does not exist: a file out of scope must get exactly this one. */
async function sameAsMissing(backend: Backend, method: string, input: unknown, missingInput: unknown) {
  const missing = (await backend.dispatch(method, missingInput)) as ApiResult<unknown>;
  if (!missing.ok) await refused(backend, method, input, missing.error.fields ?? {}, missing.error.code);
  const answer = await backend.dispatch(method, input);
  expect(answer, method).toEqual(missing);
}

describe("a volunteer's scope", () => {
  const openBackend = useBackend();

  async function signedInVolunteer() {
    const backend = await openBackend({ clock: manualClock() });
    const world = await association(backend);
    signInAs(backend, accountOf('volunteer', world.claire.id));
    return { backend, ...world };
  }

  it('lists, searches and counts only the files in scope', async () => {
    const { backend, inScope, outside } = await signedInVolunteer();
    const list = await ok(backend, 'candidates.list', { limit: 100 });
    expect(list.items.map((item) => item.id).sort()).toEqual(inScope.map((file) => file.id).sort());
    expect(list.total).toBe(4);
    expect(await ok(backend, 'candidates.list', { query: 'Yonas' })).toEqual({ items: [], total: 0 });
    expect(await ok(backend, 'candidates.list', { query: '06 11 22' })).toEqual({ items: [], total: 0 });
    expect((await ok(backend, 'candidates.list', { query: 'Amina' })).total).toBe(1);
    expect((await ok(backend, 'candidates.list', { query: 'test', archived: 'all' })).total).toBe(4);
    expect(await ok(backend, 'candidates.findDuplicates', { firstName: 'Yonas', lastName: 'Test', phone: '06 11 22 33 44' })).toEqual([]);
    expect((await ok(backend, 'candidates.findDuplicates', { firstName: 'Amina', lastName: 'Test' })).map((found) => found.candidate.id)).toEqual([
      inScope[0]?.id,
    ]);
    expect(outside.id).not.toBe(inScope[0]?.id);
  });

  it('cannot open a file out of scope, nor its records, nor its timeline: the answers of a missing one', async () => {
    const { backend, outside, presentation, placement, recruitment, other, outsideVisit } = await signedInVolunteer();
    await sameAsMissing(backend, 'candidates.get', { id: outside.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'candidates.barrierHistory', { id: outside.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'matching.forCandidate', { candidateId: outside.id }, { candidateId: MISSING_ID });
    await sameAsMissing(backend, 'timeline.list', { subjectType: 'candidate', subjectId: outside.id }, { subjectType: 'candidate', subjectId: MISSING_ID });
    expect(await ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: outside.id })).toEqual({ items: [], total: 0 });
    await sameAsMissing(backend, 'presentations.get', { id: presentation.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'placements.get', { id: placement.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'recruitments.get', { id: recruitment.id }, { id: MISSING_ID });
    expect(await ok(backend, 'presentations.list', {})).toMatchObject({ items: [], total: 0 });
    expect(await ok(backend, 'placements.list', {})).toMatchObject({ items: [], total: 0 });
    expect(await ok(backend, 'recruitments.list', {})).toMatchObject({ items: [], total: 0 });
    expect(await ok(backend, 'presentations.list', { candidateId: outside.id })).toMatchObject({ items: [], total: 0 });
    const session = await ok(backend, 'sessions.get', { id: other.id });
    expect(session.visits).toEqual([]);
    expect(JSON.stringify(session)).not.toContain(outsideVisit.id);
  });

  it('ranks only the files in scope for a job, and lists only them as due', async () => {
    const { backend, job, inScope, outside } = await signedInVolunteer();
    const matches = await ok(backend, 'matching.forNeed', { jobNeedId: job.id, limit: 50, excludedLimit: 50 });
    const ranked = [...matches.eligible, ...matches.excluded].map((match) => match.candidate.id);
    expect(ranked.sort()).toEqual(inScope.map((file) => file.id).sort());
    expect(matches.eligibleTotal + matches.excludedTotal).toBe(4);
    const due = await ok(backend, 'dashboard.due', { card: 'authorisations' });
    expect(due.items.map((item) => item.candidateId).sort()).toEqual(inScope.map((file) => file.id).sort());
    expect(due.total).toBe(4);
    signInAs(backend, accountOf('staff'));
    expect((await ok(backend, 'dashboard.due', { card: 'authorisations' })).items.map((item) => item.candidateId)).toContain(outside.id);
  });

  it('cannot write on a file out of scope, nor on its records: nothing changes', async () => {
    const { backend, outside, job, presentation, recruitment, call, other, outsideVisit } = await signedInVolunteer();
    await sameAsMissing(backend, 'candidates.update', { id: outside.id, phone: '07 00 00 00 00' }, { id: MISSING_ID, phone: '07 00 00 00 00' });
    await sameAsMissing(
      backend,
      'timeline.add',
      { subjectType: 'candidate', subjectId: outside.id, kind: 'call', occurredAt: '2026-03-10' },
      { subjectType: 'candidate', subjectId: MISSING_ID, kind: 'call', occurredAt: '2026-03-10' },
    );
    await sameAsMissing(backend, 'timeline.update', { id: call.id, kind: 'meeting', occurredAt: '2026-03-09' }, { id: MISSING_ID, kind: 'meeting', occurredAt: '2026-03-09' });
    await sameAsMissing(backend, 'timeline.remove', { id: call.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'presentations.create', { candidateId: outside.id, jobNeedId: job.id }, { candidateId: MISSING_ID, jobNeedId: job.id });
    await sameAsMissing(backend, 'presentations.transition', { id: presentation.id, to: 'presented' }, { id: MISSING_ID, to: 'presented' });
    await sameAsMissing(backend, 'sessions.addVisit', { sessionId: other.id, candidateId: outside.id }, { sessionId: other.id, candidateId: MISSING_ID });
    await sameAsMissing(backend, 'sessions.removeVisit', { id: outsideVisit.id }, { id: MISSING_ID });
    await sameAsMissing(backend, 'sessions.intake', { sessionId: other.id, candidateId: outside.id }, { sessionId: other.id, candidateId: MISSING_ID });
    const followUp = recruitment.followUps[0]?.id ?? '';
    await sameAsMissing(backend, 'followUps.record', { id: followUp, result: 'employed' }, { id: MISSING_ID, result: 'employed' });
  });

  it('shows a health note only on the files assigned to them or their pair, and keeps it when they save the file', async () => {
    const { backend, assignedToHer, ofHerSector } = await signedInVolunteer();
    expect((await ok(backend, 'candidates.get', { id: assignedToHer.id })).barriers).toEqual([
      { theme: 'health', status: 'open', action: healthNote, changedOn: '2026-03-01' },
    ]);
    const shown = await ok(backend, 'candidates.get', { id: ofHerSector.id });
    expect(shown.barriers).toEqual([{ theme: 'health', status: 'open', action: null, changedOn: '2026-03-01' }]);
    expect(JSON.stringify(await ok(backend, 'candidates.barrierHistory', { id: ofHerSector.id }))).not.toContain('CMP');
    // Her form sends the barriers back as she saw them, with another one added.
    await ok(backend, 'candidates.update', {
      id: ofHerSector.id,
      barriers: [...shown.barriers, { theme: 'housing', status: 'open', action: null, changedOn: '2026-03-10' }],
    });
    signInAs(backend, accountOf('staff'));
    const stored = await ok(backend, 'candidates.get', { id: ofHerSector.id });
    expect(stored.barriers.find((barrier) => barrier.theme === 'health')?.action).toBe(healthNote);
    expect(stored.barriers).toHaveLength(2);
  });

  it('follows the files they open themselves, and a volunteer account tied to no volunteer sees none', async () => {
    const { backend, claire } = await signedInVolunteer();
    const opened = await ok(backend, 'candidates.create', { firstName: 'Hawa', lastName: 'Konaté' });
    expect(opened.assignedVolunteerId).toBe(claire.id);
    expect((await ok(backend, 'candidates.list', {})).total).toBe(5);
    signInAs(backend, accountOf('volunteer', null));
    expect(await ok(backend, 'candidates.list', {})).toMatchObject({ items: [], total: 0 });
  });
});
