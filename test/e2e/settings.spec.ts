import { expect, test } from './fixtures';

// The lists of sectors and programmes are the folder's: each run starts from an empty one.
test.use({ freshHost: true });

test('the staffer adds a sector and a programme in Settings; a name already taken is refused under its field', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/settings`);

  const sector = page.getByLabel('Ajouter un secteur');
  await sector.fill('logistique');
  await sector.press('Enter');
  await expect(sector).toHaveAccessibleDescription('Un secteur porte déjà ce nom.');
  await expect(sector).toHaveAttribute('aria-invalid', 'true');
  await sector.fill('Espaces verts');
  await page.getByRole('region', { name: 'Secteurs' }).getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Secteur ajouté');
  await expect(page.getByTestId('sector-list')).toContainText('Espaces verts');
  await expect(sector).toHaveValue('');
  await expect(sector).not.toHaveAttribute('aria-invalid', 'true');

  const programme = page.getByLabel('Ajouter un programme');
  await programme.fill('FSE+ 2026');
  await programme.press('Enter');
  await expect(page.getByTestId('programme-list')).toContainText('FSE+ 2026');
  await programme.fill('FSE+ 2026');
  await programme.press('Enter');
  await expect(programme).toHaveAccessibleDescription('Un programme porte déjà ce nom.');
});
