import { addDays, addMonths, lastDayOfMonths } from '../../shared/dates';
import { today } from '../../shared/validation';
import { previewApi } from './api';
import { expect, test } from './fixtures';

/** A `YYYY-MM-DD` date as the French date field shows it. */
const shown = (iso: string) => iso.split('-').reverse().join('/');

/** A date as the French interface writes it ("1 mai 2030", "3 avril 2030"). */
function frenchDate(date: string, style: 'medium' | 'long' = 'medium'): string {
  return new Intl.DateTimeFormat('fr', { dateStyle: style }).format(new Date(`${date}T12:00:00`));
}

/** A refugee's resident card, valid for years around today. */
const residentCard = () => ({ authorisationDocument: 'refugee_resident_card', authorisationStart: addDays(today(), -400), authorisationExpiry: addMonths(today(), 120) });

test('a PMSMP over a month is refused with the reason; a 4-week one ends in a hire, recorded with its follow-ups', async ({ page, preview }) => {
  test.slow(); // A long flow (a placement, a hire and its follow-ups, screen by screen): three times the default time.
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Logistique du Rhône', postalCode: '69007', commune: 'Lyon' });
  // An asylum seeker with a valid certificate: a PMSMP needs no work authorisation, a job does.
  const awa = await api<{ id: string }>('candidates.create', {
    firstName: 'Awa',
    lastName: 'Traoré',
    frenchLevel: 'B1',
    status: 'active',
    authorisationDocument: 'asylum_certificate',
    authorisationStart: addDays(today(), -300),
    authorisationExpiry: addDays(today(), 200),
    asylumRegisteredOn: addDays(today(), -300),
  });
  // An immersion that ended some ten weeks ago, so the hire's first follow-up is overdue today.
  const pmsmpStart = addDays(today(), -100);
  const pmsmpEnd = addDays(pmsmpStart, 27);
  const hireStart = addDays(pmsmpEnd, 1);

  await page.goto(`${preview.url}#/candidates/${awa.id}/journey`);
  await expect(page.getByRole('tab', { name: 'Parcours' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('journey-placements')).toContainText("Aucune mise en situation pour l'instant.");

  // The kind first: the PMSMP's fields and its one-month limit follow.
  await page.getByRole('link', { name: 'Nouvelle mise en situation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nouvelle mise en situation' })).toBeFocused();
  await expect(page.getByLabel('Date de début')).toHaveCount(0);
  await page.getByRole('radio', { name: 'PMSMP (immersion)' }).check();
  await page.getByLabel("Entreprise d'accueil").fill('logistique');
  await page.getByRole('button', { name: /Logistique du Rhône/ }).click();
  await expect(page.getByTestId('host-chosen')).toContainText('Logistique du Rhône');
  await page.getByLabel('Date de début').fill(pmsmpStart);
  await expect(page.locator('#placement-endDate-hint')).toHaveText(
    `Un mois au plus : fin le ${frenchDate(lastDayOfMonths(pmsmpStart, 1), 'long')} au plus tard.`,
  );
  await page.getByLabel('Objectif').fill('Découvrir le métier de préparatrice de commandes');
  await page.getByLabel('Prescripteur').fill('France Travail Lyon 7');
  await page.getByLabel('Tuteur ou tutrice').fill('Marc Petit');

  // Five weeks: refused at the end date, with why, and nothing saved.
  await page.getByLabel('Date de fin prévue').fill(addDays(pmsmpStart, 34));
  await page.getByRole('button', { name: 'Enregistrer la mise en situation' }).click();
  await expect(page.locator('#placement-endDate-error')).toContainText('Une PMSMP dure au plus un mois');
  await expect(page.getByLabel('Date de fin prévue')).toBeFocused();
  expect((await api<{ total: number }>('placements.list', { candidateId: awa.id })).total).toBe(0);

  // Four weeks: saved; its planned end has passed, so it waits for its outcome.
  await page.getByLabel('Date de fin prévue').fill(pmsmpEnd);
  await page.getByRole('button', { name: 'Enregistrer la mise en situation' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Mise en situation enregistrée');
  const placement = page.getByTestId('placement');
  await expect(placement).toHaveCount(1);
  await expect(placement).toContainText('PMSMP (immersion)');
  await expect(placement).toContainText('28 jours');
  await expect(placement.getByTestId('placement-status')).toHaveText('Fin prévue passée : issue à noter');

  // Ended in a hire: the app offers to record it, filled from the placement.
  await placement.getByRole('button', { name: 'Terminer' }).click();
  await expect(page.getByLabel('Date de fin réelle')).toHaveValue(shown(pmsmpEnd));
  await page.getByRole('button', { name: 'Enregistrer la fin' }).click();
  await expect(page.getByText('Choisissez une valeur de la liste.')).toBeVisible();
  await page.getByRole('radio', { name: 'Embauche' }).check();
  await page.getByRole('button', { name: 'Enregistrer la fin' }).click();
  await expect(placement.getByTestId('placement-status')).toHaveText(`Embauche le ${frenchDate(pmsmpEnd)}`);
  await expect(placement.getByRole('button', { name: 'Terminer' })).toHaveCount(0);
  await page.getByTestId('placement-next-step').getByRole('link', { name: "Enregistrer l'embauche" }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Nouvelle embauche' })).toBeVisible();
  await expect(page.getByTestId('host-chosen')).toContainText('Logistique du Rhône');
  await page.getByRole('combobox', { name: 'Contrat' }).selectOption({ label: 'CDD' });
  await page.getByLabel('Heures par semaine').fill('35');
  await page.getByLabel('Date de début').fill(hireStart);
  await page.getByLabel('Date de fin').fill(lastDayOfMonths(hireStart, 8));
  await expect(page.getByTestId('outcome-class')).toContainText('Emploi durable');
  await page.getByRole('button', { name: "Enregistrer l'embauche" }).click();

  // The certificate alone does not allow work: refused until the staffer says the employer is applying.
  await expect(page.locator('#recruitment-employerApplying-error')).toContainText("cochez « L'employeur demande l'autorisation de travail »");
  expect((await api<{ total: number }>('recruitments.list', { candidateId: awa.id })).total).toBe(0);
  await page.getByLabel("L'employeur demande l'autorisation de travail").check();
  await page.getByRole('button', { name: "Enregistrer l'embauche" }).click();

  // A CDD of 8 months: durable, with four follow-ups due at 1, 3, 6 and 12 months, the first one overdue.
  await expect(page.getByTestId('notice')).toHaveText('Embauche enregistrée, suivis créés');
  const recruitment = page.getByTestId('recruitment');
  await expect(recruitment).toHaveCount(1);
  await expect(recruitment.getByTestId('outcome-class')).toContainText('Emploi durable');
  const followUps = recruitment.getByTestId('follow-up');
  await expect(followUps).toHaveCount(4);
  for (const [index, months] of [1, 3, 6, 12].entries()) {
    await expect(followUps.nth(index)).toContainText(`${months} mois`);
    await expect(followUps.nth(index)).toContainText(frenchDate(addMonths(hireStart, months)));
  }
  await expect(recruitment.getByTestId('follow-up-result')).toHaveText(['En retard', 'À faire', 'À faire', 'À faire']);
  await expect(followUps.nth(0)).toHaveClass(/follow-up-overdue/);

  // "Left" needs a reason.
  await followUps.nth(0).getByRole('button', { name: 'Noter · Suivi à 1 mois' }).click();
  const form = page.getByTestId('follow-up-form');
  await form.getByRole('radio', { name: 'A quitté le poste' }).check();
  await form.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await expect(form.getByText('Indiquez pourquoi la personne a quitté le poste.')).toBeVisible();
  await expect(form.getByLabel('Raison du départ')).toBeFocused();
  await form.getByLabel('Raison du départ').selectOption({ label: "Période d'essai non concluante" });
  await form.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Suivi enregistré');
  await expect(form).toHaveCount(0);
  await expect(followUps.nth(0).getByTestId('follow-up-result')).toHaveText('A quitté le poste');
  await expect(followUps.nth(0)).toContainText("Période d'essai non concluante");
  await expect(followUps.nth(0)).not.toHaveClass(/follow-up-overdue/);

  // The employer's page shows both, each leading back to the person's journey.
  await page.goto(`${preview.url}#/employers/${employer.id}`);
  await expect(page.getByTestId('employer-placement')).toContainText('Awa Traoré');
  await expect(page.getByTestId('employer-placement').getByTestId('placement-status')).toHaveText(`Embauche le ${frenchDate(pmsmpEnd)}`);
  await expect(page.getByTestId('employer-recruitment').getByTestId('outcome-class')).toContainText('Emploi durable');
  await page.getByTestId('employer-recruitment').getByRole('link', { name: 'Awa Traoré' }).click();
  await expect(page.getByRole('tab', { name: 'Parcours' })).toHaveAttribute('aria-selected', 'true');
});

test('for a person in a job, a PMSMP beyond a quarter of the contract is refused by the server, at the end date', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Propreté Rhône Services' });
  const karim = await api<{ id: string }>('candidates.create', { firstName: 'Karim', lastName: 'Benali', frenchLevel: 'B2', status: 'active', ...residentCard() });
  // 59 days of contract: 14 days of PMSMP at most.
  await api('recruitments.create', { candidateId: karim.id, kind: 'cdd', employerId: employer.id, startDate: '2030-01-01', endDate: '2030-02-28' });

  await page.goto(`${preview.url}#/candidates/${karim.id}/journey/placements/new`);
  await page.getByRole('radio', { name: 'PMSMP (immersion)' }).check();
  await page.getByLabel("Entreprise d'accueil").fill('Boulangerie Martin');
  await page.getByLabel('Date de début').fill('2030-02-01');
  await page.getByLabel('Date de fin prévue').fill('2030-02-20');
  await page.getByLabel('Objectif').fill('Découvrir la boulangerie');
  await page.getByRole('button', { name: 'Enregistrer la mise en situation' }).click();
  await expect(page.locator('#placement-endDate-error')).toContainText('25 %');
  expect((await api<{ total: number }>('placements.list', { candidateId: karim.id })).total).toBe(0);

  // Within the share, the organisation typed is kept as typed.
  await page.getByLabel('Date de fin prévue').fill('2030-02-14');
  await page.getByRole('button', { name: 'Enregistrer la mise en situation' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Mise en situation enregistrée');
  await expect(page.getByTestId('placement')).toContainText('Boulangerie Martin');
  // Lawful during a part-time contract, but flagged for the staffer to check.
  await expect(page.getByTestId('placement').getByTestId('overlaps')).toContainText('En même temps que : CDD (du 1 janv. 2030 au 28 févr. 2030)');
});

test('a job need says where the job is, for distances', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Hôtel du Parc', postalCode: '69006', commune: 'Lyon' });
  await page.goto(`${preview.url}#/employers/${employer.id}/needs/new`);
  await page.getByLabel('Métier').fill('Femme ou valet de chambre');
  await expect(page.getByLabel('Code postal')).toHaveAttribute('placeholder', '69006');
  await page.getByLabel('Code postal').fill('6900');
  await page.getByRole('button', { name: 'Ajouter le besoin' }).click();
  await expect(page.locator('#need-postalCode-error')).toHaveText('Code postal invalide (cinq chiffres).');
  await page.getByLabel('Code postal').fill('69003');
  await page.getByRole('button', { name: 'Ajouter le besoin' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Besoin ajouté');
  const needs = await api<{ items: { postalCode: string | null }[] }>('jobNeeds.list', { employerId: employer.id });
  expect(needs.items.map((need) => need.postalCode)).toEqual(['69003']);
});

test('an accepted presentation opens the hire filled from its job need', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Maison de retraite Les Tilleuls' });
  const need = await api<{ id: string }>('jobNeeds.create', {
    employerId: employer.id,
    occupation: 'Agent de service hospitalier',
    contractType: 'cdi',
    hoursPerWeek: 28,
    startDate: addDays(today(), 10),
  });
  const mariam = await api<{ id: string }>('candidates.create', { firstName: 'Mariam', lastName: 'Diallo', frenchLevel: 'A2', status: 'active', ...residentCard() });
  const presentation = await api<{ id: string }>('presentations.create', { candidateId: mariam.id, jobNeedId: need.id });
  for (const to of ['presented', 'accepted']) await api('presentations.transition', { id: presentation.id, to });

  await page.goto(`${preview.url}#/candidates/${mariam.id}/journey/recruit/${presentation.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Nouvelle embauche' })).toBeFocused();
  await expect(page.getByTestId('host-chosen')).toContainText('Maison de retraite Les Tilleuls');
  await expect(page.getByRole('combobox', { name: 'Contrat' })).toHaveValue('cdi');
  await expect(page.getByLabel('Heures par semaine')).toHaveValue('28');
  await expect(page.getByLabel('Date de début')).toHaveValue(shown(addDays(today(), 10)));
  await expect(page.getByText("Un CDI n'a pas de date de fin.")).toBeVisible();
  await expect(page.getByTestId('hired-already')).toHaveCount(0);
  await page.getByRole('button', { name: "Enregistrer l'embauche" }).click();

  await expect(page.getByTestId('notice')).toHaveText('Embauche enregistrée, suivis créés');
  await expect(page.getByTestId('recruitment')).toContainText('CDI');
  await expect(page.getByTestId('recruitment').getByTestId('outcome-class')).toContainText('Emploi durable');
  await expect(page.getByTestId('presentation-row')).toContainText('Acceptée');

  // The same link followed again warns before a second hire is made.
  await page.goto(`${preview.url}#/candidates/${mariam.id}/journey/recruit/${presentation.id}`);
  await expect(page.getByTestId('hired-already')).toBeVisible();
});

test('an internship extended at its end is renewed once, from the day after, filled from the first', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const yusuf = await api<{ id: string }>('candidates.create', { firstName: 'Yusuf', lastName: 'Okafor', frenchLevel: 'A2', status: 'active', ...residentCard() });
  const start = addDays(today(), -120);
  const plannedEnd = lastDayOfMonths(start, 3);
  await api('placements.create', {
    candidateId: yusuf.id,
    kind: 'internship_apprenticeship',
    organisation: 'Atelier vélo solidaire',
    startDate: start,
    endDate: plannedEnd,
    tutor: 'Nina Rossi',
    stipendAmount: 450.5,
    stipendPayer: 'La ville',
  });

  await page.goto(`${preview.url}#/candidates/${yusuf.id}/journey`);
  await page.getByTestId('placement').getByRole('button', { name: 'Terminer' }).click();
  await page.getByRole('radio', { name: 'Prolongé' }).check();
  await page.getByRole('button', { name: 'Enregistrer la fin' }).click();
  await page.getByTestId('placement-next-step').getByRole('link', { name: 'Préparer le renouvellement' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Suite de la mise en situation' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Stage-apprentissage' })).toBeChecked();
  await expect(page.getByLabel("Entreprise d'accueil")).toHaveValue('Atelier vélo solidaire');
  const renewalStart = addDays(plannedEnd, 1);
  await expect(page.getByLabel('Date de début')).toHaveValue(shown(renewalStart));
  await expect(page.getByLabel('Date de fin prévue')).toHaveValue(shown(lastDayOfMonths(renewalStart, 3)));
  await expect(page.getByLabel('Renouvellement').locator('option:checked')).not.toHaveText('Non : premier stage');
  await expect(page.getByLabel('Montant mensuel')).toHaveValue('450,5');
  await page.getByRole('button', { name: 'Enregistrer la mise en situation' }).click();

  await expect(page.getByTestId('notice')).toHaveText('Mise en situation enregistrée');
  await expect(page.getByTestId('placement')).toHaveCount(2);
  const placements = await api<{ items: { id: string }[] }>('placements.list', { candidateId: yusuf.id });
  const renewals = await Promise.all(placements.items.map((item) => api<{ renewsId: string | null }>('placements.get', { id: item.id })));
  expect(renewals.filter((placement) => placement.renewsId !== null)).toHaveLength(1);
});
