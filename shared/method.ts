import type { z } from 'zod';

/**
 * Whether a method changes what is stored (the database, backups, keys). Every `write` is
 * audited by the main process; the rights of the accounts issue will hang on it too.
 */
export type Access = 'read' | 'write';

/**
 * One entry of the API table: the input schema the router validates, whether the method reads
 * or writes, and the result type, which exists only for the compiler (`output` is never set).
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  input: Input;
  access: Access;
  readonly output?: Output;
}

/** A method that changes nothing stored (a query, or state held in memory only). */
export function reads<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input, access: 'read' });
}

/** A method that changes what is stored. */
export function writes<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input, access: 'write' });
}
