import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openDatabase } from '../../../server/db/open';
import { importReferenceCsv } from '../../../server/reference/import-csv';
import { defaultLocations } from '../../../renderer/store/populate';
import { startInventory } from './sync-server';

/**
 * The central inventory owns the locations, and desks take its list at every sync: it starts with
 * the same two a new desk has (the warehouse and the Rådhus desk), as a municipality's would.
 */
async function seedLocations(env: Record<string, string>): Promise<void> {
  const db = await openDatabase({ kind: 'pglite', dataDir: env['PGLITE_DIR'] ?? '' });
  try {
    const result = await importReferenceCsv(db, 'locations', ['id;name;type', ...defaultLocations.map((l) => `${l.id};${l.name};${l.type}`)].join('\n'));
    if (!result.ok) throw new Error(`locations not imported: ${JSON.stringify(result.problems)}`);
  } finally {
    await db.close();
  }
}

export interface SyncingDesk {
  context: BrowserContext;
  page: Page;
}

/** The central inventory for the spec's tests, started before them and stopped after: call at the top of a spec. */
export function inventoryForSpec(tokens: Record<string, string>): () => Awaited<ReturnType<typeof startInventory>> {
  let inventory: Awaited<ReturnType<typeof startInventory>> | undefined;
  test.beforeAll(async () => {
    inventory = await startInventory(tokens, seedLocations);
  });
  test.afterAll(async () => {
    await inventory?.stop();
  });
  return () => {
    if (!inventory) throw new Error('the inventory starts before the tests');
    return inventory;
  };
}

/** The status bar's sync state. */
export const syncStatus = (page: Page) => page.getByRole('contentinfo').getByTestId('sync-status');

/**
 * A desk in a browser context of its own (its own IndexedDB), signed in at `location` (the first
 * one by default) and pointed at the central inventory.
 */
export async function openSyncingDesk(
  browser: Browser,
  serverUrl: string,
  { operator, deskId, token, location }: { operator: string; deskId: string; token: string; location?: string },
): Promise<SyncingDesk> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Navn eller initialer').fill(operator);
  if (location) await page.locator('select[name="location"]').selectOption(location);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText(operator);
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.locator('input[name="deskId"]').fill(deskId);
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Gemt.');
  await page.locator('input[name="serverUrl"]').fill(serverUrl);
  await page.locator('input[name="deskToken"]').fill(token);
  await page.getByRole('button', { name: 'Gem og synkronisér' }).click();
  // The web platform cannot encrypt, and the settings say so.
  await expect(page.getByTestId('token-state')).toContainText('Tokenet opbevares ukrypteret');
  await expect(syncStatus(page)).toHaveAttribute('data-connection', 'online');
  return { context, page };
}
