import type { Page } from '@playwright/test';
import { expect, listAnswered, test } from './fixtures';

async function createVolunteer(page: Page, fields: { firstName: string; lastName: string; phone: string }) {
  await page.getByRole('button', { name: 'Nouveau bénévole' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill(fields.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(fields.lastName);
  await page.getByLabel('Téléphone', { exact: true }).fill(fields.phone);
  // The first sector, whatever the association calls it.
  await page.getByRole('group', { name: 'Secteurs' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${fields.firstName} ${fields.lastName}` })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Enregistré');
}

test('the staffer records two volunteers, forms their pair and logs hours', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/volunteers`);
  await expect(page.getByRole('heading', { name: 'Aucun bénévole actif' })).toBeVisible();

  await createVolunteer(page, { firstName: 'Marie', lastName: 'Dupont', phone: '06 11 22 33 44' });
  await page.getByRole('link', { name: 'Liste des bénévoles' }).click();
  await createVolunteer(page, { firstName: 'Karim', lastName: 'Benali', phone: '07 55 66 77 88' });
  await page.getByRole('link', { name: 'Liste des bénévoles' }).click();
  await expect(page.getByTestId('volunteer-row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Rechercher un bénévole' }).fill('benal');
  await listAnswered(page);
  await expect(page.getByTestId('volunteer-row')).toHaveCount(1);

  // The pair: the same person twice is refused before anything is sent.
  await page.getByRole('link', { name: 'Binômes' }).click();
  await page.getByRole('button', { name: 'Nouveau binôme' }).click();
  const sector = page.getByLabel('Secteur', { exact: true });
  await expect(sector).toBeFocused();
  await sector.selectOption({ index: 1 });
  const sectorName = (await sector.locator('option:checked').textContent()) ?? '';
  await page.getByLabel('Premier bénévole').selectOption({ label: 'Dupont Marie' });
  await page.getByLabel('Second bénévole').selectOption({ label: 'Dupont Marie' });
  await page.getByRole('button', { name: 'Créer le binôme' }).click();
  await expect(page.locator('#pair-secondVolunteerId-error')).toHaveText('Choisissez deux bénévoles différents.');
  await page.getByLabel('Second bénévole').selectOption({ label: 'Benali Karim' });
  await page.getByRole('button', { name: 'Créer le binôme' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Binôme créé');
  const pairRow = page.getByTestId('pair-row');
  await expect(pairRow).toHaveCount(1);
  await expect(pairRow).toContainText(sectorName);
  await expect(pairRow).toContainText('Marie Dupont');
  await expect(pairRow).toContainText('Karim Benali');

  // The same two people again for the same sector: the API's refusal, in words.
  await page.getByRole('button', { name: 'Nouveau binôme' }).click();
  await page.getByLabel('Secteur', { exact: true }).selectOption({ label: sectorName });
  await page.getByLabel('Premier bénévole').selectOption({ label: 'Benali Karim' });
  await page.getByLabel('Second bénévole').selectOption({ label: 'Dupont Marie' });
  await page.getByRole('button', { name: 'Créer le binôme' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ces deux bénévoles forment déjà un binôme pour ce secteur.');
  await page.getByRole('button', { name: 'Annuler' }).click();

  // Hours, typed the French way, on Marie's record.
  await pairRow.getByRole('link', { name: 'Marie Dupont' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marie Dupont' })).toBeVisible();
  await expect(page.getByTestId('volunteer-pairs')).toContainText(sectorName);
  const year = new Date().getFullYear();
  await page.getByLabel('Durée').fill('deux heures');
  await page.getByRole('button', { name: 'Ajouter les heures' }).click();
  await expect(page.locator('#hours-duration-error')).toHaveText('Indiquez une durée en heures, par exemple 2,5 ou 1h30.');
  await page.getByLabel('Durée').fill('2,5');
  await page.getByLabel('Tâche').fill('Accueil à la permanence');
  await page.getByRole('button', { name: 'Ajouter les heures' }).click();
  await expect(page.getByTestId('hours-row')).toHaveCount(1);
  await expect(page.getByTestId('hours-row')).toContainText('2 h 30');
  await expect(page.getByTestId('hours-total')).toHaveText(`Total ${year} : 2 h 30`);
  await expect(page.getByLabel('Durée')).toBeFocused();
  await page.getByLabel('Durée').fill('1h30');
  await page.getByRole('button', { name: 'Ajouter les heures' }).click();
  await expect(page.getByTestId('hours-total')).toHaveText(`Total ${year} : 4 h`);

  // An entry typed by mistake goes away.
  await page.getByRole('button', { name: /^Supprimer les 1 h 30/ }).click();
  await expect(page.getByTestId('hours-row')).toHaveCount(1);
  await expect(page.getByTestId('hours-total')).toHaveText(`Total ${year} : 2 h 30`);
});
