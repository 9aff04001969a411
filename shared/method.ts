import type { z } from 'zod';
import type { Capability } from './roles';

/** Whether a method changes what is stored (the database, backups, keys). Every `write` is audited by the main process. */
export type Access = 'read' | 'write';

/**
 * One entry of the API table: the input schema the router validates, whether the method reads
 * or writes, the capability its caller's role needs (shared/roles.ts), and the result type,
 * which exists only for the compiler (`output` is never set).
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  input: Input;
  access: Access;
  needs: Capability;
  readonly output?: Output;
}

/** A method that changes nothing stored (a query, or state held in memory only). */
export function reads<Output>(needs: Capability) {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input, access: 'read', needs });
}

/** A method that changes what is stored. */
export function writes<Output>(needs: Capability) {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input, access: 'write', needs });
}
