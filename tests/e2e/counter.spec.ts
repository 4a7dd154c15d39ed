import { expect, test, type Page } from '@playwright/test';
import { expectFeedback, importCsv, scan, signIn } from './support/desk';

const phones = ['354381079141772', '352099006317065'];

/** Every click, touch and key the page receives, with its time, counted from before the app loads. */
async function recordInputs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const inputs: Array<{ type: string; t: number }> = [];
    (window as unknown as { __inputs: typeof inputs }).__inputs = inputs;
    for (const type of ['pointerdown', 'mousedown', 'click', 'touchstart', 'keydown'])
      window.addEventListener(type, () => inputs.push({ type, t: performance.now() }), true);
  });
}

const inputsSince = (page: Page, since: number) =>
  page.evaluate((from) => (window as unknown as { __inputs: Array<{ type: string; t: number }> }).__inputs.filter((i) => i.t >= from), since);
const now = (page: Page) => page.evaluate(() => performance.now());

test('a handout in three scans from the idle desk: 0 clicks, 0 keys; a return by badge scan', async ({ page }) => {
  test.setTimeout(240_000);
  await recordInputs(page);
  await signIn(page, 'MK');
  await importCsv(
    page,
    'employees',
    'Medarbejdere',
    'id;navn;forvaltning;e-mail;kortnummer\r\nE1001;Søren Ærø;ØKF;soren@kk.dk;KK-1234567\r\nE1002;Jens Hansen;SOF;jens@sof.kk.dk;\r\nE1003;Jens Hansen;TMF;jh@tmf.kk.dk;\r\n',
  );
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP13;iPhone 13;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="badgePattern"]').fill('^KK-\\d{7}$');
  await page.getByRole('button', { name: 'Gem', exact: true }).first().click();
  await page.getByRole('button', { name: 'Skranke' }).click();
  // Two prepared phones: the desk's stock.
  await scan(page, '5728657070492');
  for (const imei of phones) await scan(page, imei);
  await scan(page, 'KVIK:MODE:PREPARE');
  for (const imei of phones) await scan(page, imei);
  await scan(page, 'KVIK:DONE');
  await expectFeedback(page, 'info', 'Omgang afsluttet');

  // From here on, nothing but three scans.
  const from = await now(page);
  const scanWindows: Array<[number, number]> = [];
  const counted = async (text: string) => {
    const start = await now(page);
    await scan(page, text);
    scanWindows.push([start, await now(page)]);
  };
  await counted('KVIK:EMP:E1003');
  await expectFeedback(page, 'good', 'Udlevering til Jens Hansen (Teknik- og Miljøforvaltningen)');
  await expect(page.getByRole('tab', { name: 'Udlever', exact: true })).toHaveAttribute('aria-selected', 'true');
  await counted(phones[0]!);
  await expectFeedback(page, 'good', `Udleveret: ${phones[0]}`);
  await expect(page.getByTestId('batch-list')).toContainText('iPhone 13');
  await expect(page.getByTestId('batch-list')).toContainText('Jens Hansen');
  await counted('KVIK:DONE');
  // Recorded, the receipt offered, the employee let go.
  await expect(page.getByTestId('receipt')).toContainText('Kvittering for udlevering af it-udstyr');
  await expect(page.getByTestId('receipt')).toContainText('Jens Hansen');
  await expect(page.getByTestId('receipt')).toContainText(phones[0]!);
  await page.screenshot({ path: 'tests/artifacts/screens/counter-receipt.png', fullPage: true });

  const inputs = await inputsSince(page, from);
  const clicks = inputs.filter((i) => i.type !== 'keydown');
  const keysByAPerson = inputs.filter((i) => i.type === 'keydown' && !scanWindows.some(([a, b]) => i.t >= a && i.t <= b));
  console.log(`one handout from the idle desk: ${scanWindows.length} scans, ${clicks.length} clicks, ${keysByAPerson.length} keys`);
  expect([scanWindows.length, clicks.length, keysByAPerson.length]).toEqual([3, 0, 0]);

  // The next person is never booked to the last one: the handout has no employee after DONE.
  await page.getByRole('button', { name: 'Spring over' }).click();
  await scan(page, phones[1]!);
  await expectFeedback(page, 'error', 'Vælg medarbejderen');

  // A return by badge: the badge in the return workflow is a return from that employee.
  await scan(page, 'KVIK:EMP:E1001');
  await scan(page, phones[1]!);
  await expectFeedback(page, 'good', `Udleveret: ${phones[1]}`);
  await scan(page, 'KVIK:DONE');
  await page.getByRole('button', { name: 'Spring over' }).click();
  await scan(page, 'KVIK:MODE:RETURN');
  await scan(page, 'KK-1234567');
  await expectFeedback(page, 'good', 'Aflevering fra Søren Ærø (Økonomiforvaltningen)');
  await expect(page.getByRole('tab', { name: 'Tag retur', exact: true })).toHaveAttribute('aria-selected', 'true');
  await scan(page, phones[1]!);
  await expectFeedback(page, 'good', phones[1]!);
  await expect(page.getByTestId('batch-list')).toContainText('Søren Ærø');
  await scan(page, 'KVIK:DONE');
  await expect(page.getByTestId('receipt')).toContainText('Kvittering for aflevering af it-udstyr');
  await expect(page.getByTestId('receipt')).toContainText('Søren Ærø');
  await expect(page.getByTestId('receipt')).toContainText('I orden');
});

