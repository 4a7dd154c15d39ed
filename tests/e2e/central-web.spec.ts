import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeEvent } from '../../shared/testing/builders';
import { openDatabase } from '../../server/db/open';
import { saveOperator } from '../../server/operators/operators';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { startInventory } from './support/sync-server';

/**
 * The central inventory serves the web build of the app (`out/web`, `npm run build:web` first) at
 * `/`: a team lead opens its address in Chromium, with nothing installed, finds the server's
 * address already filled in, enters the desk token once, signs in as an operator with badge and
 * PIN, and reads the monthly summary of what the desks recorded; the same origin answers the
 * reports over HTTP to a team lead's id and PIN.
 */

const TOKEN = 'tok-central-web';
const OTHER_DESK = 'tok-desk-2';
const imei = '354381079141772';
const key = `imei:${imei}`;
let inventory: Awaited<ReturnType<typeof startInventory>> | undefined;

test.beforeAll(async () => {
  inventory = await startInventory(
    { 'central-web': TOKEN, 'desk-2': OTHER_DESK },
    async (env) => {
      const db = await openDatabase({ kind: 'pglite', dataDir: env['PGLITE_DIR'] ?? '' });
      try {
        await importReferenceCsv(db, 'locations', 'id;name;type\nLAGER;Centrallager;warehouse\n');
        await importReferenceCsv(db, 'employees', 'id;name;department;email\nE1001;Mette Hansen;ØKF;mette@kk.dk\n');
        await saveOperator(db, { id: 'TL1', name: 'Tove Lund', role: 'team_lead', badge: 'B-TL1', pin: '4711' });
      } finally {
        await db.close();
      }
    },
    { WEB_ROOT: resolve('out/web') },
  );
});
test.afterAll(async () => {
  await inventory?.stop();
});

test('the central web page opens in Chromium from the server; a team lead signs in and reads the monthly summary there and over HTTP', async ({ page }) => {
  const url = inventory?.server.url ?? '';
  await page.goto(`${url}/`);
  await page.getByLabel('Navn eller initialer').fill('Opsætning');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="deskId"]').fill('central-web');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  // Served by the inventory: its own address is the server to sync with.
  await expect(page.locator('input[name="serverUrl"]')).toHaveValue(url);
  await page.locator('input[name="deskToken"]').fill(TOKEN);
  await page.getByRole('button', { name: 'Gem og synkronisér' }).click();
  await expect(page.getByRole('contentinfo').getByTestId('sync-last')).toContainText('Sidst synkroniseret');
  // Meanwhile a desk hands a phone out: this month's only handout, pulled by the page's next sync
  // as events (what the page had before it joined came as a snapshot of the devices, without history).
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const common = { deskId: 'desk-2', operator: 'TL1', location: 'LAGER' };
  const pushed = await page.request.post(`${url}/v1/push`, {
    headers: { authorization: `Bearer ${OTHER_DESK}` },
    data: {
      events: [
        makeEvent('received', key, { ...common, at: at(3), data: { kind: 'phone', imei } }),
        makeEvent('prepared', key, { ...common, at: at(2) }),
        makeEvent('handed_out', key, { ...common, at: at(1), data: { employeeId: 'E1001', department: 'ØKF' } }),
      ],
    },
  });
  expect(pushed.status()).toBe(200);
  expect(((await pushed.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

  await page.getByRole('contentinfo').getByRole('button', { name: 'Synkronisér nu' }).click();
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(imei);
  await expect(page.getByTestId('device-card')).toContainText('Udleveret', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Log ud' }).click();

  await page.getByLabel('Kort eller id').fill('B-TL1');
  await page.getByLabel('Pinkode').fill('4711');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText('TL1');
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Månedsoversigt', exact: true }).click();
  const monthly = page.getByTestId('report-monthly');
  await expect(monthly).toHaveAttribute('data-state', 'done');
  const handouts = monthly.getByTestId('table-monthly-figures').locator('tbody tr').first();
  await expect(handouts.locator('td').first()).toHaveText('Udleveringer');
  await expect(handouts.locator('[data-column="count"]')).toHaveText('1');

  // The same figure from the centre, asked for by the page with the team lead's id and PIN.
  const answer = await page.evaluate(async (token) => {
    const ask = (headers: Record<string, string>) => fetch('/v1/reports/monthly', { headers: { authorization: `Bearer ${token}`, ...headers } });
    const refused = await ask({});
    const res = await ask({ 'x-kvik-operator': 'TL1', 'x-kvik-pin': '4711' });
    return { refused: refused.status, status: res.status, body: (await res.json()) as { handouts: { count: number; keys: string[] } } };
  }, TOKEN);
  expect(answer).toEqual({ refused: 403, status: 200, body: expect.objectContaining({ handouts: { count: 1, keys: [key] } }) });
});
