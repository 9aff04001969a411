import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_ADMINISTRATOR as ADMIN, previewApi } from './api';
import { expect, spawnHost, stopHost, test } from './fixtures';

// Each test locks, signs in or out: the host's one session is its own.
test.use({ freshHost: true });

/** A host on an empty folder, with no account yet (the fixture's hosts are signed in before the page opens). */
async function firstStartHost() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tremplin-e2e-first-'));
  const { url, child } = await spawnHost(dataDir);
  return {
    url,
    async stop() {
      await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('the first start creates the administrator, shows the recovery sheet once, then opens the app', async ({ page }) => {
  const host = await firstStartHost();
  try {
    await page.goto(host.url);
    await expect(page).toHaveTitle('Tremplin');
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Tremplin' })).toBeVisible();
    // Nothing of the app behind the gate.
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);

    await page.getByLabel('Nom').fill(ADMIN.name);
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await expect(page.getByTestId('password-strength')).toHaveText('Trop court');
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await expect(page.getByText('Au moins 10 caractères : une phrase')).toBeVisible();

    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Le même mot de passe, à nouveau').fill(`${ADMIN.password}!`);
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await expect(page.getByText('Les deux mots de passe ne sont pas les mêmes.')).toBeVisible();
    await page.getByLabel('Le même mot de passe, à nouveau').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();

    const sheet = page.getByTestId('recovery-sheet');
    await expect(sheet).toBeVisible();
    await expect(page.getByTestId('recovery-key')).toHaveAttribute('data-key', /^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    await expect(sheet).toContainText('Si le mot de passe de l\'administrateur est oublié');
    await expect(page).toHaveTitle('Tremplin');
    await expect(page.getByRole('button', { name: 'Terminer' })).toBeDisabled();
    await page.getByLabel('J\'ai imprimé la fiche').check();
    await page.getByRole('button', { name: 'Terminer' }).click();

    await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.name);
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
    await expect(page).toHaveTitle('Accueil – Tremplin');
  } finally {
    await host.stop();
  }
});

test('Ctrl+Shift+L locks: nothing of the data stays on screen, the title is "Tremplin", and a sign-in opens it again', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  await api('candidates.create', { firstName: 'Hélène', lastName: 'Nakamura', consentRecording: true });

  await page.goto(`${preview.url}#/candidates`);
  await expect(page.getByRole('link', { name: /Nakamura/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+L');

  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { level: 1, name: 'Tremplin est verrouillé' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Nakamura');
  await expect(page.locator('body')).not.toContainText('Hélène');
  await expect(page).toHaveTitle('Tremplin');
  // The main process is locked too: the data is refused, not only hidden.
  await expect(api('candidates.list', {})).rejects.toThrow(/signed_out/);

  // The one who locked it comes back: their name is already chosen.
  await expect(page.getByText(ADMIN.name)).toBeVisible();
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Nakamura/ })).toBeVisible();
  await expect(page).toHaveTitle('Candidats – Tremplin');
});

test('a wrong password says so and opens nothing', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  await api('session.signOut', {});

  await page.goto(preview.url);
  await page.getByRole('button', { name: ADMIN.name }).click();
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nom ou mot de passe incorrect.');
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);

  // Another account, by its name.
  await page.getByRole('button', { name: 'Quelqu\'un d\'autre' }).click();
  await page.getByRole('button', { name: 'Un autre compte' }).click();
  await page.getByLabel('Nom').fill('Personne Inconnue');
  await page.getByLabel('Mot de passe').fill('un mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nom ou mot de passe incorrect.');
});

test('a volunteer sees neither the settings nor the exchange, and an address to them is refused', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const volunteer = await api<{ id: string }>('volunteers.create', { firstName: 'Samir', lastName: 'Haddad' });
  await api('accounts.create', { name: 'Samir Haddad', role: 'volunteer', password: 'mot de passe de Samir', volunteerId: volunteer.id });
  await api('session.signOut', {});

  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Un autre compte' }).click();
  await page.getByLabel('Nom').fill('Samir Haddad');
  await page.getByLabel('Mot de passe').fill('mot de passe de Samir');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page.getByTestId('signed-in-name')).toHaveText('Samir Haddad');
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(navigation.getByRole('link', { name: 'Candidats' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Réglages' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Échanges' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Bilans' })).toHaveCount(0);

  await page.goto(`${preview.url}#/settings/accounts`);
  await expect(page.getByRole('alert')).toHaveText('Votre rôle ne permet pas cette action : rien n\'a été modifié.');
  await expect(page.getByTestId('accounts-settings')).toHaveCount(0);
});

test('the administrator creates an account in Settings › Accounts, and the audit log shows it', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/settings/accounts`);
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const form = page.getByTestId('create-account');
  await form.getByLabel('Nom').fill('Karim Benali');
  await form.getByLabel('Rôle').selectOption('staff');
  await form.getByLabel('Mot de passe provisoire').fill('provisoire 2026');
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  const row = page.getByTestId('account-row').filter({ hasText: 'Karim Benali' });
  await expect(row).toContainText('Salarié');
  await expect(row).toContainText('Jamais');

  await page.getByRole('link', { name: 'Journal d\'accès' }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'accounts.create' })).toHaveCount(1);
  // Filtered by kind of record, the accounts' entries only (the sign-ins among them), each labelled so.
  await page.getByLabel('Type de fiche').selectOption({ label: 'Compte' });
  const rows = page.getByTestId('audit-row');
  await expect(rows.filter({ hasNotText: 'Compte' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'accounts.create' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'session.signIn' }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});
