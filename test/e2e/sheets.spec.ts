import { readFileSync } from 'node:fs';
import path from 'node:path';
import { previewApi } from './api';
import { expect, listAnswered, test } from './fixtures';
import { texts } from './screens';

/** What a French Excel saves as "CSV (séparateur : point-virgule)": Windows-1252, a title line, a TOTAL row. */
function frenchExcelCsv(): Buffer {
  const text = [
    'Suivi des personnes accompagnées 2026;;;;;',
    ';;;;;',
    'NOM;Prénom;Date de naissance;Portable;Niveau de français;Titre de séjour',
    'DUPRÉ;Hélène;12/03/1990;612345678;B1 (DELF);récépissé',
    'Ndiaye;Aïssatou;1/2/85;06 12 34 56 79;débutant;carte de résident',
    'Benali;Karim;31/02/1990;0700000001;A2;APS',
    'Lefèvre;Benoît;04/07/1979;0698765432;A2;',
    'TOTAL;4;;;;',
  ].join('\r\n');
  const windows1252: Record<string, number> = { é: 0xe9, É: 0xc9, è: 0xe8, ï: 0xef, î: 0xee, ç: 0xe7 };
  return Buffer.from([...text].map((char) => windows1252[char] ?? char.charCodeAt(0)));
}

test('a French Excel CSV is previewed with its accents, a bad row explained and a duplicate found, imported, then undone', async ({ page, preview }) => {
  test.slow(); // A backup is taken before the import (the first account's setup made the recovery key).
  const api = await previewApi(preview.url);
  await api('candidates.create', { firstName: 'Benoît', lastName: 'Lefèvre', birthDate: '1979-07-04', consentRecording: true });

  await page.goto(`${preview.url}#/candidates`);
  await page.getByRole('link', { name: 'Importer un tableur' }).click();
  await expect(page.getByRole('heading', { name: 'Importer des candidats depuis un tableur' })).toBeVisible();
  await page.getByLabel('Fichier tableur').setInputFiles({ name: 'suivi.csv', mimeType: 'text/csv', buffer: frenchExcelCsv() });

  // The encoding was assumed: the accented names show whether it was read right.
  const encoding = page.getByTestId('sheet-encoding');
  // The file is read on a new worker thread: its start is the slow part on a loaded machine.
  await expect(encoding).toContainText('Windows-1252', { timeout: 30_000 });
  await expect(page.getByTestId('sheet-sample-names')).toContainText('Hélène');
  await expect(page.getByTestId('sheet-sample-names')).toContainText('Aïssatou');

  // The header under the title was found and each column guessed.
  await expect(page.getByTestId('sheet-mapping')).toContainText('ligne 3');
  await expect(page.getByLabel('Titre de séjour')).toHaveValue('authorisationDocument');
  await expect(page.getByLabel('Portable')).toHaveValue('phone');
  await expect(page.getByTestId('sheet-documents')).toContainText('récépissé');

  const counts = page.getByTestId('sheet-counts');
  await expect(counts).toContainText('2 nouvelles fiches');
  await expect(counts).toContainText('1 doublon probable');
  await expect(counts).toContainText('1 ligne en erreur');
  await expect(counts).toContainText('Une ligne TOTAL mise de côté');
  const rows = page.getByTestId('sheet-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Hélène Dupré');
  await expect(rows.nth(2)).toContainText('Erreur');
  await expect(rows.nth(2)).toContainText('Date de naissance : Date illisible');
  await expect(rows.nth(3)).toContainText('Doublon ?');
  await expect(rows.nth(3)).toContainText('Lefèvre Benoît');

  // The rows left out go out with their reason, to fix in Excel.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger les lignes non importées' }).click();
  const leftOut = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(leftOut).toContain('Motif;NOM;Prénom');
  expect(leftOut).toContain('Benali;Karim');
  expect(leftOut).toContain('Lefèvre;Benoît');

  await page.getByRole('button', { name: 'Importer 2 fiches' }).click();
  const done = page.getByTestId('sheet-done');
  await expect(done).toContainText('2 fiches créées depuis suivi.csv.', { timeout: 20_000 });
  await expect(page.getByTestId('sheet-history-row')).toHaveCount(1);

  await done.getByRole('link', { name: 'Voir les candidats' }).click();
  await expect(page.getByTestId('candidate-row')).toHaveCount(3);
  await expect(page.getByTestId('candidate-row').filter({ hasText: 'Dupré' })).toContainText('Hélène');

  // The list goes out again as the search shows it.
  await page.getByLabel('Rechercher un candidat').fill('Dupré');
  await listAnswered(page);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await page.getByText('Exporter', { exact: true }).click();
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV (;)' }).click();
  const exported = await exporting;
  expect(exported.suggestedFilename()).toMatch(/^candidats-\d{4}-\d{2}-\d{2}\.csv$/);
  const exportedLines = readFileSync((await exported.path()) ?? '', 'utf8').trimEnd().split('\r\n');
  expect(exportedLines).toHaveLength(2);
  // No phone: the spreadsheet recorded no consent to be contacted, and a list out carries the
  // contact details only of who may be contacted (shared/candidates.ts: mayBeContacted).
  expect(exportedLines[1]).toMatch(/^Dupré;Hélène;12\/03\/1990;;;;B1;Nouveau;/);
  await page.getByLabel('Rechercher un candidat').fill('');

  await page.getByRole('link', { name: 'Importer un tableur' }).click();
  const history = page.getByTestId('sheet-history-row');
  await history.getByRole('button', { name: 'Annuler cet import' }).click();
  const confirmation = page.getByTestId('sheet-undo-confirm');
  await expect(confirmation).toContainText('Supprimer les 2 fiches qu’il a créées ?');
  await confirmation.getByRole('button', { name: 'Annuler l’import' }).click();
  await expect(page.getByTestId('notice')).toContainText('L’import a été annulé');
  await expect(history).toContainText('Annulé le');
  const after = await api<{ items: { lastName: string }[] }>('candidates.list', {});
  expect(after.items.map((candidate) => candidate.lastName)).toEqual(['Lefèvre']);
});

