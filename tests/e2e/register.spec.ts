import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectFeedback, importCsv, scan, signIn } from './support/desk';

// Valid IMEIs (Luhn). A and B go to Mette Kjærgaard; C stays on the shelf.
const A = '354381079141772';
const B = '352099006317065';
const C = '352099009074390';
/** A fragment of C's label read as a serial: the phantom device of issue 9. */
const PHANTOM = '9074390';

async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

async function openRegister(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Enheder', exact: true }).click();
  const register = page.getByTestId('register');
  await expect(register.getByTestId('register-count')).toHaveAttribute('data-done', 'true');
  return register;
}

async function search(page: Page, text: string): Promise<Locator> {
  const register = page.getByTestId('register');
  await register.locator('[data-field="register-search"]').fill(text);
  await expect(register.getByTestId('register-count')).toHaveAttribute('data-done', 'true');
  return register.getByTestId('register-rows').getByRole('row');
}

test('the register: search by IMEI digits and surname, the employee view, a phantom voided, an older wrong model corrected', async ({ page }) => {
  // A whole day in one scenario (receive, prepare, hand out, two reports, the register, two fixes): its
  // steps are quick, but there are many of them.
  test.setTimeout(240_000);
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE2001;Mette Kjærgaard;ØKF;mette@kk.dk\r\nE2002;Åse Lund;BUF;\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP13;iPhone 13;phone;\r\nIP15;iPhone 15;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Skranke' }).click();

  // Receive three iPhone 15 from the box's GTIN — A is really an iPhone 13 — and a fragment of C's label.
  await scan(page, '5728657070492');
  await expectFeedback(page, 'info', 'Model valgt: iPhone 15');
  for (const imei of [A, B, C]) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Modtaget: ${imei}`);
  }
  // The fragment is the tail of C, scanned just now: amber, and recorded only when scanned again.
  await scan(page, PHANTOM);
  await expectFeedback(page, 'warning', `${PHANTOM} er slutningen af IMEI ${C}`);
  await scan(page, PHANTOM);
  await expectFeedback(page, 'good', `Modtaget: ${PHANTOM}`);
  await scan(page, 'KVIK:MODE:PREPARE');
  for (const imei of [A, B]) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Klargjort: ${imei}`);
  }
  await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  await page.locator('[data-field="employee-search"]').fill('Met');
  await page.getByRole('option').getByText('Mette Kjærgaard').click();
  for (const imei of [A, B]) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Udleveret: ${imei}`);
  }

  // Before: the phantom counts as stock in the daily report.
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Daglig lagerrapport', exact: true }).click();
  const daily = page.getByTestId('report-daily');
  await expect(daily).toHaveAttribute('data-state', 'done');
  expect(await cells(daily.getByTestId('table-stock'))).toEqual([['Telefon', 'iPhone 15', 'På lager (ikke klargjort)', '2']]);

  // The register: every device; the last digits of an IMEI; a surname.
  const register = await openRegister(page);
  await expect(register.getByTestId('register-count')).toHaveText('4 enheder');
  let rows = await search(page, C.slice(-7));
  // The phantom is the tail of C's IMEI: both are found.
  await expect(rows).toHaveCount(2);
  rows = await search(page, '4001');
  await expect(rows).toHaveCount(0);
  rows = await search(page, B.slice(-6));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-column="identifier"]')).toHaveText(B);
  await expect(rows.first().locator('[data-column="holder"]')).toHaveText('Mette Kjærgaard');
  // The department by its name, as everywhere a person reads it, not its code.
  await expect(rows.first().locator('[data-column="department"]')).toHaveText('Økonomiforvaltningen');
  rows = await search(page, 'kjærgaard');
  await expect(rows).toHaveCount(2);
  await expect(register.getByTestId('register-count')).toHaveText('2 enheder');
  await page.screenshot({ path: 'tests/artifacts/screens/register-search.png' });

  // The employee view: Mette, found by part of her surname, holds two devices.
  await register.getByRole('tab', { name: 'Medarbejdere', exact: true }).click();
  await register.locator('[data-field="register-employee-search"]').fill('kjær');
  await register.getByTestId('employee-matches').getByRole('button', { name: /Mette Kjærgaard/ }).click();
  await expect(register.getByTestId('holdings').getByRole('heading').first()).toHaveText('Mette Kjærgaard har nu 2 enheder');
  await expect(register.getByTestId('holds-now').getByRole('listitem')).toHaveCount(2);
  await expect(register.getByTestId('holds-now')).toContainText(A);
  await expect(register.getByTestId('holds-now')).toContainText(B);
  await page.screenshot({ path: 'tests/artifacts/screens/register-employee.png' });

  // The phantom, voided from its card: gone from the register, its history says why.
  await register.getByRole('tab', { name: 'Enheder', exact: true }).click();
  rows = await search(page, PHANTOM);
  await expect(rows).toHaveCount(2);
  await rows.filter({ has: page.locator('[data-column="identifier"]').getByText(PHANTOM, { exact: true }) }).click();
  const detail = page.getByTestId('device-detail');
  await expect(detail.getByTestId('device-card')).toContainText(PHANTOM);
  await detail.getByRole('button', { name: 'Annullér registrering' }).click();
  await detail.locator('[data-field="void-reason"]').fill('Halvdelen af en afbrudt scanning');
  await detail.getByRole('button', { name: 'Annullér registreringen' }).click();
  await expect(detail.getByTestId('device-voided')).toContainText('Registreringen er annulleret af MK: Halvdelen af en afbrudt scanning');
  await expect(detail.getByTestId('history').locator('tr[data-event-type="voided"]')).toContainText('Halvdelen af en afbrudt scanning');
  await detail.getByRole('button', { name: 'Tilbage til listen' }).click();
  await search(page, '');
  await expect(register.getByTestId('register-count')).toHaveText('3 enheder');

  // An older wrong model: A was received as an iPhone 15 and has been prepared and handed out since.
  rows = await search(page, A);
  await rows.first().click();
  await expect(detail.getByTestId('device-card')).toContainText('iPhone 15');
  await detail.getByTestId('history').locator('tr[data-event-type="received"]').getByRole('button', { name: 'Ret' }).click();
  const form = detail.getByTestId('correction-form');
  await expect(form).toContainText('Ret det, «Modtaget» satte');
  await form.locator('[data-correct="model"] select').selectOption({ label: 'iPhone 13' });
  await form.locator('[data-field="correction-reason"]').fill('Æsken var forkert');
  await form.getByRole('button', { name: 'Gem rettelse' }).click();
  await expect(detail.getByRole('status')).toContainText('Rettelsen er registreret');
  await expect(detail.getByTestId('device-card')).toContainText('iPhone 13');
  await expect(detail.getByTestId('device-card')).toHaveAttribute('data-status', 'assigned');
  await expect(detail.getByTestId('history').locator('tr[data-event-type="corrected"]')).toContainText('Æsken var forkert · Model: iPhone 13');
  await page.screenshot({ path: 'tests/artifacts/screens/register-corrected.png' });

  // After: the phantom is gone from the report's stock.
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Daglig lagerrapport', exact: true }).click();
  await expect(daily).toHaveAttribute('data-state', 'done');
  expect(await cells(daily.getByTestId('table-stock'))).toEqual([['Telefon', 'iPhone 15', 'På lager (ikke klargjort)', '1']]);
});

test('undo on the desk strikes the undone row through and the batch count drops', async ({ page }) => {
  await signIn(page, 'MK');
  for (const imei of [A, B]) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Modtaget: ${imei}`);
  }
  await expect(page.getByTestId('batch-count')).toHaveText('2 enheder');
  await scan(page, 'KVIK:UNDO');
  await expectFeedback(page, 'warning', B);
  await expect(page.getByTestId('batch-count')).toHaveText('1 enhed');
  const list = page.getByTestId('batch-list');
  await expect(list.locator('tr[data-undone]')).toHaveCount(1);
  await expect(list.locator('tr[data-undone]')).toContainText(B);
  await expect(list.locator('tr[data-undone] td').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(list.locator('tr[data-event-type="corrected"]')).toContainText('Fortrudt');
  await expect(list.locator('tr[data-event-type="corrected"] td').first()).not.toHaveCSS('text-decoration-line', 'line-through');
});
