import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { seedStore } from '../bench/support/seed-store';
import { expectFeedback, importCsv, scan, signIn, signInAt } from './support/desk';
import { movePageDate, setPageDate } from './support/page-date';
import { pdfPageToPng, printedText } from './support/pdf';

/**
 * A scripted desk day and the team lead's reports on it. The page's calendar is set to Tuesday
 * 24 November 2026 (a day of the day before, 23 November, first), so the expected figures below
 * are fixed and worked out by hand from the script, not read back from the app.
 */

const ARTIFACTS = 'tests/artifacts/reports';
const GTIN = '5728657070492';
const imeiOf = (n: number) => {
  const body = `35209901${String(n).padStart(6, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};
// A–H live at Centrallager (LAGER), I at Kvikskranke Rådhuset (KVIK-RH).
const [A, B, C, D, E, F, G, H, I] = Array.from({ length: 9 }, (_, i) => imeiOf(i + 1)) as [string, string, string, string, string, string, string, string, string];

async function mode(page: Page, command: string, tab: string): Promise<void> {
  await scan(page, `KVIK:MODE:${command}`);
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Focus leaves the field typed in, as a person's click on the desk does. */
async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function scanAll(page: Page, event: string, imeis: readonly string[]): Promise<void> {
  for (const imei of imeis) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `${event}: ${imei}`);
  }
}

async function chooseEmployee(page: Page, search: string, name: string): Promise<void> {
  const change = page.getByRole('button', { name: 'Skift medarbejder' });
  if (await change.isVisible()) await change.click();
  await page.locator('[data-field="employee-search"]').fill(search);
  await page.getByRole('option').getByText(name).click();
  await expect(page.getByTestId('employee-chosen')).toContainText(name);
}

/** The cells of a report table, row by row, as shown. */
async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

function figure(page: Page, report: string, id: string): Locator {
  return page.getByTestId(report).locator(`[data-figure="${id}"]`);
}

const pdfText = (page: Page, name: string): Promise<string> => printedText(page, ARTIFACTS, name);

/** The text of a PDF's page `n` (pages are separated by form feeds). */
const pageOf = (text: string, n: number) => text.split('\f')[n - 1] ?? '';

test('a desk day, then its reports on screen, in a PDF and as CSV', async ({ page }) => {
  test.setTimeout(240_000);
  await setPageDate(page, new Date('2026-11-23T09:00:00+01:00'));
  await signIn(page, 'MK');
  await expect(page.getByTestId('operator')).toContainText('MK · Centrallager');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1001;Søren Ærø;ØKF;soren@kk.dk\r\nE1002;Åse Lund;BUF;\r\n');
  await importCsv(page, 'models', 'Modeller', `id;name;kind;gtin;price\r\nIP15;iPhone 15;phone;${GTIN};4.599,00\r\n`);
  await page.getByRole('button', { name: 'Skranke' }).click();

  // Monday 23 November: six phones in, four prepared, two handed out to Søren (ØKF).
  await scan(page, GTIN);
  await expectFeedback(page, 'info', 'Model valgt: iPhone 15');
  await scanAll(page, 'Modtaget', [A, B, C, D, E, F]);
  await mode(page, 'PREPARE', 'Klargør');
  await scanAll(page, 'Klargjort', [A, B, C, D]);
  await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  await chooseEmployee(page, 'Sø', 'Søren Ærø');
  await scanAll(page, 'Udleveret', [A, D]);

  // Tuesday 24 November.
  await movePageDate(page, new Date('2026-11-24T09:00:00+01:00'));
  await mode(page, 'RECEIVE', 'Modtag');
  await scan(page, GTIN);
  await scanAll(page, 'Modtaget', [G, H]);
  // Søren brings both back: A in order, D damaged.
  await mode(page, 'RETURN', 'Tag retur');
  await scanAll(page, 'Returneret', [A]);
  await page.locator('[data-field="condition"]').getByText('Beskadiget').click();
  await scanAll(page, 'Returneret', [D]);
  await mode(page, 'PREPARE', 'Klargør');
  await scanAll(page, 'Klargjort', [A, G]);
  // Åse (BUF) gets B and C, new, and A, reused.
  await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  await chooseEmployee(page, 'Ås', 'Åse Lund');
  // Reuse first: B is new while A, used, stands ready — the desk advises; scanned again, B goes out anyway.
  await scan(page, B);
  await expectFeedback(page, 'warning', '1 brugt iPhone 15 er klar — genbrug først?');
  await scanAll(page, 'Udleveret', [B, A, C]);
  // C comes straight back defective and goes to repair.
  await mode(page, 'RETURN', 'Tag retur');
  await page.locator('[data-field="condition"]').getByText('Defekt').click();
  await scanAll(page, 'Returneret', [C]);
  await page.getByRole('button', { name: 'Skift til „Til reparation“' }).click();
  await page.locator('[data-field="vendor"]').fill('Fixit ApS');
  await page.locator('[data-field="ticket"]').fill('R-778');
  await leaveField(page);
  await scanAll(page, 'Sendt til reparation', [C]);
  // E is disposed of, never used.
  await page.getByRole('tab', { name: 'Bortskaf', exact: true }).click();
  await page.locator('[data-field="method"]').getByText('Genanvendt').click();
  await page.locator('[data-field="certificate"]').fill('CERT-2026-0042');
  await leaveField(page);
  await scanAll(page, 'Bortskaffet', [E]);

  // Meanwhile at Kvikskranke Rådhuset, LB receives and prepares I.
  await signInAt(page, 'LB', 'Kvikskranke Rådhuset');
  await mode(page, 'RECEIVE', 'Modtag');
  await scan(page, GTIN);
  await scanAll(page, 'Modtaget', [I]);
  await mode(page, 'PREPARE', 'Klargør');
  await scanAll(page, 'Klargjort', [I]);

  // The end of the day: the team lead of Centrallager opens the reports.
  await movePageDate(page, new Date('2026-11-24T16:05:00+01:00'));
  await signInAt(page, 'MK', 'Centrallager');
  await page.getByRole('button', { name: 'Rapporter' }).click();

  // Overview: today's figures at a glance and the two charts.
  const overview = page.getByTestId('report-overview');
  await expect(overview).toHaveAttribute('data-state', 'done');
  await expect(overview.getByRole('heading', { level: 1 })).toHaveText('Overblik');
  await expect(overview.locator('.report-subtitle')).toHaveText('Centrallager · 24.11.2026');
  const glance: Record<string, [string, string?]> = {
    stock: ['4', '2 på lager (ikke klargjort) · 1 klar til udlevering · 1 returneret (afventer vurdering)'],
    'handed-out': ['3', '2 nye · 1 genbrugte'],
    received: ['2'],
    returned: ['3'],
    'in-repair': ['1'],
    idle: ['0'],
  };
  for (const [id, [value, detail]] of Object.entries(glance)) {
    await expect(figure(page, 'report-overview', id).locator('.glance-value')).toHaveText(value);
    if (detail) await expect(figure(page, 'report-overview', id).locator('.glance-detail')).toHaveText(detail);
  }
  await expect(overview.locator('[data-chart="stock"] svg path')).toHaveCount(3);
  await expect(overview.locator('[data-chart="handouts"] svg rect[fill]')).toHaveCount(3); // 23rd: new; 24th: new + reused
  await overview.getByText('Tallene bag graferne').click();
  const trend = await cells(overview.getByTestId('table-trend'));
  expect(trend).toHaveLength(30);
  expect(trend.at(-2)).toEqual(['23.11.2026', '2', '2', '0', '4', '2', '0']);
  expect(trend.at(-1)).toEqual(['24.11.2026', '2', '1', '1', '4', '2', '1']);
  expect(trend[0]).toEqual(['26.10.2026', '0', '0', '0', '0', '0', '0']);
  // Reuse against the seeds' goal: 1 of the 30 days' 5 handouts was a used phone.
  await expect(overview.getByTestId('reuse-goal')).toHaveAttribute('data-state', 'reached');
  await expect(overview.getByTestId('reuse-goal')).toContainText(/20\s%.*5 udleveringer.*8\s%/);
  await page.screenshot({ path: 'tests/artifacts/screens/reports-overview.png', fullPage: true });
  const overviewPdf = await pdfText(page, 'overview-LAGER-2026-11-24');
  expect(pageOf(overviewPdf, 1)).toContain('Lager de sidste 30 dage');
  expect(pageOf(overviewPdf, 1)).toContain('Genbrug de sidste 30 dage');

  // The daily stock report: the desk's location and today by default.
  await page.getByRole('tab', { name: 'Daglig lagerrapport', exact: true }).click();
  const daily = page.getByTestId('report-daily');
  await expect(daily).toHaveAttribute('data-state', 'done');
  await expect(daily.locator('select[name="report-location"]')).toHaveValue('LAGER');
  // The day in the app's language, not the browser's (headless Chromium's date input says 11/24/2026).
  await expect(daily.locator('input[name="report-day"]')).toHaveValue('24.11.2026');
  await expect(daily.locator('.report-subtitle')).toHaveText('Centrallager · 24.11.2026');
  expect(await cells(daily.getByTestId('table-stock'))).toEqual([
    ['Telefon', 'iPhone 15', 'På lager (ikke klargjort)', '2'],
    ['Telefon', 'iPhone 15', 'Klar til udlevering', '1'],
    ['Telefon', 'iPhone 15', 'Returneret (afventer vurdering)', '1'],
  ]);
  await expect(daily.getByTestId('table-stock').locator('tfoot td')).toHaveText(['I alt', '', '', '4']);
  expect(await cells(daily.getByTestId('table-handouts'))).toEqual([['3', '2', '1', '33,3 %']]);
  const totals = Object.fromEntries(await cells(daily.getByTestId('table-movement-totals')));
  expect(totals).toEqual({
    Modtaget: '2',
    Klargjort: '2',
    Udleveret: '3',
    Returneret: '3',
    'Sendt til reparation': '1',
    'Retur fra reparation': '0',
    Bortskaffet: '1',
    'Meldt bortkommet': '0',
    Fundet: '0',
    'Flyttet hertil': '0',
    'Flyttet herfra': '0',
    Rettet: '0',
    // The lifecycle's newer events are movements of the day too (none today).
    'Indlæst fra eksisterende register': '0',
    'Annulleret (fejlregistrering)': '0',
  });
  expect(await cells(daily.getByTestId('table-movements'))).toEqual([
    ['Modtaget', 'MK', '2'],
    ['Klargjort', 'MK', '2'],
    ['Udleveret', 'MK', '3'],
    ['Returneret', 'MK', '3'],
    ['Sendt til reparation', 'MK', '1'],
    ['Bortskaffet', 'MK', '1'],
  ]);
  expect(await cells(daily.getByTestId('table-in-repair'))).toEqual([[C, 'Telefon', 'iPhone 15', 'Fixit ApS', 'R-778', '24.11.2026', '0']]);
  expect(await cells(daily.getByTestId('table-idle'))).toEqual([['Ingen']]);

  await page.screenshot({ path: 'tests/artifacts/screens/reports-daily.png', fullPage: true });

  // The same figures in the PDF, with the running header and page numbers on every page.
  const text = await pdfText(page, 'daily-LAGER-2026-11-24');
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThanOrEqual(1);
  pages.forEach((p, i) => {
    expect(p).toContain('Daglig lagerrapport · Centrallager · 24.11.2026');
    expect(p).toMatch(/Udskrevet af MK 24\.11\.2026, 16\.0\d/);
    expect(p).toContain(`Side ${i + 1} af ${pages.length}`);
  });
  const lines = text.split('\n').map((line) => line.trim().replace(/\s{2,}/g, ' | '));
  for (const expected of [
    'Telefon | iPhone 15 | På lager (ikke klargjort) | 2',
    'Telefon | iPhone 15 | Klar til udlevering | 1',
    'Telefon | iPhone 15 | Returneret (afventer vurdering) | 1',
    '3 | 2 | 1 | 33,3 %',
    `${C} | Telefon | iPhone 15 | Fixit ApS | R-778 | 24.11.2026 | 0`,
  ]) {
    expect(lines.some((line) => line.includes(expected)), `PDF line with "${expected}"`).toBe(true);
  }
  expect(text).not.toContain('Gem som PDF'); // none of the app's controls are printed
  expect(text).not.toContain('Skranke');

  // CSV: UTF-8 with BOM, semicolons, CRLF, Danish letters intact.
  const download = page.waitForEvent('download');
  await daily.locator('[data-csv="movement-totals"]').click();
  const csvFile = await (await download).path();
  const bytes = readFileSync(csvFile);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  expect(csv.split('\r\n').slice(0, 5)).toEqual(['Bevægelse;Antal', 'Modtaget;2', 'Indlæst fra eksisterende register;0', 'Klargjort;2', 'Udleveret;3']);
  expect(csv.endsWith('\r\n')).toBe(true);

  // Yesterday stays as it was printed; and the other location has its own day.
  await daily.locator('input[name="report-day"]').fill('23.11.2026');
  await expect(daily.locator('.report-subtitle')).toHaveText('Centrallager · 23.11.2026');
  await expect(daily).toHaveAttribute('data-state', 'done');
  expect(await cells(daily.getByTestId('table-handouts'))).toEqual([['2', '2', '0', '0,0 %']]);
  expect(await cells(daily.getByTestId('table-stock'))).toEqual([
    ['Telefon', 'iPhone 15', 'På lager (ikke klargjort)', '2'],
    ['Telefon', 'iPhone 15', 'Klar til udlevering', '2'],
  ]);
  // Half typed, or no day at all: the report keeps its day, and the field says what it wants.
  await daily.locator('input[name="report-day"]').fill('24.11.20');
  await expect(daily.locator('input[name="report-day"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(daily.locator('.report-subtitle')).toHaveText('Centrallager · 23.11.2026');
  await daily.locator('input[name="report-day"]').fill('24.11.2026');
  await expect(daily.locator('input[name="report-day"]')).toHaveAttribute('aria-invalid', 'false');
  await daily.locator('select[name="report-location"]').selectOption('KVIK-RH');
  await expect(daily.locator('.report-subtitle')).toHaveText('Kvikskranke Rådhuset · 24.11.2026');
  await expect(daily).toHaveAttribute('data-state', 'done');
  expect(await cells(daily.getByTestId('table-stock'))).toEqual([['Telefon', 'iPhone 15', 'Klar til udlevering', '1']]);
  expect(await cells(daily.getByTestId('table-movements'))).toEqual([
    ['Modtaget', 'LB', '1'],
    ['Klargjort', 'LB', '1'],
  ]);

  // The department report of the running quarter: midnight rule, 400 kr a year, Q4 has 92 days.
  await page.getByRole('tab', { name: 'Forvaltninger', exact: true }).click();
  const billing = page.getByTestId('report-billing');
  await expect(billing).toHaveAttribute('data-state', 'done');
  await expect(billing.locator('select[name="report-quarter"]')).toHaveValue('2026-Q4');
  await expect(billing.locator('input[name="price-phone"]')).toHaveValue('400');
  const departments = await cells(billing.getByTestId('table-departments'));
  const row = (id: string) => departments.find((r) => r[0] === id);
  // ØKF held A and D over the night to the 24th: 1 day each, 400 × 1 ÷ 368 = 1,09 kr each.
  expect(row('ØKF')).toEqual(['ØKF', 'Økonomiforvaltningen', '0', '0', '2', '2', '0,02', '2,18 kr.']);
  // BUF holds A and B from the 24th to 31 December: 38 days each, 400 × 38 ÷ 368 = 41,30 kr each; C came back the same day: nothing.
  expect(row('BUF')).toEqual(['BUF', 'Børne- og Ungdomsforvaltningen', '0', '2', '2', '76', '0,83', '82,60 kr.']);
  await expect(billing.getByTestId('table-departments').locator('tfoot td').last()).toHaveText('84,78 kr.');
  await expect(billing.getByText('Kvartalet er ikke slut')).toBeVisible();
  expect(await cells(billing.getByTestId('table-finance'))).toEqual([
    ['2026-Q4', '01.10.2026', '31.12.2026', 'BUF', 'Børne- og Ungdomsforvaltningen', 'Telefon', 'Abonnement telefoner, 4. kvartal 2026', '2', '76', '400,00 kr.', '82,60 kr.'],
    ['2026-Q4', '01.10.2026', '31.12.2026', 'ØKF', 'Økonomiforvaltningen', 'Telefon', 'Abonnement telefoner, 4. kvartal 2026', '0', '2', '400,00 kr.', '2,18 kr.'],
  ]);
  await page.screenshot({ path: 'tests/artifacts/screens/reports-billing.png', fullPage: true });
  const billingPdf = await pdfText(page, 'billing-2026-Q4');
  expect(pageOf(billingPdf, 1)).toContain('Forvaltningsrapport · 2026-Q4 · 01.10.2026 – 31.12.2026 (92 dage)');
  expect(billingPdf).toMatch(/I alt\s+0\s+2\s+4\s+78\s+0,85\s+84,78 kr\./);
  const financeDownload = page.waitForEvent('download');
  await billing.locator('[data-csv="finance"]').click();
  const finance = readFileSync(await (await financeDownload).path(), 'utf8');
  expect(finance.split('\r\n')[0]).toBe('\uFEFFPeriode;Fra dato;Til dato;Forvaltningskode;Forvaltning;Enhedstype;Fakturatekst;Enheder ved periodens slut;Enhedsdage;Pris pr. år (kr.);Beløb (kr.)');
  expect(finance).toContain('2026-Q4;2026-10-01;2026-12-31;ØKF;Økonomiforvaltningen;phone;Abonnement telefoner, 4. kvartal 2026;0;2;400,00;2,18');

  // The month on one A4 page: five handouts (A reused), three returns, C at repair, E disposed of.
  await page.getByRole('tab', { name: 'Månedsoversigt', exact: true }).click();
  const monthly = page.getByTestId('report-monthly');
  await expect(monthly).toHaveAttribute('data-state', 'done');
  await expect(monthly.locator('select[name="report-month"]')).toHaveValue('2026-11');
  const figures = Object.fromEntries((await cells(monthly.getByTestId('table-monthly-figures'))).map(([name, ...rest]) => [name, rest]));
  expect(figures).toMatchObject({
    Udleveringer: ['5', '–', '–', '–', '–'],
    '– heraf nye enheder': ['4', '–', '–', '–', '–'],
    '– heraf genbrugte enheder': ['1', '–', '–', '–', '–'],
    'Genbrugsandel (mål 8 %)': ['–', '–', '–', '20,0 %', '–'],
    'Indkøb sparet ved genbrug': ['1', '4.599,00 kr.', '–', '–', '–'],
    'CO₂e sparet ved genbrug': ['1', '–', '65', '–', '–'],
    Returneringer: ['3', '–', '–', '–', '–'],
    'Til reparation ved månedens slutning (dage ude i alt)': ['1', '–', '–', '–', '0'],
    Bortskaffet: ['1', '–', '–', '–', '–'],
    '– heraf med certifikat': ['1', '–', '–', '–', '–'],
    'Ubrugte på lager (over grænsen)': ['0', '–', '–', '–', '–'],
    'Abonnement til forvaltningerne (kvartalet)': ['2', '84,78 kr.', '–', '–', '–'],
  });
  await expect(monthly.getByTestId('reuse-goal')).toHaveText('Genbrugsmålet på 8 % af udleveringerne er nået.');
  await expect(monthly.getByTestId('co2e-source')).toContainText('Apple Product Environmental Reports');
  expect(await cells(monthly.getByTestId('table-monthly-disposals'))).toEqual([[E, 'iPhone 15', '24.11.2026', 'Genanvendt', 'CERT-2026-0042']]);
  // Each figure opens the register on the devices behind it.
  const handoutsHref = await monthly.getByTestId('table-monthly-figures').locator('tbody tr').first().locator('[data-column="count"] a').getAttribute('href');
  expect(JSON.parse(decodeURIComponent(handoutsHref!.split('?f=')[1]!)).keys).toEqual([A, B, C, D].map((imei) => `imei:${imei}`).sort());
  const monthlyPdf = await pdfText(page, 'monthly-2026-11');
  expect(monthlyPdf.split('\f').filter((p) => p.trim() !== '')).toHaveLength(1);
  expect(monthlyPdf).toContain('Månedsoversigt · november 2026');
  expect(monthlyPdf).toMatch(/Genbrugsandel \(mål 8 %\)\s+–\s+–\s+–\s+20,0 %/);
  expect(monthlyPdf).toMatch(/Indkøb sparet ved genbrug\s+1\s+4\.599,00 kr\./);
  // The CO₂e figures name their source; the narrow columns wrap long words.
  expect(monthlyPdf).toMatch(/Kilde:\s+Producenternes\s+livscyklusopgørelser:\s+Apple\s+Product\s+Environmental\s+Reports/);
  expect(monthlyPdf).toMatch(new RegExp(`${C}\\s+iPhone 15\\s+Fixit ApS\\s+24\\.11\\.2026\\s+0`));
  expect(monthlyPdf).toMatch(new RegExp(`${E}\\s+iPhone 15\\s+24\\.11\\.2026\\s+Genanvendt\\s+CERT-2026-0042`));
  expect(monthlyPdf).not.toContain('imei:');

  // ØKF's statement for the quarter: A and D one day each; D came back damaged the day after it was
  // bought (received at the model's price, 4.599,00 kr.): its whole price is charged.
  await page.getByRole('tab', { name: 'Forvaltningsopgørelse', exact: true }).click();
  const statement = page.getByTestId('report-statement');
  await statement.locator('select[name="statement-department"]').selectOption('ØKF');
  await expect(statement).toHaveAttribute('data-state', 'done');
  await expect(statement.getByTestId('statement-total')).toHaveText('I alt til betaling: 4.601,18 kr.');
  expect(await cells(statement.getByTestId('table-statement-charges'))).toEqual([[D, 'iPhone 15', 'Søren Ærø', '24.11.2026', 'Returneret beskadiget', '23.11.2026', '4.599,00 kr.', '4.599,00 kr.']]);
  expect(await cells(statement.getByTestId('table-statement-devices'))).toEqual([
    [A, 'Telefon', 'iPhone 15', 'Søren Ærø', '23.11.2026', '23.11.2026', '1', '1,09 kr.'],
    [D, 'Telefon', 'iPhone 15', 'Søren Ærø', '23.11.2026', '23.11.2026', '1', '1,09 kr.'],
  ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
  await expect(statement.getByText('uden købsdato eller -pris')).toHaveCount(0);
  const statementPdf = await pdfText(page, 'statement-ØKF-2026-Q4');
  expect(statementPdf).toContain('Forvaltningsopgørelse: Økonomiforvaltningen');
  expect(statementPdf).toContain('I alt til betaling: 4.601,18 kr.');
  // The reason wraps in its narrow column ("Returneret" / "beskadiget").
  expect(statementPdf).toMatch(new RegExp(`${D}\\s+iPhone 15\\s+Søren Ærø\\s+24\\.11\\.2026\\s+Returneret\\s+23\\.11\\.2026\\s+4\\.599,00 kr\\.\\s+4\\.599,00 kr\\.`));
  expect(statementPdf).toMatch(/Abonnement\s+2\s+2,18 kr\./);
  expect(statementPdf).not.toContain('imei:');
  await page.getByRole('tab', { name: 'Forvaltninger', exact: true }).click();

  // A new price is the team lead's to set: 500 kr a year → BUF 38 days × 2 = 51,63 kr × 2.
  await billing.locator('input[name="price-phone"]').fill('500');
  await billing.getByRole('button', { name: 'Gem priser' }).click();
  await expect(billing.getByTestId('table-departments').locator('tfoot td').last()).toHaveText('105,98 kr.');

  // The same report in English, with English numbers.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(billing.getByRole('heading', { level: 1 })).toHaveText('Department report');
  await expect(billing.getByTestId('table-departments').locator('tfoot td').last()).toHaveText('DKK 105.98');
  await page.getByRole('tab', { name: 'Daily stock report', exact: true }).click();
  await expect(daily.locator('input[name="report-day"]')).toHaveValue('24/11/2026');
  await page.getByRole('button', { name: 'Dansk' }).click();
});

test('a long report prints page after page: header and page number on each, the header row repeated, no row cut', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T16:00:00+01:00') });
  await signIn(page, 'MK');
  // 300 phones, each received, prepared, handed out, returned and prepared again in December
  // 2024: every other one is now ready at Centrallager, idle for about two years.
  await seedStore(page, 300, 1500);
  await page.reload();
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Daglig lagerrapport', exact: true }).click();
  const daily = page.getByTestId('report-daily');
  await expect(daily).toHaveAttribute('data-state', 'done');
  await expect(figure(page, 'report-daily', 'stock').locator('.glance-value')).toHaveText('150');
  await expect(figure(page, 'report-daily', 'idle').locator('.glance-value')).toHaveText('150');
  await expect(daily.getByTestId('table-idle').locator('tbody tr')).toHaveCount(150);

  const text = await pdfText(page, 'daily-long');
  await pdfPageToPng(`${ARTIFACTS}/daily-long.pdf`, 2, 80, `${ARTIFACTS}/daily-long-page2.png`);
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const idleKeys = Array.from({ length: 150 }, (_, i) => {
    const body = `35${String(2 * i + 1).padStart(12, '0')}`;
    return `${body}${luhnCheckDigit(body)}`;
  });
  const seen = new Map<string, number>();
  pages.forEach((p, i) => {
    expect(p).toContain('Daglig lagerrapport · Centrallager · 24.11.2026');
    expect(p).toContain(`Side ${i + 1} af ${pages.length}`);
    // People read the IMEI, not the store's key (`imei:…`).
    expect(p).not.toContain('imei:');
    const rows = p.split('\n').filter((line) => /^\s*35\d{13}\b/.test(line));
    // Each row whole on its page: the IMEI, the kind, the model, the status, the day and the count on one line.
    for (const line of rows) expect(line).toMatch(/^\s*\d{15}\s+Telefon\s+IP15\s+Klar\s+til\s+udlevering\s+\d{2}\.12\.2024\s+\d{3}\s*$/);
    for (const key of idleKeys) if (p.includes(key)) seen.set(key, (seen.get(key) ?? 0) + 1);
    // A page the idle table runs onto starts with its header row again.
    if (i > 0 && rows.length > 0) expect(p).toMatch(/IMEI\/serienr\.\s+Type\s+Model\s+Status\s+Siden\s+Dage/);
  });
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  expect(seen.size).toBe(150);
});
