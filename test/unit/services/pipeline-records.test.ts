import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import type { InputOf } from '../../../shared/api';
import { authorisationFinding, recordedPeriod } from '../../../shared/authorisation';
import { ok, refused } from '../../support/api';
import { useBackend } from '../../support/temp';
import { basics, candidate, employer, immersion, manualClock, rows } from '../../support/records';

/**
 * The legal rules applied where contracts and placements are recorded (README, "Which legal
 * rules apply to what"): the work authorisation, the PMSMP's 25% share whichever is recorded
 * first, overlaps, the temp mission's maximum. Today is 10 March 2026.
 */

/** An asylum claim certificate valid until 31 August 2026. */
const asylumCertificate = { authorisationDocument: 'asylum_certificate', authorisationStart: '2025-12-01', authorisationExpiry: '2026-08-31' } as const;

const mission = (candidateId: string, startDate: string, endDate: string): InputOf<'placements.create'> => ({
  candidateId,
  kind: 'temp_mission',
  organisation: 'Adecco Lyon',
  startDate,
  endDate,
});

function auditDetails(backend: Backend, action: string) {
  return rows(backend, 'SELECT details FROM audit_log WHERE action = ? ORDER BY at', action).map((row) => JSON.parse((row as { details: string }).details));
}

describe('the work-authorisation rule is one rule', () => {
  it('lets an asylum seeker with a valid certificate do a PMSMP, not a job', () => {
    const holder = { ...asylumCertificate, employerMustApply: false, asylumRegisteredOn: '2025-12-01' };
    const period = recordedPeriod('2026-04-01', '2026-04-30');
    expect(authorisationFinding(holder, period, 'pmsmp')).toMatchObject({ allowed: true, code: 'authorisation_asylum_certificate_pmsmp' });
    expect(authorisationFinding(holder, period, 'employment')).toMatchObject({ allowed: false, code: 'authorisation_asylum_certificate_wait' });
    // The certificate must be valid through the immersion.
    expect(authorisationFinding(holder, recordedPeriod('2026-08-15', '2026-09-10'), 'pmsmp')).toMatchObject({ allowed: false });
  });
});

