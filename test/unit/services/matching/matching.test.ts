import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { Clock } from '../../../../electron/core/clock';
import type { InputOf } from '../../../../shared/api';
import type { CandidateMatch, MatchReason } from '../../../../shared/matching';
import { ok, refused } from '../../../support/api';
import { matchablePerson } from '../../../support/matching';
import { useBackend } from '../../../support/temp';

/** The clock's day; the files are dated around it. */
const TODAY = '2026-11-20';
const clock: Clock = { now: () => new Date(`${TODAY}T09:00:00.000Z`) };

const LOGISTICS = '00000000-0000-7000-8000-000000000001';
const CLEANING = '00000000-0000-7000-8000-000000000004';
const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';


async function employerWithNeed(backend: Backend, needFields: Partial<InputOf<'jobNeeds.create'>> = {}) {
  const employer = await ok(backend, 'employers.create', { name: 'Logistique Rhône', postalCode: '69003', commune: 'Lyon', sectorId: LOGISTICS });
  const need = await ok(backend, 'jobNeeds.create', {
    employerId: employer.id,
    occupation: 'Préparateur de commandes',
    contractType: 'cdd',
    sectorId: LOGISTICS,
    startDate: '2026-12-01',
    endDate: '2027-05-31',
    minFrenchLevel: 'A2',
    ...needFields,
  });
  return { employer, need };
}

const codes = (match: { reasons: MatchReason[] }) => match.reasons.map((reason) => reason.code);
const names = (matches: CandidateMatch[]) => matches.map((match) => `${match.candidate.firstName} ${match.candidate.lastName}`);

