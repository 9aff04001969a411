import { type MethodName, api } from './api';
import type { Capability } from './roles';

/**
 * The capability each method of the API table needs, without its schemas. The renderer's build
 * replaces this module by its value (electron.vite.config.ts), so that the screens know what a
 * role may do without evaluating the table's zod schemas: about a third of the first screen's
 * work, and most of its script.
 */
export const METHOD_NEEDS = Object.fromEntries(Object.entries(api).map(([method, spec]) => [method, spec.needs])) as Record<MethodName, Capability>;
