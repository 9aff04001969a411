import type { Page } from '@playwright/test';
import axe from 'axe-core';
import type { Language } from '../../shared/i18n/languages';
import { expect, missingTranslations, test } from './fixtures';
import { WCAG_AA, type WalkRecords, makeWalkRecords, texts, walk } from './screens';

/**
 * Every screen and main dialog, once per language, each in a window people really use: there
 * the screen passes axe-core's WCAG 2.2 AA rules, reflows (nothing past the window, nothing
 * drawn over anything) and writes dates day first. One walk a language runs all three checks:
 * a walk's visits (an address, a drawn screen, a dialog opened) cost as much as its checks.
 */
const PASSES = [
  // Italian in a 1280×720 laptop at 200% zoom (a 640×360 CSS window at two device pixels per
  // CSS pixel): its words are the longest ("Tempo determinato di inserimento").
  { language: 'it', window: '200%', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2, small: true },
  // French in an old 1024×768 screen.
  { language: 'fr', window: '1024', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, small: true },
  // English in the tests' usual window, where the sidebar stays open and a file's actions are buttons.
  { language: 'en', window: '1366', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, small: false },
] as const satisfies readonly { language: Language; window: string; viewport: { width: number; height: number }; deviceScaleFactor: number; small: boolean }[];

/**
 * axe-core's violations in `context` (the whole page but what `exclude` names, or the part
 * `include` names), one line each: its WCAG 2.2 AA rules and its best practices (landmarks,
 * heading order, regions), which the walk has always held the app to. axe-core goes into the page
 * once, when it opens (its 570 kB took 3 s to parse on a loaded machine, as long as a scan; the
 * walk never reloads), runs in the page itself (the app has no frames to merge) and sends back
 * only these lines. Through AxeBuilder, `.options()` replaced the rules `.withTags()` had chosen,
 * so the walk ran axe's default set, without the WCAG 2.2 target-size rule (off by default); and
 * every scan sent back every rule's result: a walk took some 8% more CPU.
 */
async function axeViolations(page: Page, context: { include: string } | { exclude: string }): Promise<string[]> {
  // Through the root element: the tests' TypeScript has no DOM library, the element brings its own.
  return page.locator('html').evaluate(
    async (root, { context, tags }) => {
      const { axe: inPage } = root.ownerDocument.defaultView as unknown as { axe: typeof axe };
      const { violations } = await inPage.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return violations.map((violation) => `${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    },
    { context, tags: [...WCAG_AA, 'best-practice'] },
  );
}

/** The tab panels of a person's file not shown at a step (every tab is a step of its own, see screens.ts). */
const HIDDEN_TAB_PANELS = '[role="tabpanel"][hidden]';

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
    const measured = readable.map((element) => ({ element, box: element.getBoundingClientRect(), bar: pinned(element) }));
    for (const [index, first] of measured.entries()) {
      const a = first.box;
      for (const second of measured.slice(index + 1)) {
        const b = second.box;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across <= 2 || down <= 2 || first.bar !== second.bar) continue;
        if (first.element.contains(second.element) || second.element.contains(first.element)) continue;
        faults.push(`${describe(first.element)} overlaps ${describe(second.element)}`);
      }
    }
    return faults;
  });
}

/**
 * In a small window the file's secondary actions sit behind one menu button: Enter or Space opens
 * it on its first item, the arrows move (round the ends), Escape closes it back on the button,
 * and the open menu passes axe-core's WCAG 2.2 AA rules.
 */
async function checkActionsMenu(page: Page, language: Language, records: WalkRecords) {
  const text = texts(language);
  await page.goto(`${page.url().split('#')[0]}#/candidates/${records.candidate}/identity`);
  const button = page.getByRole('button', { name: text('candidates.ui.record.moreActions') });
  const items = page.getByRole('menuitem');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await expect(items.last()).toHaveText(text('rights.ui.erase'));
  expect(await axeViolations(page, { include: '.record-actions' })).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press(' ');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
}

/**
 * Dates written the way French and Italian readers do not read them: ISO (2026-12-03), month
 * first (05/23/1990, told from day first when the day is past 12) or English text (Dec 3, 2026),
 * in the visible text and in the fields' values (a hidden input carries the ISO value on purpose).
 */
function foreignDates(page: Page) {
  return page.locator('html').evaluate((root) => {
    const document = root.ownerDocument;
    const patterns = [
      /\b\d{4}-\d{2}-\d{2}\b/,
      /\b\d{4}\/\d{1,2}\/\d{1,2}\b/,
      /\b\d{1,2}\/(1[3-9]|2\d|3[01])\/\d{2,4}\b/,
      /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b/,
    ];
    const found: string[] = [];
    const check = (text: string) => {
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match) found.push(`"${match[0]}" in "${text.trim().slice(0, 60)}"`);
      }
    };
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest('script, style, template') && parent.checkVisibility()) check(node.textContent ?? '');
    }
    for (const field of document.querySelectorAll('input:not([type="hidden"]), textarea')) {
      if (field.checkVisibility()) check((field as unknown as { value: string }).value);
    }
    return found;
  });
}

/** The records the walks show, made once on the spec file's host (its tests share it). */
let walkRecords: { url: string; records: Promise<WalkRecords> } | undefined;

function recordsOn(url: string): Promise<WalkRecords> {
  if (walkRecords?.url !== url) walkRecords = { url, records: makeWalkRecords(url) };
  return walkRecords.records;
}

for (const pass of PASSES) {
  test(`every screen in ${pass.language.toUpperCase()} at ${pass.window} passes axe-core’s WCAG 2.2 AA rules, reflows (nothing past the window, nothing drawn over anything) and writes dates day first`, async ({
    browser,
    preview,
  }, testInfo) => {
    // About 60 screens and dialogs, each scanned and measured: about a minute of CPU; a loaded machine stretches it several times.
    test.setTimeout(480_000);
    const { language, window } = pass;
    const records = await recordsOn(preview.url);
    const context = await browser.newContext({ viewport: pass.viewport, deviceScaleFactor: pass.deviceScaleFactor, locale: 'fr-FR' });
    await context.addInitScript((chosen) => localStorage.setItem('tremplin.language', chosen), language);
    const page = await context.newPage();
    const untranslated = missingTranslations(page);
    await page.goto(`${preview.url}#/`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.evaluate(axe.source); // once: see axeViolations
    const found: string[] = [];
    await walk(page, language, records, async (step) => {
      // A file's hidden tab panels stay mounted (what is typed survives a look at another tab): each is scanned at its own
      // step, while shown, and leaving them out of the others took a third of the walk's axe time.
      for (const violation of await axeViolations(page, { exclude: HIDDEN_TAB_PANELS })) found.push(`${step.name}: ${violation}`);
      expect.soft(await layoutFaults(page), `layout, ${window}, ${step.name}`).toEqual([]);
      expect.soft(await foreignDates(page), `dates, ${language}, ${step.name}`).toEqual([]);
      expect.soft(untranslated.splice(0), `keys with no translation, ${language}, ${step.name}`).toEqual([]);
      if (process.env.LAYOUT_SCREENSHOTS) {
        await page.screenshot({ path: testInfo.outputPath(`${language}-${window}-${step.name.replaceAll(' ', '-')}.png`), fullPage: false });
      }
    });
    expect(found, `axe-core, ${language}, ${window}`).toEqual([]);
    if (!pass.small) {
      await context.close();
      return;
    }
    if (window === '200%') await checkActionsMenu(page, language, records);
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
    expect(untranslated, `keys with no translation, ${language}, the actions menu and the sidebar`).toEqual([]);
    await context.close();
  });
}
