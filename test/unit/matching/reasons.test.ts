import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  authorisationReason,
  consentReason,
  distanceEvaluation,
  drivingLicenceReason,
  type Engagement,
  engagementReason,
  frenchLevelReason,
  jobPeriod,
  lastContactEvaluation,
  occupationEvaluation,
  occupationTarget,
  sectorEvaluation,
  startDateEvaluation,
} from '../../../electron/matching/criteria';
import { FRENCH_LEVELS } from '../../../shared/candidates';
import { AUTHORISATION_DOCUMENTS, MOBILITIES } from '../../../shared/domain';
import { LANGUAGES, resources } from '../../../shared/i18n';
import { HARD_CRITERIA, type MatchReason, SOFT_CRITERIA } from '../../../shared/matching';
import { PLACEMENT_KINDS, RECRUITMENT_KINDS } from '../../../shared/pipeline';
import { CLEANING, GRENOBLE, LOGISTICS, LYON, TODAY, VILLEURBANNE, candidate, need } from '../../support/matching';

/** Every reason the criteria can give, from inputs that reach each branch. */
function allReasons(): MatchReason[] {
  const reasons: MatchReason[] = [];
  const dates = [null, '2025-01-01', '2026-01-15', '2026-03-09', '2026-03-31', '2026-04-01', '2026-04-10', '2026-06-30', '2026-09-10', '2026-09-22', '2026-09-29', '2026-09-30', '2026-12-31'];
  const needs = [need(), need({ contractType: 'cdi', endDate: null })];
  for (const needProfile of needs) {
    const period = jobPeriod(needProfile, TODAY);
    for (const authorisationDocument of [null, ...AUTHORISATION_DOCUMENTS]) {
      for (const employerMustApply of [false, true]) {
        for (const date of dates) {
          reasons.push(
            authorisationReason(candidate({ authorisationDocument, employerMustApply, authorisationExpiry: date, asylumRegisteredOn: date }), period),
            authorisationReason(candidate({ authorisationDocument, employerMustApply, authorisationStart: date }), period),
          );
        }
      }
    }
    const engagements: Engagement[] = [
      ...RECRUITMENT_KINDS.flatMap((kind) => [
        { type: 'recruitment' as const, kind, startDate: '2026-01-01', endDate: null },
        { type: 'recruitment' as const, kind, startDate: '2026-01-01', endDate: '2026-12-31' },
      ]),
      ...PLACEMENT_KINDS.map((kind) => ({ type: 'placement' as const, kind, startDate: '2026-03-01', endDate: '2026-12-31' })),
    ];
    for (const engagement of engagements) reasons.push(engagementReason('active', [engagement], period));
    reasons.push(engagementReason('active', [], period), engagementReason('employed', [], period));
    for (const consentWithdrawnOn of [null, '2026-03-01']) {
      for (const consentPresentation of [true, false]) {
        for (const restrictedAt of [null, '2026-03-02T10:00:00.000Z']) reasons.push(consentReason({ consentWithdrawnOn, consentPresentation, restrictedAt }));
      }
    }
    for (const date of dates) reasons.push(startDateEvaluation(date, period).reason, lastContactEvaluation(date, TODAY).reason);
  }
  for (const level of FRENCH_LEVELS) for (const required of [null, ...FRENCH_LEVELS]) reasons.push(frenchLevelReason(level, required));
  for (const mobility of [null, ...MOBILITIES]) for (const required of [false, true]) reasons.push(drivingLicenceReason(mobility, required));
  for (const sectors of [[], [LOGISTICS], [CLEANING]]) for (const sectorId of [null, LOGISTICS]) reasons.push(sectorEvaluation(sectors, sectorId).reason);
  const target = occupationTarget(need());
  for (const occupations of [[], [{ label: 'Magasinier', romeCode: 'N1103' }], [{ label: 'Préparatrice de commandes', romeCode: null }], [{ label: 'Préparateur en pharmacie', romeCode: null }], [{ label: 'Cuisinier', romeCode: null }]]) {
    reasons.push(occupationEvaluation(occupations, target).reason);
  }
  for (const mobility of [null, ...MOBILITIES]) {
    for (const limits of [{ maxDistanceKm: null, maxTravelMinutes: null }, { maxDistanceKm: 10, maxTravelMinutes: null }, { maxDistanceKm: null, maxTravelMinutes: 45 }]) {
      for (const [from, to] of [[LYON, LYON], [LYON, VILLEURBANNE], [LYON, GRENOBLE], [null, LYON], [LYON, null]] as const) {
        reasons.push(distanceEvaluation(candidate({ mobility, ...limits, location: from }), to).reason);
      }
    }
  }
  return reasons;
}

