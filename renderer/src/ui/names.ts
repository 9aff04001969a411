import type { CandidateSummary } from '../../../shared/candidates';

/** The name as people say it, for headings: "Hélène Dupont". */
export function fullName(candidate: Pick<CandidateSummary, 'firstName' | 'lastName'>): string {
  return `${candidate.firstName} ${candidate.lastName}`;
}
