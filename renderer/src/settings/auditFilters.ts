import { subjectTypeOfEntry } from '../../../shared/audit';

/** A candidate chosen in the "about a person" filter. */
export interface ChosenPerson {
  id: string;
  name: string;
}

/** The label of an entry's kind of record, as named today (see subjectTypeOfEntry); null for a name the log never used. */
export function subjectLabelKey(entry: { subjectType: string; action: string }): string | null {
  const type = subjectTypeOfEntry(entry);
  return type ? `accounts.ui.audit.subjects.${type}` : null;
}

export interface AuditFilters {
  candidate: ChosenPerson | null;
  accountId: string | null;
  subjectType: string | null;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { candidate: null, accountId: null, subjectType: null, from: '', to: '' };

/** What the API is asked: only the filters set, and dates only once they are whole dates. */
export function auditQuery(filters: AuditFilters) {
  const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    ...(filters.candidate ? { candidateId: filters.candidate.id } : {}),
    ...(filters.accountId ? { accountId: filters.accountId } : {}),
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(isDate(filters.from) ? { from: filters.from } : {}),
    ...(isDate(filters.to) ? { to: filters.to } : {}),
  };
}