test('employers come in with their contact: a SIRET corrected in the preview, a known employer filled in rather than repeated', async ({ page, preview }) => {
  test.slow(); // A backup is taken before the import.
  const api = await previewApi(preview.url);
  await api('employers.create', { name: 'Hôtel Bellevue', commune: 'Lyon' });
  const csv = [
    'Raison sociale;SIRET;Ville;Adresse;Contact;Fonction;Tél contact',
    'Boulangerie Léa;732 829 320 00074;Bourg-en-Bresse;;Mme Dupré;Gérante;612345678',
    'Garage Noël;732 829 320 00075;Lyon;;;;',
    'Hôtel Bellevue;;Lyon;12 quai Perrache;;;',
  ].join('\r\n');

  await page.goto(`${preview.url}#/employers`);
  await page.getByTestId('sheet-import-link-employers').click();
  await expect(page.getByRole('heading', { name: 'Importer des employeurs depuis un tableur' })).toBeVisible();
  await page.getByLabel('Fichier tableur').setInputFiles({ name: 'employeurs.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await expect(page.getByLabel('Contact', { exact: true })).toHaveValue('contactName', { timeout: 30_000 });
  const rows = page.getByTestId('sheet-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Ce SIRET n'existe pas");

  // The SIRET is corrected where the error is, and read again by the server.
  await rows.nth(1).getByTestId('sheet-fix-input').fill('552 100 554 00021');
  await rows.nth(1).getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByTestId('sheet-counts')).toContainText('2 nouvelles fiches');

  // The known employer: merging shows what it fills and what it keeps.
  await rows.nth(2).getByLabel('Compléter la fiche existante').check();
  await expect(rows.nth(2).getByTestId('sheet-merge')).toContainText('Remplira Adresse : 12 quai Perrache');
  await page.getByRole('button', { name: 'Importer 3 lignes' }).click();
  const done = page.getByTestId('sheet-done');
  await expect(done).toContainText('2 fiches créées depuis employeurs.csv.', { timeout: 20_000 });
  await expect(done).toContainText('1 fiche existante complétée.');

  const { items } = await api<{ items: { id: string; name: string }[] }>('employers.list', { query: 'Léa' });
  const lea = await api<{ siret: string; contacts: { name: string; role: string; phone: string }[] }>('employers.get', { id: items[0]?.id });
  expect(lea.siret).toBe('73282932000074');
  expect(lea.contacts).toMatchObject([{ name: 'Mme Dupré', role: 'Gérante', phone: '+33612345678' }]);
});

for (const language of ['fr', 'it'] as const) {
  test(`merging a likely duplicate in ${language.toUpperCase()} shows the sector, occupation and phone it adds to the file, and the level it keeps, in words`, async ({ page, preview }) => {
    test.slow(); // The file is read on a worker thread.
    const text = texts(language);
    const api = await previewApi(preview.url);
    await api('sectors.create', { name: 'Apiculture' });
    await api('candidates.create', { firstName: 'Aminata', lastName: 'Diallo', birthDate: '1994-03-15', phone: '0611111111', frenchLevel: 'A2', consentRecording: true });
    const csv = ['Nom;Prénom;Date de naissance;Portable;Secteur;Métier;Niveau de français', "DIALLO;Aminata;15/03/1994;0622222222;Apiculture;Agent d'entretien;B1 (DELF)"].join('\r\n');

    await page.addInitScript((chosen) => localStorage.setItem('tremplin.language', chosen), language);
    await page.goto(`${preview.url}#/candidates`);
    await page.getByTestId('sheet-import-link').click();
    await page.getByLabel(text('sheets.ui.file')).setInputFiles({ name: 'suivi.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    const row = page.getByTestId('sheet-row').first();
    await row.getByLabel(text('sheets.ui.choices.merge')).check({ timeout: 30_000 });
    const merge = row.getByTestId('sheet-merge');
    const adds = (field: string, value: string) => text('sheets.ui.mergeAdds').replace('{{field}}', text(field)).replace('{{value}}', value);
    await expect(merge).toContainText(adds('sheets.ui.mergeLists.sectorIds', 'Apiculture'));
    await expect(merge).toContainText(adds('sheets.ui.mergeLists.occupations', "Agent d'entretien"));
    await expect(merge).toContainText(text('sheets.ui.mergeFills').replace('{{field}}', text('sheets.ui.columns.secondPhone')).replace('{{value}}', '06 22 22 22 22'));
    const keeps = text('sheets.ui.mergeKeeps').replace('{{field}}', text('sheets.ui.columns.frenchLevel'));
    await expect(merge).toContainText(keeps.replace('{{kept}}', text('common.values.frenchLevels.A2')).replace('{{value}}', text('common.values.frenchLevels.B1')));
    await expect(merge).toContainText(text('sheets.ui.mergeFills').replace('{{field}}', text('candidates.ui.fields.frenchLevelProof')).replace('{{value}}', text('candidates.values.proofs.delf')));
    if (process.env.TREMPLIN_LOOK) await row.screenshot({ path: path.join(process.env.TREMPLIN_LOOK, `sheet-merge-${language}.png`) });
  });
}