describe('matching API', () => {
  const openBackend = useBackend();
  const backendAt = () => openBackend({ clock });

  it('ranks the candidates for a need, keeps the excluded apart with their reasons, and leaves out those who left', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend);
    const near = await matchablePerson(backend, { firstName: 'Near' });
    await matchablePerson(backend, { firstName: 'Far', postalCode: '38000', commune: 'Grenoble' });
    await matchablePerson(backend, { firstName: 'Short', authorisationExpiry: '2027-05-10' });
    await matchablePerson(backend, { firstName: 'Gone', status: 'left' });
    const archived = await matchablePerson(backend, { firstName: 'Archived' });
    await ok(backend, 'candidates.archive', { id: archived.id });

    const result = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(result.need).toEqual(await ok(backend, 'jobNeeds.get', { id: need.id }));
    expect(names(result.eligible)).toEqual(['Near Diallo', 'Far Diallo']);
    expect(names(result.excluded)).toEqual(['Short Diallo']);
    expect([result.eligibleTotal, result.excludedTotal]).toEqual([2, 1]);

    const [first, second] = result.eligible;
    expect(first).toMatchObject({
      candidate: { id: near.id, firstName: 'Near', lastName: 'Diallo', frenchLevel: 'B1', status: 'active', commune: 'Villeurbanne', postalCode: '69100', authorisationExpiry: '2034-01-14' },
      eligible: true,
      distanceKm: expect.closeTo(2.2, 1),
      presentation: null,
    });
    expect(codes(first as CandidateMatch)).toEqual([
      'authorisation_valid_through_contract',
      'french_level_enough',
      'driving_licence_not_required',
      'engagement_free',
      'consent_not_withdrawn',
      'sector_match',
      'occupation_same_words',
      'distance_within',
      'start_date_not_recorded',
      'last_contact_never',
    ]);
    expect(second?.reasons.find((reason) => reason.criterion === 'distance')).toMatchObject({ verdict: 'poor', code: 'distance_beyond' });
    expect(first?.score).toBeGreaterThan(second?.score ?? 100);
    expect(result.excluded[0]).toMatchObject({ eligible: false });
    expect(result.excluded[0]?.reasons[0]).toEqual({
      criterion: 'authorisation',
      verdict: 'fail',
      code: 'authorisation_ends_weeks_before_end',
      params: { count: 3, expiryDate: '2027-05-10', contractEndDate: '2027-05-31' },
    });
  });

  it('keeps to the limits and still counts everyone', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend);
    for (const firstName of ['Ali', 'Bea', 'Cem']) await matchablePerson(backend, { firstName });
    for (const firstName of ['Dan', 'Eva']) await matchablePerson(backend, { firstName, frenchLevel: 'not_assessed' });
    const result = await ok(backend, 'matching.forNeed', { jobNeedId: need.id, limit: 2, excludedLimit: 0 });
    expect(names(result.eligible)).toEqual(['Ali Diallo', 'Bea Diallo']);
    expect(result.excluded).toEqual([]);
    expect([result.eligibleTotal, result.excludedTotal]).toEqual([3, 2]);
  });

  it('places a need without a postal code at its employer’s, and says when no place is known', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend, { postalCode: null });
    await matchablePerson(backend);
    await matchablePerson(backend, { firstName: 'Nowhere', postalCode: null, commune: null });
    const result = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(result.eligible.map((match) => match.distanceKm)).toEqual([expect.closeTo(2.2, 1), null]);
    expect(result.eligible[1]?.reasons.find((reason) => reason.criterion === 'distance')?.code).toBe('distance_unknown_candidate');

    const other = await ok(backend, 'employers.create', { name: 'Sans adresse' });
    const placeless = await ok(backend, 'jobNeeds.create', { employerId: other.id, occupation: 'Cariste', contractType: 'cdi' });
    const unknown = await ok(backend, 'matching.forNeed', { jobNeedId: placeless.id });
    expect(unknown.eligible[0]?.reasons.find((reason) => reason.criterion === 'distance')?.code).toBe('distance_unknown_need');
  });

  it('sees every change made since the last call (the files kept in memory are read again)', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend);
    const amina = await matchablePerson(backend);
    const before = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(before.eligibleTotal).toBe(1);

    await ok(backend, 'candidates.update', { id: amina.id, frenchLevel: 'A1' });
    const lowered = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(lowered.excluded[0]?.reasons[1]).toMatchObject({ code: 'french_level_below', params: { level: 'A1', requiredLevel: 'A2' } });

    // A timeline event sets the last contact through a trigger: that counts as a change too.
    await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: amina.id, kind: 'call', occurredAt: '2026-11-15' });
    const called = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(called.excluded[0]?.reasons.at(-1)).toMatchObject({ code: 'last_contact_recent', params: { count: 5, lastContactOn: '2026-11-15' } });
  });

  it('shows a person who withdrew consent apart, as not presentable and why, both ways', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend);
    await matchablePerson(backend, { firstName: 'Staying' });
    const leaving = await matchablePerson(backend, { firstName: 'Withdrawn', consentRecording: true, consentContact: true });
    expect((await ok(backend, 'matching.forNeed', { jobNeedId: need.id })).eligibleTotal).toBe(2);

    await ok(backend, 'candidates.update', { id: leaving.id, consentWithdrawnOn: '2026-11-20' });
    const result = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(names(result.eligible)).toEqual(['Staying Diallo']);
    expect(names(result.excluded)).toEqual(['Withdrawn Diallo']);
    expect(result.excluded[0]?.reasons.find((reason) => reason.verdict === 'fail')).toEqual({
      criterion: 'consent',
      verdict: 'fail',
      code: 'consent_withdrawn',
      params: { withdrawnOn: '2026-11-20' },
    });

    const needs = await ok(backend, 'matching.forCandidate', { candidateId: leaving.id });
    expect([needs.eligibleTotal, needs.excludedTotal]).toEqual([0, 1]);
    expect(needs.excluded[0]?.reasons.filter((reason) => reason.verdict === 'fail').map((reason) => reason.code)).toEqual(['consent_withdrawn']);
  });

  it('shows the latest presentation, and excludes those hired or placed during the job', async () => {
    const backend = await backendAt();
    const { need, employer } = await employerWithNeed(backend);
    const presented = await matchablePerson(backend, { firstName: 'Presented' });
    const hired = await matchablePerson(backend, { firstName: 'Hired' });
    const placed = await matchablePerson(backend, { firstName: 'Placed' });
    const presentation = await ok(backend, 'presentations.create', { candidateId: presented.id, jobNeedId: need.id, on: '2026-11-18' });
    await ok(backend, 'recruitments.create', { candidateId: hired.id, kind: 'cdd', employerId: employer.id, startDate: '2026-10-01', endDate: '2027-03-31' });
    await ok(backend, 'placements.create', { candidateId: placed.id, kind: 'pmsmp', employerId: employer.id, startDate: '2026-11-16', endDate: '2026-12-05', objective: 'Découvrir le métier', prescriber: 'France Travail' });

    const result = await ok(backend, 'matching.forNeed', { jobNeedId: need.id });
    expect(result.eligible.map((match) => [match.candidate.firstName, match.presentation])).toEqual([['Presented', { id: presentation.id, state: 'proposed' }]]);
    const byName = Object.fromEntries(result.excluded.map((match) => [match.candidate.firstName, match.reasons[3]]));
    expect(byName.Hired).toEqual({
      criterion: 'engagement',
      verdict: 'fail',
      code: 'engagement_hired',
      params: { contract: 'cdd', startDate: '2026-10-01', endDate: '2027-03-31' },
    });
    expect(byName.Placed).toMatchObject({ code: 'engagement_placement_pmsmp', params: { endDate: '2026-12-05' } });
  });

  it('ranks the open needs for a candidate, leaving out filled, closed, archived and expired ones', async () => {
    const backend = await backendAt();
    const { need, employer } = await employerWithNeed(backend);
    const needFor = (fields: Partial<InputOf<'jobNeeds.create'>>) =>
      ok(backend, 'jobNeeds.create', { employerId: employer.id, occupation: 'Préparateur de commandes', contractType: 'cdi', sectorId: LOGISTICS, ...fields });
    const cleaning = await needFor({ occupation: 'Agent de nettoyage', sectorId: CLEANING });
    const licence = await needFor({ occupation: 'Chauffeur livreur', drivingLicenceRequired: true });
    const filled = await needFor({});
    await ok(backend, 'jobNeeds.setState', { id: filled.id, state: 'filled' });
    const archived = await needFor({});
    await ok(backend, 'jobNeeds.archive', { id: archived.id });
    await needFor({ validUntil: '2026-11-19' });
    const stillValid = await needFor({ validUntil: TODAY, postalCode: '38000' });
    const amina = await matchablePerson(backend);
    await ok(backend, 'presentations.create', { candidateId: amina.id, jobNeedId: need.id });

    const result = await ok(backend, 'matching.forCandidate', { candidateId: amina.id });
    expect(result.eligible.map((match) => match.need.id)).toEqual([need.id, stillValid.id, cleaning.id]);
    expect(result.excluded.map((match) => match.need.id)).toEqual([licence.id]);
    expect([result.eligibleTotal, result.excludedTotal]).toEqual([3, 1]);
    expect(result.eligible[0]).toMatchObject({ need: { occupation: 'Préparateur de commandes' }, eligible: true, presentation: { state: 'proposed' } });
    expect(result.eligible[1]?.distanceKm).toBeGreaterThan(80);
    expect(result.excluded[0]?.reasons[2]).toMatchObject({ verdict: 'fail', code: 'driving_licence_missing', params: { mobility: 'public_transport' } });

    const limited = await ok(backend, 'matching.forCandidate', { candidateId: amina.id, limit: 1, excludedLimit: 0 });
    expect([limited.eligible.length, limited.excluded.length, limited.eligibleTotal]).toEqual([1, 0, 3]);
  });

  it('says when the need or the candidate does not exist', async () => {
    const backend = await backendAt();
    await refused(backend, 'matching.forNeed', { jobNeedId: MISSING_ID }, {}, 'not_found');
    await refused(backend, 'matching.forCandidate', { candidateId: MISSING_ID }, {}, 'not_found');
    expect(await backend.dispatch('matching.forNeed', { jobNeedId: MISSING_ID })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'employers.errors.jobNeedNotFound' },
    });
    expect(await backend.dispatch('matching.forCandidate', { candidateId: MISSING_ID })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'candidates.errors.notFound' },
    });
  });

  it('refuses bad input with the field at fault, changing nothing', async () => {
    const backend = await backendAt();
    const { need } = await employerWithNeed(backend);
    const amina = await matchablePerson(backend);
    await refused(backend, 'matching.forNeed', { jobNeedId: 'not-an-id' }, { jobNeedId: 'common.errors.id' });
    await refused(backend, 'matching.forNeed', {}, { jobNeedId: 'common.errors.id' });
    await refused(backend, 'matching.forNeed', { jobNeedId: need.id, limit: 0 }, { limit: 'common.errors.tooSmall?minimum=1' });
    await refused(backend, 'matching.forNeed', { jobNeedId: need.id, limit: 501 }, { limit: 'common.errors.tooBig?maximum=500' });
    await refused(backend, 'matching.forNeed', { jobNeedId: need.id, excludedLimit: -1 }, { excludedLimit: 'common.errors.tooSmall?minimum=0' });
    await refused(backend, 'matching.forNeed', { jobNeedId: need.id, limit: 2.5 }, { limit: 'common.errors' });
    await refused(backend, 'matching.forNeed', { jobNeedId: need.id, sort: 'name' }, { _: 'common.errors.unknownField' });
    await refused(backend, 'matching.forCandidate', { candidateId: amina.id, limit: '10' }, { limit: 'common.errors.type' });
    await refused(backend, 'matching.forCandidate', { candidateId: 42 }, { candidateId: 'common.errors' });
  });
});
