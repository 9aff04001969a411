import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { previewApi } from './api';
import { expect, test } from './fixtures';

test('from a person’s file, a volunteer prints the presentation sheet an employer asked for, with only what the person agreed to add', async ({ page, preview }) => {
  const api = await previewApi(preview.url);
  const { id } = await api<{ id: string }>('candidates.create', {
    firstName: 'Aminata',
    lastName: 'Diallo',
    address: '12 rue des Lilas',
    phone: '06 12 34 56 78',
    frenchLevel: 'B1',
    occupations: [{ label: 'Cariste', romeCode: null }],
  });

  await page.goto(`${preview.url}#/candidates/${id}`);
  const print = page.getByText('Imprimer', { exact: true });
  await print.click();
  await page.getByRole('button', { name: 'Fiche de présentation pour un employeur' }).click();
  const dialog = page.getByTestId('document-dialog');
  await expect(dialog.getByRole('heading', { name: 'Fiche de présentation pour un employeur' })).toBeVisible();
  if (process.env.TREMPLIN_LOOK) await page.screenshot({ path: path.join(process.env.TREMPLIN_LOOK, 'sheet-dialog-fr.png') });

  // Escape closes without printing, back on "Imprimer".
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(print).toBeFocused();

  await print.click();
  await page.getByRole('button', { name: 'Fiche de présentation pour un employeur' }).click();
  await dialog.getByLabel('Son numéro de téléphone').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Télécharger (PDF)' }).click();
  const file = path.join(preview.dataDir, 'sheet.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Aminata Diallo');
  expect(text).toContain('Cariste');
  expect(text).toContain('06 12 34 56 78');
  expect(text).not.toContain('Lilas');
  await expect(dialog).toHaveCount(0);
});
