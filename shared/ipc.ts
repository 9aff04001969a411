/**
 * The IPC contract, apart from the API table so the sandboxed preload can import it
 * without bundling zod and the schemas. Imports nothing.
 */

/** The one function the preload exposes and the preview transport implements. */
export type Invoke = (method: string, input: unknown) => Promise<unknown>;
export const IPC_CHANNEL = 'tremplin:invoke';

/** What the preload exposes on `window.tremplin`. */
export interface TremplinBridge {
  invoke: Invoke;
}
