import { expect, test } from '@playwright/test';
import { expectFeedback, scan, signIn } from './support/desk';

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

test('a GTIN scanned into the focused GTIN field fills it; a model in use is not deleted but deactivated, hidden from the desk, reactivated', async ({ page }) => {
  await signIn(page, 'TL');
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Modeller', exact: true }).click();
  await page.getByRole('button', { name: 'Tilføj' }).click();
  await page.locator('input[name="id"]').fill('IP15');
  await page.locator('input[name="name"]').fill('iPhone 15');
  await page.locator('select[name="kind"]').selectOption('phone');
  // The box's EAN-13, scanned into the focused field: the field takes it, the desk does not.
  await page.locator('input[name="gtin"]').focus();
  await scan(page, '5728657070492');
  await expect(page.locator('input[name="gtin"]')).toHaveValue('5728657070492');
  await expect(page.getByRole('heading', { name: 'Stamdata' })).toBeVisible();
  await expect(page.locator('input[name="gtin"]')).toBeFocused();
  await page.getByRole('button', { name: 'Gem' }).click();
  const row = page.locator('[data-row-id="IP15"]');
  // Shown as the box prints it (kept as 14 digits).
  await expect(row).toContainText('5728657070492');
  await expect(row).not.toContainText('05728657070492');

  // The desk receives a device of the model, chosen by the same box label.
  await page.getByRole('button', { name: 'Skranke' }).click();
  await scan(page, '5728657070492');
  await expectFeedback(page, 'info', 'Model valgt: iPhone 15');
  await scan(page, '354381079141772');
  await expectFeedback(page, 'good', 'Modtaget: 354381079141772');
  await scan(page, 'KVIK:DONE');
  await expect(page.locator('select[data-field="model"] option', { hasText: 'iPhone 15' })).toHaveCount(1);

  // Deleting it is refused with the count, and deactivation offered instead.
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Modeller', exact: true }).click();
  await row.getByRole('button', { name: 'Slet' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('iPhone 15 kan ikke slettes: bruges af 1 enhed.');
  await expect(row).toBeVisible();
  await alert.getByRole('button', { name: 'Deaktivér' }).click();
  await expect(row).toContainText('(inaktiv)');
  await expect(row).toHaveAttribute('data-active', 'false');

  // Gone from the desk's model list and its box label; the device still shows the model's name.
  await page.getByRole('button', { name: 'Skranke' }).click();
  await expect(page.locator('select[data-field="model"] option', { hasText: 'iPhone 15' })).toHaveCount(0);
  await scan(page, '5728657070492');
  await expectFeedback(page, 'error', 'Modellen iPhone 15 er deaktiveret');
  await page.getByRole('button', { name: 'Enheder' }).click();
  await expect(page.locator('[data-device-key="imei:354381079141772"]')).toContainText('iPhone 15');

  // Reactivated: offered again.
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Modeller', exact: true }).click();
  await row.getByRole('button', { name: 'Genaktivér' }).click();
  await expect(row).toHaveAttribute('data-active', 'true');
  await page.getByRole('button', { name: 'Skranke' }).click();
  await expect(page.locator('select[data-field="model"] option', { hasText: 'iPhone 15' })).toHaveCount(1);
});
