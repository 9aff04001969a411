/**
 * The Content-Security-Policy of every page Tremplin shows: only its own files, no remote
 * origin, no eval, no inline script. Used by the Electron protocol handler and the preview host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
