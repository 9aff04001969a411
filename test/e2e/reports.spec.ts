import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { previewApi } from './api';
import { expect, test } from './fixtures';

const year = new Date().getUTCFullYear();

test('a staffer picks a preset, sees its charts, and downloads it as PDF and XLSX', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  for (const [firstName, publicCategory] of [
    ['Awa', 'refugee'],
    ['Karim', 'asylum_seeker'],
    ['Sara', 'refugee'],
    ['Yonas', 'rsa'],
    ['Lina', 'refugee'],
    ['Omar', 'refugee'],
  ] as const)
    await api('candidates.create', { firstName, lastName: 'Test', publicCategory, gender: 'female', birthDate: '1990-05-01' });

  await page.goto(`${preview.url}#/reports`);
  await expect(page.getByRole('heading', { level: 1, name: "Bilan d'activité" })).toBeVisible();
  await page.getByTestId('report-preset').selectOption('euFunds');
  const byStatus = page.getByTestId('report-people.publicCategory');
  await expect(byStatus.getByRole('img', { name: 'Graphique : Par statut' })).toBeVisible();
  await expect(byStatus.getByRole('row', { name: /Réfugié\s+4\s+0/ })).toBeVisible();
  // Every comparison table of the preset has its chart.
  await expect(page.locator('.reports-chart')).toHaveCount(3);
  await byStatus.getByText('Définition').click();
  await expect(byStatus).toContainText("selon le statut qu'avait leur dossier au dernier jour de la période");

  await page.getByTestId('report-preset').selectOption('annual');
  await expect(page.getByTestId('report-outcomes.recruitmentKind')).toBeVisible();
  // The annual report's chapters, in the order associations write them.
  await expect(page.locator('.reports-chapter-title')).toHaveText([
    'Les recrutements',
    'Le profil des personnes',
    "Les plans d'action",
    'Les secteurs',
    'Le devenir des personnes recrutées',
    'Les types de contrat',
    'Les immersions',
    'Les employeurs',
    'Les partenaires',
    'Les bénévoles',
  ]);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`Rapport-dactivité-annuel-${year}-01-01-${year}-12-31.pdf`);
  const pdfFile = path.join(preview.dataDir, 'report.pdf');
  await pdf.saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain("Rapport d'activité annuel");
  expect(text).toContain('Personnes accompagnées');
  // Six people followed, shown; four refugees shown; one asylum seeker and one RSA hidden.
  expect(text).toMatch(/Personnes accompagnées\s+6\s+0/);
  expect(text).toMatch(/Demandeur d'asile\s+< ?5/);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le XLSX' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxFile = path.join(preview.dataDir, 'report.xlsx');
  await xlsx.saveAs(xlsxFile);
  expect(readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');
  const sheet = execFileSync('unzip', ['-p', xlsxFile, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  expect(sheet).toContain('Personnes accompagnées');
});
