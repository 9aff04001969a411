import type { Locator, Page } from '@playwright/test';
import { addDays, addMonths } from '../../shared/dates';
import { today } from '../../shared/validation';
import { previewApi } from './api';
import { expect, listAnswered, test } from './fixtures';

// Two tests make an Aminata Diallo, and the second counts the duplicates it finds: each test starts from an empty folder.
test.use({ freshHost: true });

/** Presses Tab until the element has the focus, as a keyboard user does; fails past `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement, undefined, { timeout: 10_000 })) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached in ${limit} Tabs: ${target}`);
}

test('a keyboard user skips to the content, creates a candidate, finds her, and the focus follows each action', async ({ page, preview }) => {
  test.slow(); // A long walk through a file, key by key.
  await page.goto(`${preview.url}#/candidates`);
  await expect(page.getByRole('heading', { name: 'Aucun candidat actif' })).toBeVisible();

  // From the top of the page, the skip link comes first and lands in the content, past the sidebar.
  await page.locator('body').evaluate((body) => {
    body.tabIndex = -1;
    body.focus();
    body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(await tabTo(page, page.getByRole('button', { name: 'Nouveau candidat' }))).toBeLessThan(5);
  await page.keyboard.press('Enter');

  await tabTo(page, page.getByLabel('Prénom', { exact: true }));
  await page.keyboard.type('Aminata');
  await tabTo(page, page.getByLabel('Nom', { exact: true }));
  await page.keyboard.type('Diallo');
  await tabTo(page, page.getByLabel('Date de naissance', { exact: true }));
  // Typed day first, as a French reader writes it.
  await page.keyboard.type('2/12/1990');
  await tabTo(page, page.getByRole('button', { name: 'Créer la fiche' }));
  await page.keyboard.press('Enter');

  const name = page.getByRole('heading', { level: 1, name: 'Aminata Diallo' });
  await expect(name).toBeFocused();
  await expect(page).toHaveTitle('Aminata Diallo – Candidats – Tremplin');
  await expect(page.getByLabel('Date de naissance', { exact: true })).toHaveValue('02/12/1990');

  // Save keeps the focus on Save.
  await tabTo(page, page.getByLabel('Commune', { exact: true }));
  await page.keyboard.type('Lyon');
  const save = page.getByRole('button', { name: 'Enregistrer', exact: true });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Enregistré');
  await expect(save).toBeFocused();

  // Archive hands the focus to Restore, and Restore back to Archive.
  await tabTo(page, page.getByRole('button', { name: 'Archiver' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Restaurer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Archiver' })).toBeFocused();

  // A search for duplicates that finds none: its answer takes the focus; closing it, the search button.
  const search = page.getByRole('button', { name: 'Rechercher les doublons' });
  await tabTo(page, search);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('no-duplicates')).toBeFocused();
  await tabTo(page, page.getByTestId('no-duplicates').getByRole('button', { name: 'Fermer' }));
  await page.keyboard.press('Enter');
  await expect(search).toBeFocused();

  // Find her again from the list.
  await tabTo(page, page.getByRole('link', { name: 'Liste des candidats' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Candidats – Tremplin');
  await tabTo(page, page.getByRole('searchbox', { name: 'Rechercher un candidat' }));
  // The search reads names, phones and e-mails (not the commune).
  await page.keyboard.type('amin dia');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(page.getByTestId('candidate-row')).toContainText('Diallo');
});

test('the merge dialog opens on Cancel, and Escape closes it back on the Merge button', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const kept = await api<{ id: string }>('candidates.create', { firstName: 'Aminata', lastName: 'Diallo', phone: '0612345678', consentRecording: true });
  const other = await api<{ id: string }>('candidates.create', { firstName: 'Aminata', lastName: 'Diallo', phone: '0612345678', consentRecording: true });
  await page.goto(`${preview.url}#/candidates/${kept.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Aminata Diallo' })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Rechercher les doublons' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ces fiches ressemblent à celle-ci' })).toBeFocused();
  const merge = page.locator(`#merge-${other.id}`);
  await tabTo(page, merge);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The irreversible button is never the one Enter presses first.
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(merge).toBeFocused();
  // Nothing was merged.
  await expect(page.getByTestId('duplicate')).toHaveCount(1);
});

test('Escape closes an inline form and gives the focus back to the button that opened it', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/sessions`);
  await page.getByRole('button', { name: 'Nouvelle permanence' }).click();
  await page.getByLabel('Lieu', { exact: true }).fill('Maison des associations');
  await page.getByRole('button', { name: 'Ouvrir la permanence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Permanence du/ })).toBeVisible();
  const edit = page.getByRole('button', { name: 'Modifier la date, le lieu et les bénévoles présents' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Lieu', { exact: true }));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Date, lieu et bénévoles présents' })).toHaveCount(0);
  await expect(edit).toBeFocused();
});

test('file fields speak the interface language, not the browser’s', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/exchange/import`);
  const field = page.getByLabel('Fichier reçu');
  await expect(field).toBeAttached();
  await expect(page.getByText('Choisir un fichier…')).toBeVisible();
  await expect(page.getByText('Aucun fichier choisi')).toBeVisible();
  await field.setInputFiles({ name: 'envoi.tremplin', mimeType: 'application/octet-stream', buffer: Buffer.from('not a real file') });
  await expect(page.getByText('envoi.tremplin', { exact: true })).toBeVisible();
});

test('a keyboard user finds a candidate in the list, proposes her for a need, takes it to the interview and records the hire', async ({ page, preview }) => {
  test.slow(); // A whole placement, key by key.
  const api = await previewApi(preview.url);
  const employer = await api<{ id: string }>('employers.create', { name: 'Logistique du Rhône', postalCode: '69007', commune: 'Lyon' });
  await api('jobNeeds.create', { employerId: employer.id, occupation: 'Préparateur de commandes', contractType: 'cdd', positions: 1, minFrenchLevel: 'A2' });
  await api('candidates.create', {
    firstName: 'Awa',
    lastName: 'Traoré',
    frenchLevel: 'B1',
    status: 'active',
    authorisationDocument: 'refugee_resident_card',
    authorisationExpiry: addMonths(today(), 60),
  });
  await api('candidates.create', { firstName: 'Karim', lastName: 'Benali' });

  // Found in the list, and opened from her row by the keyboard: the file takes the focus on her name.
  await page.goto(`${preview.url}#/candidates`);
  await tabTo(page, page.getByRole('searchbox', { name: 'Rechercher un candidat' }));
  await page.keyboard.type('awa');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await tabTo(page, page.getByTestId('candidate-row').getByRole('link', { name: 'Traoré Awa' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré' })).toBeFocused();

  // The journey tab, by the arrows of the tab list; its open needs offer "Présenter".
  await tabTo(page, page.getByRole('tab', { name: 'Identité et contact' }));
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('tab', { name: 'Parcours' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Parcours' })).toHaveAttribute('aria-selected', 'true');
  const needRow = page.getByTestId('candidate-need-matches').getByTestId('match-eligible').getByTestId('match-row');
  await tabTo(page, needRow.getByRole('button', { name: 'Présenter' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Candidat proposé pour ce besoin');
  // The button gives way to the presentation it made, which takes the focus.
  const proposed = needRow.getByRole('link', { name: 'Proposée' });
  await expect(proposed).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré — Préparateur de commandes' })).toBeVisible();

  // Each step: the first choice of the group with Space, saved with Enter; the focus then goes to what can happen next.
  const next = page.getByRole('heading', { level: 2, name: 'Et ensuite ?' });
  for (const step of ["Présentée à l'employeur", 'Entretien', 'Acceptée']) {
    await tabTo(page, page.getByRole('radio', { name: step }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: `Enregistrer : ${step}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('presentation-header').getByTestId('presentation-state')).toHaveText(step);
    await expect(next).toBeFocused();
  }

  // The hire, from the accepted presentation: its form opens on its title, and saving shows it in the journey.
  await tabTo(page, page.getByRole('link', { name: 'Enregistrer le recrutement' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Nouvelle embauche ou formation' })).toBeFocused();
  await tabTo(page, page.getByLabel('Date de début'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(addDays(today(), -3).split('-').reverse().join('/'));
  await tabTo(page, page.getByLabel('Date de fin', { exact: true }));
  await page.keyboard.type(addMonths(today(), 6).split('-').reverse().join('/'));
  await tabTo(page, page.getByRole('button', { name: "Enregistrer l'embauche" }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Embauche enregistrée, suivis créés');
  await expect(page.getByTestId('recruitment')).toContainText('CDD');
  await expect(page.getByTestId('recruitment')).toBeFocused();
});

test('the history form ties its error to the field it is about', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const awa = await api<{ id: string }>('candidates.create', { firstName: 'Awa', lastName: 'Traoré' });
  await page.goto(`${preview.url}#/candidates/${awa.id}/history`);
  const day = page.getByLabel('Date', { exact: true });
  await tabTo(page, day);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(addDays(today(), 5).split('-').reverse().join('/'));
  await tabTo(page, page.getByRole('button', { name: "Ajouter à l'historique" }));
  await page.keyboard.press('Enter');
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  const message = page.locator(`#${await day.getAttribute('aria-describedby')}`);
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(day).toHaveAccessibleDescription((await message.textContent()) ?? 'a message');
});
