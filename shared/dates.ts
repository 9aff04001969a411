/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, in UTC so that a day is a day wherever the
 * laptop is. Shared: the main process applies the legal limits, the screens show them.
 */

const DAY_MS = 86_400_000;

/** The number the digits of `text` from `start` to `end` write, or -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds since 1970 of a `YYYY-MM-DD` date, as `Date.parse` of its midnight UTC gives them.
 * The common case is read digit by digit: building and parsing the text was most of matching's
 * date work (daysBetween over every class of files). Days 29 to 31 too: where the month is
 * shorter, `Date.parse` rolls over into the next month as `Date.UTC` does (30 February is
 * 2 March; tested), and so does `daysFromCivil`. Anything else (years before 1000, and what
 * is not a date) goes to `Date.parse`.
 */
function toTime(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return daysFromCivil(year, month, day) * DAY_MS;
  }
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * Days since 1970-01-01 of a year, month (1–12) and day, in arithmetic alone (H. Hinnant's
 * days_from_civil): the years counted from March, so that February's length only matters at
 * the end of one; a day past the month's end is counted on into the next month, as `Date.UTC`
 * does. Calling `Date.UTC` for each date cost more than the rest of daysBetween.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const fromMarch = month > 2 ? year : year - 1;
  const era = Math.floor(fromMarch / 400);
  const yearOfEra = fromMarch - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Whole days from `from` to `date` (negative when `date` comes first). */
export function daysBetween(from: string, date: string): number {
  return Math.round((toTime(date) - toTime(from)) / DAY_MS);
}

/** Days of a period, both ends included (1 March to 31 March is 31 days). */
export function inclusiveDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole months, kept in the month (31 August + 6 months is 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The last day of a period of `months` months that starts on `start`: the day before the
 * same date `months` later (1 March + 1 month ends on 31 March; 31 January + 1 month on 27
 * or 28 February, the day before the clamped 28 or 29 February).
 */
export function lastDayOfMonths(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** The date of an instant, as the clock's calendar (UTC) sees it. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
