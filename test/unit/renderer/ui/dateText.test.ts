import { describe, expect, it } from 'vitest';
import { datePartOrder, isoToTyped, typedToIso } from '../../../../renderer/src/ui/dateText';

describe('the date field', () => {
  it('orders day, month and year as the interface language does, not the system', () => {
    expect(datePartOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(datePartOrder('it')).toEqual(['day', 'month', 'year']);
    // The app's English writes the day first too (02/12/2026 is 2 December everywhere in the app).
    expect(datePartOrder('en')).toEqual(['day', 'month', 'year']);
  });

  it('shows a stored date in that order and reads back what is typed as YYYY-MM-DD', () => {
    const french = datePartOrder('fr');
    expect(isoToTyped('2026-01-31', french)).toBe('31/01/2026');
    expect(isoToTyped('2026-01-31', datePartOrder('en'))).toBe('31/01/2026');
    expect(isoToTyped(null, french)).toBe('');
    expect(typedToIso('31/01/2026', french)).toBe('2026-01-31');
    expect(typedToIso(' 1/2/2026 ', french)).toBe('2026-02-01');
    expect(typedToIso('1.2.2026', datePartOrder('it'))).toBe('2026-02-01');
    expect(typedToIso('1/2/2026', datePartOrder('en'))).toBe('2026-02-01');
    expect(typedToIso('2026-01-31', french)).toBe('2026-01-31');
    expect(typedToIso('', french)).toBe('');
  });

  it('keeps what is not a date as typed, so the form refuses it instead of guessing', () => {
    const french = datePartOrder('fr');
    for (const text of ['31/02/2026', '12/2026', '1/2/26', 'demain', '13/13/2026']) expect(typedToIso(text, french)).toBe(text);
  });
});
