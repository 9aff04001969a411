import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { messageWithValues } from './errors';

/**
 * Zod issues become translation keys under `common.errors.*`, so the router and the forms
 * show the same message for the same mistake. A schema may set its own key with
 * `{ error: 'common.errors.birthDate' }`; that key wins over this mapping. A range's message
 * carries its bound ("at least 0"), never a bare "value too small".
 */
export function issueMessageKey(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'common.errors.required';
      return messageWithValues(issue.inclusive === false ? 'common.errors.greaterThan' : 'common.errors.tooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      return messageWithValues(issue.origin === 'string' ? 'common.errors.tooLong' : 'common.errors.tooBig', { maximum: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? 'common.errors.email' : 'common.errors.format';
    case 'invalid_value':
      return 'common.errors.choice';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'common.errors.required' : 'common.errors.type';
    case 'unrecognized_keys':
      return 'common.errors.unknownField';
    default:
      return 'common.errors.invalid';
  }
}

export { messageParts, messageWithValues } from './errors';

/** Only a value of the wrong type is "not a number"; a number out of range gets its bounds. */
const notANumber = (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_type' ? 'common.errors.number' : undefined);

/** A whole number typed in a form (a count, kilometres, minutes). */
export function wholeNumber() {
  return z.int({ error: notANumber });
}

/** A number that may have decimals (hours, euros). */
export function decimalNumber() {
  return z.number({ error: (issue) => (issue.code === 'invalid_type' ? 'common.errors.decimal' : undefined) });
}

export const parseOptions = { error: issueMessageKey } as const;

/**
 * Checks between fields (an end after its start, a reason when refused…) as one zod check,
 * run as soon as the fields it compares are valid themselves: zod skips refinements once any
 * field of the object fails, so a form would show these only after every other mistake was
 * fixed. `fields` names what `errorsOf` reads.
 */
export function betweenFields<T>(fields: readonly (keyof T & string)[], errorsOf: (value: T) => { [path: string]: string | undefined }) {
  return z.superRefine<T>(
    (value, context) => {
      for (const [path, message] of Object.entries(errorsOf(value))) {
        if (message) context.addIssue({ code: 'custom', path: path.split('.'), message, input: value });
      }
    },
    {
      when: ({ value, issues }) =>
        typeof value === 'object' && value !== null && !issues.some((issue) => (fields as readonly unknown[]).includes(issue.path?.[0])),
    },
  );
}

/** Field path -> translation key, first issue per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * Characters no text of Tremplin may hold, whoever typed or sent it: C0 controls but tab, line
 * feed and carriage return (NUL, ESC and so ANSI escape sequences), DEL and the C1 controls, the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they make
 * "gpj.exe" read "exe.jpg") and the interlinear annotation marks; and lone surrogates, which
 * are no character at all. Zero-width joiners stay allowed inside a text: Persian, Arabic and
 * Indic names need them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Spaces and invisible marks (zero-width, soft hyphen, BOM, direction marks, blank fillers) around a text. */
const INVISIBLE_EDGES = /^[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060\u2800\u3164\uFFA0]+|[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060\u2800\u3164\uFFA0]+$/g;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_CHARACTERS.test(value);
}

/**
 * The rule every stored text follows, in the API and in exchange files alike: spaces and
 * invisible marks around it go (a zero-width-only name is an empty one), and a text holding a
 * forbidden character is refused rather than silently changed.
 */
export function plainText() {
  return z
    .string()
    .overwrite((value) => value.replace(INVISIBLE_EDGES, ''))
    .refine((value) => !hasForbiddenCharacters(value), { error: 'common.errors.controlCharacters' });
}

