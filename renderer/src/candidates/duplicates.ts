import { type DuplicateCandidate, probesByNames } from '../../../shared/candidates';
import { isValidIsoDate } from '../../../shared/validation';
import { call } from '../api/client';

export interface DuplicateProbe {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD`, or empty. */
  birthDate: string;
  phone: string;
  email: string;
  /** The file being checked, when it exists. */
  excludeId?: string;
}

/**
 * The probe's identity, or null when too little is typed to look for the same person: both
 * names (the drop-in room's check), or a phone, or an e-mail.
 */
export function probeKey(probe: DuplicateProbe): string | null {
  const names = probesByNames(probe.firstName, probe.lastName);
  const phone = probe.phone.trim();
  const email = probe.email.trim();
  if (!names && phone === '' && email === '') return null;
  return JSON.stringify([probe.firstName.trim(), probe.lastName.trim(), probe.birthDate, phone, email, probe.excludeId]);
}

/** Files that may be the same person; an answer the API refuses (a half-typed date) finds none. */
export async function findDuplicates(probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const result = await call('candidates.findDuplicates', {
    firstName: probe.firstName,
    lastName: probe.lastName,
    birthDate: isValidIsoDate(probe.birthDate) ? probe.birthDate : null,
    phone: probe.phone || null,
    email: probe.email || null,
    ...(probe.excludeId ? { excludeId: probe.excludeId } : {}),
  });
  return result.ok ? result.value : [];
}
