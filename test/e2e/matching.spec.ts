import { addDays, addMonths } from '../../shared/dates';
import { previewApi } from './api';
import { expect, test } from './fixtures';

const today = new Date().toISOString().slice(0, 10);

test('from a job need, the staffer finds a candidate, presents her, follows it to acceptance, records the hire, and the home screen follows', async ({ page, preview }) => {
  test.slow(); // A long flow (a need, matching, every presentation step and a hire): three times the default time.
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Logistique du Rhône', postalCode: '69007', commune: 'Lyon' });
  const start = addDays(today, 30);
  const end = addMonths(start, 6);
  const need = await api<{ id: string }>('jobNeeds.create', {
    employerId: employer.id,
    occupation: 'Préparateur de commandes',
    contractType: 'cdd',
    positions: 2,
    startDate: start,
    endDate: end,
    minFrenchLevel: 'A2',
    drivingLicenceRequired: false,
    authorisationThroughContract: true,
    postalCode: '69007',
  });
  // Awa can take the job; Karim's authorisation ends three weeks before the contract does.
  const awa = await api<{ id: string }>('candidates.create', {
    firstName: 'Awa',
    lastName: 'Traoré',
    frenchLevel: 'B1',
    status: 'active',
    postalCode: '69003',
    commune: 'Lyon',
    authorisationDocument: 'refugee_resident_card',
    authorisationExpiry: addMonths(today, 60),
  });
  await api('candidates.create', {
    firstName: 'Karim',
    lastName: 'Benali',
    frenchLevel: 'B2',
    status: 'active',
    postalCode: '69008',
    commune: 'Lyon',
    authorisationDocument: 'temporary_protection',
    authorisationExpiry: addDays(end, -21),
  });

  // Before: nothing presented nor hired this year.
  await page.goto(preview.url);
  const figures = page.getByTestId('period-counts');
  await expect(figures.getByTestId('count-presentations')).toHaveText('Mises en relation0');
  await expect(figures.getByTestId('count-recruitments')).toHaveText('Recrutements0');
  await expect(page.getByTestId('due-followUps')).toContainText('Rien à signaler.');

  // The matching section lists the open need; the need's page leads to its candidates.
  await page.goto(`${preview.url}#/matching`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mises en relation' })).toBeVisible();
  await page.getByLabel('Chercher un besoin').fill('préparateur');
  await expect(page.getByTestId('open-need')).toHaveCount(1);
  await page.getByRole('link', { name: 'Logistique du Rhône' }).click();
  await page.getByRole('link', { name: 'Préparateur de commandes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Préparateur de commandes' })).toBeVisible();
  await expect(page.getByTestId('presentation-list')).toHaveCount(0);
  await page.getByTestId('find-candidates').click();
  await expect(page).toHaveURL(new RegExp(`#/matching/needs/${need.id}$`));

  // Ranked candidates: Awa possible with her score and reasons, Karim apart with what stands in the way.
  await expect(page.getByRole('heading', { level: 1, name: 'Préparateur de commandes' })).toBeVisible();
  await page.getByLabel('Présenté par').fill('Claire Martin');
  const eligible = page.getByTestId('match-eligible');
  const excluded = page.getByTestId('match-excluded');
  await expect(page.getByTestId('match-eligible-count')).toHaveText('1');
  await expect(page.getByTestId('match-excluded-count')).toHaveText('1');
  const awaRow = eligible.getByTestId('match-row').filter({ hasText: 'Awa Traoré' });
  await expect(awaRow.getByTestId('match-score')).toBeVisible();
  await expect(awaRow.getByTestId('requirements-met')).toHaveText('5 exigences remplies');
  await awaRow.getByTestId('requirements-met').click();
  await expect(awaRow.locator('[data-verdict="pass"]')).toHaveCount(5);
  await expect(awaRow.locator('[data-verdict="fail"]')).toHaveCount(0);
  const karimRow = excluded.getByTestId('match-row').filter({ hasText: 'Karim Benali' });
  const firstReason = karimRow.getByTestId('match-reason').first();
  await expect(firstReason).toHaveAttribute('data-verdict', 'fail');
  await expect(firstReason).toContainText("L'autorisation finit 3 semaines avant la fin du contrat");
  await expect(karimRow.getByRole('button', { name: 'Présenter' })).toHaveCount(0);

  // Present Awa: the row shows the new presentation, which opens with its history.
  await awaRow.getByRole('button', { name: 'Présenter' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Candidat proposé pour ce besoin');
  await expect(awaRow.getByTestId('presentation-state')).toHaveText('Proposée');
  await expect(awaRow.getByRole('button', { name: 'Présenter' })).toHaveCount(0);
  await awaRow.getByRole('link', { name: 'Proposée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré — Préparateur de commandes' })).toBeVisible();
  const history = page.getByTestId('history-event');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('Claire Martin');

  // Only the changes the state allows are offered; each one is logged.
  const choices = page.getByRole('group', { name: 'Choisissez la nouvelle étape' }).getByRole('radio');
  await expect(choices).toHaveCount(3);
  await page.getByRole('radio', { name: "Présentée à l'employeur" }).check();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(today.split('-').reverse().join('/'));
  await page.getByLabel('Note').fill('CV envoyé à la responsable RH.');
  await page.getByRole('button', { name: "Enregistrer : Présentée à l'employeur" }).click();
  await expect(page.getByTestId('notice')).toHaveText('Étape enregistrée');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('CV envoyé à la responsable RH.');

  await page.getByRole('radio', { name: 'Entretien' }).check();
  await page.getByRole('button', { name: 'Enregistrer : Entretien' }).click();
  await expect(history).toHaveCount(3);

  // A refusal needs its reason: without one, it is refused at the field and nothing changes.
  await page.getByRole('radio', { name: 'Refusée' }).check();
  await page.getByRole('button', { name: 'Enregistrer : Refusée' }).click();
  await expect(page.locator('#transition-reason-error')).toHaveText('Choisissez le motif du refus.');
  await expect(page.getByLabel('Motif du refus')).toBeFocused();
  await expect(history).toHaveCount(3);
  await expect(page.getByTestId('presentation-header').getByTestId('presentation-state')).toHaveText('Entretien');

  await page.getByRole('radio', { name: 'Acceptée' }).check();
  await page.getByRole('button', { name: 'Enregistrer : Acceptée' }).click();
  await expect(history).toHaveCount(4);
  await expect(page.getByTestId('presentation-header').getByTestId('presentation-state')).toHaveText('Acceptée');
  const presentationId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByRole('link', { name: 'Enregistrer le recrutement' })).toHaveAttribute(
    'href',
    `#/candidates/${awa.id}/journey/recruit/${presentationId}`,
  );
  await expect(history.first().getByTestId('presentation-state').last()).toHaveText('Acceptée');
  await expect(page.getByRole('radio')).toHaveCount(1);

  // The need's page lists the presentation with its state.
  await page.getByRole('link', { name: 'Besoin : Préparateur de commandes' }).click();
  const row = page.getByTestId('presentation-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Awa Traoré');
  await expect(row.getByTestId('presentation-state')).toHaveText('Acceptée');

  // Awa's journey ranks the open needs for her the same way, with where this one stands.
  await page.goto(`${preview.url}#/candidates/${awa.id}/journey`);
  const needRow = page.getByTestId('candidate-need-matches').getByTestId('match-eligible').getByTestId('match-row');
  await expect(needRow).toHaveCount(1);
  await expect(needRow).toContainText('Préparateur de commandes');
  await expect(needRow.getByTestId('presentation-state')).toHaveText('Acceptée');
  await expect(needRow.getByRole('button', { name: 'Présenter' })).toHaveCount(0);

  // The hire, recorded from the accepted presentation (it started five weeks ago: the first
  // follow-up is already due), creates its four follow-ups.
  await page.goto(`${preview.url}#/candidates/${awa.id}/journey/recruit/${presentationId}`);
  await expect(page.getByRole('combobox', { name: 'Contrat' })).toHaveValue('cdd');
  const hiredOn = addDays(today, -35);
  await page.getByLabel('Date de début').fill(hiredOn);
  await page.getByRole('button', { name: "Enregistrer l'embauche" }).click();
  await expect(page.getByTestId('notice')).toHaveText('Embauche enregistrée, suivis créés');
  await expect(page.getByTestId('recruitment')).toContainText('CDD');
  await expect(page.getByTestId('recruitment').getByTestId('follow-up')).toHaveCount(4);

  // The home screen: the presentation and the hire counted, the one-month follow-up due, one click from her journey.
  await page.getByRole('link', { name: 'Accueil' }).click();
  await expect(figures.getByTestId('count-presentations')).toHaveText('Mises en relation1');
  await expect(figures.getByTestId('count-recruitments')).toHaveText('Recrutements1');
  const followUp = page.getByTestId('due-followUps').getByRole('link', { name: /Awa Traoré/ });
  await expect(followUp).toHaveCount(1);
  await followUp.click();
  await expect(page).toHaveURL(new RegExp(`#/candidates/${awa.id}/journey`));
});
