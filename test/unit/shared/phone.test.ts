import { fc, test } from '@fast-check/vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../shared/phone';

/** What libphonenumber writes for a stored number, as formatPhone did before its French shortcut. */
function written(value: string): string {
  const phone = parsePhoneNumberFromString(value);
  if (!phone) return value;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}

describe('a stored phone number made readable', () => {
  it('writes French numbers as dialled in France, 08 numbers included, and others with their country code', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+33800123456')).toBe('0 800 12 34 56');
    expect(formatPhone('+221771234567')).toBe('+221 77 123 45 67');
    expect(formatPhone('not a number')).toBe('not a number');
  });

  test.prop([fc.constantFrom('+33', '+32', '+221', '+3'), fc.stringMatching(/^[0-9]{0,11}$/)])('writes any number as libphonenumber does', (code, digits) => {
    expect(formatPhone(`${code}${digits}`)).toBe(written(`${code}${digits}`));
  });

  test.prop([fc.stringMatching(/^[0-9]{9}$/)], { numRuns: 3000 })('writes every French number of nine digits as libphonenumber does', (digits) => {
    expect(formatPhone(`+33${digits}`)).toBe(written(`+33${digits}`));
  });
});
