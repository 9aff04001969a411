import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, isLanguage, resources } from '../../shared/i18n';
import { messageParts } from '../../shared/validation';
import { frenchDe } from './app/format';

const STORAGE_KEY = 'tremplin.language';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// Resources are bundled, so initialisation is synchronous and the first render is translated.
void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false },
  // A refusal may name its bounds (`validation.tooSmall?minimum=0`): every screen that
  // translates a message shows them, with nothing to do but `t(message)`.
  parseMissingKeyHandler: (key) => {
    const { key: messageKey, values } = messageParts(key);
    return messageKey === key ? key : i18next.t(messageKey, values);
  },
});

// French strings write "la fiche {{name, de}}": "la fiche d'Aminata", "la fiche de Karim".
i18next.services.formatter?.add('de', (value: unknown) => frenchDe(String(value)));

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the choice then lasts until the window closes.
  }
  await i18next.changeLanguage(language);
}
