import { expect, test, type Page } from '@playwright/test';
import { importCsv, scan, signIn } from './support/desk';
import { pdfPageToPng, pdfText } from './support/pdf';

const ARTIFACTS = 'tests/artifacts/receipt';
const imei = '354381079141772';

/** The screen printed as Electron's printToPDF prints it: the page's own A4 @page. */
async function printToPdf(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await pdfPageToPng(path, 1, 90, `${ARTIFACTS}/${name}-page1.png`);
  return path;
}

/** A signature drawn with the mouse: a few strokes across the pad. */
async function sign(page: Page): Promise<void> {
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  const strokes = [
    [[0.1, 0.7], [0.2, 0.3], [0.3, 0.7], [0.4, 0.3], [0.5, 0.6]],
    [[0.55, 0.5], [0.7, 0.35], [0.85, 0.65], [0.9, 0.4]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke as [number, number][];
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

test('a handout receipt signed on screen, printed to PDF, and printed again from the device history', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1001;Søren Ærø;ØKF;soren@kk.dk\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP13;iPhone 13;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Skranke' }).click();
  await scan(page, '5728657070492');
  await scan(page, imei);
  await scan(page, 'KVIK:MODE:PREPARE');
  await scan(page, imei);
  await scan(page, 'KVIK:MODE:HANDOUT');
  await page.locator('[data-field="employee-search"]').fill('Søren');
  await page.getByRole('option').getByText('Søren Ærø').click();
  await scan(page, imei);
  await expect(page.getByTestId('batch-count')).toHaveText('1 enhed');

  await page.getByRole('button', { name: 'Kvittering' }).click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('Kvittering for udlevering af it-udstyr');
  // Saving without a signature is refused.
  await page.getByRole('button', { name: 'Gem kvitteringen' }).click();
  await expect(page.getByRole('alert')).toContainText('skal skrive under');
  await sign(page);
  await page.getByRole('button', { name: 'Gem kvitteringen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kvitteringen er gemt' })).toBeVisible();
  // Only the flat image was kept: a PNG, black and white.
  const src = await receipt.locator('img.signature-image').getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  await page.screenshot({ path: `${ARTIFACTS}/receipt-screen.png`, fullPage: true });

  const text = await pdfText(await printToPdf(page, 'receipt'));
  for (const expected of ['Kvittering for udlevering af it-udstyr', 'Søren Ærø', 'E1001', 'Økonomiforvaltningen', 'iPhone 13', imei, 'Operatør', 'MK', 'Vilkår for brug', 'Københavns Kommune', 'Medarbejderens underskrift'])
    expect(text).toContain(expected);
  expect(text.split('\f').filter((p) => p.trim())).toHaveLength(1);

  // Printed again from the device's history, with the same signature.
  await page.getByRole('button', { name: 'Luk' }).click();
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(imei);
  await expect(page.getByTestId('history').locator('tr[data-event-type="receipt"]')).toContainText('Søren Ærø · underskrevet');
  await page.getByRole('button', { name: 'Print kvitteringen igen' }).click();
  await expect(page.getByTestId('receipt')).toContainText('Søren Ærø');
  expect(await page.getByTestId('receipt').locator('img.signature-image').getAttribute('src')).toBe(src);
  const again = await pdfText(await printToPdf(page, 'receipt-reprint'));
  expect(again).toContain(imei);
});
