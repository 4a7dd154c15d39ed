import { expect, test } from '@playwright/test';
import { signIn } from './support/desk';

test('reference data: the nine departments to start with, a bad CSV rejected by line, rows added and edited by hand', async ({ page }) => {
  await signIn(page, 'TL');
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await expect(page.getByText('9 rækker')).toBeVisible();
  await expect(page.getByTestId('rows-departments')).toContainText('Børne- og Ungdomsforvaltningen');

  await page.getByRole('tab', { name: 'Medarbejdere', exact: true }).click();
  const csv = 'id;navn;forvaltning\r\nE1;Søren;ØKF\r\nE2;;BUF\r\nE1;Igen;BUF\r\n';
  await page.getByTestId('import-employees').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Filen blev ikke importeret');
  await expect(alert).toContainText('Linje 3: Ugyldig værdi i: Navn.');
  await expect(alert).toContainText('Linje 4: Id E1 står også på linje 2.');
  await expect(page.getByText('0 rækker')).toBeVisible();

  await page.getByRole('button', { name: 'Tilføj' }).click();
  await page.locator('input[name="id"]').fill('E42');
  await page.locator('input[name="name"]').fill('Åse Lund');
  await page.locator('select[name="department"]').selectOption('BUF');
  await page.getByRole('button', { name: 'Gem' }).click();
  const row = page.locator('[data-row-id="E42"]');
  await expect(row).toContainText('Åse Lund');
  await expect(row).toContainText('Børne- og Ungdomsforvaltningen');

  await row.getByRole('button', { name: 'Redigér' }).click();
  await page.locator('input[name="name"]').fill('Åse Lund-Hansen');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(row).toContainText('Åse Lund-Hansen');
  await expect(page.getByText('1 række', { exact: true })).toBeVisible();
});

test('"Importér CSV" is reached with Tab and opened with Enter', async ({ page }) => {
  await signIn(page, 'TL');
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Medarbejdere', exact: true }).click();
  await page.getByRole('button', { name: 'Tilføj' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Importér CSV' })).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from('id;navn;forvaltning\r\nE1;Søren;ØKF\r\n') });
  await expect(page.getByRole('status')).toContainText('importeret');
  await expect(page.getByText('1 række', { exact: true })).toBeVisible();
});
