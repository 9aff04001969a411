/**
 * Errors cross the boundary as values. The codes are a closed list; `message` is an
 * i18next key (in shared/i18n) that the UI translates, never a sentence or a stack trace.
 */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'unknown_method',
  'unauthorized',
  /** Signed in, but the account's role may not do this. */
  'forbidden',
  /** No account signed in (signed out, locked, or idle too long). */
  'signed_out',
  'too_large',
  'database_too_new',
  'database_corrupt',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Translation key, e.g. `errors.not_found`. */
  message: string;
  /** Field path (dot-separated) to translation key, for inline form errors. */
  fields?: Record<string, string>;
  /** Values the message interpolates (i18next `{{name}}`), e.g. the wait before another sign-in. */
  values?: Record<string, string | number>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function errorMessageKey(code: ErrorCode): string {
  return `errors.${code}`;
}

/**
 * A message key and the values its sentence names, in one string as errors carry messages:
 * `common.errors.tooSmall?minimum=0`. The interface translates it whole (see `messageParts`).
 */
export function messageWithValues(key: string, values: Record<string, string>): string {
  return `${key}?${new URLSearchParams(values).toString()}`;
}

/** The key and values of a message from `messageWithValues`; a plain key has no values. */
export function messageParts(message: string): { key: string; values: Record<string, string> } {
  const mark = message.indexOf('?');
  if (mark < 0) return { key: message, values: {} };
  return { key: message.slice(0, mark), values: Object.fromEntries(new URLSearchParams(message.slice(mark + 1))) };
}
