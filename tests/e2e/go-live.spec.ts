import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../server/db/open';
import { importDevices } from '../../server/import/devices';
import { saveOperator } from '../../server/operators/operators';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { scan, signIn } from './support/desk';
import { startInventory } from './support/sync-server';

const phone = '354381079141772';
const withCheckDigit = (body: string) => `${body}${luhnCheckDigit(body)}`;
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
/** What the central inventory holds now. */
async function centralReference(): Promise<{ models: unknown[]; employees: Array<{ id: string }> }> {
  const res = await fetch(`${inventory.server.url}/v1/reference`, { headers: { authorization: 'Bearer token-g' } });
  return (await res.json()) as { models: unknown[]; employees: Array<{ id: string }> };
}

/** Signs out, then in again the way an operator does: the badge scanned, the PIN typed. */
async function signInWithBadge(page: Page, badge: string, pin: string, operator: string): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByLabel('Kort eller id')).toBeVisible();
  await scan(page, badge);
  await expect(page.getByLabel('Pinkode')).toBeFocused();
  await page.getByLabel('Pinkode').fill(pin);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText(operator);
}

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

  // Now operators come from the centre: badge (or id) and PIN, no desk id asked. The badge is
  // scanned (a wedge scanner, wherever the focus is): it chooses the operator and the PIN field
  // takes the focus; a card that is nobody's is red.
  await expect(page.getByLabel('Kort eller id')).toBeVisible();
  await expect(page.locator('input[name="deskId"]')).toHaveCount(0);
  await scan(page, 'B-X9');
  await expect(page.getByTestId('badge-scan')).toHaveAttribute('data-tone', 'error');
  await expect(page.getByTestId('badge-scan')).toHaveText('Kortet kendes ikke. Bed en teamleder oprette dig.');
  await scan(page, 'B-D1');
  await expect(page.getByTestId('badge-scan')).toHaveText('Hej Dan Dahl. Tast din pinkode.');
  await expect(page.getByLabel('Kort eller id')).toHaveValue('B-D1');
  await expect(page.getByLabel('Pinkode')).toBeFocused();
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

  // Prices are a team lead's too: the department report shows them, a desk operator cannot set them.
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Forvaltninger', exact: true }).click();
  await expect(page.getByTestId('report-billing')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('input[name="price-phone"]')).toHaveCount(0);

  // …and the server refuses a team lead's action from a desk operator, whatever the desk does:
  // an edit of the models (prices) sent straight to the server…
  const put = await fetch(`${inventory.server.url}/v1/reference/models`, {
    method: 'PUT',
    headers: { authorization: 'Bearer token-g', 'content-type': 'application/json' },
    body: JSON.stringify({ operator: 'D1', rows: [{ id: 'IP13', name: 'iPhone 13', kind: 'phone', price: 100 }] }),
  });
  expect(put.status).toBe(403);
  expect(((await put.json()) as { error: { code: string } }).error.code).toBe('not_permitted');
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
  // …which the desk pulls like any event and shows in the device's history with the reason in Danish.
  await page.getByRole('contentinfo').getByRole('button', { name: 'Synkronisér nu' }).click();
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(shelved);
  const refused = page.getByTestId('history').locator(`[data-event-id="${lost.id}"]`);
  await expect(refused).toContainText('Din rolle giver ikke adgang til denne handling. Bed en teamleder.');

  // A team lead edits reference data on the desk: it goes to the central inventory and comes back.
  await signInWithBadge(page, 'B-TL1', '4711', 'TL1');
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: 'Modeller', exact: true }).click();
  const model = page.locator('[data-row-id="IP13"]');
  await expect(model).toContainText('4.599,00 kr.');
  await expect(model).toContainText('Standard');
  await expect(model.getByRole('button', { name: 'Slet' })).toHaveCount(0);
  await model.getByRole('button', { name: 'Redigér' }).click();
  await expect(page.locator('input[name="id"]')).toHaveAttribute('readonly', '');
  await page.locator('input[name="price"]').fill('4.299,00');
  await page.locator('select[name="tier"]').selectOption('advanced');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt i den centrale database' })).toBeVisible();
  await expect(model).toContainText('4.299,00 kr.');
  await expect(model).toContainText('Avanceret');
  expect((await centralReference()).models).toEqual([{ id: 'IP13', name: 'iPhone 13', kind: 'phone', price: 429900, tier: 'advanced' }]);

  // The desk's CSV import goes the same way.
  await page.getByRole('tab', { name: 'Medarbejdere', exact: true }).click();
  await page.getByTestId('import-employees').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFid;name;department\nE2002;Jens Berg;TMF\n', 'utf8') });
  await expect(page.getByRole('status').filter({ hasText: '1 rækker importeret' })).toBeVisible();
  await expect(page.locator('[data-row-id="E2002"]')).toContainText('Jens Berg');
  expect((await centralReference()).employees.map((e) => e.id)).toEqual(['E1001', 'E2002']);

  // …and operators: a new one with role, badge and PIN (it leaves the desk only as its hash).
  await page.getByRole('tab', { name: 'Operatører', exact: true }).click();
  await expect(page.getByTestId('import-operators')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tilføj' }).click();
  await page.locator('input[name="id"]').fill('W1');
  await page.locator('input[name="name"]').fill('Wilma Lager');
  await page.locator('select[name="role"]').selectOption('warehouse');
  await page.locator('input[name="badge"]').fill('B-W1');
  await page.locator('input[name="pin"]').fill('12');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('En pinkode er 4–12 cifre.');
  await page.locator('input[name="pin"]').fill('2468');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.locator('[data-row-id="W1"]')).toContainText('Lager');
  await expect(page.locator('[data-row-id="W1"]')).not.toContainText('2468');

  // Offline, the desk says that reference edits need the connection, and edits nothing locally.
  await context.setOffline(true);
  await expect(page.getByTestId('reference-offline')).toContainText('har ikke forbindelse');
  await expect(page.getByRole('button', { name: 'Tilføj' })).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByTestId('reference-offline')).toHaveCount(0);

  // The team lead imports an Intune export from the desk: the server's dry run by line first…
  const intuneImei = withCheckDigit('35693803564381');
  const intune =
    'Device name,Ownership,OS,Serial number,IMEI,Manufacturer,Model,Primary user UPN,Last check-in\n' +
    `KK-IP-1,Corporate,iOS,F2LXK9ABCD,${intuneImei},Apple,iPhone 13,mette@kk.dk,2026-11-30 08:00:00\n` +
    `KK-IP-2,Corporate,iOS,,${withCheckDigit('35693803564382')},Nokia,Nokia 3310,,2026-11-30 08:00:00\n`;
  await page.getByRole('tab', { name: 'Importér enheder' }).click();
  await page.getByTestId('import-devices').setInputFiles({ name: 'intune.csv', mimeType: 'text/csv', buffer: Buffer.from(intune, 'utf8') });
  await expect(page.getByTestId('import-counts')).toHaveText('Oprettes: 1 · Ændres: 0 · Uændret: 0 · Afvist: 1');
  await expect(page.locator('[data-line="2"]')).toContainText('Oprettes');
  await expect(page.locator('[data-line="2"]')).toContainText('Udleveret');
  await expect(page.locator('[data-line="3"]')).toContainText('Ukendt model: „Nokia 3310“');
  await page.screenshot({ path: 'tests/artifacts/screens/go-live-device-import.png', fullPage: true });
  const importButton = page.getByRole('button', { name: 'Importér 1 enhed' });
  await expect(importButton).toBeDisabled();
  // …nothing while a line is refused, unless the team lead skips it; then the desk receives it.
  await page.getByLabel('Importér de gode linjer, og spring de afviste over').check();
  await importButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Importeret: 1 oprettet, 0 ændret.' })).toBeVisible();
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(intuneImei);
  await expect(page.getByText('Mette Hansen').first()).toBeVisible();

  // A desk operator has no import tab.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByLabel('Kort eller id').fill('D1');
  await page.getByLabel('Pinkode').fill('1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await expect(page.getByRole('tab', { name: 'Importér enheder' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Operatører' })).toHaveCount(0);

  // The operator the team lead added signs in with badge and PIN.
  await signInWithBadge(page, 'B-W1', '2468', 'W1');
  await context.close();
});
