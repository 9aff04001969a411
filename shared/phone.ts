import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A stored E.164 number made readable: French numbers as dialled in France ("06 12 34 56 78"),
 * others with their country code ("+221 77 123 45 67"). Anything unparsable is shown as stored.
 * The screens and the lists written out as spreadsheets show the same.
 */
export function formatPhone(value: string): string {
  const phone = parsePhoneNumberFromString(value);
  if (!phone) return value;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}
