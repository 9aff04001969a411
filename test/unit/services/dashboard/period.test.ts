import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../../../electron/services/dashboard';
import { TARGET_PERIODS } from '../../../../shared/dashboard';
import { addDays, daysBetween } from '../../../../shared/dates';

const anyDay = fc.integer({ min: 0, max: 365 * 200 }).map((offset) => addDays('1950-01-01', offset));

describe('the period containing a day', () => {
  it('is the calendar month, quarter or year', () => {
    expect(periodContaining('2026-05-15', 'month')).toEqual({ kind: 'month', from: '2026-05-01', to: '2026-05-31' });
    expect(periodContaining('2024-02-10', 'month')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('2026-05-15', 'quarter')).toEqual({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(periodContaining('2026-12-31', 'quarter')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('2026-01-01', 'quarter')).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(periodContaining('2026-03-31', 'quarter')).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(periodContaining('2026-07-01', 'year')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  test.prop([anyDay, fc.constantFrom(...TARGET_PERIODS)])('contains the day, starts a month and ends the day before the next period', (day, kind) => {
    const { from, to } = periodContaining(day, kind);
    expect(from <= day && day <= to).toBe(true);
    expect(from.endsWith('-01')).toBe(true);
    const next = addDays(to, 1);
    expect(periodContaining(next, kind).from).toBe(next);
    expect(periodContaining(addDays(from, -1), kind).to).toBe(addDays(from, -1));
    const length = daysBetween(from, to) + 1;
    const bounds = { month: [28, 31], quarter: [90, 92], year: [365, 366] }[kind];
    expect(length).toBeGreaterThanOrEqual(bounds[0] ?? 0);
    expect(length).toBeLessThanOrEqual(bounds[1] ?? 0);
  });
});
