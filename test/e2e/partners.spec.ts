import { clickForNotice, expect, listAnswered, test } from './fixtures';

test('the staffer records a partner association with a contact and finds it in the list', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/partners`);
  await expect(page.getByRole('heading', { name: 'Aucun partenaire actif' })).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau partenaire' }).click();
  const organisation = page.getByRole('group', { name: 'Structure' });
  await expect(organisation.getByLabel('Nom')).toBeFocused();
  await organisation.getByLabel('Nom').fill('CADA Les Tilleuls');
  await organisation.getByLabel('Type de structure').selectOption({ label: 'Hébergement de demandeurs d\'asile' });
  await organisation.getByLabel('Commune').fill('Villeurbanne');
  await organisation.getByLabel('Téléphone').fill('04 78 12 34 56');

  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const contact = page.getByRole('group', { name: 'Contact 1' });
  await contact.getByLabel('Nom').fill('Sophie Bernard');
  await contact.getByLabel('Fonction').fill('Travailleuse sociale');
  await contact.getByLabel('E-mail').fill('Sophie.Bernard@Example.org');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'CADA Les Tilleuls' })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Partenaire créé');
  await expect(page.getByRole('group', { name: 'Contact 1' }).getByLabel('E-mail')).toHaveValue('sophie.bernard@example.org');
  await expect(page.getByTestId('referred-count')).toHaveText('0 candidat');

  // A second contact added on the record, then saved.
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  await page.getByRole('group', { name: 'Contact 2' }).getByLabel('Nom').fill('Marc Petit');
  await clickForNotice(page, page.getByRole('button', { name: 'Enregistrer' }), 'Enregistré');
  await page.getByRole('button', { name: 'Retirer le contact 2' }).click();
  await expect(page.getByRole('group', { name: 'Contact 2' })).toHaveCount(0);
  await clickForNotice(page, page.getByRole('button', { name: 'Enregistrer' }), 'Enregistré');

  await page.getByRole('link', { name: 'Liste des partenaires' }).click();
  const row = page.getByTestId('partners-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('CADA Les Tilleuls');
  await expect(row).toContainText("Hébergement de demandeurs d'asile");
  await expect(row).toContainText('Villeurbanne');
  await expect(row).toContainText('04 78 12 34 56');
  await expect(row).toContainText('0 candidat');

  await page.getByLabel('Type de structure').selectOption({ label: 'Service social' });
  await expect(page.getByRole('heading', { name: 'Aucun partenaire ne correspond à ces filtres' })).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).first().click();
  await page.getByRole('searchbox', { name: 'Rechercher un partenaire' }).fill('tilleul');
  await listAnswered(page);
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'CADA Les Tilleuls' }).click();
  await expect(page.getByRole('group', { name: 'Contact 1' }).getByLabel('Nom')).toHaveValue('Sophie Bernard');
  await expect(page.getByRole('group', { name: 'Contact 2' })).toHaveCount(0);
});
