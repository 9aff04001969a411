/**
 * The domain files (`shared/i18n/<language>/<domain>.json`) the candidate list shows strings of
 * before its first rows, besides the common file: its own, its filters' (pairs are named with
 * the volunteers' strings) and the frame's (the session's gate, the recovery sheet). A unit test
 * reads the first screen's modules for the keys they name.
 * Built in a chunk of their own per language (electron.vite.config.ts); the others, two thirds
 * of the strings, come after the first paint (app/catalogues.ts).
 */
export const FIRST_SCREEN_DOMAINS = ['accounts', 'backups', 'candidates', 'retention', 'sectors', 'sheets', 'volunteers'] as const;
