import type { Page } from '@playwright/test';
import { PREVIEW_TOKEN_HEADER } from '../../shared/transport';
import { expect, listAnswered, test } from './fixtures';

async function createCandidate(page: Page, fields: { firstName: string; lastName: string; phone?: string; commune?: string }) {
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill(fields.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(fields.lastName);
  if (fields.phone) await page.getByLabel('Téléphone', { exact: true }).fill(fields.phone);
  if (fields.commune) await page.getByLabel('Commune', { exact: true }).fill(fields.commune);
  await page.getByLabel('Niveau de français', { exact: true }).selectOption('A2');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${fields.firstName} ${fields.lastName}` })).toBeVisible();
}

test('a newcomer creates, finds, edits, archives and restores a candidate, and finds her after a restart', async ({ page, preview }) => {
  test.slow(); // A long flow (a file's whole life, with a restart of the host): three times the default time.
  await page.goto(`${preview.url}#/candidates`);
  await expect(page.getByRole('heading', { name: 'Aucun candidat actif' })).toBeVisible();

  await createCandidate(page, { firstName: 'Hélène', lastName: 'Dupont', phone: '06 12 34 56 78', commune: 'Lyon' });
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await createCandidate(page, { firstName: 'Amadou', lastName: 'Diallo', commune: 'Villeurbanne' });
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await expect(page.getByTestId('candidate-row')).toHaveCount(2);

  // Typed without accents, partial, and in any order.
  const search = page.getByRole('searchbox', { name: 'Rechercher un candidat' });
  await search.fill('helene');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Dupont Hélène' })).toBeVisible();
  await search.fill('dup hel');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await search.fill('0612');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);

  await page.getByRole('link', { name: 'Dupont Hélène' }).click();
  await page.getByLabel('Commune', { exact: true }).fill('Villeurbanne');
  await page.getByLabel('E-mail', { exact: true }).fill('pas-un-email');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#candidate-email-error')).toHaveText('Adresse e-mail invalide (exemple : nom@exemple.fr).');
  await page.getByLabel('E-mail', { exact: true }).fill('helene.dupont@example.org');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Enregistré');

  await page.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await page.getByRole('searchbox', { name: 'Rechercher un candidat' }).fill('');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Archivés' }).check();
  await page.getByRole('link', { name: 'Dupont Hélène' }).click();
  await page.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);

  await preview.restart();
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('searchbox', { name: 'Rechercher un candidat' }).fill('helene villeur');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Rechercher un candidat' }).fill('helene');
  await page.getByRole('link', { name: 'Dupont Hélène' }).click();
  await expect(page.getByLabel('Commune', { exact: true })).toHaveValue('Villeurbanne');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('helene.dupont@example.org');
});

test('the API refuses calls without the page token', async ({ page, preview, request }) => {
  const response = await request.post(`${preview.url}api/candidates.list`, { data: {} });
  expect(response.status()).toBe(401);
  const forged = await request.post(`${preview.url}api/candidates.list`, { data: {}, headers: { [PREVIEW_TOKEN_HEADER]: 'guess' } });
  expect(forged.status()).toBe(401);
  await page.goto(`${preview.url}#/candidates`);
  await expect(page.getByRole('heading', { level: 1, name: 'Candidats' })).toBeVisible();
});

test('the interface switches to English and Italian and remembers the choice', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});
