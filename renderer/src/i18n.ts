import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, isLanguage } from '../../shared/i18n/languages';
import { messageParts } from '../../shared/errors';
import { loadCatalogue, startingLanguages, storeLanguage } from './app/catalogues';
import { frenchDe } from '../../shared/i18n/french';

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Starts i18next with catalogues already fetched (app/catalogues.ts), so the first render is translated. */
export function startI18n(language: Language, resources: Resource): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false,
    interpolation: { escapeValue: false },
    // A refusal may name its bounds (`common.errors.tooSmall?minimum=0`): every screen that
    // translates a message shows them, with nothing to do but `t(message)`.
    parseMissingKeyHandler: (key) => {
      const { key: messageKey, values } = messageParts(key);
      return messageKey === key ? key : i18next.t(messageKey, values);
    },
  });
  // French strings write "la fiche {{name, de}}": "la fiche d'Aminata", "la fiche de Karim".
  i18next.services.formatter?.add('de', (value: unknown) => frenchDe(String(value)));
}

/** The strings the window started without (after the first screen's), added to its languages' catalogues. */
export async function addRestOfCatalogues(language: Language): Promise<void> {
  const rest = await Promise.all(startingLanguages(language).map(async (each) => [each, await loadCatalogue(each, 'after the first screen')] as const));
  for (const [each, catalogue] of rest) i18next.addResourceBundle(each, 'translation', catalogue, true, false);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
  await i18next.changeLanguage(language);
}
