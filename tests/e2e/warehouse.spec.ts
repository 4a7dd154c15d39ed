import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { expectFeedback, listenForSounds, scan, signIn, signInAt, soundsPlayed } from './support/desk';
import { printedText } from './support/pdf';

/**
 * The warehouse's own flows, driven by scans as a warehouse worker would: a stocktake of the
 * central warehouse with found, missing, unexpected and unknown devices, continued after a
 * restart and closed; and a disposal batch filled with erasure evidence and closed. Both results
 * are printed to PDF and read back as text.
 */

const ARTIFACTS = 'tests/artifacts/warehouse';
const imeiOf = (n: number) => {
  const body = `35391001${String(n).padStart(6, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};

async function receive(page: Page, imeis: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Skranke' }).click();
  await page.getByRole('tab', { name: 'Modtag', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Modtag', exact: true })).toHaveAttribute('aria-selected', 'true');
  for (const imei of imeis) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Modtaget: ${imei}`);
  }
}

const lines = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());

test('a stocktake of the central warehouse: found, missing, unexpected and unknown, continued after a restart, closed and printed', async ({ page }) => {
  test.setTimeout(180_000);
  await listenForSounds(page);
  const [A, B, C, D, E] = [1, 2, 3, 4, 5].map(imeiOf) as [string, string, string, string, string];
  const unknown = imeiOf(99);

  // A–D on the shelves of Centrallager; E was received at Kvikskranke Rådhuset.
  await signIn(page, 'MK');
  await receive(page, [A, B, C, D]);
  await signInAt(page, 'LS', 'Kvikskranke Rådhuset');
  await receive(page, [E]);
  await signInAt(page, 'MK', 'Centrallager');

  await page.getByRole('button', { name: 'Lager' }).click();
  await expect(page.getByRole('tab', { name: 'Optælling', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Start optælling' }).click();
  const counter = page.getByTestId('count-counter');
  await expect(counter).toContainText('0 / 4');

  await scan(page, A);
  await expectFeedback(page, 'good', `Fundet: ${A}`);
  await scan(page, B);
  await expectFeedback(page, 'good', `Fundet: ${B}`);
  await expect(counter).toContainText('2 / 4');
  await scan(page, A);
  await expectFeedback(page, 'warning', `Allerede talt: ${A}`);
  await scan(page, E);
  await expectFeedback(page, 'warning', `Uventet: ${E} – registret har den i Kvikskranke Rådhuset (På lager (ikke klargjort))`);
  await scan(page, unknown);
  await expectFeedback(page, 'error', `Ukendt: ${unknown} er ikke i registret`);
  await expect(counter).toContainText('2 / 4');
  await page.screenshot({ path: `${ARTIFACTS}/counting.png`, fullPage: true });
  expect((await soundsPlayed(page)).slice(-5)).toEqual(['good', 'good', 'warning', 'warning', 'error']);

  // A restart (a power cut, or the next morning): the count is where it was.
  await page.reload();
  await page.getByRole('button', { name: 'Lager' }).click();
  await expect(page.getByTestId('count-counter')).toContainText('2 / 4');
  await expect(page.getByTestId('count-scans').locator('tr')).toHaveCount(5);

  // A second count of the same location is refused while this one is open.
  await page.getByRole('button', { name: 'Fortsæt senere' }).click();
  await page.getByRole('button', { name: 'Start optælling' }).click();
  await expect(page.getByRole('alert')).toContainText('Centrallager er allerede ved at blive talt');
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await expect(page.getByTestId('count-counter')).toContainText('2 / 4');

  // Close: the summary, move E here, report C and D lost (MK signs in with no role: a team lead).
  await page.getByRole('button', { name: 'Afslut optælling' }).click();
  const close = page.getByTestId('close-count');
  for (const [figure, value] of [['expected', '4'], ['found', '2'], ['missing', '2'], ['unexpected', '1'], ['unknown', '1']] as const)
    await expect(close.locator(`[data-figure="${figure}"] .glance-value`)).toHaveText(value);
  await close.getByLabel('Flyt 1 uventet enhed til Centrallager').check();
  await close.getByLabel('Meld 2 manglende enheder bortkomne').check();
  await close.getByRole('button', { name: 'Luk optællingen' }).click();

  const result = page.getByTestId('count-result');
  await expect(result.getByTestId('count-actions')).toHaveText('Ved afslutningen: 1 flyttet hertil, 2 meldt bortkommet.');
  await page.screenshot({ path: `${ARTIFACTS}/count-result.png`, fullPage: true });
  const text = await printedText(page, ARTIFACTS, 'count-result');
  const printed = lines(text);
  for (const expected of [
    'Optællingsresultat',
    `Mangler ${C} Telefon – På lager (ikke klargjort) Centrallager`,
    `Mangler ${D} Telefon – På lager (ikke klargjort) Centrallager`,
    `Uventet ${E} Telefon – På lager (ikke klargjort) Kvikskranke Rådhuset`,
    `Ukendt ${unknown}`,
    `Fundet ${A} Telefon – På lager (ikke klargjort) Centrallager`,
    `Fundet ${B} Telefon – På lager (ikke klargjort) Centrallager`,
    'Side 1 af 1',
  ])
    expect(printed.some((line) => line.includes(expected)), `PDF line with "${expected}"\n${text}`).toBe(true);
  expect(text).not.toContain('Gem som PDF');
  // The figure tiles, wrapped to the page's width: label row, then value row.
  expect(text.replace(/\s+/g, ' ')).toMatch(/Forventet Fundet Mangler (Uventede Ukendte )?4 2 2 (Uventede Ukendte )?(1 1)?/);

  const download = page.waitForEvent('download');
  await result.locator('[data-csv="count-lines"]').click();
  const csv = readFileSync(await (await download).path()).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFResultat;Enhed;Type;Model;Status i registret;Lokation i registret');
  expect(csv).toContain(`Mangler;${C};Telefon;;På lager (ikke klargjort);Centrallager`);

  // The register: A was counted, C reported lost, E moved here.
  await page.getByRole('button', { name: 'Opslag' }).click();
  await scan(page, A);
  await expect(page.getByTestId('history').locator('tbody tr').first()).toContainText('Talt ved optælling');
  await scan(page, C);
  await expect(page.getByTestId('device-card')).toContainText('Bortkommet');
  await scan(page, E);
  await expect(page.getByTestId('device-card')).toContainText('Centrallager');
});

test('a disposal batch: devices scanned in with erasure evidence, refusals, closed by a team lead, its manifest printed', async ({ page }) => {
  test.setTimeout(180_000);
  const [A, B, C] = [11, 12, 13].map(imeiOf) as [string, string, string];
  await signIn(page, 'MK');
  await receive(page, [A, B, C]);
  // C is at the repair vendor: not on a shelf, so not for disposal.
  await page.getByRole('tab', { name: 'Til reparation', exact: true }).click();
  await page.locator('[data-field="vendor"]').fill('Fixit ApS');
  await scan(page, C);
  await expectFeedback(page, 'good', `Sendt til reparation: ${C}`);

  await page.getByRole('button', { name: 'Lager' }).click();
  await page.getByRole('tab', { name: 'Bortskaffelse', exact: true }).click();
  await page.getByLabel('Genanvender').fill('Stena Recycling');
  await page.getByRole('button', { name: 'Opret parti' }).click();
  const evidence = page.getByTestId('erasure-evidence');
  await evidence.getByLabel('Metode (NIST SP 800-88)').selectOption('purge');
  await evidence.getByLabel('Værktøj').fill('Blancco Mobile');
  await evidence.getByLabel('Version').fill('7.4');
  await evidence.getByLabel('Dato').fill('2026-11-20');
  // Set once, then scan: the scanner types into whatever has the focus, a date field too.
  await evidence.getByLabel('Dato').blur();

  await scan(page, A);
  await expectFeedback(page, 'good', `I partiet: ${A}`);
  await scan(page, A);
  await expectFeedback(page, 'warning', `${A} er allerede i partiet`);
  await scan(page, C);
  await expectFeedback(page, 'error', `${C} kan ikke bortskaffes: den er ikke på lager (Til reparation)`);
  await evidence.getByLabel('Sletning kontrolleret').uncheck();
  await scan(page, B);
  await expectFeedback(page, 'error', `${B} afvist: sletningen er ikke kontrolleret`);
  await evidence.getByLabel('Sletning kontrolleret').check();
  await scan(page, B);
  await expectFeedback(page, 'good', `I partiet: ${B}`);
  await expect(page.getByTestId('batch-item-count')).toHaveText('2');
  await page.screenshot({ path: `${ARTIFACTS}/disposal-batch.png`, fullPage: true });

  await page.getByRole('button', { name: 'Afslut parti' }).click();
  const close = page.getByTestId('close-batch');
  await close.getByRole('button', { name: 'Bortskaf og luk partiet' }).click();
  await expect(close.getByRole('alert')).toHaveText('Skriv genanvenderens certifikatnummer.');
  await close.getByLabel('Certifikatnummer').fill('STENA-2026-118');
  await close.getByLabel('Samlet vægt (kg)').fill('0,4');
  await close.getByRole('button', { name: 'Bortskaf og luk partiet' }).click();

  const manifest = page.getByTestId('disposal-manifest');
  await expect(manifest.getByTestId('manifest-certificate')).toHaveText('STENA-2026-118');
  await page.screenshot({ path: `${ARTIFACTS}/manifest.png`, fullPage: true });
  const text = await printedText(page, ARTIFACTS, 'manifest');
  const printed = lines(text);
  for (const expected of [
    'Følgeseddel til bortskaffelse',
    'Genanvender Stena Recycling',
    'WEEE-kategori Små IT- og teleudstyr (WEEE kat. 6)',
    'Certifikatnummer STENA-2026-118',
    'Antal Telefon: 2 · Tablet: 0 · PC: 0 · 2 enheder',
    'Samlet vægt (kg) 0,4',
    // Table cells wrap on A4: the first line of each row.
    `${A} Telefon – – – Purge Blancco MK 20.11.2026`,
    `${B} Telefon – – – Purge Blancco MK 20.11.2026`,
    'Udleveret af (Kvikdesk)',
    'Modtaget af (genanvender)',
  ])
    expect(printed.some((line) => line.includes(expected)), `PDF line with "${expected}"\n${text}`).toBe(true);
  expect(text).not.toContain(C);

  const download = page.waitForEvent('download');
  await manifest.locator('[data-csv="manifest"]').click();
  const csv = readFileSync(await (await download).path()).toString('utf8');
  expect(csv).toContain(`${A};Telefon;;;;Purge (kryptografisk sletning);Blancco Mobile 7.4;MK;2026-11-20`);

  // The devices are disposed of, and their history names the batch.
  await page.getByRole('button', { name: 'Opslag' }).click();
  await scan(page, A);
  await expect(page.getByTestId('device-card')).toContainText('Bortskaffet');
  await expect(page.getByTestId('history').locator('tbody tr').first()).toContainText('STENA-2026-118');
  await expect(page.getByTestId('history').locator('tbody tr').first()).toContainText('parti BP-LAGER-');
  // … and opens its manifest.
  await page.getByTestId('history').locator('[data-batch-link]').click();
  await expect(page.getByTestId('disposal-manifest').getByTestId('manifest-certificate')).toHaveText('STENA-2026-118');
});
