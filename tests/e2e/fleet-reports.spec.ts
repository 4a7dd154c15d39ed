import { expect, test } from '@playwright/test';
import { importCsv, signIn } from './support/desk';
import { printedText } from './support/pdf';
import { deviceRow, putDevices } from './support/put-devices';

/**
 * The fleet reports on a desk whose register holds four devices with purchase dates and prices:
 * an Intune export loaded from a file and reconciled on screen and in the PDF, and the replacement
 * plan's figure for this quarter. The clock is 20 November 2026; the figures are worked out by hand.
 */

const ARTIFACTS = 'tests/artifacts/fleet-reports';

const devices = [
  // Turns four on 3 December 2026: this quarter, 5.000 kr.
  deviceRow('serial:F17XK1', { serial: 'F17XK1', model: 'IP13', status: 'assigned', holder: { employeeId: 'E1', department: 'BUF', since: '2023-01-01T09:00:00.000Z' }, purchaseDate: '2022-12-03', purchasePrice: 500_000 }),
  // Handed out, but Intune last saw it in June: unused.
  deviceRow('serial:5CG123', { serial: '5CG123', model: 'IP13', status: 'assigned', holder: { employeeId: 'E2', department: 'ØKF', since: '2023-01-01T09:00:00.000Z' }, purchaseDate: '2024-01-10', purchasePrice: 500_000 }),
  // Disposed of, still enrolled: a security risk.
  deviceRow('serial:F17XK9', { serial: 'F17XK9', model: 'IP13', status: 'disposed', disposal: { method: 'recycled', certificate: 'C-1', at: '2026-10-01T09:00:00.000Z' }, purchaseDate: '2021-01-10', purchasePrice: 400_000 }),
];

const intuneCsv = [
  'Device name,Managed by,Ownership,OS,Last check-in,Primary user UPN,Serial number,IMEI,Manufacturer,Model,Azure AD Device ID',
  'Sørens iPhone,Intune,Corporate,iOS,2026-11-18 08:21:44.0000000,soren@kk.dk,F17XK1,,Apple,iPhone 13,aa',
  'PC-ØST,Intune,Corporate,Windows,2026-06-01 07:00:00.0000000,ase@kk.dk,5CG123,,Apple,iPhone 13,bb',
  'Bortskaffet,Intune,Corporate,iOS,2026-11-19 07:00:00.0000000,,F17XK9,,Apple,iPhone 13,cc',
  'Fremmed,Intune,Personal,Android,2026-11-19 07:00:00.0000000,kim@kk.dk,R58N,,Samsung,Galaxy A54,dd',
  'PC-GAMMEL,Intune,Corporate,Windows,2026-11-19 07:00:00.0000000,,System Serial Number,,Dell Inc.,Latitude,ee',
].join('\r\n');

