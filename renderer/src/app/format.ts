import { dateFormat } from '../../../shared/dateFormat';
/** A timestamp or `YYYY-MM-DD` date in the interface language, e.g. "22 nov. 2025". */
export function formatDate(value: string, language: string, style: 'medium' | 'long' = 'medium'): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(language, { dateStyle: style }).format(date);
}
