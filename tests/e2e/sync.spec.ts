import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectFeedback, importCsv, scan, signIn } from './support/desk';
import { inventoryForSpec, openSyncingDesk, syncStatus } from './support/syncing-desk';

const imei = '354381079141772';
const inventory = inventoryForSpec({ 'desk-a': 'token-a', 'desk-b': 'token-b' });
const status = syncStatus;
/** A desk in a browser context of its own (its own IndexedDB), signed in and pointed at the server. */
const openDesk = (browser: Browser, operator: string, deskId: string, token: string) =>
  openSyncingDesk(browser, inventory().server.url, { operator, deskId, token });

async function expectPending(page: Page, count: number): Promise<void> {
  await expect(status(page)).toHaveAttribute('data-pending', String(count));
  await expect(status(page).getByTestId('sync-pending')).toHaveText(`${count} venter`);
}

async function lookUp(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(text);
}

test('two desks: a handout made offline reaches the other desk; the desk that loses a conflict sees it with its reason', async ({ browser }) => {
  const a = await openDesk(browser, 'AA', 'desk-a', 'token-a');
  const b = await openDesk(browser, 'BB', 'desk-b', 'token-b');
  await expect(status(a.page).getByTestId('sync-last')).toContainText('Sidst synkroniseret');

  // Desk A, offline: receives, prepares and hands out a phone. All of it waits in its outbox.
  await importCsv(a.page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1001;Søren Ærø;ØKF;soren@kk.dk\r\n');
  await a.context.setOffline(true);
  await expect(status(a.page)).toHaveAttribute('data-connection', 'offline');
  await expect(status(a.page).getByTestId('sync-connection')).toHaveText('Offline');
  await a.page.getByRole('button', { name: 'Skranke' }).click();
  await scan(a.page, imei);
  await expectFeedback(a.page, 'good', `Modtaget: ${imei}`);
  await scan(a.page, 'KVIK:MODE:PREPARE');
  await scan(a.page, imei);
  await expectFeedback(a.page, 'good', `Klargjort: ${imei}`);
  await a.page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  await a.page.locator('[data-field="employee-search"]').fill('Søren');
  await a.page.getByRole('option').getByText('Søren Ærø').click();
  await scan(a.page, imei);
  await expectFeedback(a.page, 'good', `Udleveret: ${imei}`);
  await expectPending(a.page, 3);

  // Desk B has never heard of it.
  await lookUp(b.page, imei);
  await expect(b.page.getByRole('alert')).toContainText(`Ingen enhed med ${imei}`);

  // A comes online and syncs by itself; B picks it up on its own next sync, on the open screen.
  await a.context.setOffline(false);
  await expectPending(a.page, 0);
  await expect(status(a.page)).toHaveAttribute('data-connection', 'online');
  await expect(b.page.getByTestId('device-card')).toContainText('Udleveret', { timeout: 30_000 });
  // The employee desk A imported went to the central inventory, and so reached desk B too.
  await expect(b.page.getByTestId('device-card')).toContainText('Søren Ærø');
  const history = b.page.getByTestId('history').locator('tbody tr');
  await expect(history.locator('td:nth-child(2)')).toHaveText(['Udleveret', 'Klargjort', 'Modtaget']);
  await expect(history.first()).toContainText('desk-a');
  await expect(history.first()).toContainText('Bekræftet');

  // Both offline, both act on the same phone: A takes it back, B reports it lost.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.page.getByRole('button', { name: 'Skranke' }).click();
  await scan(a.page, 'KVIK:MODE:RETURN');
  await scan(a.page, imei);
  await expectFeedback(a.page, 'good', `Returneret: ${imei}`);
  await b.page.getByRole('button', { name: 'Skranke' }).click();
  await b.page.getByRole('tab', { name: 'Meld bortkommet', exact: true }).click();
  await scan(b.page, imei);
  await expectFeedback(b.page, 'good', `Meldt bortkommet: ${imei}`);
  await expectPending(a.page, 1);
  await expectPending(b.page, 1);

  // B gets to the server first and wins; then A, whose return the server refuses.
  await b.context.setOffline(false);
  await expectPending(b.page, 0);
  await a.context.setOffline(false);
  await expectPending(a.page, 0);
  await expect(a.page.getByTestId('open-conflict-count')).toHaveText('1');
  await a.page.getByRole('button', { name: /Konflikter/ }).click();
  const conflict = a.page.getByTestId('open-conflicts').getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toHaveAttribute('data-reason-code', 'device_lost');
  await expect(conflict).toContainText(imei);
  await expect(conflict).toContainText('Returneret');
  await expect(conflict.getByTestId('conflict-reason')).toHaveText('Enheden er meldt bortkommet. Registrér den som fundet først.');
  // A's projection fell back to the server's truth: the phone is lost, not returned.
  await expect(conflict).toContainText('Enheden står nu som: Bortkommet');
  await a.page.screenshot({ path: 'tests/artifacts/screens/conflicts.png', fullPage: true });

  // The desk that won has nothing to resolve.
  await expect(b.page.getByTestId('open-conflict-count')).toHaveCount(0);
  await b.page.getByRole('button', { name: /Konflikter/ }).click();
  await expect(b.page.getByTestId('no-conflicts')).toBeVisible();

  // A person at A settles it by recording a correction, which syncs like any other event.
  await conflict.getByRole('button', { name: 'Løs …' }).click();
  await conflict.locator('input[name="resolution"]').fill('Afleveret i skranken; meldes fundet');
  await conflict.getByRole('button', { name: 'Registrér rettelse' }).click();
  await expect(a.page.getByTestId('no-conflicts')).toBeVisible();
  await expectPending(a.page, 0);
  await a.page.getByRole('button', { name: 'Vis løste (1)' }).click();
  await expect(a.page.getByTestId('settled-conflicts')).toContainText('Løst af AA (desk-a)');

  // English too.
  await a.page.getByRole('button', { name: 'English' }).click();
  await expect(a.page.getByTestId('settled-conflicts').getByTestId('conflict-reason')).toHaveText('The device is reported lost. Record it as found first.');
  await expect(status(a.page).getByTestId('sync-pending')).toHaveText('0 waiting');

  await a.context.close();
  await b.context.close();
});

test('a refused token stops the sync and says so', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'CC');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="serverUrl"]').fill(inventory().server.url);
  await page.locator('input[name="deskToken"]').fill('not-a-token');
  await page.getByRole('button', { name: 'Gem og synkronisér' }).click();
  await expect(status(page).getByTestId('sync-problem')).toHaveText('Token afvist – ret det under Indstillinger');
  await expect(status(page)).toHaveAttribute('data-connection', 'online');
  await expect(status(page).getByTestId('sync-bootstrap')).toHaveCount(0);
  await page.screenshot({ path: 'tests/artifacts/screens/sync-settings.png', fullPage: true });
  await context.close();
});
