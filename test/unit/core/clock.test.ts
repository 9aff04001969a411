import { describe, expect, it } from 'vitest';
import { moment } from '../../../electron/core/clock';

describe('moment', () => {
  it('reads the clock once: the instant as stored and its UTC calendar day', () => {
    let reads = 0;
    const clock = {
      now: () => {
        reads++;
        return new Date('2026-03-01T23:30:00.000Z');
      },
    };
    expect(moment(clock)).toEqual({ now: '2026-03-01T23:30:00.000Z', today: '2026-03-01' });
    expect(reads).toBe(1);
  });
});
