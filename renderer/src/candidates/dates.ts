import { today } from '../../../shared/validation';

const DAY_MS = 86_400_000;

/** Whole days from today to `YYYY-MM-DD` (negative when it is past). */
export function daysFromToday(date: string, from: string = today()): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `YYYY-MM-DD` plus whole months, kept in the month (31 August + 6 months is 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Within this many days, an authorisation's expiry is flagged (employers need it to cover the contract). */
export const EXPIRY_WARNING_DAYS = 60;

export type ExpiryState = 'expired' | 'soon' | 'valid';

export function expiryState(expiry: string, from: string = today()): ExpiryState {
  const days = daysFromToday(expiry, from);
  if (days < 0) return 'expired';
  return days <= EXPIRY_WARNING_DAYS ? 'soon' : 'valid';
}

/** An asylum seeker may work once the employer's application is granted, after 6 months of procedure. */
export const ASYLUM_WORK_WAIT_MONTHS = 6;