test('reuse first: a new phone is held back while a used one is ready, the used one goes out with a SIM card, and comes back from someone else', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'MK');
  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning\r\nE1001;Søren Ærø;ØKF\r\nE1003;Jens Hansen;TMF\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP13;iPhone 13;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Skranke' }).click();
  const [used, fresh] = phones as [string, string];
  const sim = '8945102000001234561';
  await scan(page, '5728657070492');
  for (const imei of phones) await scan(page, imei);
  await scan(page, 'KVIK:MODE:PREPARE');
  for (const imei of phones) await scan(page, imei);
  await scan(page, 'KVIK:DONE');
  // One phone goes out to Søren and comes back: used, and ready again.
  await scan(page, 'KVIK:EMP:E1001');
  await scan(page, used);
  await expectFeedback(page, 'good', `Udleveret: ${used}`);
  await scan(page, 'KVIK:DONE');
  await page.getByRole('button', { name: 'Spring over' }).click();
  await scan(page, 'KVIK:MODE:RETURN');
  await scan(page, used);
  await expectFeedback(page, 'good', used);
  await scan(page, 'KVIK:DONE');
  await page.getByRole('button', { name: 'Spring over' }).click();
  await scan(page, 'KVIK:MODE:PREPARE');
  await scan(page, used);
  await expectFeedback(page, 'good', `Klargjort: ${used}`);

  // Jens is about to get the new one: amber, with the advice.
  await scan(page, 'KVIK:EMP:E1003');
  // The ServiceNow request Jens comes with, from its barcode.
  await scan(page, 'RITM0012345');
  await expectFeedback(page, 'info', 'Anmodning RITM0012345');
  await scan(page, fresh);
  await expectFeedback(page, 'warning', '1 brugt iPhone 13 er klar — genbrug først?');
  // Nothing recorded yet: the batch is still empty.
  await expect(page.getByTestId('batch-list')).toHaveCount(0);
  // The advice followed: the used one goes out.
  await scan(page, used);
  await expectFeedback(page, 'good', `Udleveret: ${used}`);
  await page.screenshot({ path: 'tests/artifacts/screens/counter-reuse-followed.png', fullPage: true });
  // A SIM card scanned right after the phone is paired with it, and named on the receipt.
  await scan(page, sim);
  await expectFeedback(page, 'good', `SIM-kort parret: ${used} · SIM ${sim}`);
  await expect(page.getByTestId('batch-count')).toHaveText('1 enhed');
  await scan(page, 'KVIK:DONE');
  await expect(page.getByTestId('receipt')).toContainText(sim);
  await expect(page.getByTestId('receipt')).toContainText('RITM0012345');
  await page.getByRole('button', { name: 'Spring over' }).click();

  // A return from Søren of the phone Jens holds: amber first, scanned again it comes back.
  await scan(page, 'KVIK:MODE:RETURN');
  await scan(page, 'KVIK:EMP:E1001');
  await scan(page, used);
  await expectFeedback(page, 'warning', `${used} er udleveret til Jens Hansen, ikke Søren Ærø`);
  await expect(page.getByTestId('batch-list')).toHaveCount(0);
  await scan(page, used);
  await expectFeedback(page, 'good', used);

  // The history says the advice was followed; the overview holds the share against the goal.
  await page.getByRole('button', { name: 'Opslag' }).click();
  await scan(page, used);
  await expect(page.getByTestId('history')).toContainText('Jens Hansen · TMF · RITM0012345 · genbrug først: fulgt');
  await expect(page.getByTestId('history').locator('tr', { hasText: 'SIM-kort parret' })).toContainText(sim);
  await expect(page.getByTestId('history')).toContainText(`SIM-kort ${sim} taget ud`);
  await expect(page.getByTestId('device-card')).not.toContainText(sim);
  await page.getByRole('button', { name: 'Rapporter' }).click();
  // Two handouts today, one of them a used phone: 50 % against the goal of 8 %.
  await expect(page.getByTestId('reuse-goal')).toHaveAttribute('data-state', 'reached', { timeout: 60_000 });
  await expect(page.getByTestId('reuse-goal')).toContainText(/50\s%.*2 udleveringer.*8\s%/);
});

test('asset tags: a pre-printed tag scanned after the device in receive is linked, the next of the desk’s series is given when the label is printed', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'MK');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="assetTagPattern"]').fill('^KK\\d{6}$');
  await page.locator('input[name="tagSeriesPrefix"]').fill('KK');
  await page.locator('input[name="tagSeriesNext"]').fill('500');
  await page.getByRole('button', { name: 'Gem', exact: true }).first().click();
  await page.getByRole('button', { name: 'Skranke' }).click();
  const [tagged, untagged] = phones as [string, string];
  await scan(page, 'KVIK:MODE:RECEIVE');
  await scan(page, tagged);
  await scan(page, 'KK000100');
  await expectFeedback(page, 'good', `Inventarmærke sat på: ${tagged} · KK000100`);
  await scan(page, untagged);
  await expectFeedback(page, 'good', untagged);
  await expect(page.getByTestId('batch-count')).toHaveText('2 enheder');

  // The labels: the pre-printed tag, and the series' next for the one without.
  await page.getByRole('button', { name: 'Etiketter til omgangen' }).click();
  await expect(page.getByRole('heading', { name: '2 etiketter' })).toBeVisible();
  await expect(page.locator('body')).toContainText('KK000100');
  await expect(page.locator('body')).toContainText('KK000500');
  await page.getByRole('button', { name: 'Opslag' }).click();
  await scan(page, 'KK000500');
  await expect(page.getByTestId('device-card')).toContainText(untagged);
  await expect(page.getByTestId('history')).toContainText('fra skrankens serie');
  // The series moved on.
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await expect(page.locator('input[name="tagSeriesNext"]')).toHaveValue('501');
});
