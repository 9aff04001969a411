/** A candidate chosen in the "about a person" filter. */
export interface ChosenPerson {
  id: string;
  name: string;
}

/**
 * The kinds of record a filter offers: the API's method groups, which every write and every file
 * opened is logged under (a service names some entries after the record instead, e.g.
 * `placement`: shown with the same label, see subjectLabelKey).
 */
export const AUDIT_SUBJECT_TYPES = [
  'candidates',
  'timeline',
  'presentations',
  'placements',
  'recruitments',
  'employers',
  'jobNeeds',
  'partners',
  'volunteers',
  'pairs',
  'sessions',
  'sectors',
  'programmes',
  'accounts',
  'session',
  'exchange',
  'backups',
] as const;

const LABELLED = new Set<string>([...AUDIT_SUBJECT_TYPES, 'followUps', 'volunteerHours', 'partnerCard', 'export', 'installation', 'audit']);

/** The label of a stored subject type: a record's name (`placement`) reads as its group's (`placements`). */
export function subjectLabelKey(subjectType: string): string | null {
  if (LABELLED.has(subjectType)) return `accounts.ui.audit.subjects.${subjectType}`;
  // `session` is the sign-in's group; a drop-in session's record would be `sessions`.
  if (LABELLED.has(`${subjectType}s`)) return `accounts.ui.audit.subjects.${subjectType}s`;
  return null;
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
