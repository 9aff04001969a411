import { z } from 'zod';
import { candidateConsistencyErrors, candidateFieldShapes } from '../../../../shared/candidates';
import { betweenFields } from '../../../../shared/validation';

type Shapes = typeof candidateFieldShapes;

/** Compared by `candidateConsistencyErrors`; a section without one of a pair cannot break it. */
const COMPARED: Parameters<typeof candidateConsistencyErrors>[0] = { authorisationStart: null, authorisationExpiry: null, consentDate: null, consentWithdrawnOn: null, birthDate: null, asylumRegisteredOn: null };

/**
 * A section's slice of the candidate's fields, with the API's own rules and messages, and the
 * checks between its fields (an expiry after the start) shown with the others, as typed.
 */
export function sectionSchema<K extends keyof Shapes>(...keys: K[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, candidateFieldShapes[key]])) as Pick<Shapes, K>;
  const compared = betweenFields<Record<string, unknown>>(keys.filter((key) => key in COMPARED), (section) => candidateConsistencyErrors({ ...COMPARED, ...section }));
  return z.strictObject(shape).check(compared as z.core.$ZodCheck<unknown>);
}

/** Rows a person added and left empty are not data: dropped before the list is checked. */
export function withoutBlankRows<S extends z.ZodType<unknown[], unknown[]>>(schema: S, isBlank: (row: z.input<S>[number]) => boolean) {
  const dropBlanks = z.preprocess((rows) => (Array.isArray(rows) ? rows.filter((row) => !isBlank(row)) : rows), schema);
  // The form holds the list's own input type; the preprocessing only drops rows.
  return dropBlanks as unknown as z.ZodType<z.output<S>, z.input<S>>;
}

export const isBlankText = (value: unknown) => typeof value !== 'string' || value.trim() === '';
