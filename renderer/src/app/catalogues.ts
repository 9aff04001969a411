/// <reference types="vite/client" />
import { DEFAULT_LANGUAGE, type Language, isLanguage } from '../../../shared/i18n/languages';
import { FIRST_SCREEN_DOMAINS } from './firstScreen';

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
 * (`fr/*.json`). Each language is built in chunks of its own, so the window fetches the one it
 * shows rather than evaluating all three before its first render.
 */
const FILES = import.meta.glob<Catalogue>('../../../shared/i18n/**/*.json', { import: 'default' });

/** Which files `loadCatalogue` takes: a language's whole catalogue, or its first screen's part. */
export type CataloguePart = 'whole' | 'first screen' | 'after the first screen';

const isFirstScreenFile = (file: string) => /\/i18n\/[a-z]+\.json$/.test(file) || FIRST_SCREEN_DOMAINS.some((domain) => file.endsWith(`/${domain}.json`));

/** A language's catalogue, or part of it, put together as shared/i18n puts `resources` together: the files never overlap. */
export async function loadCatalogue(language: Language, part: CataloguePart = 'whole'): Promise<Catalogue> {
  const ownFile = new RegExp(`/i18n/${language}(?:\\.json$|/)`);
  const parts = await Promise.all(
    Object.entries(FILES)
      .filter(([file]) => ownFile.test(file) && (part === 'whole' || isFirstScreenFile(file) === (part === 'first screen')))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts);
}

/** The languages i18next starts with: the one shown, and French (the fallback) when it is another. */
export const startingLanguages = (language: Language) => [...new Set([language, DEFAULT_LANGUAGE])];

/** The catalogues i18next starts with, whole or their first screen's part. */
export async function loadStartingCatalogues(language: Language, part: 'whole' | 'first screen'): Promise<Record<string, { translation: Catalogue }>> {
  return Object.fromEntries(
    await Promise.all(startingLanguages(language).map(async (each) => [each, { translation: await loadCatalogue(each, part) }] as const)),
  );
}

let rest: Promise<unknown> = Promise.resolve();

/** Notes the rest of the catalogues on their way (after the first paint): screens fetched meanwhile wait for it. */
export function catalogueCompleting(adding: Promise<unknown>): void {
  rest = adding;
}

/** Settles once i18next holds every string of the window's languages (at once when it started with them). */
export function catalogueComplete(): Promise<unknown> {
  return rest;
}
