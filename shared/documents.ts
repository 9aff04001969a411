import { z } from 'zod';
import { LANGUAGES } from './i18n/languages';
import { reads } from './method';
import type { ReportFile } from './reports';
import { distinctList, uuid } from './validation';

/**
 * Documents printed for a person or about them, each a PDF in French, English or Italian (the
 * person's language where it is one of those).
 *
 * The presentation sheet goes to an employer. It carries the professional profile only: never
 * the person's health, barriers, asylum procedure, nationality, birth date or address. What the
 * person agrees, with the staffer, to add for this employer is chosen at printing time among
 * EMPLOYER_SHEET_EXTRAS, and the audit log keeps which were chosen.
 */
export const EMPLOYER_SHEET_EXTRAS = ['workAuthorisation', 'age', 'phone'] as const;
export type EmployerSheetExtra = (typeof EMPLOYER_SHEET_EXTRAS)[number];

const language = z.enum(LANGUAGES, { error: 'common.errors.choice' }).default('fr');

export const presentationSheetSchema = z.strictObject({
  candidateId: uuid,
  language,
  extras: distinctList(z.enum(EMPLOYER_SHEET_EXTRAS, { error: 'common.errors.choice' }), EMPLOYER_SHEET_EXTRAS.length).default([]),
});

export const documentMethods = {
  /** One page for an employer who asked about the person (see EMPLOYER_SHEET_EXTRAS). */
  'documents.presentationSheet': reads<ReportFile>('candidates.read')(presentationSheetSchema),
  /** A one-page CV the person keeps: their own document, with their own contact details. */
  'documents.cv': reads<ReportFile>('candidates.read')(z.strictObject({ candidateId: uuid, language })),
  /** The PMSMP agreement, prefilled with what the Code du travail asks it to state, ready to sign. */
  'documents.pmsmpAgreement': reads<ReportFile>('candidates.read')(z.strictObject({ placementId: uuid, language })),
};
