import { dateFormat } from '../../../shared/dateFormat';
/** A session's day with its weekday, as people say it: "mardi 12 mars 2025". */
export function formatDay(date: string, language: string): string {
  const day = new Date(`${date}T12:00:00`);
  if (Number.isNaN(day.getTime())) return date;
  return dateFormat(language, { dateStyle: 'full' }).format(day);
}

/** The time of day of a timestamp, in local time: "14:05". */
export function formatTime(timestamp: string, language: string): string {
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return '';
  return dateFormat(language, { timeStyle: 'short' }).format(moment);
}
