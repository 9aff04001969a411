import type { Candidate } from '../../../shared/candidates';

/** A file's fields that hold a day (`YYYY-MM-DD`), shown as the interface language writes dates. */
export const CANDIDATE_DATE_FIELDS: ReadonlySet<string> = new Set<keyof Candidate>([
  'birthDate',
  'frenchLevelDate',
  'authorisationStart',
  'authorisationExpiry',
  'asylumRegisteredOn',
  'availableFrom',
  'referredOn',
]);

/** A file's closed lists and the translations that name their values. */
export const CANDIDATE_VALUE_PREFIXES: Partial<Record<keyof Candidate, string>> = {
  gender: 'candidates.values.genders',
  publicCategory: 'candidates.values.publicCategories',
  status: 'candidates.values.statuses',
  frenchLevel: 'common.values.frenchLevels',
  frenchLevelProof: 'candidates.values.proofs',
  authorisationDocument: 'candidates.values.documents',
  mobility: 'candidates.values.mobilities',
};
