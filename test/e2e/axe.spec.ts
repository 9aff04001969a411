import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { LANGUAGES } from '../../shared/i18n/languages';
import { expect, test } from './fixtures';
import { WCAG_AA, makeWalkRecords, texts, walk } from './screens';


/**
 * axe-core goes into each page once, not before every scan as AxeBuilder does by default: its
 * 570 kB took 3 s to parse on a loaded machine, as long as a scan. The walk never reloads.
 */
const ALREADY_IN_PAGE = '/* axe-core, injected when the page opened */ undefined';

test('every screen and main dialog passes axe-core’s WCAG 2.2 AA rules in French, English and Italian', async ({ page, preview, context }) => {
  // Three scans a step of the walk (about 60 screens and dialogs): about 90 s of CPU in all; a loaded machine stretches it several times.
  test.setTimeout(480_000);
  const records = await makeWalkRecords(preview.url);
  const found: string[] = [];
  for (const language of LANGUAGES) {
    const languagePage = language === LANGUAGES[0] ? page : await context.newPage();
    await languagePage.goto(`${preview.url}#/`);
    await languagePage.evaluate(axe.source);
    await languagePage.getByRole('button', { name: new RegExp(`^${language.toUpperCase()}\\b`) }).click();
    await expect(languagePage.locator('html')).toHaveAttribute('lang', language);
    await expect(languagePage.getByRole('link', { name: texts(language)('common.ui.sections.candidates') })).toBeVisible();
    await walk(languagePage, language, records, async (step) => {
      // Legacy mode runs axe in the page itself: the default opens a blank page for each scan to merge frames the app does not have.
      const { violations } = await new AxeBuilder({ page: languagePage, axeSource: ALREADY_IN_PAGE })
        .withTags(WCAG_AA)
        .options({ resultTypes: ['violations'] })
        .setLegacyMode()
        .analyze();
      for (const violation of violations) {
        const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
        found.push(`${language} ${step.name}: ${violation.id} (${violation.help}) at ${where}`);
      }
    });
    if (languagePage !== page) await languagePage.close();
  }
  expect(found).toEqual([]);
});
