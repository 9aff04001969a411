import { v7 as uuidv7 } from 'uuid';

/** Time and ids come from here so tests can pin them. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function newId(): string {
  return uuidv7();
}
