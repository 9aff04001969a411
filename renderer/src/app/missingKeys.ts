import { messageParts } from '../../../shared/errors';
import { MISSING_TRANSLATION } from '../../../shared/i18n/languages';

/**
 * What a key i18next's catalogues lack shows (its `parseMissingKeyHandler`): a refusal naming its
 * bounds (`common.errors.tooSmall?minimum=0`) translated with them, the default the caller gave,
 * or else the key itself. Once every catalogue is in (`everyStringIn`), that last one is a mistake
 * (a key renamed, a value with no label), said on the console: the end-to-end tests fail a page
 * that says it. Before, it is only a string of a screen whose part is still on its way.
 */
export function missingKeyShown(
  key: string,
  defaultValue: string | undefined,
  { translate, everyStringIn }: { translate: (key: string, values: Record<string, string>) => string; everyStringIn: boolean },
): string {
  const { key: messageKey, values } = messageParts(key);
  if (messageKey !== key) return translate(messageKey, values);
  if (defaultValue !== undefined) return defaultValue;
  if (everyStringIn) console.error(MISSING_TRANSLATION, key);
  return key;
}
