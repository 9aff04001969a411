import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingKeyShown } from '../../../../renderer/src/app/missingKeys';
import { MISSING_TRANSLATION, translator } from '../../../../shared/i18n';

const translate = (key: string, values: Record<string, string>) => translator('fr')(key, values);
// Keys no catalogue has, put together so the catalogue's own tests (shared/i18n.test.ts) do not take them for the code's.
const stale = ['frenchLevels', 'B1'].join('.');
const newTable = ['backups', 'ui', 'tables', 'someNewTable'].join('.');

describe('a key the catalogues lack', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is shown as itself, and said on the console once every catalogue is in, not while the rest is on its way', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(missingKeyShown('reports.ui.title', undefined, { translate, everyStringIn: false })).toBe('reports.ui.title');
    expect(said).not.toHaveBeenCalled();
    expect(missingKeyShown(stale, undefined, { translate, everyStringIn: true })).toBe(stale);
    expect(said.mock.calls).toEqual([[MISSING_TRANSLATION, stale]]);
  });

  it('is a refusal naming its bounds, translated with them, or the default its caller gave, without a word on the console', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(missingKeyShown('common.errors.tooSmall?minimum=3', undefined, { translate, everyStringIn: true })).toBe(translate('common.errors.tooSmall', { minimum: '3' }));
    expect(translate('common.errors.tooSmall', { minimum: '3' })).toContain('3');
    expect(missingKeyShown(newTable, 'someNewTable', { translate, everyStringIn: true })).toBe('someNewTable');
    expect(said).not.toHaveBeenCalled();
  });
});
