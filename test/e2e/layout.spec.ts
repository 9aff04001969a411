import type { Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/languages';
import { expect, test } from './fixtures';
import { WALK, type WalkRecords, makeWalkRecords, texts, walk } from './screens';

/**
 * The two small windows people really use: a 1280×720 laptop at 200% zoom (a 640×360 CSS
 * window at two device pixels per CSS pixel) and an old 1024×768 one.
 */
const WINDOWS = [
  // Italian at 200%: its words are the longest ("Tempo determinato di inserimento").
  { name: '200%', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2, language: 'it' },
  { name: '1024', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, language: 'fr' },
] as const;

/** What is wrong with the screen's layout as drawn: elements past the window's right edge, and readable things drawn over one another. */
function layoutFaults(page: Page) {
  // Through the root element: the tests' TypeScript has no DOM library, the element brings its own.
  return page.locator('html').evaluate((root) => {
    const document = root.ownerDocument;
    type Element = typeof root;
    const getComputedStyle = (element: Element) => (document.defaultView as NonNullable<typeof document.defaultView>).getComputedStyle(element);
    const faults: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return (
        box.width > 1 &&
        box.height > 1 &&
        style.visibility !== 'hidden' &&
        element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true }) &&
        !element.closest('.visually-hidden, [aria-hidden="true"]')
      );
    };
    /** A bar that stays in view (a form's Save bar) covers what scrolls under it, on purpose. */
    const pinned = (element: Element) => {
      for (let parent: Element | null = element; parent; parent = parent.parentElement) {
        if (['sticky', 'fixed'].includes(getComputedStyle(parent).position)) return parent;
      }
      return null;
    };
    /** Inside a box that scrolls or clips sideways on purpose (a wide table): judged by that box, not the window. */
    const clippedSideways = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (parent.matches('.main, .app, #root')) return false;
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };

    const main = document.querySelector('.main');
    if (main && main.scrollWidth > main.clientWidth + 1) faults.push(`the main area scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    if (document.documentElement.scrollWidth > width + 1) faults.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);

    const readable = [...document.querySelectorAll('h1, h2, h3, label, button, a, input, select, textarea, th, .tag, .badge')].filter(shown);
    for (const element of readable) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && !clippedSideways(element)) faults.push(`${describe(element)} ends at ${Math.round(box.right)} px, past the window (${width})`);
      if (element.matches('h1') && (box.width < 24 || element.scrollWidth > element.clientWidth + 1)) {
        faults.push(`${describe(element)} is squeezed to ${Math.round(box.width)} px`);
      }
    }
    // Text drawn over text: two readable elements whose boxes cross, neither inside the other.
    for (const [index, first] of readable.entries()) {
      const a = first.getBoundingClientRect();
      for (const second of readable.slice(index + 1)) {
        if (first.contains(second) || second.contains(first) || pinned(first) !== pinned(second)) continue;
        const b = second.getBoundingClientRect();
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > 2) faults.push(`${describe(first)} overlaps ${describe(second)}`);
      }
    }
    return faults;
  });
}

test('the lists, candidate file and sessions reflow at 200% zoom and at 1024 px: nothing past the window, nothing drawn over anything', async ({
  browser,
  preview,
}, testInfo) => {
  test.slow(); // The reflowing screens, in two windows.
  const records: WalkRecords = await makeWalkRecords(preview.url);
  const faults: string[] = [];
  for (const window of WINDOWS) {
    const language = (process.env.LAYOUT_LANGUAGE as Language | undefined) ?? window.language;
    const context = await browser.newContext({ viewport: window.viewport, deviceScaleFactor: window.deviceScaleFactor, locale: 'fr-FR' });
    await context.addInitScript((chosen) => localStorage.setItem('tremplin.language', chosen), language);
    const page = await context.newPage();
    await page.goto(`${preview.url}#/`);
    await walk(
      page,
      language,
      records,
      async (step) => {
        for (const fault of await layoutFaults(page)) faults.push(`${window.name} ${step.name}: ${fault}`);
        if (process.env.LAYOUT_SCREENSHOTS) {
          await page.screenshot({ path: testInfo.outputPath(`${language}-${window.name}-${step.name.replaceAll(' ', '-')}.png`), fullPage: false });
        }
      },
      WALK.filter((step) => step.reflow),
    );
    // The sidebar starts folded in a small window, opens on its toggle over the screen, and stays as the person left it.
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    const candidates = page.getByRole('link', { name: texts(language)('common.ui.sections.candidates') });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(candidates.locator('.nav-label')).toHaveCSS('position', 'absolute');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(candidates.locator('.nav-label')).toHaveCSS('position', 'static');
    await page.reload();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await context.close();
  }
  expect(faults).toEqual([]);
});
