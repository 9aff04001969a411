import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../../shared/validation';

/** What a calendar says: the date exists when the UTC calendar gives it back unchanged. */
function calendarSays(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const digits = (length: number) => fc.integer({ min: 0, max: 10 ** length - 1 }).map((value) => String(value).padStart(length, '0'));

describe('isValidIsoDate', () => {
  it('knows leap years and month lengths', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '1900-02-28'].every(isValidIsoDate)).toBe(true);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00'].some(isValidIsoDate)).toBe(false);
  });

  test.prop([digits(4), digits(2), digits(2)], { numRuns: 5000 })('agrees with the calendar on every YYYY-MM-DD', (year, month, day) => {
    const value = `${year}-${month}-${day}`;
    expect(isValidIsoDate(value)).toBe(calendarSays(value));
  });

  test.prop([fc.string({ maxLength: 14 })])('refuses what is not a date as the calendar does', (value) => {
    expect(isValidIsoDate(value)).toBe(calendarSays(value));
  });
});
