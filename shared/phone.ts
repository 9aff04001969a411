import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const FRENCH_TWO_BY_TWO = /^\+33([1-79])(\d\d)(\d\d)(\d\d)(\d\d)$/;

/**
 * A stored E.164 number made readable: French numbers as dialled in France ("06 12 34 56 78"),
 * others with their country code ("+221 77 123 45 67"). Anything unparsable is shown as stored.
 * The screens and the lists written out as spreadsheets show the same.
 */
export function formatPhone(value: string): string {
  // Most stored numbers are French ones outside 08: written here as libphonenumber writes them
  // (its parse was a sixth of an export of 100,000 files). 08 numbers group as "0 800 12 34 56".
  const french = FRENCH_TWO_BY_TWO.exec(value);
  if (french) return `0${french.slice(1).join(' ')}`;
  const phone = parsePhoneNumberFromString(value);
  if (!phone) return value;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}