test('an Intune export reconciled on screen and in the PDF, and the replacement plan', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-20T09:00:00+01:00') });
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1;Søren Ærø;BUF;soren@kk.dk\r\nE2;Åse Lund;ØKF;ase@kk.dk\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;price\r\nIP13;Apple iPhone 13;phone;5.123,50\r\n');
  await putDevices(page, devices);
  await page.reload();
  await page.getByRole('button', { name: 'Rapporter' }).click();

  await page.getByRole('tab', { name: 'Intune-afstemning', exact: true }).click();
  const report = page.getByTestId('report-intune');
  await report.locator('input[name="intune-file"]').setInputFiles({ name: 'intune.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${intuneCsv}`, 'utf8') });
  await expect(report).toHaveAttribute('data-state', 'done');
  await expect(report.locator('[data-figure="retired"] strong')).toHaveText('1');
  await expect(report.locator('[data-figure="unused"] strong')).toHaveText('1');
  await expect(report.locator('[data-figure="only-in-intune"] strong')).toHaveText('1');
  await expect(report.locator('[data-figure="matched"] strong')).toHaveText('3');
  const findings = report.getByTestId('table-intune-findings').locator('tbody tr');
  await expect(findings).toHaveCount(3);
  await expect(findings.nth(0)).toContainText('Bortskaffet/bortkommet, stadig i Intune');
  await expect(findings.nth(0)).toContainText('F17XK9');
  // A device only Intune knows shows its serial and Intune's user, and links nowhere: the register has no such device.
  await expect(findings.nth(1)).toContainText('R58N');
  await expect(findings.nth(1)).toContainText('kim@kk.dk');
  await expect(findings.nth(1).getByRole('link')).toHaveCount(0);
  await expect(findings.nth(0).getByRole('link', { name: 'F17XK9' })).toBeVisible();
  await expect(report.getByTestId('table-intune-problems')).toContainText('Hverken serienummer eller IMEI');
  // The figure opens the register on exactly the disposed-but-enrolled device.
  const href = await report.locator('[data-figure="retired"] a').getAttribute('href');
  expect(JSON.parse(decodeURIComponent(href!.split('?f=')[1]!)).keys).toEqual(['serial:F17XK9']);

  const pdf = await printedText(page, ARTIFACTS, 'intune');
  expect(pdf).toContain('Intune-afstemning');
  // Each finding on its line, its reason wrapped in the narrow column: reason, device, status, …
  expect(pdf).toMatch(/Bortskaffet\/bortkommet,\s+F17XK9\s+Bortskaffet/);
  expect(pdf).toMatch(/Udleveret, ikke set af\s+5CG123\s+Udleveret\s+ase@kk\.dk\s+PC-ØST\s+2026-06-01\s+172\s+3/);
  expect(pdf).toMatch(/I Intune, ikke i registret\s+R58N/);
  expect(pdf).not.toContain('serial:');

  // The reconciliation's unused device is the monthly summary's evidence, with the file named.
  await page.getByRole('tab', { name: 'Månedsoversigt', exact: true }).click();
  const monthly = page.getByTestId('report-monthly');
  await expect(monthly).toHaveAttribute('data-state', 'done');
  const intuneRow = monthly.getByTestId('table-monthly-figures').locator('tbody tr').filter({ hasText: 'Udleveret, men ubrugt ifølge Intune' });
  await expect(intuneRow.locator('[data-column="count"]')).toHaveText('1');
  const unusedHref = await intuneRow.locator('[data-column="count"] a').getAttribute('href');
  expect(JSON.parse(decodeURIComponent(unusedHref!.split('?f=')[1]!)).keys).toEqual(['serial:5CG123']);
  await expect(monthly.getByTestId('intune-source')).toHaveText('Ubrugte ifølge Intune: filen intune.csv, indlæst 20.11.2026 (Intune-afstemningen).');

  await page.getByRole('tab', { name: 'Udskiftning og restværdi', exact: true }).click();
  const plan = page.getByTestId('report-replacement');
  const rows = plan.getByTestId('table-replacement').locator('tbody tr');
  const thisQuarter = rows.filter({ hasText: 'Dette kvartal' });
  await expect(thisQuarter).toHaveCount(1);
  await expect(thisQuarter).toContainText('Apple iPhone 13');
  await expect(thisQuarter.locator('[data-column="count"]')).toHaveText('1');
  await expect(thisQuarter.locator('[data-column="budgetOre"]')).toContainText('5.123,50');
  await page.screenshot({ path: `${ARTIFACTS}/replacement.png`, fullPage: true });
  await expect(plan).toContainText('til 0 % af prisen');

  // The rules the reports count by: a floor that is no share refused by name, then 25 % saved and counted with.
  await page.getByRole('tab', { name: 'Beregningsregler', exact: true }).click();
  const rules = page.getByTestId('report-rules');
  await rules.getByLabel('Restværdi efter fire år (% af købsprisen)').fill('101');
  await rules.getByRole('button', { name: 'Gem regler' }).click();
  await expect(rules.getByRole('alert')).toHaveText('Ret felterne: Restværdi efter fire år (% af købsprisen).');
  await rules.getByLabel('Restværdi efter fire år (% af købsprisen)').fill('25');
  await rules.getByRole('button', { name: 'Gem regler' }).click();
  await expect(rules.getByRole('status')).toHaveText('Reglerne er gemt.');
  await page.screenshot({ path: `${ARTIFACTS}/report-rules.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Udskiftning og restværdi', exact: true }).click();
  await expect(plan).toContainText('til 25 % af prisen');
});
