import { expect, listAnswered, test } from './fixtures';

test('the staffer records an employer, its contacts, a call and a job need, then marks the need filled', async ({ page, preview }) => {
  // The API counts contacts in its clock's calendar year (UTC), as the history's default date does.
  const year = new Date().getUTCFullYear();
  await page.goto(`${preview.url}#/employers`);
  await expect(page.getByRole('heading', { name: 'Aucun employeur actif' })).toBeVisible();

  // The company, with a SIRET typed wrong then right.
  await page.getByRole('button', { name: 'Nouvel employeur' }).click();
  const company = page.getByRole('group', { name: 'Entreprise' });
  await expect(company.getByLabel('Nom')).toBeFocused();
  await company.getByLabel('Nom').fill('Propreté Rhône Services');
  await company.getByLabel('SIRET').fill('732 829 320 00075');
  await company.getByLabel('Secteur').selectOption({ index: 1 });
  const sectorName = (await company.getByLabel('Secteur').locator('option:checked').textContent()) ?? '';
  await company.getByLabel('Code postal').fill('69200');
  await company.getByLabel('Commune').fill('Vénissieux');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.locator('#employer-siret-error')).toHaveText('Ce SIRET n\'est pas valide : vérifiez les chiffres saisis.');
  await expect(company.getByLabel('SIRET')).toBeFocused();
  await company.getByLabel('SIRET').fill('732 829 320 00074');

  // Two contacts, saved with the company.
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const first = page.getByRole('group', { name: 'Contact 1' });
  await expect(first.getByLabel('Nom')).toBeFocused();
  await first.getByLabel('Nom').fill('Claire Martin');
  await first.getByLabel('Fonction').fill('Responsable RH');
  await first.getByLabel('Téléphone').fill('06 12 34 56 78');
  await first.getByLabel('E-mail').fill('c.martin@example.fr');
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const second = page.getByRole('group', { name: 'Contact 2' });
  await second.getByLabel('Nom').fill('Ali Haddad');
  await second.getByLabel('Fonction').fill("Chef d'équipe");
  await second.getByLabel('E-mail').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.locator('#employer-contacts-1-email-error')).toHaveText('Adresse e-mail invalide (exemple : nom@exemple.fr).');
  await second.getByLabel('E-mail').fill('');
  await second.getByLabel('Téléphone').fill('07 98 76 54 32');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Propreté Rhône Services' })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Employeur créé');
  await expect(page.getByText(`SIRET 732 829 320 00074`)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Contact 1' }).getByLabel('Nom')).toHaveValue('Claire Martin');
  await expect(page.getByRole('group', { name: 'Contact 2' }).getByLabel('Téléphone')).toHaveValue('07 98 76 54 32');
  await expect(page.getByTestId('company-contacts')).toHaveText(`0 contact en ${year}`);

  // A call in the history counts as a company contact this year.
  await page.getByLabel('Détails').fill('Premier appel avec Claire Martin : deux postes en vue.');
  await page.getByRole('button', { name: "Ajouter à l'historique" }).click();
  await expect(page.getByTestId('timeline')).toContainText('Premier appel avec Claire Martin');
  await expect(page.getByTestId('company-contacts')).toHaveText(`1 contact en ${year}`);

  // A job need: a CDD with its end date, A2 minimum, a driving licence.
  await page.getByRole('link', { name: 'Nouveau besoin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau besoin' })).toBeVisible();
  await expect(page.getByLabel('Métier')).toBeFocused();
  await page.getByLabel('Métier').fill('Agent de propreté');
  // The employer's sector, unless the need says otherwise.
  await expect(page.getByLabel('Secteur').locator('option:checked')).toHaveText(sectorName);
  await page.getByLabel('Nombre de postes').fill('2');
  await expect(page.getByLabel('Date de fin')).toHaveCount(0);
  await page.getByLabel('Type de contrat').selectOption({ label: 'CDD' });
  await page.getByLabel('Heures par semaine').fill('24,5');
  await page.getByLabel('Date de début').fill('2030-03-02');
  await page.getByLabel('Date de fin').fill('2030-01-31');
  await page.getByLabel('Niveau de français minimum').selectOption('A2');
  await page.getByLabel('Permis de conduire exigé').check();
  await expect(page.getByLabel("Autorisation de travail valable jusqu'à la fin du contrat")).toBeChecked();
  await page.getByRole('button', { name: 'Ajouter le besoin' }).click();
  await expect(page.locator('#need-endDate-error')).toHaveText('La date de fin doit suivre la date de début.');
  await page.getByLabel('Date de fin').fill('2030-08-31');
  await page.getByRole('button', { name: 'Ajouter le besoin' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Propreté Rhône Services' })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Besoin ajouté');
  const need = page.getByTestId('job-need');
  await expect(need).toHaveCount(1);
  await expect(need).toContainText('Agent de propreté');
  await expect(need).toContainText('CDD · 2 postes · 24,5 h par semaine · du 2 mars 2030 au 31 août 2030');
  await expect(need.getByRole('list', { name: 'Exigences' })).toContainText('Français A2 minimum');
  await expect(need.getByRole('list', { name: 'Exigences' })).toContainText('Permis exigé');
  await expect(need.getByTestId('job-need-state')).toHaveText('Ouvert');
  await expect(page.getByText('1 besoin ouvert')).toBeVisible();

  // Filled: it leaves the open needs for the folded list below.
  await need.getByRole('button', { name: 'Marquer pourvu' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Besoin marqué pourvu');
  await expect(page.getByText('Aucun besoin ouvert', { exact: true })).toBeVisible();
  await page.getByText('Besoins pourvus ou clos (1)').click();
  await expect(need.getByTestId('job-need-state')).toHaveText('Pourvu');
  await expect(need.getByRole('button', { name: 'Rouvrir' })).toBeVisible();

  // The list shows the employer with its SIRET spaced out and no open need left.
  await page.getByRole('link', { name: 'Liste des employeurs' }).click();
  const row = page.getByTestId('employers-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('732 829 320 00074');
  await expect(row).toContainText('Vénissieux');
  await page.getByRole('searchbox', { name: 'Rechercher un employeur' }).fill('73282932000074');
  await listAnswered(page);
  await expect(row).toHaveCount(1);
  await page.getByLabel('Besoins ouverts').selectOption('yes');
  await expect(page.getByRole('heading', { name: 'Aucun employeur ne correspond à « 73282932000074 »' })).toBeVisible();

  // The same SIRET twice: the API's refusal, under the field.
  await page.getByRole('button', { name: 'Nouvel employeur' }).click();
  await page.getByRole('group', { name: 'Entreprise' }).getByLabel('Nom').fill('Propreté Rhône Services (doublon)');
  await page.getByRole('group', { name: 'Entreprise' }).getByLabel('SIRET').fill('73282932000074');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.locator('#employer-siret-error')).toHaveText('Un autre employeur, peut-être archivé, a déjà ce SIRET.');
});
