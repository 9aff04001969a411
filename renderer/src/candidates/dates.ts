import { addMonths, daysBetween, isoDateOf } from '../../../shared/dates';

/** Today's date as the forms' checks take it (UTC): the same as shared/validation's `today`, without the schemas. */
const today = () => isoDateOf(new Date());

export { addMonths };

/** Whole days from today to `YYYY-MM-DD` (negative when it is past). */
export function daysFromToday(date: string, from: string = today()): number {
  return daysBetween(from, date);
}

/** Within this many days, an authorisation's expiry is flagged (employers need it to cover the contract). */
export const EXPIRY_WARNING_DAYS = 60;

export type ExpiryState = 'expired' | 'soon' | 'valid';

export function expiryState(expiry: string, from: string = today()): ExpiryState {
  const days = daysFromToday(expiry, from);
  if (days < 0) return 'expired';
  return days <= EXPIRY_WARNING_DAYS ? 'soon' : 'valid';
}
