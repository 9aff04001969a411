import { v7 as uuidv7 } from 'uuid';
import { isoDateOf } from '../../shared/dates';

/** Time and ids come from here so tests can pin them. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function newId(): string {
  return uuidv7();
}

/**
 * "Now", the one way services say it: the clock read once, as the instant records store and the
 * calendar day (UTC) rules compare dates with.
 */
export function moment(clock: Clock): { now: string; today: string } {
  const now = clock.now();
  return { now: now.toISOString(), today: isoDateOf(now) };
}
