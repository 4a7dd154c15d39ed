import { expect, test, type Page } from '@playwright/test';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { decodeImage } from '../../shared/scan/decode';
import { importCsv, scan, signIn } from './support/desk';
import { pdfPageCount, pdfPageRgba, pdfPageToPng } from './support/pdf';

const ARTIFACTS = 'tests/artifacts/labels';
// Fifteen phones: one more than an Avery L7163 sheet holds.
const imeis = Array.from({ length: 15 }, (_, i) => {
  const body = `35209900${String(100000 + i * 7).padStart(6, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
});

/** The label screen printed as the print dialog would: the page size its `@page` asks for. */
async function printLabels(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

/** Every code on a page, read back from the PDF with the project's own decoder. */
async function codesOn(path: string, n: number): Promise<string[]> {
  const codes = (await decodeImage(await pdfPageRgba(path, n, 300))).map((r) => `${r.format}:${r.text}`);
  return codes.sort();
}

test('a batch of labels on an Avery sheet and on a thermal roll: every label decodes from the PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'MK');
  // The app's icon in the browser tab: the page names it and the app serves it.
  const icon = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href;
    return href ? (await fetch(href)).headers.get('content-type') : null;
  });
  expect(icon).toBe('image/png');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP13;iPhone 13;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Skranke' }).click();
  await scan(page, '5728657070492');
  for (const imei of imeis) await scan(page, imei);
  await expect(page.getByTestId('batch-count')).toHaveText('15 enheder');

  await page.getByRole('button', { name: 'Etiketter til omgangen' }).click();
  await expect(page.getByRole('heading', { name: '15 etiketter' })).toBeVisible();
  await page.getByLabel('Etiketter').selectOption('avery-l7163');
  await expect(page.getByText('2 sider')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/avery-screen.png` });

  const sheet = await printLabels(page, 'avery-l7163');
  expect(await pdfPageCount(sheet)).toBe(2);
  await pdfPageToPng(sheet, 1, 110, `${ARTIFACTS}/avery-l7163-page1.png`);
  const expected = (list: string[]) => list.flatMap((imei) => [`Code128:${imei}`, `DataMatrix:${imei}`]).sort();
  expect(await codesOn(sheet, 1)).toEqual(expected(imeis.slice(0, 14)));
  expect(await codesOn(sheet, 2)).toEqual(expected(imeis.slice(14)));

  // The smallest roll: a page per label, each exactly 50 × 25 mm, each decoding.
  await page.getByLabel('Etiketter').selectOption('thermal-50x25');
  const roll = await printLabels(page, 'thermal-50x25');
  expect(await pdfPageCount(roll)).toBe(15);
  await pdfPageToPng(roll, 1, 300, `${ARTIFACTS}/thermal-50x25-page1.png`);
  for (const n of [1, 8, 15]) expect(await codesOn(roll, n)).toEqual(expected([imeis[n - 1]!]));

  // Employee cards print the same way: a `KVIK:EMP:<id>` card for each employee, read back as such.
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1001;Søren Ærø;ØKF;soren@kk.dk\r\nE1002;Åse Lund;BUF;\r\n');
  await page.getByRole('button', { name: 'Print medarbejderkort (2)' }).click();
  await page.getByLabel('Etiketter').selectOption('avery-l7163');
  await expect(page.getByTestId('label-sheet')).toContainText('Økonomiforvaltningen');
  const cards = await printLabels(page, 'employee-cards');
  await pdfPageToPng(cards, 1, 110, `${ARTIFACTS}/employee-cards-page1.png`);
  expect(await codesOn(cards, 1)).toEqual(['Code128:KVIK:EMP:E1001', 'Code128:KVIK:EMP:E1002', 'DataMatrix:KVIK:EMP:E1001', 'DataMatrix:KVIK:EMP:E1002']);
});

test('the desk’s command card, drawn as the labels are, decodes from the PDF to every command', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'MK');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.getByRole('button', { name: 'Kommandokort til print' }).click();
  await expect(page.getByTestId('command-card').locator('img.barcode')).toHaveCount(14);
  const card = await printLabels(page, 'command-card');
  const codes = [];
  for (let n = 1; n <= (await pdfPageCount(card)); n++) codes.push(...(await codesOn(card, n)));
  await pdfPageToPng(card, 1, 110, `${ARTIFACTS}/command-card-page1.png`);
  const expected = await page.getByTestId('command-card').locator('img.barcode').evaluateAll((images) => images.map((img) => `Code128:${img.getAttribute('alt')}`));
  expect(codes.sort()).toEqual(expected.sort());
});
