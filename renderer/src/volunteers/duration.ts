import type { TFunction } from 'i18next';
import { MAX_MINUTES } from '../../../shared/volunteers';

export type DurationParse = { minutes: number } | { errorKey: string };

/**
 * What people type for a length of time, in whole minutes: hours with a comma or a point
 * ("2,5", "2.5", "3"), hours and minutes ("1h30", "1 h 30", "1:30"), or minutes ("45 min").
 * Anything else, or outside one minute to one day, gives the message to show.
 */
export function parseDuration(text: string): DurationParse {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let minutes: number | null = null;
  const decimal = /^(\d+(?:[.,]\d+)?|[.,]\d+)(?: ?h(?:eures?|ours?|ore?)?)?$/.exec(value);
  const clock = /^(\d+) ?(?:h|:) ?(\d{1,2})(?: ?min)?$/.exec(value);
  const onlyMinutes = /^(\d+) ?min(?:utes?|uti)?$/.exec(value);
  if (decimal?.[1]) minutes = Math.round(Number(decimal[1].replace(',', '.')) * 60);
  else if (clock?.[1] && clock[2] && Number(clock[2]) < 60) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (onlyMinutes?.[1]) minutes = Number(onlyMinutes[1]);
  if (minutes === null || minutes < 1) return { errorKey: 'volunteers.ui.hours.invalidDuration' };
  if (minutes > MAX_MINUTES) return { errorKey: 'volunteers.ui.hours.tooLong' };
  return { minutes };
}

/** "2 h 30", "2 h", "45 min" in the interface language. */
export function formatDuration(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0 && rest > 0) return t('volunteers.ui.hours.format.minutes', { minutes: rest });
  if (rest === 0) return t('volunteers.ui.hours.format.hours', { hours });
  return t('volunteers.ui.hours.format.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
