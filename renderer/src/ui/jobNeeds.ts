import type { TFunction } from 'i18next';
import type { JobNeed } from '../../../shared/employers';
import { formatDate } from '../app/format';

/** How a job need reads wherever it is shown: the employer's pages and the matching screens. */

/** "CDD · 2 postes · 35 h par semaine · du 2 mars au 30 juin 2026". */
export function needSummary(need: JobNeed, t: TFunction, language: string): string {
  const date = (value: string) => formatDate(value, language);
  const hours = need.hoursPerWeek === null ? null : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(need.hoursPerWeek);
  return [
    t(`employers.values.contractTypes.${need.contractType}`),
    t('employers.ui.needs.positions', { count: need.positions }),
    hours && t('employers.ui.needs.hoursPerWeek', { hours }),
    need.startDate && need.endDate && t('employers.ui.needs.fromTo', { start: date(need.startDate), end: date(need.endDate) }),
    need.startDate && !need.endDate && t('employers.ui.needs.from', { start: date(need.startDate) }),
    !need.startDate && need.endDate && t('employers.ui.needs.until', { end: date(need.endDate) }),
    need.place,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What a candidate must bring, as short phrases ("Français A2 minimum", "Permis exigé"). */
export function needRequirements(need: JobNeed, t: TFunction): string[] {
  return [
    need.minFrenchLevel && t('employers.ui.needs.requirements.french', { level: t(`employers.ui.needs.levels.${need.minFrenchLevel}`) }),
    need.drivingLicenceRequired && t('employers.ui.needs.requirements.licence'),
    need.authorisationThroughContract && t('employers.ui.needs.requirements.authorisation'),
  ].filter((text): text is string => typeof text === 'string');
}

/** An open need whose validity has passed: worth a look before presenting anyone. */
export function isOutdated(need: Pick<JobNeed, 'state' | 'validUntil'>, today: string): boolean {
  return need.state === 'open' && need.validUntil !== null && need.validUntil < today;
}
