import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, isLanguage } from '../../shared/i18n/languages';
import { loadCatalogue, startingLanguages, storeLanguage } from './app/catalogues';
import { missingKeyShown } from './app/missingKeys';
import { frenchDe } from '../../shared/i18n/french';

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Whether i18next holds every string of the window's languages (see missingKeyShown). */
let everyStringIn = false;

/**
 * Starts i18next with catalogues already fetched (app/catalogues.ts), so the first render is
 * translated: `whole`, or the first screen's part of them until addRestOfCatalogues.
 */
export function startI18n(language: Language, resources: Resource, whole: boolean): void {
  everyStringIn = whole;
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false,
    interpolation: { escapeValue: false },
    parseMissingKeyHandler: (key, defaultValue) => missingKeyShown(key, defaultValue, { translate: (messageKey, values) => i18next.t(messageKey, values), everyStringIn }),
  });
  // French strings write "la fiche {{name, de}}": "la fiche d'Aminata", "la fiche de Karim".
  i18next.services.formatter?.add('de', (value: unknown) => frenchDe(String(value)));
}

/** The strings the window started without (after the first screen's), added to its languages' catalogues. */
export async function addRestOfCatalogues(language: Language): Promise<void> {
  const rest = await Promise.all(startingLanguages(language).map(async (each) => [each, await loadCatalogue(each, 'after the first screen')] as const));
  for (const [each, catalogue] of rest) i18next.addResourceBundle(each, 'translation', catalogue, true, false);
  everyStringIn = true;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
  await i18next.changeLanguage(language);
}
