import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { previewApi } from './api';
import { test as base, expect, startHost, stopHost } from './fixtures';

const SECTOR_LOGISTICS = '00000000-0000-7000-8000-000000000001';

/** The partner association: a second installation, with its own data folder and preview host. */
const test = base.extend<{ partner: { url: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function asks for from this pattern.
  partner: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tremplin-e2e-partner-'));
    const { url, child } = await startHost(dataDir);
    await use({ url });
    await stopHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test('the staffer sets up exchanges, sends a referral with a passphrase, and the partner imports it with the six words', async ({
  page,
  preview,
  partner,
}) => {
  // Two data folders, key derivation and age's scrypt (slow on purpose): about a minute on a quiet
  // machine. A step marked `crypto` runs at most two scrypt derivations (about a second each, quiet,
  // and memory-bound: a loaded 2-core machine has made one take over 15 s).
  test.setTimeout(5 * 60_000);
  const crypto = { timeout: 45_000 };
  const api = await previewApi(preview.url);
  const forum = await api<{ id: string }>('partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const amina = await api<{ id: string }>('candidates.create', {
    firstName: 'Amina',
    lastName: 'Diallo',
    consentRecording: true,
    consentDate: '2026-01-10',
    sharingPartnerIds: [forum.id],
    sectorIds: [SECTOR_LOGISTICS],
  });
  await api('timeline.add', { subjectType: 'candidate', subjectId: amina.id, kind: 'call', occurredAt: '2026-02-01', text: 'Premier appel' });
  await api('candidates.create', { firstName: 'Yusuf', lastName: 'Demir', consentRecording: true });

  // First use, one step at a time: who we are, the keys (sealed under the key of the database
  // encrypted at sign-in: no passphrase of their own), our card.
  await page.goto(`${preview.url}#/exchange`);
  await expect(page.getByRole('heading', { name: 'Mettre en place les échanges' })).toBeVisible();
  await expect(page.getByLabel("Nom de l'association")).toBeFocused();
  await page.getByLabel("Nom de l'association").fill('Tremplin Lyon');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Les clés seront scellées par la clé de la base de données chiffrée')).toBeVisible();
  await expect(page.getByLabel('Phrase de passe', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Créer les clés' }).click();
  await expect(page.getByRole('heading', { name: 'Notre carte' })).toBeVisible(crypto);
  await expect(page.getByTestId('fingerprint').getByRole('listitem')).toHaveCount(6);
  await page.getByRole('button', { name: 'Voir les cartes des partenaires' }).click();
  await expect(page.getByText("Aucune carte de partenaire pour l'instant.")).toBeVisible();
  // Open from the sign-in on: nothing to unlock, nothing to lock.
  await expect(page.getByText('Protégées par la clé de la base de données (ouvertes dès la connexion)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller les clés' })).toHaveCount(0);

  // Imports start with a backup: set up with the first account (its recovery sheet), so no reminder here.
  await expect(page.getByTestId('backups-reminder')).toHaveCount(0);

  // A referral: Amina's file, pre-selected; Yusuf never agreed to share with this partner.
  await page.goto(`${preview.url}#/exchange/export/${amina.id}`);
  await expect(page.getByTestId('chosen-candidates')).toContainText('Amina Diallo');
  await page.getByLabel('Ajouter un dossier').fill('demir');
  await page.getByRole('button', { name: 'Ajouter Yusuf Demir' }).click();
  await expect(page.getByLabel('Un partenaire sans carte, avec une phrase secrète')).toBeChecked();
  await page.getByLabel('Partenaire', { exact: true }).selectOption({ label: 'Forum Réfugiés' });
  await page.getByLabel('Les freins (dont la santé)').check();
  await expect(page.getByTestId('export-allowed')).toContainText('1 dossier partira');
  await expect(page.getByTestId('export-allowed')).toContainText('Amina Diallo');
  await expect(page.getByTestId('export-blocked')).toContainText("Yusuf Demir La personne n'a pas accepté le partage avec ce partenaire.");
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Créer le fichier (1 dossier)' }).click();
  const download = await downloading;
  await expect(page.getByTestId('export-done')).toBeVisible(crypto);
  const file = path.join(preview.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^tremplin-tremplin-lyon-\d{4}-\d{2}-\d{2}-1\.tremplin$/);

  // The six words, shown once, until the staffer says they noted them.
  const reveal = page.getByTestId('passphrase-reveal');
  await expect(reveal).toContainText('Dites ces six mots par téléphone à Forum Réfugiés.');
  const words = await reveal.getByRole('listitem').allTextContents();
  expect(words).toHaveLength(6);
  // As the age tool needs them: joined by hyphens.
  await expect(reveal.getByTestId('passphrase-typed')).toHaveText(words.join('-'));
  const hide = page.getByRole('button', { name: "C'est fait, masquer les mots" });
  await expect(hide).toBeDisabled();
  await page.getByText("J'ai noté les mots pour les dire au partenaire").click();
  await hide.click();
  await expect(reveal).toHaveCount(0);
  await page.getByRole('link', { name: 'Journal' }).click();
  await expect(page.getByTestId('exchange-log-row')).toHaveCount(1);
  await expect(page.getByTestId('exchange-log-row')).toContainText(/Envoi\s*Forum Réfugiés.*1\s*Phrase secrète/);

  // The partner's installation, set up through its API; its staffer imports the file.
  const partnerApi = await previewApi(partner.url);
  await partnerApi('exchange.saveProfile', { name: 'Forum Réfugiés' });
  // Its first account's setup made its backups' recovery key: the import's backup needs nothing more.
  await partnerApi('exchange.createKeys', {});
  await page.goto(`${partner.url}#/exchange/import`);
  await page.getByLabel('Fichier reçu').setInputFiles(file);
  const passphrase = page.getByLabel('Phrase secrète', { exact: true });
  await expect(passphrase).toBeFocused();
  await passphrase.fill('abeille abeille abeille abeille abeille abeille');
  await page.getByRole('button', { name: 'Ouvrir le fichier' }).click();
  await expect(page.getByText("Cette phrase secrète n'ouvre pas le fichier.")).toBeVisible(crypto);
  // As said by phone: spaces, capitals.
  await passphrase.fill(words.join(' ').toUpperCase());
  await page.getByRole('button', { name: 'Ouvrir le fichier' }).click();

  const shown = page.getByTestId('import-preview');
  // Signed by a card not verified here: the name is only what the file claims.
  await expect(shown).toContainText('Expéditeur inconnu ; le fichier se dit envoyé par Tremplin Lyon', crypto);
  await expect(shown).toContainText('Signature non vérifiée');
  await expect(shown).toContainText("Ce fichier est signé par une association dont vous n'avez pas de carte vérifiée");
  await expect(page.getByTestId('count-new')).toContainText('3Nouveaux');
  await expect(page.getByTestId('count-conflict')).toContainText('0Conflit');
  await page.getByTestId('group-new').getByText('Nouveaux', { exact: true }).click();
  // A timeline entry by its kind and date, in the staffer's language.
  await expect(page.getByTestId('group-new').getByTestId('import-item')).toHaveText(['PartenaireForum Réfugiés', 'DossierAmina Diallo', 'SuiviAppel · 1 févr. 2026']);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('3 éléments enregistrés.', crypto);
  await expect(page.getByTestId('import-done')).toContainText(/Une sauvegarde a été faite juste avant : tremplin-.*-before-import\.sqlite\.age\./);
  const received = await partnerApi<{ items: { id: string; firstName: string }[] }>('candidates.list', { query: 'amina' });
  expect(received.items.map((candidate) => candidate.id)).toEqual([amina.id]);
  const kept = await partnerApi<{ barriers: unknown[] }>('candidates.get', { id: amina.id });
  expect(kept.barriers).toEqual([]);
  await page.getByRole('link', { name: 'Voir le journal' }).click();
  await expect(page.getByTestId('exchange-log-row')).toContainText(/Réception\s*Tremplin Lyon.*1\s*Phrase secrète/);
});
