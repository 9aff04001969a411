import { expect, test } from './fixtures';

test('an address changed while the window is still loading opens the new address, not the first one', async ({ page, preview }) => {
  // The French catalogue is held back: the first render waits for it, and so does the listener
  // that follows the address bar.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/i18n-fr-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const kitRequest = page.waitForRequest(/\/assets\/kit-[\w-]+\.js$/);
  await page.goto(`${preview.url}#/employers`);

  // The navigation store (in the kit chunk) has taken the first address: importing the chunk
  // again settles only once it has been evaluated.
  const kit = (await kitRequest).url();
  await page.evaluate((url) => import(url).then(() => undefined), kit);
  await page.evaluate("location.hash = '#/candidates'");
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidats' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Employeurs' })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/candidates');
});
