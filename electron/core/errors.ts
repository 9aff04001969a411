import type { ErrorCode } from '../../shared/errors';

/** A failure the user should hear about, thrown by services and turned into an error value by the router. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Translation key; defaults to the code's generic message. */
    readonly messageKey: string = `errors.${code}`,
    readonly fields?: Record<string, string>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

/**
 * The one way to refuse bad input: a validation error whose message is `messageKey` and, for a
 * form, the fields at fault with the key of what is wrong with each.
 */
export function refuse(messageKey: string, fields?: Record<string, string>): never {
  throw new AppError('validation', messageKey, fields);
}
