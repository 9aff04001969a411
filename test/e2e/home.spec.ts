import { addDays } from '../../shared/dates';
import { previewApi } from './api';
import { expect, test } from './fixtures';

// The home screen counts every file of the folder: each test starts from an empty one.
test.use({ freshHost: true });

/** The preview's clock is the real one, in UTC like the API's. */
const today = new Date().toISOString().slice(0, 10);

test('an authorisation ending in 20 days shows on the home screen, one click from her file; a file near its retention date is kept with a reason', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const awa = await api<{ id: string }>('candidates.create', {
    firstName: 'Awa',
    lastName: 'Traoré',
    status: 'active',
    authorisationDocument: 'temporary_protection',
    authorisationExpiry: addDays(today, 20),
  });
  await api('candidates.create', { firstName: 'Karim', lastName: 'Benali', authorisationExpiry: addDays(today, 200) });
  // Last heard of 720 days ago: its retention date (730 days) is in 10 days.
  const yao = await api<{ id: string }>('candidates.create', { firstName: 'Yao', lastName: 'Mensah' });
  await api('timeline.add', { subjectType: 'candidate', subjectId: yao.id, kind: 'call', occurredAt: addDays(today, -720), text: 'Appel' });

  // The address of the app itself opens the home screen.
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  const authorisations = page.getByTestId('due-authorisations');
  await expect(authorisations.getByRole('heading', { name: /^Autorisations de travail à renouveler\s*1$/ })).toBeVisible();
  await expect(authorisations.getByRole('link')).toHaveCount(1);
  const item = authorisations.getByRole('link', { name: /Awa Traoré/ });
  await expect(item).toContainText('Expire dans 20 jours');
  // Nothing else is due: each card says so.
  for (const card of ['due-followUps', 'due-placements', 'due-presentations', 'due-quietCandidates']) {
    await expect(page.getByTestId(card)).toContainText('Rien à signaler.');
  }

  const retention = page.getByTestId('due-retention');
  await expect(retention.getByRole('heading', { name: /^Conservation des dossiers\s*1$/ })).toBeVisible();
  await expect(retention.getByRole('link', { name: /Yao Mensah/ })).toContainText('échéance le');
  await retention.getByRole('button', { name: 'Conserver' }).click();
  await retention.getByLabel('Motif de conservation').selectOption({ label: 'La personne a demandé qu’on garde son dossier'.replace('’', "'") });
  await retention.getByRole('button', { name: /^Conserver 730 jours de plus$/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Le dossier est conservé une période de plus.');
  await expect(retention).toContainText('Aucun dossier n\'arrive à échéance dans les 30 prochains jours.');

  await item.click();
  await expect(page).toHaveURL(new RegExp(`#/candidates/${awa.id}/work$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Français et autorisation de travail' })).toHaveAttribute('aria-selected', 'true');
});

test('targets set in the settings show on the home screen against the period’s figures', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  await api('candidates.create', { firstName: 'Nour', lastName: 'Haddad' });

  // An address that is not one of ours opens the home screen too.
  await page.goto(`${preview.url}#/nowhere`);
  const figures = page.getByTestId('period-counts');
  await expect(figures.getByRole('heading', { name: 'Cette année' })).toBeVisible();
  await expect(figures.getByTestId('count-companyContacts')).toContainText('0 sur 200');
  await expect(figures.getByTestId('count-candidates')).toHaveText('Nouveaux candidats1');

  await figures.getByRole('link', { name: 'Modifier les objectifs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await page.getByLabel('Période des objectifs').selectOption({ label: 'Mois' });
  await page.getByLabel('Nouveaux candidats').fill('beaucoup');
  await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
  await expect(page.locator('#targets-candidates-error')).toHaveText('Saisissez un nombre entier.');
  await expect(page.getByLabel('Nouveaux candidats')).toBeFocused();
  // Refused by the main process: beyond a million.
  await page.getByLabel('Nouveaux candidats').fill('2 000 000');
  await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
  await expect(page.locator('#targets-candidates-error')).toHaveText('La valeur doit être au plus 1000000.');
  await page.getByLabel('Nouveaux candidats').fill('4');
  await page.getByLabel('Recrutements').fill('1 200');
  await page.getByLabel('Contacts entreprises').fill('');
  await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Objectifs enregistrés');
  await expect(page.locator('#targets-candidates-error')).toHaveCount(0);

  await page.getByRole('link', { name: 'Accueil' }).click();
  await expect(figures.getByRole('heading', { name: 'Ce mois-ci' })).toBeVisible();
  await expect(figures.getByTestId('count-candidates')).toContainText('1 sur 4');
  await expect(figures.getByRole('progressbar', { name: 'Nouveaux candidats' })).toHaveAttribute('value', '1');
  await expect(figures.getByTestId('count-recruitments')).toContainText(/0 sur 1\s200/);
  // No target any more for company contacts: the figure alone, no bar.
  await expect(figures.getByTestId('count-companyContacts')).toHaveText('Contacts entreprises0');
  await expect(figures.getByRole('progressbar')).toHaveCount(2);

  // Kept after a restart of the app.
  await preview.restart();
  await page.goto(`${preview.url}#/settings`);
  await expect(page.getByLabel('Période des objectifs')).toHaveValue('month');
  await expect(page.getByLabel('Nouveaux candidats')).toHaveValue('4');
  await expect(page.getByLabel('Contacts entreprises')).toHaveValue('');
});

test('a card shows the most urgent few and leads to all it counts; a person who withdrew consent is not chased', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  for (let index = 1; index <= 7; index++) {
    await api('candidates.create', { firstName: `Personne${index}`, lastName: 'Test', authorisationExpiry: addDays(today, index) });
  }
  const withdrawn = await api<{ id: string }>('candidates.create', { firstName: 'Retrait', lastName: 'Test', authorisationExpiry: today });
  await api('candidates.update', { id: withdrawn.id, consentWithdrawnOn: today });

  await page.goto(preview.url);
  const card = page.getByTestId('due-authorisations');
  await expect(card.getByRole('heading', { name: /^Autorisations de travail à renouveler\s*7$/ })).toBeVisible();
  await expect(card.locator('.due-item')).toHaveCount(4);
  await expect(card).not.toContainText('Retrait');
  await card.getByRole('link', { name: 'Voir les 7' }).click();

  await expect(page).toHaveURL(/#\/home\/authorisations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Autorisations de travail à renouveler' })).toBeVisible();
  await expect(page.getByTestId('due-range')).toHaveText('1 à 7 sur 7');
  const list = page.getByTestId('due-list-authorisations');
  await expect(list.locator('.due-item')).toHaveCount(7);
  await expect(list.locator('.due-item').last()).toContainText('Personne7 Test');
  await expect(list.locator('.due-item').last()).toContainText('Expire dans 7 jours');
  await page.getByRole('link', { name: 'Accueil' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
});
