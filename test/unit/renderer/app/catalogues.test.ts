import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../../renderer/src/app/catalogues';
import { LANGUAGES, resources } from '../../../../shared/i18n';

describe("the window's catalogues, fetched one language at a time", () => {
  it.each(LANGUAGES)('%s holds exactly the strings of shared/i18n', async (language) => {
    expect(await loadCatalogue(language)).toEqual(resources[language].translation);
  });
});
