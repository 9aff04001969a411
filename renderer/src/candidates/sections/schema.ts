import { z } from 'zod';
import { candidateFieldShapes } from '../../../../shared/candidates';

type Shapes = typeof candidateFieldShapes;

/** A section's slice of the candidate's fields, with the API's own rules and messages. */
export function sectionSchema<K extends keyof Shapes>(...keys: K[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, candidateFieldShapes[key]])) as Pick<Shapes, K>;
  return z.strictObject(shape);
}

/** Rows a person added and left empty are not data: dropped before the list is checked. */
export function withoutBlankRows<S extends z.ZodType<unknown[], unknown[]>>(schema: S, isBlank: (row: z.input<S>[number]) => boolean) {
  const dropBlanks = z.preprocess((rows) => (Array.isArray(rows) ? rows.filter((row) => !isBlank(row)) : rows), schema);
  // The form holds the list's own input type; the preprocessing only drops rows.
  return dropBlanks as unknown as z.ZodType<z.output<S>, z.input<S>>;
}

export const isBlankText = (value: unknown) => typeof value !== 'string' || value.trim() === '';