/** Free text from a form: trimmed; an empty field becomes null. */
export function optionalText(max: number) {
  return plainText()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

export function requiredText(max: number) {
  return plainText().min(1, { error: 'common.errors.required' }).max(max);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as `YYYY-MM-DD` that exists (no 31 February). Counted by hand rather than
 * through Date: an import checks hundreds of thousands of dates.
 */
export function isValidIsoDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/**
 * A date, or a date and time as ISO 8601 writes it (`2026-11-05T09:30`, with seconds, up to
 * milliseconds, `Z` or an offset): nothing before or after it, so a note typed after the date
 * or a NUL byte never reaches a record a partner's import would then refuse whole.
 */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

export function isValidIsoDateOrDateTime(value: string): boolean {
  const parts = ISO_DATE_TIME.exec(value);
  return parts !== null && isValidIsoDate(parts[1] ?? '');
}

export function optionalIsoDate() {
  return z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isValidIsoDate(value), { error: 'common.errors.date' });
}

export const uuid = z.uuid({ error: 'common.errors.id' });

/** The input of get, archive, restore…: a record's id. */
export const idSchema = z.strictObject({ id: uuid });

/**
 * Numbers already read, with what they gave. An import reads each row's phone three times (the
 * cell's reader, the form's schema, the duplicate check): 10,000 rows cost about 300 ms of CPU in
 * libphonenumber each time. Emptied when full, so it never holds more than this many.
 */
const PHONES_KEPT = 50_000;
const phonesRead = new Map<string, string | null>();

/**
 * A phone number as E.164 (+33612345678). Numbers without an international prefix are read
 * as French; foreign ones (often WhatsApp) are typed with + or 00.
 */
export function normalisePhone(value: string): string | null {
  const known = phonesRead.get(value);
  if (known !== undefined) return known;
  const international = value.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(international, 'FR');
  const phone = parsed?.isValid() ? parsed.number : null;
  if (phonesRead.size >= PHONES_KEPT) phonesRead.clear();
  phonesRead.set(value, phone);
  // A number in E.164 reads as itself.
  if (phone !== null) phonesRead.set(phone, phone);
  return phone;
}

export function optionalPhone() {
  return optionalText(40).transform((value, context) => {
    if (value === null) return null;
    const phone = normalisePhone(value);
    if (phone === null) context.addIssue({ code: 'custom', message: 'common.errors.phone', input: value });
    return phone ?? value;
  });
}

/** SIRET: 14 digits passing the Luhn check (La Poste's SIRETs, 356000000…, sum digits instead). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    let digit = Number(value[13 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ROME occupation code (France Travail): a letter and four digits, e.g. N1103. */
export const ROME_CODE = /^[A-N]\d{4}$/;

export function optionalRomeCode() {
  return optionalText(5)
    .transform((value) => value?.toUpperCase() ?? null)
    .refine((value) => value === null || ROME_CODE.test(value), { error: 'common.errors.romeCode' });
}

export function optionalPostalCode() {
  return optionalText(10).refine((value) => value === null || /^\d{5}$/.test(value), { error: 'common.errors.postalCode' });
}

export function optionalEmail() {
  return optionalText(200)
    .transform((value) => value?.toLowerCase() ?? null)
    .refine((value) => value === null || z.email().safeParse(value).success, { error: 'common.errors.email' });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A date (`YYYY-MM-DD`) that must be given: empty reads as missing, 31 February as wrong. */
export function requiredIsoDate() {
  return requiredText(10).refine(isValidIsoDate, { error: 'common.errors.date' });
}

/** A list of distinct values (a language, a sector or a volunteer picked twice is one). */
export function distinctList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)]);
}

/** Filters with an optional period (`from`, `to`, both included); when both are given, the end follows the start. */
export function withOptionalPeriod<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .strictObject({ ...shape, from: optionalIsoDate(), to: optionalIsoDate() })
    .refine(
      (filters) => {
        const { from, to } = filters as { from: string | null; to: string | null };
        return !from || !to || from <= to;
      },
      { error: 'common.errors.periodOrder', path: ['to'] },
    );
}

/** A date that has happened (a consent given, an asylum registration…), or nothing. */
export function pastIsoDate() {
  return optionalIsoDate().refine((value) => value === null || value <= today(), { error: 'common.errors.dateInFuture' });
}
