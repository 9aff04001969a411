import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { changeLanguage, currentLanguage } from '../i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage();

  return (
    <fieldset className="language-switcher">
      <legend className="language-label">{t('common.ui.app.language')}</legend>
      <div className="segmented">
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            title={i18n.t(`common.values.languages.${language}`)}
            aria-pressed={language === current}
            onClick={() => void changeLanguage(language)}
          >
            {/* The visible code starts the accessible name, so "click FR" works by voice (WCAG 2.5.3). */}
            {language.toUpperCase()}
            <span className="visually-hidden"> {i18n.t(`common.values.languages.${language}`)}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
