import { describe, expect, it } from 'vitest';
import {
  authorisationReason,
  distanceEvaluation,
  drivingLicenceReason,
  engagementReason,
  frenchLevelReason,
  jobPeriod,
  lastContactEvaluation,
  occupationEvaluation,
  occupationTarget,
  occupationWords,
  sectorEvaluation,
  startDateEvaluation,
} from '../../../electron/matching/criteria';
import { createNeedMatcher } from '../../../electron/matching/matcher';
import { estimateTravel } from '../../../electron/matching/travel';
import { CLEANING, GRENOBLE, LOGISTICS, LYON, TODAY, VILLEURBANNE, candidate, need } from '../../support/matching';

const period = (overrides: Parameters<typeof need>[0] = {}) => jobPeriod(need(overrides), TODAY);

describe('the job period', () => {
  it('starts on the need start date, or today when it is absent or past', () => {
    expect(period()).toMatchObject({ start: '2026-04-01', end: '2026-09-30', authorisationEnd: '2026-09-30' });
    expect(period({ startDate: null })).toMatchObject({ start: TODAY });
    expect(period({ startDate: '2026-01-05' })).toMatchObject({ start: TODAY });
  });

  it('has no end for a CDI, and asks the authorisation to last only when the need says so', () => {
    expect(period({ contractType: 'cdi', endDate: null })).toMatchObject({ end: null, authorisationEnd: null });
    expect(period({ authorisationThroughContract: false })).toMatchObject({ end: '2026-09-30', authorisationEnd: null });
  });
});

describe('work authorisation', () => {
  const check = (fields: Parameters<typeof candidate>[0], needFields: Parameters<typeof need>[0] = {}) =>
    authorisationReason(candidate(fields), period(needFields));

  it('passes when it lasts to the end of the contract, the last day included', () => {
    expect(check({ authorisationExpiry: '2026-09-30' })).toEqual({
      criterion: 'authorisation',
      verdict: 'pass',
      code: 'authorisation_valid_through_contract',
      params: { expiryDate: '2026-09-30' },
    });
    expect(check({ authorisationExpiry: '2026-10-01' }).verdict).toBe('pass');
  });

  it('fails when it ends the day before the end of the contract', () => {
    expect(check({ authorisationExpiry: '2026-09-29' })).toEqual({
      criterion: 'authorisation',
      verdict: 'fail',
      code: 'authorisation_ends_days_before_end',
      params: { count: 1, expiryDate: '2026-09-29', contractEndDate: '2026-09-30' },
    });
  });

  it('says the gap in days, weeks or months', () => {
    expect(check({ authorisationExpiry: '2026-09-21' })).toMatchObject({ code: 'authorisation_ends_days_before_end', params: { count: 9 } });
    expect(check({ authorisationExpiry: '2026-09-09' })).toMatchObject({ code: 'authorisation_ends_weeks_before_end', params: { count: 3 } });
    expect(check({ authorisationExpiry: '2026-06-30' })).toMatchObject({ code: 'authorisation_ends_months_before_end', params: { count: 3 } });
  });

  it('checks only the start when the need does not ask for the whole contract, or has no end (CDI)', () => {
    expect(check({ authorisationExpiry: '2026-06-30' }, { authorisationThroughContract: false }).verdict).toBe('pass');
    const cdi = { contractType: 'cdi' as const, endDate: null };
    expect(check({ authorisationExpiry: '2031-01-01' }, cdi)).toMatchObject({ verdict: 'pass', code: 'authorisation_valid_at_start' });
    // Within the first six months of a CDI: it passes, with a warning to plan the renewal.
    expect(check({ authorisationExpiry: '2026-09-30' }, cdi)).toMatchObject({
      verdict: 'pass',
      code: 'authorisation_valid_at_start_ends_soon',
      params: { expiryDate: '2026-09-30' },
    });
  });

  it('fails when it ends before the start or has already expired', () => {
    expect(check({ authorisationExpiry: '2026-03-31' })).toMatchObject({
      verdict: 'fail',
      code: 'authorisation_ends_before_start',
      params: { expiryDate: '2026-03-31', jobStartDate: '2026-04-01' },
    });
    expect(check({ authorisationExpiry: '2026-04-01', authorisationStart: '2025-04-01' }, { endDate: null }).verdict).toBe('pass');
    expect(check({ authorisationExpiry: '2026-03-09' })).toMatchObject({ verdict: 'fail', code: 'authorisation_expired' });
  });

  it('fails when it starts after the job does', () => {
    expect(check({ authorisationStart: '2026-04-02' })).toMatchObject({
      verdict: 'fail',
      code: 'authorisation_not_yet_valid',
      params: { validFromDate: '2026-04-02', jobStartDate: '2026-04-01' },
    });
    expect(check({ authorisationStart: '2026-04-01' }).verdict).toBe('pass');
  });

  it('needs none for an EU citizen, and passes when the employer must apply', () => {
    expect(check({ authorisationDocument: 'eu_citizen', authorisationExpiry: null })).toMatchObject({ verdict: 'pass', code: 'authorisation_eu_citizen' });
    expect(check({ authorisationDocument: 'asylum_certificate', employerMustApply: true })).toMatchObject({
      verdict: 'pass',
      code: 'authorisation_employer_must_apply',
    });
  });

  it('fails an asylum certificate alone, saying when the employer may apply', () => {
    const asylum = { authorisationDocument: 'asylum_certificate' as const };
    expect(check({ ...asylum })).toMatchObject({ verdict: 'fail', code: 'authorisation_asylum_certificate' });
    expect(check({ ...asylum, asylumRegisteredOn: '2026-01-10' })).toMatchObject({
      verdict: 'fail',
      code: 'authorisation_asylum_certificate_wait',
      params: { applyFromDate: '2026-07-10' },
    });
    expect(check({ ...asylum, asylumRegisteredOn: '2025-09-10' })).toMatchObject({
      verdict: 'fail',
      code: 'authorisation_asylum_certificate_may_apply',
      params: { asylumRegisteredOn: '2025-09-10' },
    });
  });

  it('fails when nothing, no document or no end date is recorded', () => {
    expect(check({ authorisationDocument: null })).toMatchObject({ verdict: 'fail', code: 'authorisation_not_recorded' });
    expect(check({ authorisationDocument: 'none' })).toMatchObject({ verdict: 'fail', code: 'authorisation_none' });
    expect(check({ authorisationExpiry: null })).toMatchObject({ verdict: 'fail', code: 'authorisation_expiry_not_recorded' });
  });
});

