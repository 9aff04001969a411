import { type ApiResult, errorMessageKey } from './errors';

/**
 * What the two transports (Electron IPC in the app, loopback HTTP in the preview) and the
 * window's client agree on, besides the API table.
 */

/** Files bigger than this are refused before being read (a federation's 10k files fit). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** The same bound on the file as it crosses the boundary, in base64. */
export const IMPORT_MAX_BASE64_LENGTH = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

/**
 * The largest request either transport passes to the router, measured as its input written as
 * JSON, in UTF-8 bytes: the largest import file in base64, with room for its name and
 * passphrase. A bigger one is refused with `REQUEST_TOO_LARGE` and changes nothing.
 */
export const MAX_REQUEST_BYTES = IMPORT_MAX_BASE64_LENGTH + 1024 * 1024;

export const REQUEST_TOO_LARGE: ApiResult<never> = {
  ok: false,
  error: { code: 'too_large', message: errorMessageKey('too_large') },
};

/** Whether a request's input, written as JSON, is over `MAX_REQUEST_BYTES`. */
export function isRequestTooLarge(input: unknown): boolean {
  return jsonBytes(input) > MAX_REQUEST_BYTES;
}

/** Characters JSON writes as they are, one byte each in UTF-8. */
const NOT_PLAIN = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/**
 * The length in UTF-8 bytes of `JSON.stringify(value)`, counted without writing it: writing a
 * 200 MB import's text takes seconds, scanning it for characters to escape a fraction of one.
 */
export function jsonBytes(value: unknown): number {
  if (typeof value === 'string') return NOT_PLAIN.test(value) ? new TextEncoder().encode(JSON.stringify(value)).length : value.length + 2;
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (let index = 0; index < value.length; index++) bytes += isOmitted(value[index]) ? 4 : jsonBytes(value[index]);
    return bytes;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
    const entries = Object.entries(value).filter(([, item]) => !isOmitted(item));
    return 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [key, item]) => sum + jsonBytes(key) + 1 + jsonBytes(item), 0);
  }
  // Numbers, booleans, null and the rare rest (a date): short, written as they are.
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** Left out of an object by JSON, and written `null` in an array. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** The preview's secret token: given to the page in a meta tag of this name, sent back in this header on every API call. */
export const PREVIEW_TOKEN_META = 'tremplin-preview-token';
export const PREVIEW_TOKEN_HEADER = 'x-tremplin-token';
