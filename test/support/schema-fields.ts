import type { z } from 'zod';

type Def = {
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of an input schema, nested objects, lists and unions included, by path (`method.field.sub`). */
export function fieldsOf(schema: z.ZodType, path: string, found = new Map<string, z.ZodType>()): Map<string, z.ZodType> {
  const def = defOf(schema);
  if (def.shape) {
    for (const [name, field] of Object.entries(def.shape)) {
      found.set(`${path}.${name}`, field);
      fieldsOf(field, `${path}.${name}`, found);
    }
  }
  for (const inner of [def.innerType, def.in, def.element, ...(def.options ?? [])]) if (inner) fieldsOf(inner, path, found);
  return found;
}
