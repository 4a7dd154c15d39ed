import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectFeedback, importCsv, listenForSounds, scan, signIn, soundsPlayed } from './support/desk';
import { pdfText } from './support/pdf';
import { drawSignature } from './support/signature';

const ARTIFACTS = 'tests/artifacts/accessories';
const imei = '354381079141772';
const phoneBox = '5728657070492';
const chargerBox = '5712345000014';

async function printToPdf(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

async function openDailyReport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Daglig lagerrapport', exact: true }).click();
  const daily = page.getByTestId('report-daily');
  await expect(daily).toHaveAttribute('data-state', 'done');
  return daily;
}

test('accessories: a box of 10 chargers received by its GTIN and count, one handed out with a phone, on the receipt and in the daily report', async ({ page }) => {
  test.setTimeout(240_000);
  await listenForSounds(page);
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning\r\nE1001;Søren Ærø;ØKF\r\n');
  await importCsv(page, 'models', 'Modeller', `id;name;kind;gtin\r\nIP13;iPhone 13;phone;${phoneBox}\r\n`);
  await importCsv(page, 'accessories', 'Tilbehør', `id;navn;kind;gtin;lavt lager\r\nUSBC;Oplader USB-C;charger;${chargerBox};*:5\r\n`);
  await expect(page.getByTestId('rows-accessories')).toContainText('Oplader USB-C');

  // Receive: the box's GTIN asks for the count; typed, then Enter.
  await page.getByRole('button', { name: 'Skranke' }).click();
  await scan(page, chargerBox);
  await expectFeedback(page, 'info', 'Hvor mange Oplader USB-C er der i kassen?');
  const count = page.getByTestId('accessory-count').locator('input[name="accessory-count"]');
  await expect(count).toBeFocused();
  await count.fill('10');
  await count.press('Enter');
  await expectFeedback(page, 'good', '10 stk. Oplader USB-C modtaget — 10 på lager her');
  await expect(page.getByTestId('accessory-count')).toHaveCount(0);
  await expect(page.getByTestId('accessory-shelf').locator('[data-accessory="USBC"] .count')).toHaveText('10');
  // A phone's box still sets the model: the two GTINs are told apart by the catalogue.
  await scan(page, phoneBox);
  await expectFeedback(page, 'info', 'Model valgt: iPhone 13');
  await scan(page, imei);
  await scan(page, 'KVIK:MODE:PREPARE');
  await scan(page, imei);

  // Hand out: the employee's card, the phone, the charger's box. Three scans and one more.
  await scan(page, 'KVIK:EMP:E1001');
  await scan(page, imei);
  await expectFeedback(page, 'good', `Udleveret: ${imei}`);
  await scan(page, chargerBox);
  await expectFeedback(page, 'good', '1 × Oplader USB-C udleveret — 9 tilbage her');
  await expect(page.getByTestId('batch-accessories')).toContainText('1 × Oplader USB-C');
  // Scanned again: one more. KVIK:UNDO then takes that charger back, not the phone.
  await scan(page, chargerBox);
  await expectFeedback(page, 'good', '1 × Oplader USB-C udleveret — 8 tilbage her');
  await expect(page.getByTestId('batch-accessories')).toContainText('2 × Oplader USB-C');
  await scan(page, 'KVIK:UNDO');
  await expectFeedback(page, 'warning', 'Fortrudt: 1 × Oplader USB-C');
  await expect(page.getByTestId('batch-accessories')).toContainText('1 × Oplader USB-C');
  await expect(page.getByTestId('accessory-shelf').locator('[data-accessory="USBC"] .count')).toHaveText('9');
  await expect(page.getByTestId('batch-count')).toHaveText('1 enhed');
  expect(await soundsPlayed(page)).toContain('good');
  await page.screenshot({ path: `${ARTIFACTS}/handout.png`, fullPage: true });

  // DONE offers the receipt: the charger is on it, and on the PDF read back.
  await scan(page, 'KVIK:DONE');
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-accessories')).toContainText('Oplader USB-C');
  await drawSignature(page);
  await page.getByRole('button', { name: 'Gem kvitteringen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kvitteringen er gemt' })).toBeVisible();
  const receiptText = await pdfText(await printToPdf(page, 'receipt'));
  for (const expected of ['Søren Ærø', 'iPhone 13', imei, 'Tilbehør', '1 ×', 'Oplader USB-C']) expect(receiptText).toContain(expected);
  await page.getByRole('button', { name: 'Luk' }).click();

  // The daily report: 9 in stock, 10 received, 1 issued, level 5: not low.
  let daily = await openDailyReport(page);
  const accessories = daily.getByTestId('table-accessories');
  await expect(accessories).toBeVisible();
  expect(await cells(accessories)).toEqual([['Oplader USB-C', 'Oplader', '9', '10', '1', '0', '5', '']]);

  // A team lead sets the level to 9 on Stamdata: now it is flagged low.
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Tilbehør', exact: true }).click();
  await page.locator('[data-row-id="USBC"]').getByRole('button', { name: 'Redigér' }).click();
  await page.locator('input[name="levels"]').fill('*:9');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.locator('[data-row-id="USBC"]')).toContainText('*:9');
  daily = await openDailyReport(page);
  await expect(daily.getByTestId('table-accessories')).toContainText('Lavt lager');
  expect(await cells(daily.getByTestId('table-accessories'))).toEqual([['Oplader USB-C', 'Oplader', '9', '10', '1', '0', '9', 'Lavt lager']]);
  // Amber, like the other warnings (--warning on --warning-bg).
  const low = daily.getByTestId('table-accessories').locator('tbody [data-column="state"]');
  await expect(low).toHaveAttribute('data-tone', 'warning');
  await expect(low).toHaveCSS('color', 'rgb(138, 90, 0)');
  await expect(low).toHaveCSS('background-color', 'rgb(255, 243, 205)');
  await page.screenshot({ path: `${ARTIFACTS}/daily-report.png`, fullPage: true });

  // The same on the A4 print and in the CSV.
  const reportText = await pdfText(await printToPdf(page, 'daily'));
  expect(reportText).toContain('Tilbehør');
  expect(reportText).toContain('Lavt lager');
  const download = page.waitForEvent('download');
  await daily.locator('[data-csv="accessories"]').click();
  const csv = readFileSync((await (await download).path())!).subarray(3).toString('utf8');
  expect(csv.split('\r\n').slice(0, 2)).toEqual([
    'Tilbehør;Type;På lager;Modtaget i dag;Udleveret i dag;Optalt (±);Grænse for lavt lager;Bemærkning',
    'Oplader USB-C;Oplader;9;10;1;0;9;Lavt lager',
  ]);

  // Back at the desk the shelf says it in amber.
  await page.getByRole('button', { name: 'Skranke' }).click();
  await scan(page, 'KVIK:MODE:HANDOUT');
  await expect(page.getByTestId('accessory-shelf').locator('[data-accessory="USBC"]')).toHaveAttribute('data-state', 'low');
  await page.screenshot({ path: `${ARTIFACTS}/shelf-low.png`, fullPage: true });
  // The team lead counts the shelf: 12 there, recorded as a correction of +3; no longer low.
  const shelf = page.getByTestId('accessory-shelf').locator('[data-accessory="USBC"]');
  await shelf.getByRole('button', { name: 'Ret antal' }).click();
  await shelf.locator('input[name="counted"]').fill('12');
  await shelf.locator('input[name="reason"]').fill('Optalt efter levering');
  await shelf.getByRole('button', { name: 'Gem antallet' }).click();
  await expect(page.getByTestId('accessory-shelf')).toContainText('Oplader USB-C: antallet er rettet til 12');
  await expect(shelf.locator('.count')).toHaveText('12');
  await expect(shelf).toHaveAttribute('data-state', 'ok');
  daily = await openDailyReport(page);
  expect(await cells(daily.getByTestId('table-accessories'))).toEqual([['Oplader USB-C', 'Oplader', '12', '10', '1', '3', '9', '']]);
});
