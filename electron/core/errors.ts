import type { ErrorCode } from '../../shared/errors';

/** A failure the user should hear about, thrown by services and turned into an error value by the router. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Translation key; defaults to the code's generic message. */
    readonly messageKey: string = `errors.${code}`,
    readonly fields?: Record<string, string>,
    /** Values the translated message shows (a wait in seconds). */
    readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

/**
 * The one way to refuse bad input, as a validation error: with the fields at fault, each with
 * the key of what is wrong with it (a form shows them inline); or with a message key of its own
 * for a refusal of the whole request, and the fields when there are some.
 */
export function refuse(fields: Record<string, string>): never;
export function refuse(messageKey: string, fields?: Record<string, string>): never;
export function refuse(reason: string | Record<string, string>, fields?: Record<string, string>): never {
  throw typeof reason === 'string' ? new AppError('validation', reason, fields) : new AppError('validation', 'errors.validation', reason);
}

/** What the restriction triggers of migration 0013 raise when a write touches a frozen file. */
const RESTRICTED_ABORT = 'candidate_restricted';

/**
 * A refusal the database itself made, in the words the user reads: a write on a restricted
 * file (GDPR art. 18), whichever service tried it. Undefined for anything else.
 */
export function databaseRefusal(error: unknown): AppError | undefined {
  if (error instanceof Error && error.message === RESTRICTED_ABORT) return new AppError('conflict', 'candidates.errors.restricted');
  return undefined;
}
