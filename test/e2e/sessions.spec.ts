import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Types a person into the quick intake with the keyboard only, then Enter. */
async function intakeByKeyboard(page: Page, fields: string[]) {
  await expect(page.getByLabel('Prénom', { exact: true })).toBeFocused();
  for (const [index, value] of fields.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
}

test('a volunteer receives people at a drop-in session, keyboard first, and recognises someone already known', async ({ page, preview }) => {
  test.slow(); // A long flow (a session, several people typed in and one recognised): three times the default time.
  await page.goto(`${preview.url}#/sessions`);
  await expect(page.getByRole('heading', { name: "Aucune permanence pour l'instant" })).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle permanence' }).click();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByLabel('Lieu').fill('Maison des associations');
  await page.getByRole('button', { name: 'Ouvrir la permanence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Permanence du/ })).toBeVisible();
  await expect(page.getByText('Maison des associations')).toBeVisible();

  const visits = page.getByTestId('visit-row');
  await intakeByKeyboard(page, ['Hélène', 'Dupont', '06 12 34 56 78']);
  await expect(visits).toHaveCount(1);
  await expect(page.getByTestId('notice')).toHaveText('Nouvelle fiche créée, passage enregistré');
  await expect(page.getByLabel('Prénom', { exact: true })).toHaveValue('');

  await intakeByKeyboard(page, ['Amadou', 'Diallo']);
  await expect(visits).toHaveCount(2);
  // The newest at the top.
  await expect(visits.first()).toContainText('Diallo');

  // Hélène comes back: typed without accent, the room is offered her file and picks it with Enter.
  await expect(page.getByLabel('Prénom', { exact: true })).toBeFocused();
  await page.keyboard.type('Helene');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dupont');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0612345678');
  const known = page.getByTestId('known-people');
  await expect(known.getByRole('heading', { name: 'Déjà connu ?' })).toBeVisible();
  await expect(known.getByRole('button')).toHaveCount(1);
  await expect(known.getByRole('button')).toContainText('même téléphone');
  await page.keyboard.press('Tab');
  await expect(known.getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-chosen')).toContainText('Hélène Dupont');
  await expect(page.getByLabel('Niveau de français')).toBeFocused();
  await page.getByLabel('Niveau de français').selectOption('A2');
  await page.getByLabel('Note').fill('Revenue avec son CV');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Passage enregistré');

  // Still one visit for her in this session, with what the room learnt, and one file.
  await expect(visits).toHaveCount(2);
  const helene = visits.filter({ hasText: 'Dupont' });
  await expect(helene).toHaveCount(1);
  await expect(helene).toContainText('Revenue avec son CV');
  await expect(helene).toContainText('A2');

  // The instant filter.
  await page.getByRole('searchbox', { name: 'Filtrer les personnes reçues' }).fill('diallo');
  await expect(visits).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Filtrer les personnes reçues' }).fill('');

  // From the session to her file.
  await helene.getByRole('link', { name: 'Dupont Hélène' }).click();
  await expect(page).toHaveURL(/#\/candidates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hélène Dupont' })).toBeVisible();
});
