import type { TFunction } from 'i18next';
import { formatDate } from '../../app/format';

/** "du 2 mars 2026 au 31 mars 2026", or "depuis le 2 mars 2026" for what has no end. */
export function periodText(startDate: string, endDate: string | null, t: TFunction, language: string): string {
  const start = formatDate(startDate, language);
  return endDate === null ? t('matching.ui.journey.since', { start }) : t('matching.ui.journey.period', { start, end: formatDate(endDate, language) });
}
