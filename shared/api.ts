import type { z } from 'zod';
import {
  type Candidate,
  type CandidatePage,
  candidateFieldsSchema,
  candidateIdSchema,
  candidateListSchema,
  candidateUpdateSchema,
} from './candidates';

/**
 * The API table: method name -> input schema -> result type. The router validates every
 * call against `input`; the result type exists only for the compiler (`output` is never set).
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  input: Input;
  readonly output?: Output;
}

function returns<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}

const candidateMethods = {
  'candidates.create': returns<Candidate>()(candidateFieldsSchema),
  'candidates.update': returns<Candidate>()(candidateUpdateSchema),
  'candidates.get': returns<Candidate>()(candidateIdSchema),
  'candidates.list': returns<CandidatePage>()(candidateListSchema),
  'candidates.archive': returns<Candidate>()(candidateIdSchema),
  'candidates.restore': returns<Candidate>()(candidateIdSchema),
};

export const api = {
  ...candidateMethods,
};

export type ApiTable = typeof api;
export type MethodName = keyof ApiTable;
/** What a caller passes (before defaults and trimming). */
export type InputOf<M extends MethodName> = z.input<ApiTable[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<M extends MethodName> = z.output<ApiTable[M]['input']>;
export type OutputOf<M extends MethodName> = ApiTable[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

export { IPC_CHANNEL, type Invoke, type TremplinBridge } from './ipc';
