import type { z } from 'zod';

/**
 * One entry of the API table: the input schema the router validates, and the result type,
 * which exists only for the compiler (`output` is never set).
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  input: Input;
  readonly output?: Output;
}

export function returns<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}