describe('French level', () => {
  it('passes at or above the level required, "below A1" being under A1', () => {
    expect(frenchLevelReason('A2', 'A2')).toEqual({ criterion: 'french_level', verdict: 'pass', code: 'french_level_enough', params: { level: 'A2', requiredLevel: 'A2' } });
    expect(frenchLevelReason('C2', 'A1').verdict).toBe('pass');
    expect(frenchLevelReason('A1', 'A2')).toMatchObject({ verdict: 'fail', code: 'french_level_below' });
    expect(frenchLevelReason('below_a1', 'A1')).toMatchObject({ verdict: 'fail', code: 'french_level_below', params: { level: 'below_a1' } });
    expect(frenchLevelReason('A1', 'A1').verdict).toBe('pass');
    expect(frenchLevelReason('below_a1', 'below_a1').verdict).toBe('pass');
  });

  it('fails "not assessed" whatever is required, and passes anyone when nothing is', () => {
    expect(frenchLevelReason('not_assessed', 'below_a1')).toMatchObject({ verdict: 'fail', code: 'french_level_not_assessed' });
    expect(frenchLevelReason('not_assessed', null)).toMatchObject({ verdict: 'pass', code: 'french_level_not_required' });
  });
});

describe('driving licence', () => {
  it('passes a licence valid in France, with or without a vehicle', () => {
    expect(drivingLicenceReason('licence_and_vehicle', true)).toMatchObject({ verdict: 'pass', code: 'driving_licence_held' });
    expect(drivingLicenceReason('licence_no_vehicle', true)).toMatchObject({ verdict: 'pass', code: 'driving_licence_held' });
  });

  it('fails anything else with the precise reason', () => {
    expect(drivingLicenceReason('licence_in_progress', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_in_progress' });
    expect(drivingLicenceReason('licence_not_valid_in_france', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_not_valid_in_france' });
    expect(drivingLicenceReason('highway_code_only', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_highway_code_only' });
    expect(drivingLicenceReason('other_licence', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_other_licence' });
    expect(drivingLicenceReason('vehicle_no_licence', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_missing', params: { mobility: 'vehicle_no_licence' } });
    expect(drivingLicenceReason('none', true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_missing' });
    expect(drivingLicenceReason(null, true)).toMatchObject({ verdict: 'fail', code: 'driving_licence_not_recorded' });
  });

  it('passes everyone when no licence is required', () => {
    expect(drivingLicenceReason(null, false)).toMatchObject({ verdict: 'pass', code: 'driving_licence_not_required' });
  });
});

describe('engagement', () => {
  const job = period();

  it('passes someone neither hired nor placed, and fails the status "employed"', () => {
    expect(engagementReason('active', [], job)).toMatchObject({ verdict: 'pass', code: 'engagement_free' });
    expect(engagementReason('employed', [], job)).toMatchObject({ verdict: 'fail', code: 'engagement_status_employed' });
  });

  it('fails a recruitment that meets the job, naming the contract and its end', () => {
    const cdd = { type: 'recruitment' as const, kind: 'cdd' as const, startDate: '2026-01-05', endDate: '2026-06-30' };
    expect(engagementReason('active', [cdd], job)).toEqual({
      criterion: 'engagement',
      verdict: 'fail',
      code: 'engagement_hired',
      params: { contract: 'cdd', startDate: '2026-01-05', endDate: '2026-06-30' },
    });
    const cdi = { type: 'recruitment' as const, kind: 'cdi' as const, startDate: '2025-01-05', endDate: null };
    expect(engagementReason('active', [cdi], job)).toMatchObject({ code: 'engagement_hired_open_ended', params: { contract: 'cdi' } });
  });

  it('ignores a contract over before the job starts, or starting after it ends', () => {
    const over = { type: 'recruitment' as const, kind: 'cdd' as const, startDate: '2026-01-05', endDate: '2026-03-31' };
    const later = { type: 'recruitment' as const, kind: 'cdd' as const, startDate: '2026-10-01', endDate: '2026-12-31' };
    expect(engagementReason('active', [over, later], job).verdict).toBe('pass');
    // Ending on the job's first day still meets it.
    expect(engagementReason('active', [{ ...over, endDate: '2026-04-01' }], job).verdict).toBe('fail');
  });

  it('fails a placement without outcome still running at the start, and names the longest engagement', () => {
    const immersion = { type: 'placement' as const, kind: 'pmsmp' as const, startDate: '2026-03-20', endDate: '2026-04-15' };
    expect(engagementReason('active', [immersion], job)).toEqual({
      criterion: 'engagement',
      verdict: 'fail',
      code: 'engagement_placement_pmsmp',
      params: { startDate: '2026-03-20', endDate: '2026-04-15' },
    });
    const mission = { type: 'placement' as const, kind: 'temp_mission' as const, startDate: '2026-03-01', endDate: '2026-05-31' };
    expect(engagementReason('active', [immersion, mission], job).code).toBe('engagement_placement_temp_mission');
  });
});

describe('soft criteria', () => {
  it('sector: sought, other, or unknown on either side', () => {
    expect(sectorEvaluation([CLEANING, LOGISTICS], LOGISTICS)).toMatchObject({ fraction: 1, reason: { verdict: 'good', code: 'sector_match' } });
    expect(sectorEvaluation([CLEANING], LOGISTICS)).toMatchObject({ fraction: 0, reason: { verdict: 'poor', code: 'sector_other' } });
    expect(sectorEvaluation([], LOGISTICS)).toMatchObject({ fraction: 0.5, reason: { verdict: 'unknown', code: 'sector_not_recorded' } });
    expect(sectorEvaluation([CLEANING], null)).toMatchObject({ reason: { verdict: 'unknown', code: 'sector_need_without' } });
  });

  it('occupation: same ROME code, same words (accents, case, plural and feminine ignored), some words, none', () => {
    const target = occupationTarget(need({ occupation: 'Préparateur de commandes', romeCode: 'N1103' }));
    expect(occupationEvaluation([{ label: 'Magasinier', romeCode: 'N1103' }], target)).toMatchObject({
      fraction: 1,
      reason: { verdict: 'good', code: 'occupation_same_rome', params: { occupation: 'Magasinier', romeCode: 'N1103' } },
    });
    const noCode = occupationTarget(need({ occupation: 'Préparateur de commandes', romeCode: null }));
    expect(occupationEvaluation([{ label: 'PREPARATRICES DE COMMANDE', romeCode: null }], noCode).reason).toMatchObject({
      verdict: 'good',
      code: 'occupation_same_words',
    });
    expect(occupationEvaluation([{ label: 'Préparateur en pharmacie', romeCode: null }], noCode)).toMatchObject({
      fraction: 0.5,
      reason: { verdict: 'partial', code: 'occupation_some_words', params: { occupation: 'Préparateur en pharmacie' } },
    });
    expect(occupationEvaluation([{ label: 'Agent de sécurité', romeCode: null }, { label: 'Cuisinier', romeCode: null }], noCode)).toMatchObject({
      fraction: 0,
      reason: { verdict: 'poor', code: 'occupation_different', params: { occupations: ['Agent de sécurité', 'Cuisinier'] } },
    });
    expect(occupationEvaluation([], noCode).reason).toMatchObject({ verdict: 'unknown', code: 'occupation_not_recorded' });
  });

  it('occupation words leave out the little and the generic ones', () => {
    expect(occupationWords("Agent(e) d'entretien des locaux")).toEqual(occupationWords('Entretien locaux'));
    expect(occupationWords("Agent(e) d'entretien des locaux").size).toBe(2);
    expect(occupationWords('Cuisinière')).toEqual(occupationWords('cuisiniers'));
    expect(occupationWords('Préparatrices')).toEqual(occupationWords('préparateur'));
    expect(occupationWords('Vendeuse')).toEqual(occupationWords('VENDEUR'));
    expect(occupationWords('Technicienne de surface')).toEqual(occupationWords('surface technicien'));
  });

  it('distance in km: within (less the farther), beyond, no limit, unknown', () => {
    const near = distanceEvaluation(candidate({ maxDistanceKm: 20 }), LYON);
    expect(near.km).toBe(2.2);
    expect(near.reason).toEqual({ criterion: 'distance', verdict: 'good', code: 'distance_within', params: { km: 2.2, maxKm: 20 } });
    expect(near.fraction).toBeGreaterThan(0.9);
    const far = distanceEvaluation(candidate({ maxDistanceKm: 20 }), GRENOBLE);
    expect(far.reason).toMatchObject({ verdict: 'poor', code: 'distance_beyond', params: { km: 92, maxKm: 20 } });
    expect(far.fraction).toBe(0);
    expect(distanceEvaluation(candidate({ maxDistanceKm: 100 }), GRENOBLE).fraction).toBeLessThan(near.fraction);
    expect(distanceEvaluation(candidate({ maxDistanceKm: null }), GRENOBLE).reason).toMatchObject({ verdict: 'unknown', code: 'distance_no_limit' });
    // Both at the same commune's point: said as such, the best closeness, whatever the limit.
    const sameCommune = distanceEvaluation(candidate({ maxDistanceKm: 5 }), candidate({}).location);
    expect(sameCommune.reason).toMatchObject({ verdict: 'good', code: 'same_commune' });
    expect(sameCommune).toMatchObject({ km: 0, fraction: 1 });
    expect(distanceEvaluation(candidate({ location: null }), LYON)).toMatchObject({ km: null, fraction: 0.5, reason: { verdict: 'unknown', code: 'distance_unknown_candidate' } });
    expect(distanceEvaluation(candidate(), null)).toMatchObject({ km: null, reason: { verdict: 'unknown', code: 'distance_unknown_need' } });
  });

  it('distance in minutes: an estimate by the person’s way of travelling', () => {
    const byBus = distanceEvaluation(candidate({ maxDistanceKm: null, maxTravelMinutes: 45, mobility: 'public_transport' }), LYON);
    expect(byBus.reason).toMatchObject({ verdict: 'good', code: 'travel_within', params: { mode: 'public_transport', maxMinutes: 45 } });
    const farByBus = distanceEvaluation(candidate({ maxTravelMinutes: 60, mobility: 'none' }), GRENOBLE);
    expect(farByBus.reason).toMatchObject({ verdict: 'poor', code: 'travel_beyond', params: { mode: 'public_transport', km: 92 } });
    const byCar = distanceEvaluation(candidate({ maxTravelMinutes: 60, mobility: 'licence_and_vehicle' }), GRENOBLE);
    expect(byCar.reason).toMatchObject({ code: 'travel_beyond', params: { mode: 'car' } });
    expect(byCar.reason.params?.minutes).toBeLessThan(farByBus.reason.params?.minutes as number);
  });

  it('travel estimates walk short distances and grow with the distance', () => {
    expect(estimateTravel(0.3, 'public_transport')).toEqual({ minutes: 5, mode: 'walking' });
    expect(estimateTravel(10, 'public_transport')).toEqual({ minutes: 49, mode: 'public_transport' });
    expect(estimateTravel(10, 'licence_and_vehicle')).toEqual({ minutes: 25, mode: 'car' });
    expect(estimateTravel(10, 'bicycle')).toEqual({ minutes: 54, mode: 'bicycle' });
  });

  it('start date: available by the start, later (with the days), after the end, unknown', () => {
    const job = period();
    expect(startDateEvaluation('2026-04-01', job)).toMatchObject({ fraction: 1, reason: { verdict: 'good', code: 'start_date_available' } });
    expect(startDateEvaluation('2026-04-16', job)).toMatchObject({
      reason: { verdict: 'partial', code: 'start_date_later', params: { count: 15, availableFromDate: '2026-04-16' } },
    });
    expect(startDateEvaluation('2026-04-16', job).fraction).toBeCloseTo(1 - 15 / 90);
    expect(startDateEvaluation('2026-10-01', job)).toMatchObject({ fraction: 0, reason: { verdict: 'poor', code: 'start_date_after_end' } });
    expect(startDateEvaluation(null, job)).toMatchObject({ fraction: 0.5, reason: { verdict: 'unknown', code: 'start_date_not_recorded' } });
  });

  it('last contact: within 30 days, within 90, older or never', () => {
    expect(lastContactEvaluation(TODAY, TODAY).reason).toMatchObject({ verdict: 'good', code: 'last_contact_today' });
    expect(lastContactEvaluation('2026-02-08', TODAY)).toMatchObject({ fraction: 1, reason: { verdict: 'good', code: 'last_contact_recent', params: { count: 30 } } });
    expect(lastContactEvaluation('2026-02-07', TODAY)).toMatchObject({ fraction: 0.5, reason: { verdict: 'partial', code: 'last_contact_weeks' } });
    expect(lastContactEvaluation('2025-12-10', TODAY).reason.verdict).toBe('partial');
    expect(lastContactEvaluation('2025-11-10', TODAY)).toMatchObject({ fraction: 0, reason: { verdict: 'poor', code: 'last_contact_months', params: { count: 4 } } });
    expect(lastContactEvaluation(null, TODAY)).toMatchObject({ fraction: 0, reason: { verdict: 'poor', code: 'last_contact_never' } });
  });
});

describe('a candidate against a need', () => {
  it('lists hard criteria then soft ones, and scores from the soft ones only', () => {
    const result = createNeedMatcher(need(), TODAY).explain(candidate({ availableFrom: '2026-03-15' }), []);
    expect(result.reasons.map((reason) => reason.criterion)).toEqual([
      'authorisation',
      'french_level',
      'driving_licence',
      'engagement',
      'consent',
      'sector',
      'occupation',
      'distance',
      'start_date',
      'last_contact',
    ]);
    expect(result.failures).toBe(0);
    // Sector 20 + occupation 30 + distance 25 × 0.945 + start 15 + contact 10.
    expect(result.score).toBe(99);
    expect(result.distanceKm).toBe(2.2);
  });

  it('counts each failed hard criterion, whatever the score', () => {
    const result = createNeedMatcher(need({ drivingLicenceRequired: true }), TODAY).explain(
      candidate({ frenchLevel: 'A1', authorisationExpiry: '2026-09-29', mobility: 'bicycle', status: 'employed' }),
      [],
    );
    expect(result.failures).toBe(4);
    expect(result.reasons.filter((reason) => reason.verdict === 'fail').map((reason) => reason.code)).toEqual([
      'authorisation_ends_days_before_end',
      'french_level_below',
      'driving_licence_missing',
      'engagement_status_employed',
    ]);
    expect(result.score).toBeGreaterThan(50);
  });

  it('the same file elsewhere ranks lower: Villeurbanne scores above Grenoble for a job in Lyon', () => {
    const matcher = createNeedMatcher(need(), TODAY);
    const near = matcher.explain(candidate({ location: VILLEURBANNE }), []);
    const far = matcher.explain(candidate({ location: GRENOBLE }), []);
    expect(near.score).toBeGreaterThan(far.score);
  });
});
