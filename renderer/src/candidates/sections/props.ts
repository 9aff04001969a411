import type { Candidate } from '../../../../shared/candidates';

/** What every section of the record receives from the record screen. */
export interface SectionProps {
  candidate: Candidate;
  /** Archived or merged: shown, not edited. */
  readOnly: boolean;
  onSaved(candidate: Candidate): void;
  onDirtyChange(dirty: boolean): void;
}
