/**
 * What the two transports (Electron IPC in the app, loopback HTTP in the preview) and the
 * window's client agree on, besides the API table.
 */

/** The preview's secret token: given to the page in a meta tag of this name, sent back in this header on every API call. */
export const PREVIEW_TOKEN_META = 'tremplin-preview-token';
export const PREVIEW_TOKEN_HEADER = 'x-tremplin-token';
