import { previewApi } from './api';
import { expect, test } from './fixtures';

/** Next Monday on this computer's calendar, as `YYYY-MM-DD`. */
function nextMonday(): string {
  const day = new Date();
  day.setDate(day.getDate() + (((8 - day.getDay()) % 7) || 7));
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

test('a volunteer opens a file, sees what is next, books the next appointment and finds it on the week', async ({ page, preview }) => {
  test.slow(); // Two screens and a form: 42 s on a machine at load 26, near the default 60 s.
  const api = await previewApi(preview.url);
  const marc = await api<{ id: string }>('volunteers.create', { firstName: 'Marc', lastName: 'Petit' });
  const amina = await api<{ id: string }>('candidates.create', {
    firstName: 'Amina',
    lastName: 'Diallo',
    frenchLevel: 'A1',
    barriers: [{ theme: 'mobility', status: 'open', action: 'Carte de bus solidaire', changedOn: null }],
  });
  const goal = await api<{ id: string }>('plans.addObjective', { candidateId: amina.id, label: 'Français B1 en juin' });
  await api('plans.addStep', { objectiveId: goal.id, kind: 'french_course', label: 'Cours au centre social', responsible: 'volunteer', volunteerId: marc.id });

  await page.goto(`${preview.url}#/candidates/${amina.id}`);
  const next = page.getByTestId('next-up');
  await expect(next.getByRole('heading', { name: 'À venir' })).toBeVisible();
  await expect(next).toContainText('Cours au centre social');

  await next.getByRole('button', { name: 'Prendre rendez-vous' }).click();
  await expect(page.getByRole('tab', { name: "Plan d'action" })).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('form', { name: 'Prendre rendez-vous' });
  await expect(form.getByLabel('Type')).toBeFocused();
  await form.getByLabel('Type').selectOption('prefecture');
  const monday = nextMonday();
  // Typed as a French reader writes it: the date field is the app's own, day first.
  await form.getByLabel('Date').fill(monday.split('-').reverse().join('/'));
  await form.getByLabel('Heure').fill('09:30');
  await form.getByLabel('Lieu').fill('Préfecture, guichet 4');
  await form.getByLabel('Avec le bénévole').selectOption({ label: 'Marc Petit' });
  await form.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();

  await expect(page.getByTestId('appointments')).toContainText('Préfecture, guichet 4');
  // What is next now starts with the appointment.
  await expect(next.locator('li').first()).toContainText('Préfecture');
  await expect(next.locator('li').first()).toContainText('09:30');

  await page.goto(`${preview.url}#/calendar`);
  const week = page.getByTestId('calendar-week');
  // Today's week, then the next one if Monday comes after Sunday.
  if ((await week.locator(`[data-day="${monday}"]`).count()) === 0) await page.getByRole('button', { name: 'Suivant' }).click();
  const day = week.locator(`[data-day="${monday}"]`);
  await expect(day.getByRole('link', { name: /09:30 Préfecture · Amina Diallo/ })).toBeVisible();
  // On Marc's own calendar it is there too.
  await page.getByLabel('Bénévole').selectOption(marc.id);
  await expect(day.getByRole('link', { name: /Amina Diallo/ })).toBeVisible();
});
