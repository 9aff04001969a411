import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../../renderer/src/app/catalogues';
import { LANGUAGES, resources } from '../../../../shared/i18n';

describe("the window's catalogues, fetched one language at a time", () => {
  it.each(LANGUAGES)('%s holds exactly the strings of shared/i18n', async (language) => {
    expect(await loadCatalogue(language)).toEqual(resources[language].translation);
  });

  it.each(LANGUAGES)('%s in two parts, the first screen\'s then the rest, holds the same strings, none twice', async (language) => {
    const first = await loadCatalogue(language, 'first screen');
    const rest = await loadCatalogue(language, 'after the first screen');
    expect(Object.keys(first).filter((key) => key in rest)).toEqual([]);
    expect(Object.keys(first)).toContain('candidates');
    expect({ ...first, ...rest }).toEqual(resources[language].translation);
  });
});
