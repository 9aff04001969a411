import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../shared/dates';
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

/** Days from 1970 as the date's midnight UTC parsed gives them (what shared/dates read before it read the digits itself). */
const parsedDays = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000;

describe('daysBetween and addDays', () => {
  const origin = '1970-01-01';
  test.prop([digits(4), digits(2), digits(2)], { numRuns: 5000 })('count the days Date.parse counts, on any YYYY-MM-DD', (year, month, day) => {
    const value = `${year}-${month}-${day}`;
    expect(daysBetween(origin, value)).toBe(Math.round(parsedDays(value)));
  });

  it('on the 29th to the 31st of every month, leap years or not, whether the day exists or rolls over', () => {
    for (const year of ['1900', '2000', '2024', '2026']) {
      for (let month = 1; month <= 12; month++) {
        for (const day of ['29', '30', '31']) {
          const value = `${year}-${String(month).padStart(2, '0')}-${day}`;
          expect(daysBetween(origin, value)).toBe(Math.round(parsedDays(value)));
        }
      }
    }
  });

  test.prop([fc.string({ minLength: 10, maxLength: 10 })])('and on any other text of that length (NaN alike)', (value) => {
    expect(daysBetween(origin, value)).toBe(Math.round(parsedDays(value)));
  });

  it('across months, leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
