import { expect, test, type Browser } from '@playwright/test';
import { expectFeedback, scan } from './support/desk';
import { inventoryForSpec, openSyncingDesk, syncStatus } from './support/syncing-desk';

const packed = ['354381079141772', '490154203237518', '356938035643809'];
const lost = packed[2] as string;
const stray = '352099001761481';
const inventory = inventoryForSpec({ 'desk-lager': 'token-lager', 'desk-rh': 'token-rh' });
const status = syncStatus;
const openDesk = (browser: Browser, operator: string, location: string, deskId: string, token: string) =>
  openSyncingDesk(browser, inventory().server.url, { operator, location, deskId, token });

test('a transfer packed at the warehouse, sent offline, received at a desk with one device missing and one unexpected', async ({ browser }) => {
  // Two desks wait for each other's events three times, each a pull of the sync scheduler (every 15 s).
  test.setTimeout(240_000);
  const lager = await openDesk(browser, 'LA', 'LAGER', 'desk-lager', 'token-lager');
  const rh = await openDesk(browser, 'RH', 'KVIK-RH', 'desk-rh', 'token-rh');

  // The warehouse receives four phones and, offline, packs three of them for the Rådhus desk.
  for (const imei of [...packed, stray]) {
    await scan(lager.page, imei);
    await expectFeedback(lager.page, 'good', `Modtaget: ${imei}`);
  }
  await lager.context.setOffline(true);
  await scan(lager.page, 'KVIK:MODE:PACK');
  await scan(lager.page, packed[0] as string);
  await expectFeedback(lager.page, 'error', 'Vælg modtageren');
  await lager.page.locator('[data-field="destination"]').selectOption('KVIK-RH');
  const transferId = (await lager.page.getByTestId('transfer-id').textContent()) ?? '';
  expect(transferId).toMatch(/^T\d{6}-[0-9A-Z]{4}$/);
  for (const imei of packed) {
    await scan(lager.page, imei);
    await expectFeedback(lager.page, 'good', `Sendt med forsendelse: ${imei}`);
  }
  const open = lager.page.getByTestId('open-transfers').locator(`[data-transfer="${transferId}"]`);
  await expect(open.getByTestId('in-transit-count')).toHaveText('3');

  // Back online, the warehouse syncs what it packed. (Online first only because the web build
  // fetches the slip's chunk from its server; the desktop app loads it from disk.)
  await lager.context.setOffline(false);
  await expect(status(lager.page)).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // DONE sends it and opens the packing slip: barcode, from, to, the three phones, signatures.
  await scan(lager.page, 'KVIK:DONE');
  const slip = lager.page.getByTestId('packing-slip');
  await expect(slip).toContainText(transferId);
  await expect(slip.getByTestId('slip-from')).toHaveText('Centrallager');
  await expect(slip.getByTestId('slip-to')).toHaveText('Kvikskranke Rådhuset');
  await expect(slip.locator('tbody tr')).toHaveCount(3);
  for (const imei of packed) await expect(slip).toContainText(imei);
  await expect(slip).toContainText('Modtaget af');
  await expect(slip.locator('img.barcode')).toHaveAttribute('alt', `KVIK:TRANSFER:${transferId}`);
  await lager.page.screenshot({ path: 'tests/artifacts/screens/packing-slip.png', fullPage: true });
  const pdf = await lager.page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await lager.page.getByRole('button', { name: 'Tilbage til skranken' }).click();

  // The desk sees the transfer on its way once it has pulled.

  await scan(rh.page, 'KVIK:MODE:UNPACK');
  await expect(rh.page.getByTestId('open-transfers').locator(`[data-transfer="${transferId}"]`).getByTestId('in-transit-count')).toHaveText('3', { timeout: 30_000 });
  await scan(rh.page, `KVIK:TRANSFER:${transferId}`);
  await expectFeedback(rh.page, 'info', `Forsendelse ${transferId} åbnet`);
  await expect(rh.page.getByTestId('expected').locator('li')).toHaveCount(3);

  for (const imei of packed.slice(0, 2)) {
    await scan(rh.page, imei);
    await expectFeedback(rh.page, 'good', `Modtaget fra forsendelse: ${imei}`);
  }
  await expect(rh.page.getByTestId('expected').locator('li')).toHaveCount(1);
  // A phone that was never packed: amber, listed, and taken in at the desk's word.
  await scan(rh.page, stray);
  await expectFeedback(rh.page, 'warning', `Ikke i denne forsendelse: ${stray}`);
  const unexpected = rh.page.getByTestId('unexpected');
  await expect(unexpected).toContainText(stray);
  await unexpected.getByRole('button', { name: 'Tag ind' }).click();
  await expect(unexpected).toContainText('taget ind');
  // Closing lists the one not scanned as missing: it stays in transit.
  await rh.page.getByRole('button', { name: 'Luk forsendelse' }).click();
  await expect(rh.page.getByRole('status').filter({ hasText: 'lukket' })).toContainText('1 enhed meldt manglende');
  await expect(rh.page.getByTestId('missing')).toContainText(lost);
  await rh.page.screenshot({ path: 'tests/artifacts/screens/transfer-received.png', fullPage: true });
  await expect(status(rh.page)).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // The warehouse sees what is left: one phone in transit, missing.
  await scan(lager.page, 'KVIK:MODE:PACK');
  const left = lager.page.getByTestId('open-transfers').locator(`[data-transfer="${transferId}"]`);
  await expect(left.getByTestId('in-transit-count')).toHaveText('1', { timeout: 30_000 });
  // Its next pull (every 15 s) brings the close.
  await expect(left.getByTestId('missing-count')).toHaveText('1', { timeout: 30_000 });
  await lager.page.getByRole('button', { name: 'Opslag' }).click();
  await lager.page.locator('[data-field="lookup-search"]').fill(stray);
  await expect(lager.page.getByTestId('device-card')).toContainText('Kvikskranke Rådhuset', { timeout: 30_000 });

  await lager.context.close();
  await rh.context.close();
});
