import { expect, test } from '@playwright/test';
import { importCsv, signIn } from './support/desk';
import { printedText } from './support/pdf';
import { deviceRow, putDevices } from './support/put-devices';

/**
 * "Ubrugte enheder" on a desk whose register holds two handed-out devices and one on the shelf
 * since August: before an Intune file is loaded the report says so and leads to the Intune tab;
 * after it, the handed-out device Intune last saw in June stands under its department on screen
 * and in the PDF, and its count opens the register on it. The clock is 20 November 2026.
 */

const ARTIFACTS = 'tests/artifacts/unused-report';

const device = (key: string, fields: Record<string, unknown>) => deviceRow(key, { kind: 'pc', ...fields });

const devices = [
  // Seen by Intune two days ago: in use.
  device('serial:F17XK1', { serial: 'F17XK1', model: 'LAT', status: 'assigned', holder: { employeeId: 'E1', department: 'BUF', since: '2023-01-01T09:00:00.000Z' } }),
  // Handed out, but Intune last saw it in June: unused.
  device('serial:5CG123', { serial: '5CG123', model: 'LAT', status: 'assigned', holder: { employeeId: 'E2', department: 'ØKF', since: '2023-01-01T09:00:00.000Z' } }),
  // Ready on the central warehouse's shelf since 1 August: 111 days, over the 30-day limit; never handed out.
  device('serial:5CG777', { serial: '5CG777', model: 'LAT', status: 'ready', location: 'LAGER', handouts: 0, statusSince: '2026-08-01T09:00:00.000Z' }),
];

const intuneCsv = [
  'Device name,Managed by,Ownership,OS,Last check-in,Primary user UPN,Serial number,IMEI,Manufacturer,Model',
  'PC-BUF,Intune,Corporate,Windows,2026-11-18 08:21:44.0000000,soren@kk.dk,F17XK1,,Dell Inc.,Latitude 5440',
  'PC-ØST,Intune,Corporate,Windows,2026-06-01 07:00:00.0000000,ase@kk.dk,5CG123,,Dell Inc.,Latitude 5440',
].join('\r\n');

const keysOf = (href: string | null) => JSON.parse(decodeURIComponent(href!.split('?f=')[1]!)).keys as string[];

test('the unused and idle devices by department, on screen, in the PDF and in the register', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-20T09:00:00+01:00') });
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1;Søren Ærø;BUF;soren@kk.dk\r\nE2;Åse Lund;ØKF;ase@kk.dk\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;price\r\nLAT;Dell Latitude 5440;pc;8.999,00\r\n');
  await putDevices(page, devices);
  await page.reload();
  await page.getByRole('button', { name: 'Rapporter' }).click();

  // No reconciliation yet: the shelf part alone, and the way to the Intune tab.
  await page.getByRole('tab', { name: 'Ubrugte enheder', exact: true }).click();
  const report = page.getByTestId('report-unused');
  await expect(report).toHaveAttribute('data-state', 'done');
  await expect(report.getByTestId('no-intune')).toContainText('Der er ikke indlæst en Intune-afstemning');
  await expect(report.locator('[data-figure="idle"] .glance-value')).toHaveText('1');
  const idle = report.getByTestId('table-idle-devices').locator('tbody tr');
  await expect(idle).toHaveCount(1);
  await expect(idle.first()).toContainText('5CG777');
  await expect(idle.first()).toContainText('(aldrig udleveret)');
  await expect(idle.first()).toContainText('Centrallager');
  await expect(idle.first().locator('[data-column="daysIdle"]')).toHaveText('111');
  await report.getByRole('button', { name: 'Åbn Intune-afstemningen' }).click();

  const intune = page.getByTestId('report-intune');
  await intune.locator('input[name="intune-file"]').setInputFiles({ name: 'intune-nov.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${intuneCsv}`, 'utf8') });
  await expect(intune).toHaveAttribute('data-state', 'done');
  await expect(intune.locator('[data-figure="unused"] strong')).toHaveText('1');

  await page.getByRole('tab', { name: 'Ubrugte enheder', exact: true }).click();
  await expect(report).toHaveAttribute('data-state', 'done');
  await expect(report.getByTestId('intune-source')).toHaveText('Udleveret, men ubrugt ifølge Intune: filen intune-nov.csv, indlæst 20.11.2026.');
  await expect(report.locator('[data-figure="unused"] .glance-value')).toHaveText('1');
  // The handed-out but unused device under its department, by name, with its model and holder.
  const summary = report.getByTestId('table-unused-departments').locator('tbody tr');
  const okf = summary.filter({ hasText: 'Økonomiforvaltningen' });
  await expect(okf.locator('[data-column="unused"]')).toHaveText('1');
  await expect(okf.locator('[data-column="idle"]')).toHaveText('0');
  const unused = report.getByTestId('table-unused-devices').locator('tbody tr');
  await expect(unused).toHaveCount(1);
  await expect(unused.first()).toContainText('5CG123');
  await expect(unused.first()).toContainText('Økonomiforvaltningen');
  await expect(unused.first()).toContainText('Dell Latitude 5440');
  await expect(unused.first()).toContainText('Åse Lund');
  const groups = report.getByTestId('table-unused-groups').locator('tbody tr');
  await expect(groups).toHaveCount(1);
  await expect(groups.first()).toContainText(/Økonomiforvaltningen\s*PC\s*Dell Latitude 5440\s*1/);
  await page.screenshot({ path: `${ARTIFACTS}/unused.png`, fullPage: true });

  const pdf = await printedText(page, ARTIFACTS, 'unused');
  expect(pdf).toContain('Ubrugte enheder');
  expect(pdf).toMatch(/Økonomiforvaltningen\s+0\s+1\s+1/);
  expect(pdf).toMatch(/5CG123\s+Økonomiforvaltningen\s+PC\s+Dell Latitude 5440\s+Åse Lund/);
  expect(pdf).toMatch(/5CG777\s+\(aldrig udleveret\)\s+PC\s+Dell Latitude 5440\s+Centrallager/);
  expect(pdf).toContain('filen intune-nov.csv');
  expect(pdf).not.toMatch(/serial:|imei:/);

  // In English through the app's switch: the same figures in English words.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Unused devices');
  await expect(report.getByTestId('table-unused-departments').locator('thead')).toContainText('Handed out but unused');
  await expect(report.getByTestId('table-idle-devices').locator('tbody tr').first()).toContainText('(never handed out)');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Ubrugte enheder');

  // The department's count opens the register on exactly its unused device.
  const count = okf.locator('[data-column="unused"] a');
  expect(keysOf(await count.getAttribute('href'))).toEqual(['serial:5CG123']);
  await count.click();
  const register = page.getByTestId('register');
  await expect(register.getByRole('heading', { level: 1 })).toHaveText('Økonomiforvaltningen: udleveret, men ubrugt');
  await expect(register.getByTestId('register-count')).toHaveText('1 enhed');
  await expect(register.getByTestId('register-rows')).toContainText('5CG123');
});
