import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { hasForbiddenCharacters, optionalText, requiredText } from '../../../shared/validation';
import { fieldsOf } from '../../support/schema-fields';

const FORBIDDEN = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\ufff9', '\ud800', '\udfff'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad', ' ', '\t', '\n', '\u3000'];

/** Fields that store nothing or are not text a person reads: searches, secrets, encoded files. */
// Passwords are secrets checked as typed, never stored as text.
const NOT_STORED_TEXT = /\.query$|^candidates\.findDuplicates\.|passphrase|[pP]assword$|recoveryKey|\.content$/;

describe('the text rule', () => {
  it('keeps text without forbidden characters as typed, minus the spaces and invisible marks around it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 3 }), (text, edge) => {
        fc.pre(!hasForbiddenCharacters(text));
        const parsed = optionalText(5000).parse(`${edge.join('')}${text}${edge.join('')}`);
        const core = text.replace(/^[\s\u00ad\u115f\u1160\u180e\u200b-\u200f\u2060\u2800\u3164\uffa0]+|[\s\u00ad\u115f\u1160\u180e\u200b-\u200f\u2060\u2800\u3164\uffa0]+$/g, '');
        expect(parsed).toBe(core === '' ? null : core);
      }),
    );
  });

  it('refuses a text holding a forbidden character anywhere, with its translated key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...FORBIDDEN), fc.string({ maxLength: 30 }), (before, forbidden, after) => {
        for (const schema of [optionalText(200), requiredText(200)]) {
          const result = schema.safeParse(`${before}${forbidden}${after}`);
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.message)).toContain('common.errors.controlCharacters');
        }
      }),
    );
  });

  it('a name made of zero-width characters only is an empty name', () => {
    expect(requiredText(100).safeParse('\u200b\u200c\u200d\ufeff').error?.issues[0]?.message).toBe('common.errors.required');
    expect(optionalText(100).parse('\u2060\u200b')).toBeNull();
    // Inside a word, joiners are letters' business (Persian "نامه‌ها").
    expect(requiredText(100).parse('نامه\u200cها')).toBe('نامه\u200cها');
  });

  // 21 writing methods accepted these (418 cases in the trust review): each text field that
  // stores what it is given now refuses them, and an invisible-only text is no text.
  it('every text field of the API table follows it', () => {
    const textFields: string[] = [];
    for (const [method, spec] of Object.entries(api)) {
      for (const [path, field] of fieldsOf(spec.input as z.ZodType, method)) {
        if (NOT_STORED_TEXT.test(path) || field.safeParse('Amina Diallo').data !== 'Amina Diallo') continue;
        textFields.push(path);
        for (const value of ['Ami\u0000na', '\u202eanimA', '\u001b[31mAmina\u001b[0m', 'Amina\u0085']) {
          expect(field.safeParse(value).success, `${path} ${JSON.stringify(value)}`).toBe(false);
        }
        const invisible = field.safeParse('\u200b\u200d');
        expect(!invisible.success || invisible.data === null || invisible.data === undefined, path).toBe(true);
      }
    }
    expect(textFields).toEqual(expect.arrayContaining(['candidates.create.firstName', 'timeline.add.text', 'partners.create.name', 'exchange.export.author']));
    expect(textFields.length).toBeGreaterThan(60);
  });
});
