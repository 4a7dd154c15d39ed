import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startInventory } from './sync-server';

export interface SyncingDesk {
  context: BrowserContext;
  page: Page;
}

/** The central inventory for the spec's tests, started before them and stopped after: call at the top of a spec. */
export function inventoryForSpec(tokens: Record<string, string>): () => Awaited<ReturnType<typeof startInventory>> {
  let inventory: Awaited<ReturnType<typeof startInventory>> | undefined;
  test.beforeAll(async () => {
    inventory = await startInventory(tokens);
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
