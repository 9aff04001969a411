import { app } from 'electron';
import { DEFAULT_LANGUAGE, isLanguage, resources } from '../../shared/i18n';

/**
 * The strings the main process shows itself (start-up failures, the question before closing),
 * in the system's language: the interface's own choice lives in the renderer.
 */
export function mainTranslation() {
  const language = app.getLocale().split('-')[0];
  return resources[isLanguage(language) ? language : DEFAULT_LANGUAGE].translation;
}
