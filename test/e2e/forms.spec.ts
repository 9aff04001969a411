import { previewApi } from './api';
import { expect, test } from './fixtures';

test('leaving a form with unsaved changes asks first: the sidebar, the back button and closing the window', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const candidate = await api<{ id: string }>('candidates.create', { firstName: 'Aminata', lastName: 'Diallo' });
  const employer = await api<{ id: string }>('employers.create', { name: 'Propreté Rhône Services', contacts: [] });

  // A candidate section: typed, then the sidebar. "Stay" has the focus; Escape stays.
  await page.goto(`${preview.url}#/candidates/${candidate.id}`);
  await page.getByLabel('Commune', { exact: true }).fill('Vénissieux');
  await page.getByRole('navigation').getByRole('link', { name: 'Employeurs' }).click();
  const question = page.getByRole('dialog', { name: 'Quitter cette page ?' });
  await expect(question).toContainText('Des modifications ne sont pas enregistrées');
  await expect(question.getByRole('button', { name: 'Rester sur la page' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/candidates/${candidate.id}$`));
  await expect(page.getByLabel('Commune', { exact: true })).toHaveValue('Vénissieux');

  // Leaving on purpose goes where the link pointed, and the typing is dropped.
  await page.getByRole('navigation').getByRole('link', { name: 'Employeurs' }).click();
  await question.getByRole('button', { name: 'Quitter la page' }).click();
  await expect(page).toHaveURL(/#\/employers$/);
  await expect(question).toBeHidden();

  // The employer's notes, then the browser's back button: the address comes back while asked.
  await page.goto(`${preview.url}#/employers/${employer.id}`);
  await page.getByLabel('Notes', { exact: true }).fill('Rappeler en janvier');
  await page.goBack();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Rester sur la page' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/employers/${employer.id}$`));
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Rappeler en janvier');

  // Closing the window: the browser's own question (the app's main process asks the same).
  const asked = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('a saved form leaves without a question', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Propreté Rhône Services', contacts: [] });
  await page.goto(`${preview.url}#/employers/${employer.id}`);
  await page.getByLabel('Notes', { exact: true }).fill('Rappeler en janvier');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('notice')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Candidats' }).click();
  await expect(page).toHaveURL(/#\/candidates$/);
  await expect(page.getByRole('dialog')).toBeHidden();
});
