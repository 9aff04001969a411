import { dateFormat } from '../../../shared/dateFormat';
import { isValidIsoDate } from '../../../shared/validation';

export type DatePart = 'day' | 'month' | 'year';

/** The order of day, month and year in the language's numeric dates (31/01/2026 in French, Italian and the app’s English). */
export function datePartOrder(language: string): DatePart[] {
  return dateFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(Date.UTC(2026, 0, 31))
    .flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
}

/** A stored `YYYY-MM-DD` as the person reads it (31/01/2026); anything else as it is. */
export function isoToTyped(iso: string | null | undefined, order: readonly DatePart[]): string {
  if (!iso) return '';
  if (!isValidIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-');
  const parts: Record<DatePart, string | undefined> = { year, month, day };
  return order.map((part) => parts[part]).join('/');
}

/**
 * What was typed, as the form stores it: `YYYY-MM-DD` for a date that exists ("31/1/2026",
 * "31.01.2026", or already "2026-01-31"), an empty string for nothing, and otherwise the text
 * itself, which the form's rules then refuse with the expected format.
 */
export function typedToIso(text: string, order: readonly DatePart[]): string {
  const typed = text.trim();
  if (typed === '' || isValidIsoDate(typed)) return typed;
  const numbers = typed.split(/[/.\-\s]+/);
  if (numbers.length !== 3 || !numbers.every((number) => /^\d+$/.test(number))) return text;
  const parts = Object.fromEntries(order.map((part, index) => [part, numbers[index] ?? ''])) as Record<DatePart, string>;
  if (parts.year.length !== 4 || parts.month.length > 2 || parts.day.length > 2) return text;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : text;
}