const reasons = allReasons();

describe('reasons in plain words', () => {
  it('name their criterion, and the verdicts fit it (pass/fail for hard ones)', () => {
    for (const reason of reasons) {
      const hard = (HARD_CRITERIA as readonly string[]).includes(reason.criterion);
      expect(hard || (SOFT_CRITERIA as readonly string[]).includes(reason.criterion)).toBe(true);
      expect(['pass', 'fail'].includes(reason.verdict), `${reason.code}: ${reason.verdict}`).toBe(hard);
    }
  });

  it('have a text in every language for every code, and every text is used', () => {
    const produced = new Set(reasons.map((reason) => reason.code));
    for (const language of LANGUAGES) {
      const catalogue = Object.keys(resources[language].translation.matching.values.reasons).filter((key) => !key.startsWith('mode_') && !key.endsWith('_one'));
      expect([...catalogue].sort(), language).toEqual([...produced].sort());
    }
  });

  it('read without any placeholder left, whatever the parameters', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'fr', interpolation: { escapeValue: false } });
    for (const language of LANGUAGES) {
      const t = instance.getFixedT(language);
      for (const reason of reasons) {
        const text = t(`matching.values.reasons.${reason.code}`, reason.params ?? {});
        expect(text, `${language} ${reason.code}`).not.toMatch(/\{\{|\$t\(|matching\.|candidates\.|employers\.|common\.|frenchLevels\.|undefined|NaN/);
      }
    }
    const fr = instance.getFixedT('fr');
    expect(fr('matching.values.reasons.authorisation_ends_days_before_end', { count: 1, expiryDate: '29/09/2026' })).toBe(
      'L’autorisation finit la veille de la fin du contrat (29/09/2026)'.replace('’', "'"),
    );
    expect(fr('matching.values.reasons.travel_within', { minutes: 25, maxMinutes: 45, mode: 'public_transport', km: 8.5 })).toBe(
      '≈ 25 min en transports en commun, dans les 45 min acceptées',
    );
    expect(fr('matching.values.reasons.french_level_below', { level: 'below_a1', requiredLevel: 'A1' })).toBe(
      'Français Inférieur à A1, en dessous du niveau demandé (A1 — débutant)',
    );
    expect(instance.getFixedT('en')('matching.values.reasons.distance_within', { km: 12.5, maxKm: 20 })).toBe('12.5 km away as the crow flies, within the 20 km accepted');
    expect(instance.getFixedT('it')('matching.values.reasons.last_contact_months', { count: 4 })).toBe('Nessun contatto da 4 mesi');
  });

  it('name every criterion and error in every language', () => {
    for (const language of LANGUAGES) {
      const { matching, candidates, employers } = resources[language].translation;
      expect(Object.keys(matching.values.criteria).sort()).toEqual([...HARD_CRITERIA, ...SOFT_CRITERIA].sort());
      // Matching refuses a missing record with its owner's message.
      expect(candidates.errors.notFound, language).not.toBe('');
      expect(employers.errors.jobNeedNotFound, language).not.toBe('');
    }
  });
});
