import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../server/db/open';
import { importDevices } from '../../server/import/devices';
import { saveOperator } from '../../server/operators/operators';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { signIn } from './support/desk';
import { startInventory } from './support/sync-server';

const phone = '354381079141772';
const shelved = '356938035643809';
let inventory: Awaited<ReturnType<typeof startInventory>>;

/**
 * Going live: the central inventory gets its reference data, operators and the existing fleet
 * first — through the same functions as the server's commands (`tests/integration` runs the
 * commands themselves), on the server's PGlite directory before it starts (one owner at a time).
 */
test.beforeAll(async () => {
  inventory = await startInventory({ 'desk-g': 'token-g' }, async (env) => {
    const db = await openDatabase({ kind: 'pglite', dataDir: env.PGLITE_DIR });
    try {
      await importReferenceCsv(db, 'locations', 'id;name;type\nLAGER;Centrallager;warehouse\nKS1;Kvikskranke Rådhuset;desk\n');
      await importReferenceCsv(db, 'employees', 'id;name;department;email\nE1001;Mette Hansen;ØKF;mette@kk.dk\n');
      await importReferenceCsv(db, 'models', 'id;name;kind;price;tier\nIP13;iPhone 13;phone;4.599,00;standard\n');
      await saveOperator(db, { id: 'TL1', name: 'Tove Lund', role: 'team_lead', badge: 'B-TL1', pin: '4711' });
      await saveOperator(db, { id: 'D1', name: 'Dan Dahl', role: 'desk', badge: 'B-D1', pin: '1234' });
      const fleet = await importDevices(db, `\uFEFFimei;model;status;location;holder\n${phone};IP13;udleveret;;E1001\n${shelved};IP13;på lager;LAGER;\n`, { source: 'fleet.csv' });
      if (!fleet.written) throw new Error(`fleet not imported: ${JSON.stringify(fleet.plan.counts)}`);
    } finally {
      await db.close();
    }
  });
});
test.afterAll(async () => {
  await inventory?.stop();
});

test('a fresh desk receives the central reference data and the imported fleet; operators sign in with badge and PIN; a desk operator cannot do a team lead’s work', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  // Set up once: before any operator is synced the desk is a trial desk, and whoever sets it up
  // answers for it.
  await signIn(page, 'Opsætning');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="deskId"]').fill('desk-g');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await page.locator('input[name="serverUrl"]').fill(inventory.server.url);
  await page.locator('input[name="deskToken"]').fill('token-g');
  await page.getByRole('button', { name: 'Gem og synkronisér' }).click();
  await expect(page.getByRole('contentinfo').getByTestId('sync-status')).toHaveAttribute('data-connection', 'online');
  await expect(page.getByRole('contentinfo').getByTestId('sync-last')).toContainText('Sidst synkroniseret');
  await page.getByRole('button', { name: 'Log ud' }).click();

  // Now operators come from the centre: badge (or id) and PIN, no desk id asked.
  await expect(page.getByLabel('Kort eller id')).toBeVisible();
  await expect(page.locator('input[name="deskId"]')).toHaveCount(0);
  await page.getByLabel('Kort eller id').fill('B-D1');
  await page.getByLabel('Pinkode').fill('9999');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText('Forkert pinkode.');
  await page.getByLabel('Pinkode').fill('1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText('D1');

  // The imported employee's phone, found by its IMEI: handed out to her, as the register said.
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(phone);
  await expect(page.getByText('Mette Hansen').first()).toBeVisible();

  // Reference data is the centre's: a desk operator reads it, cannot edit it.
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Modeller', exact: true }).click();
  await expect(page.locator('[data-row-id="IP13"]')).toContainText('iPhone 13');
  await expect(page.getByTestId('reference-read-only')).toHaveText('Kun en teamleder kan ændre stamdata.');
  await expect(page.getByTestId('import-models')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Redigér' })).toHaveCount(0);
  await expect(page.getByTestId('reference-updated')).toContainText('Hentet fra den centrale database');
  await page.screenshot({ path: 'tests/artifacts/screens/go-live-reference.png', fullPage: true });

  // …and the server refuses a team lead's action from a desk operator, whatever the desk does.
  const lost = {
    id: uuidv7(), type: 'reported_lost', deviceKey: `imei:${shelved}`, at: new Date().toISOString(),
    deskId: 'desk-g', operator: 'D1', location: 'LAGER', data: {},
  };
  const res = await fetch(`${inventory.server.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: 'Bearer token-g', 'content-type': 'application/json' },
    body: JSON.stringify({ events: [lost] }),
  });
  const { results } = (await res.json()) as { results: Array<{ status: string; reasonCode?: string }> };
  expect(results).toEqual([expect.objectContaining({ status: 'conflict', reasonCode: 'not_permitted' })]);
  await context.close();
});
