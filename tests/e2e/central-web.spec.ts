import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeEvent } from '../../shared/testing/builders';
import { startInventory } from './support/sync-server';

/**
 * The central inventory serves the web build of the app (`out/web`, `npm run build:web` first) at
 * `/`: a team lead opens its address in Chromium, with nothing installed, gets the app, and the
 * same origin answers the reports over HTTP.
 */

const TOKEN = 'tok-central-web';
let inventory: Awaited<ReturnType<typeof startInventory>> | undefined;

test.beforeAll(async () => {
  inventory = await startInventory({ 'desk-1': TOKEN }, undefined, { WEB_ROOT: resolve('out/web') });
});
test.afterAll(async () => {
  await inventory?.stop();
});

test('the central web page opens in Chromium from the server and its reports answer from the same address', async ({ page }) => {
  const url = inventory?.server.url ?? '';
  await page.goto(`${url}/`);
  await expect(page.getByLabel('Navn eller initialer')).toBeVisible();
  await page.getByLabel('Navn eller initialer').fill('TL');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText('TL');
  await page.getByRole('button', { name: 'Rapporter' }).click();
  await page.getByRole('tab', { name: 'Månedsoversigt', exact: true }).click();
  await expect(page.getByTestId('report-monthly')).toHaveAttribute('data-state', 'done');

  // A device handed out at the centre shows in the central monthly summary, asked for from the page.
  const key = 'imei:354381079141772';
  const pushed = await page.request.post(`${url}/v1/push`, {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: {
      events: [
        makeEvent('received', key, { at: '2026-11-02T08:00:00.000Z', data: { imei: '354381079141772' } }),
        makeEvent('prepared', key, { at: '2026-11-02T09:00:00.000Z' }),
        makeEvent('handed_out', key, { at: '2026-11-03T09:00:00.000Z' }),
      ],
    },
  });
  expect(pushed.status()).toBe(200);
  const summary = await page.evaluate(async (token) => {
    const res = await fetch('/v1/reports/monthly?month=2026-11&today=2026-11-30', { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { handouts: { count: number; keys: string[] } } };
  }, TOKEN);
  expect(summary).toEqual({ status: 200, body: expect.objectContaining({ handouts: { count: 1, keys: [key] } }) });
});
