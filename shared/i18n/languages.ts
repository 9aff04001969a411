/** French first: the association's working language. */
export const LANGUAGES = ['fr', 'en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** How the window's console names a key no catalogue has (renderer/src/i18n.ts): the end-to-end tests fail a page that says it. */
export const MISSING_TRANSLATION = 'Missing translation:';
