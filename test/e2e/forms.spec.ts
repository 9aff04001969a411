import type { Page } from '@playwright/test';
import { previewApi } from './api';
import { expect, test } from './fixtures';

async function newCandidate(url: string): Promise<string> {
  const api = await previewApi(url);
  return (await api<{ id: string }>('candidates.create', { firstName: 'Aminata', lastName: 'Diallo' })).id;
}

async function newEmployer(url: string): Promise<string> {
  const api = await previewApi(url);
  return (await api<{ id: string }>('employers.create', { name: 'Propreté Rhône Services', contacts: [] })).id;
}

const question = (page: Page) => page.getByRole('dialog', { name: 'Quitter cette page ?' });
const sidebarLink = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

test('a sidebar link asks before unsaved changes are lost: Stay is focused, Escape stays, Leave goes', async ({ page, preview }) => {
  const id = await newCandidate(preview.url);
  await page.goto(`${preview.url}#/candidates/${id}`);
  await page.getByLabel('Commune', { exact: true }).fill('Vénissieux');
  await sidebarLink(page, 'Employeurs').click();
  await expect(question(page)).toContainText('Des modifications ne sont pas enregistrées');
  await expect(question(page).getByRole('button', { name: 'Rester sur la page' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/candidates/${id}$`));
  await expect(page.getByLabel('Commune', { exact: true })).toHaveValue('Vénissieux');

  await sidebarLink(page, 'Employeurs').click();
  await question(page).getByRole('button', { name: 'Quitter la page' }).click();
  await expect(page).toHaveURL(/#\/employers$/);
});

test("the back button asks too, and the address stays the form's while it asks", async ({ page, preview }) => {
  const id = await newEmployer(preview.url);
  await page.goto(`${preview.url}#/employers`);
  await page.goto(`${preview.url}#/employers/${id}`);
  await page.getByLabel('Notes', { exact: true }).fill('Rappeler en janvier');
  await page.goBack();
  await expect(question(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/employers/${id}$`));
  await question(page).getByRole('button', { name: 'Rester sur la page' }).press('Enter');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Rappeler en janvier');
});

test('closing the window with unsaved changes asks (the app asks through its main process)', async ({ page, preview }) => {
  const id = await newEmployer(preview.url);
  await page.goto(`${preview.url}#/employers/${id}`);
  await page.getByLabel('Notes', { exact: true }).fill('Rappeler en janvier');
  const asked = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('a saved form leaves without a question', async ({ page, preview }) => {
  const id = await newEmployer(preview.url);
  await page.goto(`${preview.url}#/employers/${id}`);
  await page.getByLabel('Notes', { exact: true }).fill('Rappeler en janvier');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByTestId('notice')).toBeVisible();
  await sidebarLink(page, 'Candidats').click();
  await expect(page).toHaveURL(/#\/candidates$/);
});

test('dates are typed as dd/mm/yyyy in French, and dates compared with each other are refused with the other mistakes', async ({ page, preview }) => {
  const id = await newCandidate(preview.url);
  await page.goto(`${preview.url}#/candidates/${id}/work`);
  const start = page.getByLabel('Valable à partir du');
  await expect(start).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  await start.fill('1/2/2026');
  await page.getByLabel("Date d'expiration").fill('31/01/2026');
  await page.getByLabel('Niveau évalué le').fill('32/01/2026');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#candidate-frenchLevelDate-error')).toContainText('Date invalide');
  await expect(page.locator('#candidate-authorisationExpiry-error')).toHaveText("La date d'expiration doit suivre la date de début.");
  await expect(start).toHaveValue('01/02/2026');
  await page.getByLabel('Niveau évalué le').fill('');
  await page.getByLabel("Date d'expiration").fill('31/01/2028');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Enregistré');
  const api = await previewApi(preview.url);
  expect(await api('candidates.get', { id })).toMatchObject({ authorisationStart: '2026-02-01', authorisationExpiry: '2028-01-31' });
});

test('a date reads the same in Italian, and a number out of range says the range', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const id = await newCandidate(preview.url);
  await api('candidates.update', { id, authorisationStart: '2026-02-01' });
  await page.goto(`${preview.url}#/candidates/${id}/work`);
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByLabel('Valido dal')).toHaveValue('01/02/2026');
  await expect(page.getByLabel('Valido dal')).toHaveAttribute('placeholder', 'gg/mm/aaaa');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('tab', { name: 'Mobilité' }).click();
  await page.getByLabel('Distance maximale (km)').fill('-5');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#candidate-maxDistanceKm-error')).toHaveText('La valeur doit être au moins 0.');
});
