import { expect, test } from './fixtures';

test('a section still on its way says so politely, then opens with the focus on its title', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/candidates`);
  await expect(page.getByRole('heading', { level: 1, name: 'Candidats' })).toBeVisible();

  // The home screen's chunk is held back until the status has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/HomeScreen-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Accueil' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accueil : chargement…' })).toBeVisible();

  release();
  await expect(page.getByRole('status').filter({ hasText: 'Accueil : chargement…' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
