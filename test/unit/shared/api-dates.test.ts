import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { isValidIsoDateOrDateTime } from '../../../shared/validation';
import { fieldsOf } from '../../support/schema-fields';

const POLLUTED = [
  '2026-01-15 (appel du matin…)',
  '2026-01-15\0',
  `2026-01-15${'x'.repeat(1024 * 1024)}`,
  '2026-01-15\u202E',
  '2026-01-15T10:00:00.000Z junk',
  '2026-01-15T24:00',
  '2026-01-15T10:00+25:00',
  '2026-01-15T10:00:00.0000001Z',
  '2026-01-15Z',
  '+2026-01-15',
];

describe('dates in the API table', () => {
  it('a date or a date and time is ISO 8601 and nothing else', () => {
    for (const value of ['2026-01-15', '2026-01-15T09:30', '2026-01-15T09:30:05', '2026-01-15T09:30:05.123Z', '2026-01-15T09:30+01:00', '2024-02-29T23:59:59.9-05:00']) {
      expect(isValidIsoDateOrDateTime(value), value).toBe(true);
    }
    for (const value of [...POLLUTED, '2026-02-29', '2026-01-15T9:30', '2026-01-15 09:30', '2026-01-15t09:30', '２０２６-01-15']) {
      expect(isValidIsoDateOrDateTime(value), value.slice(0, 40)).toBe(false);
    }
  });

  // A date field is one that takes a date and refuses words; each must refuse a date with
  // anything around it (a partner's import refuses a whole file for one such event).
  it('every date field of every method refuses a date with a suffix, a NUL byte or a megabyte after it', () => {
    const dateFields: string[] = [];
    for (const [method, spec] of Object.entries(api)) {
      for (const [path, field] of fieldsOf(spec.input as z.ZodType, method)) {
        if (!field.safeParse('2026-01-15').success || field.safeParse('not a date').success) continue;
        dateFields.push(path);
        for (const value of POLLUTED) expect(field.safeParse(value).success, `${path} ${value.slice(0, 40)}`).toBe(false);
      }
    }
    expect(dateFields).toEqual(expect.arrayContaining(['timeline.add.occurredAt', 'timeline.update.occurredAt', 'candidates.create.birthDate', 'sessions.create.date', 'timeline.countCompanyContacts.from']));
  });
});
