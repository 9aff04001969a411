import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { candidateFieldShapes } from '../../../shared/candidates';
import { jobNeedFieldShapes } from '../../../shared/employers';
import { LANGUAGES, resources } from '../../../shared/i18n';
import { followUpRecordSchema } from '../../../shared/pipeline';
import { fieldErrors, messageParts, optionalText, parseOptions } from '../../../shared/validation';
import { sectionSchema } from '../../../renderer/src/candidates/sections/schema';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input, parseOptions);
  return result.success ? {} : fieldErrors(result.error);
}

describe('validation messages', () => {
  it('state the bound a number or a text broke, and keep "whole number" for what is not one', () => {
    const distance = z.strictObject({ km: candidateFieldShapes.maxDistanceKm });
    expect(errorsOf(distance, { km: -5 })).toEqual({ km: 'common.errors.tooSmall?minimum=0' });
    expect(errorsOf(distance, { km: 5000 })).toEqual({ km: 'common.errors.tooBig?maximum=1000' });
    expect(errorsOf(distance, { km: 1.5 })).toEqual({ km: 'common.errors.number' });
    expect(errorsOf(z.strictObject({ positions: jobNeedFieldShapes.positions }), { positions: 0 })).toEqual({ positions: 'common.errors.tooSmall?minimum=1' });
    expect(errorsOf(z.strictObject({ note: optionalText(10) }), { note: 'x'.repeat(11) })).toEqual({ note: 'common.errors.tooLong?maximum=10' });
    expect(messageParts('common.errors.tooSmall?minimum=0')).toEqual({ key: 'common.errors.tooSmall', values: { minimum: '0' } });
    expect(messageParts('common.errors.date')).toEqual({ key: 'common.errors.date', values: {} });
  });

  it('name their bound in every language', () => {
    for (const language of LANGUAGES) {
      const validation = resources[language].translation.common.errors;
      expect(validation.tooSmall).toContain('{{minimum}}');
      expect(validation.greaterThan).toContain('{{minimum}}');
      expect(validation.tooBig).toContain('{{maximum}}');
      expect(validation.tooLong).toContain('{{maximum}}');
    }
  });
});

describe('checks between fields', () => {
  it('are reported with the single-field errors, not after them', () => {
    const work = sectionSchema('frenchLevelDate', 'authorisationStart', 'authorisationExpiry');
    expect(errorsOf(work, { frenchLevelDate: 'not a date', authorisationStart: '2026-05-01', authorisationExpiry: '2026-01-01' })).toEqual({
      frenchLevelDate: 'common.errors.date',
      authorisationExpiry: 'candidates.errors.expiryBeforeStart',
    });
    expect(errorsOf(followUpRecordSchema, { id: ID, result: 'left', leftReason: null, note: 'x'.repeat(3000) })).toEqual({
      leftReason: 'matching.errors.leftReasonRequired',
      note: 'common.errors.tooLong?maximum=2000',
    });
  });

  it('wait for the fields they compare to be valid themselves', () => {
    const work = sectionSchema('authorisationStart', 'authorisationExpiry');
    expect(errorsOf(work, { authorisationStart: '2026-13-45', authorisationExpiry: '2026-01-01' })).toEqual({ authorisationStart: 'common.errors.date' });
  });
});
