import type { Page } from '@playwright/test';
import { addDays } from '../../shared/dates';
import { previewApi } from './api';
import { clickForNotice, expect, test } from './fixtures';

/** The preview's clock is the real one, in UTC like the API's. */
const today = new Date().toISOString().slice(0, 10);

async function saveConsent(page: Page) {
  await clickForNotice(page, page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }), 'Enregistré');
}

test('each consent taken back has its visible effect, and a frozen file stays shown but untouchable until lifted', async ({ page, preview }) => {
  test.slow(); // Four withdrawals and a restriction, each looked at where it shows: three times the default time.
  const api = await previewApi(preview.url);
  const partner = await api<{ id: string }>('partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const given = { consentRecording: true, consentContact: true, consentDate: '2026-01-05' };
  const awa = await api<{ id: string }>('candidates.create', { firstName: 'Awa', lastName: 'Traoré', status: 'active', sharingPartnerIds: [partner.id], ...given });
  // Last heard of 100 days ago: on the home screen's card of people to call.
  await api('timeline.add', { subjectType: 'candidate', subjectId: awa.id, kind: 'call', occurredAt: addDays(today, -100), text: 'Appel' });
  const employer = await api<{ id: string }>('employers.create', { name: 'Logistique du Rhône' });
  const need = await api<{ id: string }>('jobNeeds.create', { employerId: employer.id, occupation: 'Cariste', contractType: 'cdd' });

  // Sharing taken back: the file reads "not shareable".
  await page.goto(`${preview.url}#/candidates/${awa.id}/consent`);
  await expect(page.getByTestId('fact-not-shareable')).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer Forum Réfugiés' }).click();
  await saveConsent(page);
  await expect(page.getByTestId('fact-not-shareable')).toHaveText('Non partageable');

  // Contact taken back: gone from the card of people to call.
  await page.goto(preview.url);
  await expect(page.getByTestId('due-quietCandidates').getByRole('link', { name: /Awa Traoré/ })).toBeVisible();
  await page.goto(`${preview.url}#/candidates/${awa.id}/consent`);
  await page.getByLabel("Accepte d'être contacté(e) par l'association").uncheck();
  await saveConsent(page);
  await page.goto(preview.url);
  await expect(page.getByTestId('due-quietCandidates')).toContainText('Rien à signaler.');

  // Being presented taken back: apart in the matching, with that reason.
  await page.goto(`${preview.url}#/candidates/${awa.id}/consent`);
  await page.getByLabel("Accepte d'être présenté(e) à des employeurs").uncheck();
  await saveConsent(page);
  await expect(page.getByTestId('fact-not-presentable')).toBeVisible();
  await page.goto(`${preview.url}#/matching/needs/${need.id}`);
  const awaRow = page.getByTestId('match-excluded').getByTestId('match-row').filter({ hasText: 'Awa Traoré' });
  await expect(awaRow.getByTestId('match-reason').filter({ hasText: 'Ne souhaite pas être présenté(e) à des employeurs' })).toHaveAttribute('data-verdict', 'fail');

  // Being recorded taken back: erasure proposed on the file and on the home screen.
  await page.goto(`${preview.url}#/candidates/${awa.id}/consent`);
  await page.getByLabel('Accepte que ses informations soient enregistrées dans Tremplin').uncheck();
  await saveConsent(page);
  const banner = page.getByTestId('erasure-banner');
  await expect(banner).toContainText('Effacement proposé');
  await expect(banner.getByRole('button', { name: 'Effacer cette personne' })).toBeVisible();
  await page.goto(preview.url);
  await page.getByTestId('due-erasureProposed').getByRole('link', { name: /Awa Traoré/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré' })).toBeVisible();

  // Restriction: frozen with its reason, nothing editable, until lifted.
  await page.getByRole('button', { name: 'Geler la fiche' }).click();
  await page.getByLabel('Motif').selectOption({ label: "La personne conteste l'exactitude de ses données" });
  await page.getByRole('dialog').getByRole('button', { name: 'Geler la fiche' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Fiche gelée');
  await expect(page.getByTestId('restricted-banner')).toContainText("par Claire Martin : La personne conteste l'exactitude de ses données.");
  await expect(page.getByTestId('erasure-banner')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Consentement' }).click();
  await expect(page.getByLabel("Accepte d'être présenté(e) à des employeurs")).toBeDisabled();
  await page.getByRole('button', { name: 'Lever le gel' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Gel levé : la fiche est de nouveau modifiable');
  await expect(page.getByTestId('restricted-banner')).toHaveCount(0);
  await expect(page.getByLabel("Accepte d'être présenté(e) à des employeurs")).toBeEnabled();
});
