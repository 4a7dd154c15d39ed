import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceEvent } from '../../../shared/domain/event';
import { makeEvent } from '../../../shared/testing/builders';
import { healthResponseSchema, pushResponseSchema, syncLimits, syncPaths } from '../../../shared/sync/protocol';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { startChildServer, type ChildServer } from '../../integration/support/child-server';
import { figure, type BenchPart } from '../figures';
import { launchChromium, serveWebBuild, tsxEvaluateShim } from '../support/browser';

const DEVICES = Number(process.env.BENCH_BOOTSTRAP_DEVICES ?? 100_000);
const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A new desk's first sync: the device snapshot of 100,000 devices, fetched page by page from a
 * server process on PostgreSQL and stored by the real engine in the web build in Chromium —
 * started the way a person starts it (server address and token in the settings, "Save and sync")
 * and timed by the engine's own record of the bootstrap (`startedAt`/`finishedAt` in the sync
 * state). The baseline, in the same page and run: one raw Dexie `bulkPut` of the same device rows
 * into a table with the same indexes. Target: under 15 s and within 2x of the raw bulkPut.
 */
export const part: BenchPart = {
  name: 'bootstrap',
  async run() {
    const schema = freshSchemaName('bench_boot');
    const server = await startChildServer({ DATABASE_URL: POSTGRES, DATABASE_SCHEMA: schema, LOG_LEVEL: 'info', DESK_TOKENS: 'seed=tSeed,bench=tBench' });
    const web = await serveWebBuild();
    const browser = await launchChromium();
    try {
      const seeded = await seed(server, DEVICES);
      console.log(`  seeded the server with ${DEVICES} devices (${seeded} events)`);
      // bypassCSP: the baseline loads Dexie into the page as an injected script.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
      await context.addInitScript(tsxEvaluateShim);
      const page = await context.newPage();
      await page.goto(web.url);
      await page.getByLabel('Navn eller initialer').fill('BENCH');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('button', { name: 'Indstillinger' }).click();
      await page.locator('input[name="deskId"]').fill('bench');
      await page.getByRole('button', { name: 'Gem', exact: true }).click();
      await page.locator('input[name="serverUrl"]').fill(server.url);
      await page.locator('input[name="deskToken"]').fill('tBench');

      const clicked = Date.now();
      await page.getByRole('button', { name: 'Gem og synkronisér' }).click();
      const state = await waitForBootstrap(page, 120_000);
      const wallSeconds = (Date.now() - clicked) / 1000;
      const engineSeconds = (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000;
      if (state.fetched !== DEVICES) throw new Error(`the desk stored ${state.fetched} devices, expected ${DEVICES}`);

      const raw = await rawBulkPut(page);
      if (raw.rows !== DEVICES) throw new Error(`the desk's devices table holds ${raw.rows} rows, expected ${DEVICES}`);
      await context.close();
      return {
        'bootstrap.100k_devices': figure(engineSeconds, 's', raw.seconds,
          `${DEVICES} devices from the snapshot (pages of ${syncLimits.devicesMaxLimit}) into an empty desk in Chromium, server on PostgreSQL; baseline: one raw Dexie bulkPut of the same rows; target < 15 s and <= 2x raw`),
        'bootstrap.100k_devices.click_to_done': figure(wallSeconds, 's', undefined, 'from "Save and sync" to the last page committed, health check and UI included'),
      };
    } finally {
      await browser.close();
      await web.close();
      await server.stop('SIGTERM');
      await dropSchema(POSTGRES, schema);
    }
  },
};

/** Devices through a short lifecycle: all received, half prepared, a quarter handed out. */
async function seed(server: ChildServer, devices: number): Promise<number> {
  const events: DeviceEvent[] = [];
  const common = { at: '2026-11-23T09:00:00.000Z', deskId: 'seed', operator: 'SEED', location: 'LAGER' };
  for (let i = 0; i < devices; i++) {
    const imei = `35${String(i).padStart(13, '0')}`;
    const key = `imei:${imei}`;
    events.push(makeEvent('received', key, { ...common, id: uuidv7(), data: { kind: 'phone', imei, model: 'IP15' } }));
    if (i % 2 === 0) events.push(makeEvent('prepared', key, { ...common, id: uuidv7() }));
    if (i % 4 === 0) events.push(makeEvent('handed_out', key, { ...common, id: uuidv7(), data: { employeeId: `E${i % 5000}`, department: 'BUF' } }));
  }
  for (let i = 0; i < events.length; i += syncLimits.pushMaxEvents) {
    const res = await fetch(`${server.url}${syncPaths.push}`, {
      method: 'POST',
      headers: { authorization: 'Bearer tSeed', 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + syncLimits.pushMaxEvents) }),
    });
    const { results } = pushResponseSchema.parse(await res.json());
    if (results.some((r) => r.status !== 'accepted')) throw new Error('a seed event was not accepted');
  }
  const health = healthResponseSchema.parse(await (await fetch(`${server.url}${syncPaths.health}`)).json());
  if (health.head !== events.length) throw new Error('the server does not hold every seed event');
  return events.length;
}

interface BootstrapState {
  done: boolean;
  fetched: number;
  startedAt: string;
  finishedAt: string;
}

/** Polls the desk's own sync state in IndexedDB until the bootstrap is recorded as done. */
async function waitForBootstrap(page: Page, timeoutMs: number): Promise<BootstrapState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('kvikdesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('syncState').objectStore('syncState').get('sync');
            get.onsuccess = () => {
              db.close();
              resolve((get.result as { value?: { bootstrap?: unknown } } | undefined)?.value?.bootstrap ?? null);
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
    const bootstrap = state as Partial<BootstrapState> | null;
    if (bootstrap?.done && bootstrap.startedAt && bootstrap.finishedAt) return bootstrap as BootstrapState;
    if (Date.now() > until) throw new Error(`the bootstrap did not finish in ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The baseline: Dexie itself, loaded into the same page, putting the rows the desk stored into a
 * fresh table with the same primary key and indexes as the desk's `devices`, in one bulkPut.
 */
async function rawBulkPut(page: Page): Promise<{ seconds: number; rows: number }> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.js') });
  return page.evaluate(async () => {
    type Table = { toArray(): Promise<unknown[]>; bulkPut(rows: unknown[]): Promise<unknown> };
    type Db = { open(): Promise<unknown>; table(name: string): Table; close(): void; delete(): Promise<void>; version(n: number): { stores(schema: Record<string, string>): unknown } };
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => Db }).Dexie;
    const app = new DexieCtor('kvikdesk');
    await app.open();
    const rows = await app.table('devices').toArray();
    app.close();
    const raw = new DexieCtor('raw-bootstrap');
    raw.version(1).stores({ devices: 'key, *identifiers, status, [location+status], model, holder.employeeId, holder.department, updatedAt' });
    await raw.open();
    const started = performance.now();
    await raw.table('devices').bulkPut(rows);
    const seconds = (performance.now() - started) / 1000;
    raw.close();
    await raw.delete();
    return { seconds, rows: rows.length };
  });
}
