import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { previewApi } from './api';
import { expect, test } from './fixtures';

/**
 * People's rights from the screens: a request recorded on a file and shown there and on the home
 * screen with its days left, answered by the copy of everything held (a PDF); a person erased from
 * their file by an administrator, the partners who received it listed before anything goes.
 */
test('an administrator records a request, answers it with the PDF copy, and erases a person whose file went to a partner', async ({ page, preview }) => {
  test.slow(); // A long flow (a request, its PDF answer, an erasure with its partner): three times the default time.
  const api = await previewApi(preview.url);
  const forum = await api<{ id: string }>('partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const zenobie = await api<{ id: string }>('candidates.create', {
    firstName: 'Zenobie',
    lastName: 'Krasnodebska',
    consentRecording: true,
    consentDate: '2026-01-10',
    sharingPartnerIds: [forum.id],
  });
  const aminata = await api<{ id: string }>('candidates.create', { firstName: 'Aminata', lastName: 'Diallo', frenchLevel: 'B1' });
  await api('exchange.saveProfile', { name: 'Tremplin Lyon' });
  await api('exchange.createKeys', {});
  await api('exchange.export', { scope: { kind: 'candidates', ids: [zenobie.id] }, to: { kind: 'passphrase', partnerId: forum.id } });

  // A request from the file, then on the home screen with the month the law gives.
  await page.goto(`${preview.url}#/candidates/${aminata.id}`);
  await page.getByRole('button', { name: 'Noter une demande' }).click();
  const requestDialog = page.getByTestId('rights-request-dialog');
  await requestDialog.getByLabel('Demande', { exact: true }).selectOption({ label: 'Accès (copie des données)' });
  await requestDialog.getByLabel('Comment').selectOption({ label: 'E-mail' });
  await requestDialog.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(requestDialog).toBeHidden();
  const onFile = page.getByTestId('file-rights-requests');
  await expect(onFile).toContainText(/Accès \(copie des données\).*encore (2[89]|3[01]) jours/);
  await page.goto(`${preview.url}#/home`);
  const card = page.getByTestId('rights-requests');
  await expect(card.getByRole('link', { name: /Aminata Diallo/ })).toContainText(/Accès \(copie des données\).*encore (2[89]|3[01]) jours/);

  // The copy of everything held answers it: a readable PDF, and the request leaves the home screen.
  await card.getByRole('link', { name: /Aminata Diallo/ }).click();
  await page.getByRole('button', { name: 'Télécharger tout ce que nous détenons' }).click();
  const accessDialog = page.getByTestId('access-dialog');
  await expect(accessDialog.getByRole('checkbox', { name: /Cette copie répond à la demande reçue le/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await accessDialog.getByRole('button', { name: 'Télécharger' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^tremplin-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfFile = path.join(preview.dataDir, 'copie.pdf');
  await pdf.saveAs(pdfFile);
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Tout ce que nous détenons sur vous', 'Aminata', 'Identité et coordonnées', 'Vos demandes sur vos données', 'Accès (copie des données)']) expect(text).toContain(expected);
  await expect(page.getByText('Copie téléchargée ; la demande est close.')).toBeVisible();
  await expect(onFile).toContainText(/Accès \(copie des données\).*répondue le/);
  await expect(onFile.getByRole('button', { name: /Répondue aujourd'hui/ })).toHaveCount(0);
  await page.goto(`${preview.url}#/home`);
  await expect(page.getByTestId('rights-requests').getByText('Un mois pour répondre (RGPD, art. 12).')).toBeVisible();

  // Erasure: the confirmation names the partner who received the file; then the person is gone.
  await page.goto(`${preview.url}#/candidates/${zenobie.id}`);
  await page.getByRole('button', { name: 'Effacer cette personne' }).click();
  const eraseDialog = page.getByRole('dialog', { name: 'Effacer Zenobie Krasnodebska définitivement' });
  await expect(eraseDialog.getByTestId('partners-to-tell')).toContainText('Forum Réfugiés');
  await eraseDialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  const tell = page.getByTestId('tell-partners');
  await expect(tell).toContainText('Forum Réfugiés : pas de carte de partenaire ici');
  await tell.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByText('La personne a été effacée.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher un candidat' }).fill('Krasnodebska');
  await expect(page.getByRole('heading', { name: /Aucun candidat ne correspond/ })).toBeVisible();
});
