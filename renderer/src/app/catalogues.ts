/// <reference types="vite/client" />
import { DEFAULT_LANGUAGE, type Language, isLanguage } from '../../../shared/i18n/languages';

type Catalogue = Record<string, unknown>;

const STORAGE_KEY = 'tremplin.language';

/** The language the person chose last on this computer, else French. */
export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the choice then lasts until the window closes.
  }
}

/**
 * The files of shared/i18n: a language's common file (`fr.json`) and its domain files
 * (`fr/*.json`). Each language is a chunk of its own, so the window fetches the one it shows
 * rather than evaluating all three before its first render.
 */
const FILES = import.meta.glob<Catalogue>('../../../shared/i18n/**/*.json', { import: 'default' });

/** A language's catalogue, put together as shared/i18n puts `resources` together: the files never overlap. */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
  const ownFile = new RegExp(`/i18n/${language}(?:\\.json$|/)`);
  const parts = await Promise.all(
    Object.entries(FILES)
      .filter(([file]) => ownFile.test(file))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts);
}

/** The catalogues i18next starts with: the language shown, and French (the fallback) when it is another. */
export async function loadStartingCatalogues(language: Language): Promise<Record<string, { translation: Catalogue }>> {
  const languages = [...new Set([language, DEFAULT_LANGUAGE])];
  return Object.fromEntries(await Promise.all(languages.map(async (each) => [each, { translation: await loadCatalogue(each) }] as const)));
}
