import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A timestamp or `YYYY-MM-DD` date in the interface language, e.g. "22 nov. 2025". */
export function formatDate(value: string, language: string, style: 'medium' | 'long' = 'medium'): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: style }).format(date);
}

/**
 * A stored E.164 number made readable: French numbers as dialled in France ("06 12 34 56 78"),
 * others with their country code ("+221 77 123 45 67"). Anything unparsable is shown as stored.
 */
export function formatPhone(value: string): string {
  const phone = parsePhoneNumberFromString(value);
  if (!phone) return value;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}