describe('recording contracts and placements', () => {
  const openBackend = useBackend();

  it('refuses a CDD for a person whose only document is an asylum certificate, and writes nothing', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { company } = await basics(backend);
    const recent = await candidate(backend, { firstName: 'Samir', ...asylumCertificate, asylumRegisteredOn: '2026-01-05' });
    const cdd = { kind: 'cdd', employerId: company.id, startDate: '2026-04-01', endDate: '2026-06-30' } as const;
    await refused(backend, 'recruitments.create', { candidateId: recent.id, ...cdd }, { employerApplying: 'matching.errors.authorisationAsylumWait' });
    // Not even with the employer's answer: before 6 months the employer may not apply (CESEDA L554-1).
    await refused(backend, 'recruitments.create', { candidateId: recent.id, ...cdd, employerApplying: true }, { employerApplying: 'matching.errors.authorisationAsylumWait' });
    await refused(backend, 'placements.create', { ...mission(recent.id, '2026-04-01', '2026-04-30') }, { employerApplying: 'matching.errors.authorisationAsylumWait' });

    const waited = await candidate(backend, { firstName: 'Ali', ...asylumCertificate, asylumRegisteredOn: '2025-08-01' });
    await refused(backend, 'recruitments.create', { candidateId: waited.id, ...cdd }, { employerApplying: 'matching.errors.authorisationEmployerApplying' });
    const hired = await ok(backend, 'recruitments.create', { candidateId: waited.id, ...cdd, employerApplying: true });
    expect(hired.employerApplying).toBe(true);
    expect(auditDetails(backend, 'recruitments.create')).toEqual([expect.objectContaining({ candidateId: waited.id, employerApplying: true })]);

    const nothing = await candidate(backend, { firstName: 'Nadia', authorisationDocument: null, authorisationStart: null, authorisationExpiry: null });
    await refused(backend, 'recruitments.create', { candidateId: nothing.id, ...cdd, employerApplying: true }, { employerApplying: 'matching.errors.authorisationMissing' });
    // Qualifying training is not a job: no authorisation is asked.
    await ok(backend, 'recruitments.create', { candidateId: nothing.id, kind: 'qualifying_training', organisation: 'AFPA', startDate: '2026-04-01', endDate: '2026-09-30' });
  });

  it('lets an asylum seeker with a valid certificate do a PMSMP without a work authorisation', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const company = await employer(backend);
    const person = await candidate(backend, { ...asylumCertificate, asylumRegisteredOn: '2026-01-05' });
    const pmsmp = await ok(backend, 'placements.create', immersion(person.id, company.id, '2026-04-01', '2026-04-30'));
    expect(pmsmp.employerApplying).toBe(false);
    // The certificate ends on 31 August: an immersion past it is refused.
    await refused(backend, 'placements.create', immersion(person.id, company.id, '2026-08-20', '2026-09-10'), {
      employerApplying: 'matching.errors.authorisationNotCovering',
    });
  });

  it('asks for the employer’s answer when the authorisation ends before the contract, a mission or an internship does', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { company } = await basics(backend);
    const person = await candidate(backend, { authorisationDocument: 'protection_receipt', authorisationStart: '2026-01-15', authorisationExpiry: '2026-07-14' });
    const cdd = { candidateId: person.id, kind: 'cdd', employerId: company.id, startDate: '2026-04-01', endDate: '2026-12-31' } as const;
    await refused(backend, 'recruitments.create', cdd, { employerApplying: 'matching.errors.authorisationEmployerApplying' });
    await refused(backend, 'placements.create', mission(person.id, '2026-04-01', '2029-03-31'), { endDate: 'matching.errors.tempMissionTooLong' });
    await refused(backend, 'placements.create', mission(person.id, '2026-07-01', '2026-08-31'), { employerApplying: 'matching.errors.authorisationEmployerApplying' });
    await refused(
      backend,
      'placements.create',
      { candidateId: person.id, kind: 'internship_apprenticeship', organisation: 'CeLav', startDate: '2026-07-15', endDate: '2026-10-14' },
      { employerApplying: 'matching.errors.authorisationNotCovering' },
    );
    // A CDI asks for the start only; ending the CDD on the last day of the document passes.
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-04-01', hoursPerWeek: 20 });
    const fitting = await ok(backend, 'recruitments.create', { ...cdd, endDate: '2026-07-14', hoursPerWeek: 10 });
    // Moving its end past the document asks again; a note alone does not.
    await refused(backend, 'recruitments.update', { id: fitting.id, endDate: '2026-07-15' }, { employerApplying: 'matching.errors.authorisationEmployerApplying' });
    const extended = await ok(backend, 'recruitments.update', { id: fitting.id, endDate: '2026-09-30', employerApplying: true });
    expect(extended.employerApplying).toBe(true);
    expect(auditDetails(backend, 'recruitments.update')).toEqual([expect.objectContaining({ employerApplying: true })]);
    // The document on file now ends before the contract's start (a later correction of the file).
    await ok(backend, 'candidates.update', { id: person.id, authorisationExpiry: '2026-03-20' });
    await refused(backend, 'recruitments.update', { id: fitting.id, startDate: '2026-04-02' }, { employerApplying: 'matching.errors.authorisationNotCovering' });
    // The form sends every field: the same dates and answer with a new note do not ask again either.
    const { startDate, endDate, kind, employerApplying } = extended;
    await ok(backend, 'recruitments.update', { id: fitting.id, kind, startDate, endDate, employerApplying, notes: 'Renouvellement du récépissé demandé' });
  });

  it('keeps PMSMPs within 25% of a contract recorded after them', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company } = await basics(backend);
    await ok(backend, 'placements.create', immersion(person.id, company.id, '2026-03-01', '2026-03-31'));
    // 100 days from 20 February: 25 days allowed, 31 taken.
    const cdd = { candidateId: person.id, kind: 'cddi', employerId: company.id, startDate: '2026-02-20', endDate: '2026-05-30' } as const;
    await refused(backend, 'recruitments.create', cdd, { endDate: 'matching.errors.contractUnderPmsmpShare' });
    // 124 days: 31 allowed.
    const longer = await ok(backend, 'recruitments.create', { ...cdd, endDate: '2026-06-23' });
    await refused(backend, 'recruitments.update', { id: longer.id, endDate: '2026-06-22' }, { endDate: 'matching.errors.contractUnderPmsmpShare' });
    // Archived, then a PMSMP recorded, the contract cannot come back over the share.
    await ok(backend, 'recruitments.archive', { id: longer.id });
    await ok(backend, 'placements.create', immersion(person.id, company.id, '2026-04-10', '2026-04-20'));
    await refused(backend, 'recruitments.restore', { id: longer.id }, { endDate: 'matching.errors.contractUnderPmsmpShare' });
  });

  it('refuses two PMSMPs at once and contracts over 48 hours a week; flags the other overlaps', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const { person, company } = await basics(backend);
    const other = await employer(backend, 'Boulangerie Roux');
    const first = await ok(backend, 'placements.create', immersion(person.id, company.id, '2026-04-01', '2026-04-30'));
    await refused(backend, 'placements.create', immersion(person.id, other.id, '2026-04-30', '2026-05-15'), { startDate: 'matching.errors.overlapsPmsmp' });
    const second = await ok(backend, 'placements.create', immersion(person.id, other.id, '2026-05-01', '2026-05-15'));

    const morning = await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-06-01', hoursPerWeek: 30 });
    const evening = { candidateId: person.id, kind: 'cdd', employerId: other.id, startDate: '2026-09-01', endDate: '2026-12-31', hoursPerWeek: 20 } as const;
    await refused(backend, 'recruitments.create', evening, { startDate: 'matching.errors.overlapsOverMaxHours' });
    const partTime = await ok(backend, 'recruitments.create', { ...evening, hoursPerWeek: 18 });
    expect(partTime.overlaps).toEqual([{ type: 'recruitment', id: morning.id, kind: 'cdi', startDate: '2026-06-01', endDate: null }]);
    // Training during immersions and a part-time job may be lawful: recorded, and flagged on both sides.
    const training = await ok(backend, 'placements.create', { candidateId: person.id, kind: 'training', organisation: 'AFPA', startDate: '2026-04-20', endDate: '2026-06-05' });
    expect(training.overlaps.map((item) => item.id).sort()).toEqual([first.id, second.id, morning.id].sort());
    expect((await ok(backend, 'placements.get', { id: first.id })).overlaps).toEqual([
      { type: 'placement', id: training.id, kind: 'training', startDate: '2026-04-20', endDate: '2026-06-05' },
    ]);
    const listed = await ok(backend, 'recruitments.list', { candidateId: person.id });
    expect(listed.items.find((item) => item.id === morning.id)?.overlaps.map((item) => item.id).sort()).toEqual([partTime.id, training.id].sort());
  });

  it('bounds a temp mission to 18 months, renewals included, and two renewals (L1251-12-1, L1251-35)', async () => {
    const backend = await openBackend({ clock: manualClock() });
    const person = await candidate(backend);
    await refused(backend, 'placements.create', mission(person.id, '2026-01-01', '2028-12-31'), { endDate: 'matching.errors.tempMissionTooLong' });
    await refused(backend, 'placements.create', mission(person.id, '2026-01-01', '2027-07-01'), { endDate: 'matching.errors.tempMissionTooLong' });
    await ok(backend, 'placements.create', mission(person.id, '2026-01-01', '2026-06-30'));
    await ok(backend, 'placements.create', mission(person.id, '2026-07-01', '2026-12-31'));
    // The second renewal would take the mission past 18 months.
    await refused(backend, 'placements.create', mission(person.id, '2027-01-01', '2027-07-31'), { endDate: 'matching.errors.tempMissionTooLong' });
    await ok(backend, 'placements.create', mission(person.id, '2027-01-01', '2027-03-31'));
    await refused(backend, 'placements.create', mission(person.id, '2027-04-01', '2027-04-30'), { startDate: 'matching.errors.tempMissionRenewals' });
    // Another agency's mission is another mission.
    await ok(backend, 'placements.create', { ...mission(person.id, '2027-04-01', '2027-04-30'), organisation: 'Manpower' });
  });
});
