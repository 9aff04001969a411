import { useEffect, useState } from 'react';
import { type DuplicateCandidate, probesByNames } from '../../../shared/candidates';
import { normalisePhone } from '../../../shared/validation';
import { call } from '../api/client';

const DEBOUNCE_MS = 300;
const MAX_SHOWN = 5;

/** A file that may be the person being received, with why. */
export type KnownPerson = DuplicateCandidate;

interface Probe {
  firstName: string;
  lastName: string;
  phone: string;
}

/**
 * Files that may be the person being received, looked up after a pause in typing: the
 * duplicate check of the new-candidate form (both names, or the phone, since the room rarely
 * asks for a birth date). `enabled` false (a file already chosen) clears them.
 */
export function useKnownPeople({ firstName, lastName, phone }: Probe, enabled: boolean): KnownPerson[] {
  const [found, setFound] = useState<KnownPerson[]>([]);
  const first = firstName.trim();
  const last = lastName.trim();
  const number = phone.trim() ? normalisePhone(phone) : null;

  useEffect(() => {
    if (!enabled || (!probesByNames(first, last) && number === null)) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const result = await call('candidates.findDuplicates', { firstName: first, lastName: last, phone: number });
      if (current) setFound(result.ok ? result.value.slice(0, MAX_SHOWN) : []);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [first, last, number, enabled]);

  return found;
}
