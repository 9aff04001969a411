import { previewApi } from './api';
import { expect, test } from './fixtures';

// A restore puts back the whole folder, and the list of backups is the folder's.
test.use({ freshHost: true });

const SECTOR_LOGISTICS = '00000000-0000-7000-8000-000000000001';

test('the recovery sheet is shown once, and a backup is restored after seeing what it holds', async ({ page, preview }) => {
  test.slow(); // A long flow (backups are encrypted, listed and restored): three times the default time.
  const api = await previewApi(preview.url);
  // Files that point to a sector and a partner: a restore must put back parents and children alike.
  const partner = await api<{ id: string }>('partners.create', { name: 'CADA Les Tilleuls', kind: 'reception_centre' });
  await api('candidates.create', { firstName: 'Amina', lastName: 'Diallo', consentRecording: true, sectorIds: [SECTOR_LOGISTICS], referralPartnerId: partner.id });

  await page.goto(`${preview.url}#/settings`);
  const backups = page.getByTestId('backups-settings');
  // The first account's setup made the association's recovery key (its sheet shown then): a new one is made here.
  await backups.getByRole('button', { name: 'Créer une nouvelle clé de secours…' }).click();
  await backups.getByRole('button', { name: 'Créer une nouvelle clé', exact: true }).click();
  const sheet = page.getByTestId('recovery-sheet');
  await expect(sheet).toContainText('Fiche de secours Tremplin', { timeout: 15_000 });
  await expect(sheet).toContainText('Sans elle, les sauvegardes ne peuvent pas être ouvertes.');
  const recoveryKey = (await page.getByTestId('recovery-key').getAttribute('data-key')) ?? '';
  expect(recoveryKey).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);

  // Leaving before saying the sheet is kept asks first; "no" stays on it.
  await page.getByRole('link', { name: 'Candidats' }).click();
  const question = page.getByRole('dialog', { name: 'Quitter cette page ?' });
  await expect(question).toContainText("La clé de secours ne s'affichera plus. L'avez-vous imprimée ?");
  await question.getByRole('button', { name: 'Rester sur la page' }).click();
  await expect(sheet).toBeVisible();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('button', { name: 'Terminer' })).toBeDisabled();
  await page.getByText("J'ai imprimé la fiche et je la range en lieu sûr").click();
  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(sheet).toHaveCount(0);
  // The day's backup, taken when the signed-in folder opened with its recovery key, and the new key's first one.
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').nth(1)).toContainText('Quotidienne');
  const onDemand = page.getByTestId('backup-row').filter({ hasText: 'À la demande' });
  await expect(onDemand).toHaveCount(1);

  // A file recorded after the backup: the restore takes the data back to before it.
  await api('candidates.create', { firstName: 'Yusuf', lastName: 'Demir', consentRecording: true, sectorIds: [SECTOR_LOGISTICS] });
  await onDemand.getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
  const keyField = page.getByLabel('Clé de secours');
  await keyField.fill('AGE-SECRET-KEY-1 pas la bonne');
  await page.getByRole('button', { name: "Voir ce qu'elle contient" }).click();
  await expect(page.getByText('Une clé de secours commence par AGE-SECRET-KEY-1 et compte 74 caractères')).toBeVisible();
  // Typed from the paper: lower case, in groups.
  await keyField.fill(recoveryKey.toLowerCase().replace(/(.{8})/g, '$1 '));
  await page.getByRole('button', { name: "Voir ce qu'elle contient" }).click();
  const contents = page.getByTestId('restore-contents');
  await expect(contents).toContainText('1 dossier', { timeout: 15_000 });
  await expect(contents).toContainText('1 partenaire');
  await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Sauvegarde restaurée', { timeout: 15_000 });
  const after = await api<{ items: { firstName: string }[] }>('candidates.list', {});
  expect(after.items.map((candidate) => candidate.firstName)).toEqual(['Amina']);
  // The data replaced was kept aside first.
  await expect(page.getByTestId('backup-row').first()).toContainText('Avant une restauration');
});

test('a backup taken on demand stays when another is taken, until it is deleted after a confirmation', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  await api('backups.setupRecovery', { replace: true });
  await page.goto(`${preview.url}#/settings`);
  const backups = page.getByTestId('backups-settings');
  await expect(backups).toContainText('Les sauvegardes faites à la demande restent jusqu\'à ce que vous les supprimiez.');
  await backups.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Sauvegarde faite', { timeout: 15_000 });
  const rows = page.getByTestId('backup-row');
  // Both on demand, and the day's backup taken when the signed-in folder opened with its recovery key.
  await expect(rows).toHaveCount(3);

  const older = rows.nth(1);
  await older.getByRole('button', { name: /^Supprimer la sauvegarde du / }).click();
  await expect(page.getByTestId('delete-panel')).toContainText('Supprimer définitivement la sauvegarde du');
  await page.getByTestId('delete-panel').getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByTestId('delete-panel')).toHaveCount(0);
  await expect(rows).toHaveCount(3);

  const [, kept] = (await api<{ backups: { name: string }[] }>('backups.status', {})).backups;
  await older.getByRole('button', { name: /^Supprimer la sauvegarde du / }).click();
  await page.getByRole('button', { name: 'Supprimer la sauvegarde', exact: true }).click();
  await expect(page.getByTestId('notice')).toHaveText('Sauvegarde supprimée');
  await expect(rows).toHaveCount(2);
  const left = (await api<{ backups: { name: string }[] }>('backups.status', {})).backups.map((backup) => backup.name);
  expect(left).toHaveLength(2);
  expect(left).not.toContain(kept?.name);
});
