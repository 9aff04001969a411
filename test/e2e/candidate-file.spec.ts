import type { Page } from '@playwright/test';
import { previewApi } from './api';
import { clickForNotice, expect, listAnswered, test } from './fixtures';

// Two tests make an Awa Traoré through the form, and the second would be warned of the first as a duplicate: each test starts from an empty folder.
test.use({ freshHost: true });

/** Saves the section on screen and waits for the confirmation. */
async function save(page: Page) {
  await clickForNotice(page, page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }), 'Enregistré');
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

test('a volunteer opens a file in a minute, then the staffer completes every section, and it is all there after a reload', async ({ page, preview }) => {
  test.slow(); // A long flow (every section of a file, a reload and a check of each): three times the default time.
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();

  // The short form: what a drop-in session gives.
  await page.getByLabel('Prénom', { exact: true }).fill('Awa');
  await page.getByLabel('Nom', { exact: true }).fill('Traoré');
  await page.getByLabel('Date de naissance').fill('1990-04-12');
  await page.getByLabel('Téléphone', { exact: true }).fill('07 12 34 56 78');
  await page.getByLabel('Niveau de français').selectOption('A2');
  await page.getByLabel('Commune', { exact: true }).fill('Lyon');
  await page.getByLabel('Titre ou document').selectOption({ label: "Attestation de demande d'asile" });
  await page.getByLabel("Date d'expiration").fill('2027-06-30');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré' })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Fiche créée');

  // Identity and contact.
  await expect(page.getByRole('tab', { name: 'Identité et contact' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Ajouter une forme du nom' }).click();
  await page.getByRole('textbox', { name: 'Autre forme du nom 1' }).fill('Traore Awa');
  await page.getByLabel('Genre').selectOption({ label: 'Femme' });
  await page.getByLabel('Nationalité').selectOption({ label: 'Mali' });
  await page.getByLabel('Langues parlées', { exact: true }).fill('Bambara');
  await expect(page.getByRole('list', { name: 'Langues parlées : choix actuels' }).getByText('Bambara')).toBeVisible();
  await page.getByLabel('Joignable sur WhatsApp à ce numéro').check();
  await page.getByLabel('Code postal').fill('69003');
  await save(page);

  // French and work authorisation: the asylum seeker's 6 months, in plain words.
  await openTab(page, 'Français et autorisation de travail');
  await page.getByLabel('Justificatif du niveau').selectOption({ label: "Estimation d'un bénévole" });
  await page.getByLabel("Demande d'asile enregistrée le").fill('2026-03-10');
  await expect(page.getByTestId('asylum-hint')).toContainText("L'attestation de demande d'asile seule ne permet pas de travailler");
  await expect(page.getByTestId('asylum-six-months')).toContainText('10 septembre 2026');
  await page.getByLabel("L'employeur doit demander une autorisation de travail").check();
  await save(page);

  await openTab(page, 'Mobilité');
  await page.getByRole('radio', { name: 'Transports en commun' }).check();
  await page.getByLabel('Distance maximale (km)').fill('25');
  await save(page);

  await openTab(page, 'Projet professionnel');
  await page.getByRole('checkbox', { name: 'Logistique' }).check();
  await page.getByRole('button', { name: 'Ajouter un métier' }).click();
  await page.getByRole('textbox', { name: 'Métier 1', exact: true }).fill('Préparatrice de commandes');
  await page.getByRole('textbox', { name: 'Code ROME du métier 1' }).fill('n1103');
  await page.getByRole('button', { name: 'Ajouter un diplôme' }).click();
  await page.getByRole('textbox', { name: 'Diplôme 1' }).fill('CAP cuisine');
  await page.getByRole('checkbox', { name: 'Reconnu en France' }).check();
  await save(page);

  await openTab(page, 'Consentement');
  await expect(page.getByTestId('consent-state')).toContainText('Aucun accord');
  await page.getByLabel('Accepte que ses informations soient enregistrées dans Tremplin').check();
  await page.getByLabel("Accepte d'être contacté(e) par l'association").check();
  await page.getByLabel('Date du consentement').fill('2026-10-05');
  await page.getByLabel("Forme de l'accord").selectOption({ label: 'Par écrit' });
  await save(page);
  await expect(page.getByTestId('consent-state')).toHaveText("Accord pour l'enregistrement recueilli le 5 octobre 2026, par écrit");

  await openTab(page, 'Freins');
  await expect(page.getByRole('tabpanel')).toContainText('Jamais de diagnostic');
  await page.getByRole('group', { name: 'Situation : Logement' }).getByRole('radio', { name: 'En cours' }).check();
  await page.getByRole('textbox', { name: 'Action menée : Logement' }).fill('Orientée vers le 115');
  await save(page);

  await openTab(page, 'Historique');
  await page.getByLabel('Détails').fill('Premier entretien à la permanence');
  await page.getByRole('button', { name: "Ajouter à l'historique" }).click();
  await expect(page.getByTestId('timeline')).toContainText('Premier entretien à la permanence');

  // Everything was saved: read it back from the database.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Historique' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline')).toContainText('Premier entretien à la permanence');

  await openTab(page, 'Identité et contact');
  await expect(page.getByRole('textbox', { name: 'Autre forme du nom 1' })).toHaveValue('Traore Awa');
  await expect(page.getByLabel('Nationalité')).toHaveValue('ML');
  await expect(page.getByRole('list', { name: 'Langues parlées : choix actuels' })).toContainText('Bambara');
  await expect(page.getByLabel('Joignable sur WhatsApp à ce numéro')).toBeChecked();
  await expect(page.getByLabel('Téléphone', { exact: true })).toHaveValue('07 12 34 56 78');
  await expect(page.getByLabel('Code postal')).toHaveValue('69003');

  await openTab(page, 'Français et autorisation de travail');
  await expect(page.getByLabel('Niveau de français')).toHaveValue('A2');
  await expect(page.getByLabel('Titre ou document')).toHaveValue('asylum_certificate');
  await expect(page.getByLabel("Date d'expiration")).toHaveValue('30/06/2027');
  await expect(page.getByLabel("Demande d'asile enregistrée le")).toHaveValue('10/03/2026');
  await expect(page.getByLabel("L'employeur doit demander une autorisation de travail")).toBeChecked();

  await openTab(page, 'Mobilité');
  await expect(page.getByRole('radio', { name: 'Transports en commun' })).toBeChecked();
  await expect(page.getByLabel('Distance maximale (km)')).toHaveValue('25');

  await openTab(page, 'Projet professionnel');
  await expect(page.getByRole('checkbox', { name: 'Logistique' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Métier 1', exact: true })).toHaveValue('Préparatrice de commandes');
  await expect(page.getByRole('textbox', { name: 'Code ROME du métier 1' })).toHaveValue('N1103');
  await expect(page.getByRole('textbox', { name: 'Diplôme 1' })).toHaveValue('CAP cuisine');
  await expect(page.getByRole('checkbox', { name: 'Reconnu en France' })).toBeChecked();

  await openTab(page, 'Consentement');
  await expect(page.getByLabel('Accepte que ses informations soient enregistrées dans Tremplin')).toBeChecked();
  await expect(page.getByLabel("Forme de l'accord")).toHaveValue('written');

  await openTab(page, 'Freins');
  await expect(page.getByRole('group', { name: 'Situation : Logement' }).getByRole('radio', { name: 'En cours' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Action menée : Logement' })).toHaveValue('Orientée vers le 115');
  await expect(page.getByRole('group', { name: 'Situation : Santé' }).getByRole('radio', { name: 'Non concerné' })).toBeChecked();

  // The list shows the file with its authorisation and finds it by its sector.
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await page.getByLabel('Secteurs recherchés').selectOption({ label: 'Logistique' });
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(page.getByTestId('candidate-count')).toHaveText('1 candidat');
});

test('a section shows the server refusal under its field and keeps what was typed in another section', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Oumar');
  await page.getByLabel('Nom', { exact: true }).fill('Sow');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oumar Sow' })).toBeVisible();

  await page.getByLabel('Commune', { exact: true }).fill('Bron');
  await openTab(page, 'Français et autorisation de travail');
  // Checked only against the whole file, by the server: the expiry must follow the start.
  await page.getByLabel('Valable à partir du').fill('2026-05-01');
  await page.getByLabel("Date d'expiration").fill('2026-04-01');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#candidate-authorisationExpiry-error')).toHaveText("La date d'expiration doit suivre la date de début.");
  // The identity section still holds its unsaved commune, and says so.
  await expect(page.getByRole('tab', { name: /Identité et contact/ })).toContainText('Modifications non enregistrées');
  await openTab(page, 'Identité et contact');
  await expect(page.getByLabel('Commune', { exact: true })).toHaveValue('Bron');
});

test('creating a person already on file warns first; the second file is then merged into the first one', async ({ page, preview }) => {
  test.slow(); // A long flow (two files, the duplicate warning, the merge dialog, undo and a second merge): three times the default time.
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Hélène');
  await page.getByLabel('Nom', { exact: true }).fill('Dupont');
  await page.getByLabel('Date de naissance').fill('1985-02-03');
  await page.getByLabel('Niveau de français').selectOption('A2');
  await page.getByLabel('Téléphone', { exact: true }).fill('06 11 22 33 44');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hélène Dupont' })).toBeVisible();
  await openTab(page, 'Historique');
  await page.getByLabel('Détails').fill('Appel de Hélène : cherche un poste en logistique');
  await page.getByRole('button', { name: "Ajouter à l'historique" }).click();
  await expect(page.getByTestId('timeline')).toContainText('cherche un poste en logistique');

  // The same person comes back to a drop-in session; names typed another way.
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Helene');
  await page.getByLabel('Nom', { exact: true }).fill('DUPONT');
  // Both names are enough to warn, as in the drop-in room.
  await page.getByLabel('Date de naissance').click();
  const panel = page.getByTestId('duplicates-panel');
  await expect(panel).toContainText('mêmes nom et prénom');
  await page.getByLabel('Date de naissance').fill('1985-02-03');
  await page.getByLabel('Niveau de français').selectOption('B1');
  await page.getByLabel('Commune', { exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Cette personne a peut-être déjà une fiche' })).toBeVisible();
  await expect(panel.getByTestId('duplicate')).toHaveCount(1);
  await expect(panel).toContainText('Dupont Hélène');
  await expect(panel).toContainText('né(e) le 3 févr. 1985');
  await expect(panel).toContainText('06 11 22 33 44');
  await expect(panel).toContainText('même date de naissance et nom proche');
  await expect(panel.getByRole('link', { name: 'Ouvrir cette fiche' })).toBeVisible();

  // The phone confirms it, but the staffer creates the file anyway (to show the merge).
  await page.getByLabel('Téléphone', { exact: true }).fill('+33 6 11 22 33 44');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(panel).toContainText('même téléphone');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau candidat');
  await panel.getByRole('button', { name: 'Créer quand même' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helene DUPONT' })).toBeVisible();

  // On the new file, look for duplicates and merge the first file into this one.
  await page.getByRole('button', { name: 'Rechercher les doublons' }).click();
  await expect(page.getByTestId('duplicate')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fusionner dans cette fiche' }).click();
  const dialog = page.getByRole('dialog', { name: "Fusionner la fiche d'Hélène Dupont dans celle-ci ?" });
  await expect(dialog).toContainText('Cette fiche, celle que vous regardez, est conservée.');
  // It opens on the safe way out, and Escape closes it without merging.
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Fusionner dans cette fiche' }).click();

  // Where the files differ, the most recent value is ticked; the staffer keeps the older level here.
  const french = dialog.getByRole('row', { name: /Niveau de français/ });
  await expect(french.getByRole('radio', { name: /B1/ })).toBeChecked();
  await french.getByRole('radio', { name: /A2/ }).check();
  await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toHaveText('Fiches fusionnées');
  await expect(page.getByTestId('no-duplicates')).toBeVisible();
  await expect(page.getByText('Français : A2')).toBeVisible();

  // The merge is undone: the other file is back, then merged again.
  await page.getByTestId('just-merged').getByRole('button', { name: 'Annuler la fusion' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Fusion annulée : les deux fiches sont comme avant');
  await expect(page.getByText('Français : B1')).toBeVisible();
  await expect(page.getByTestId('duplicate')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fusionner dans cette fiche' }).click();
  await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(page.getByTestId('notice')).toHaveText('Fiches fusionnées');

  // The kept file holds the other's history.
  await openTab(page, 'Historique');
  await expect(page.getByTestId('timeline')).toContainText('cherche un poste en logistique');

  // The merged file is gone from the active list, archived, and points to the kept one.
  await page.getByRole('link', { name: 'Liste des candidats' }).click();
  await page.getByRole('searchbox', { name: 'Rechercher un candidat' }).fill('dupont');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'DUPONT Helene' })).toBeVisible();
  await page.getByRole('radio', { name: 'Archivés' }).check();
  await page.getByRole('link', { name: 'Dupont Hélène' }).click();
  await expect(page.getByTestId('merged-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await page.getByRole('link', { name: "Ouvrir la fiche d'Helene DUPONT" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helene DUPONT' })).toBeVisible();
});

test('an entry of the history is corrected, then deleted after a confirmation; a lifted barrier keeps its history', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('button', { name: 'Nouveau candidat' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Awa');
  await page.getByLabel('Nom', { exact: true }).fill('Traoré');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Traoré' })).toBeVisible();

  await openTab(page, 'Freins');
  const housing = page.getByRole('group', { name: 'Situation : Logement' });
  await housing.getByRole('radio', { name: 'En cours' }).check();
  await page.getByRole('textbox', { name: 'Action menée : Logement' }).fill('Orientée vers le 115');
  await save(page);
  await housing.getByRole('radio', { name: 'Levé' }).check();
  await page.getByRole('textbox', { name: 'Action menée : Logement' }).fill('Logée en résidence sociale');
  await save(page);
  await page.getByText('Historique des freins (2 changements)').click();
  const barrierEvents = page.getByTestId('barrier-event');
  await expect(barrierEvents).toHaveCount(2);
  await expect(barrierEvents.nth(0)).toContainText('levé');
  await expect(barrierEvents.nth(0)).toContainText('Logée en résidence sociale');
  await expect(barrierEvents.nth(1)).toContainText('Orientée vers le 115');

  await openTab(page, 'Historique');
  await page.getByLabel('Détails').fill('Appel sur son CV');
  await page.getByRole('button', { name: "Ajouter à l'historique" }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Appel sur son CV');
  await timeline.getByRole('button', { name: /^Corriger : Appel/ }).click();
  await timeline.getByLabel('Type').selectOption({ label: 'Rendez-vous' });
  await timeline.getByLabel('Détails').fill('Rendez-vous sur son CV');
  await timeline.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(timeline).toContainText('Rendez-vous sur son CV');
  await expect(timeline).not.toContainText('Appel sur son CV');

  await timeline.getByRole('button', { name: /^Supprimer : Rendez-vous/ }).click();
  await timeline.getByRole('button', { name: 'Garder' }).click();
  await expect(timeline).toContainText('Rendez-vous sur son CV');
  await timeline.getByRole('button', { name: /^Supprimer : Rendez-vous/ }).click();
  await timeline.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByText('Rien pour l\'instant')).toBeVisible();
});

test('withdrawing consent takes back the contact tick and the sharing, and the history says so', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const amina = await api<{ id: string }>('candidates.create', {
    firstName: 'Amina',
    lastName: 'Diallo',
    consentRecording: true,
    consentContact: true,
    consentDate: '2026-01-05',
  });
  await page.goto(`${preview.url}#/candidates/${amina.id}/consent`);
  const contact = page.getByLabel("Accepte d'être contacté(e) par l'association");
  await expect(contact).toBeChecked();
  await page.getByLabel('Consentement retiré le').fill('2026-02-10');
  await expect(contact).toBeDisabled();
  await expect(page.getByRole('tabpanel')).toContainText("À l'enregistrement, l'accord pour être contacté(e) et les partages avec des partenaires sont retirés");
  await save(page);
  await expect(page.getByTestId('consent-state')).toHaveText('Consentement retiré le 10 février 2026');
  await expect(contact).not.toBeChecked();
  await expect(contact).toBeDisabled();

  await openTab(page, 'Historique');
  await expect(page.getByRole('tabpanel')).toContainText('Consentement retiré. Retiré de la fiche : accord pour être contacté(e).');

  // A person who agreed to be recorded but not contacted: the file says so at the top.
  const yusuf = await api<{ id: string }>('candidates.create', { firstName: 'Yusuf', lastName: 'Karimi', consentRecording: true });
  await page.goto(`${preview.url}#/candidates/${yusuf.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Yusuf Karimi' })).toBeVisible();
  await expect(page.locator('.fact-warning')).toHaveText(['Ne pas contacter']);
});
