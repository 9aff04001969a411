import { useEffect, useState } from 'react';
import type { CandidateSummary, DuplicateReason } from '../../../shared/candidates';
import { normalisePhone } from '../../../shared/validation';
import { call } from '../api/client';

const DEBOUNCE_MS = 300;
const MAX_SHOWN = 5;

/** Why a file may be this person: the duplicate check's reasons, or a file found by both names. */
export type KnownReason = DuplicateReason | 'same_name';

export interface KnownPerson {
  candidate: CandidateSummary;
  reasons: KnownReason[];
}

interface Probe {
  firstName: string;
  lastName: string;
  phone: string;
}

/**
 * Files that may be the person being received, looked up after a pause in typing: the
 * duplicate check (same phone) and a search on both names, since the room rarely asks for a
 * birth date. `enabled` false (a file already chosen) clears them.
 */
export function useKnownPeople({ firstName, lastName, phone }: Probe, enabled: boolean): KnownPerson[] {
  const [found, setFound] = useState<KnownPerson[]>([]);
  const first = firstName.trim();
  const last = lastName.trim();
  const number = phone.trim() ? normalisePhone(phone) : null;

  useEffect(() => {
    const byName = first.length >= 2 && last.length >= 2;
    if (!enabled || (!byName && number === null)) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const [duplicates, named] = await Promise.all([
        number === null ? null : call('candidates.findDuplicates', { firstName: first, lastName: last, phone: number }),
        byName ? call('candidates.list', { query: `${first} ${last}`, archived: 'all', limit: MAX_SHOWN }) : null,
      ]);
      if (!current) return;
      const people = new Map<string, KnownPerson>();
      for (const match of duplicates?.ok ? duplicates.value : []) people.set(match.candidate.id, { ...match });
      for (const candidate of named?.ok ? named.value.items : []) {
        const known = people.get(candidate.id);
        if (known) known.reasons = [...known.reasons, 'same_name'];
        else people.set(candidate.id, { candidate, reasons: ['same_name'] });
      }
      setFound([...people.values()].slice(0, MAX_SHOWN));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [first, last, number, enabled]);

  return found;
}
