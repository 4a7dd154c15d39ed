import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { registerHref } from '../../../renderer/register/register-link';
import { figure, median, percentile, type BenchPart } from '../figures';
import { launchPersistentChromium, serveWebBuild, tsxEvaluateShim } from '../support/browser';
import { seedStore } from '../support/seed-store';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
/** Three events a device: every device handed out, to one of 5,000 employees (`E<n % 5000>`). */
const EVENTS = DEVICES * 3;
const EMPLOYEES = 5_000;
const RUNS = Number(process.env.BENCH_REGISTER_RUNS ?? 15);

/** The seeded IMEIs (`seed-store.ts`): `35` + 12 digits of the device number + the Luhn digit. */
function imeiOf(i: number): string {
  const body = `35${String(i).padStart(12, '0')}`;
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    let d = body.charCodeAt(body.length - 1 - k) - 48;
    if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

interface Case {
  name: string;
  /** The filter the register opens on (through its address, as a report's link does). */
  filter: (run: number) => Record<string, unknown>;
  /** Text the first row must hold. */
  expect: (run: number) => string;
  /** The raw Dexie index read of the same rows. */
  raw: (run: number) => { index: string; value: unknown; startsWith?: boolean };
}

const cases: Case[] = [
  {
    name: 'imei_tail',
    filter: (run) => ({ text: imeiOf((7_919 * (run + 1)) % DEVICES).slice(-7) }),
    expect: (run) => imeiOf((7_919 * (run + 1)) % DEVICES),
    raw: (run) => ({ index: 'endings', value: [...imeiOf((7_919 * (run + 1)) % DEVICES).slice(-7)].reverse().join(''), startsWith: true }),
  },
  {
    name: 'surname',
    filter: (run) => ({ text: `Efternavn${1_000 + run}` }),
    expect: (run) => `Efternavn${1_000 + run}`,
    raw: (run) => ({ index: 'holder.employeeId', value: `E${1_000 + run}` }),
  },
  {
    name: 'status_location',
    filter: (run) => ({ statuses: ['assigned'], locations: ['LAGER'], title: `run ${run}` }),
    expect: () => 'Centrallager',
    raw: () => ({ index: '[location+status]', value: ['LAGER', 'assigned'] }),
  },
];

/**
 * The register (Enheder) at 100,000 devices in the real app in Chromium: from a filter's address
 * being opened (as a report's link or the lookup opens it) to the first matching row in the
 * table on screen (the DOM mutation), beside a raw Dexie read of the same rows by their index in
 * the same store. Three filters: the last 7 digits of an IMEI, an employee's surname (20 devices
 * each), and status + location (half the register).
 */
export const part: BenchPart = {
  name: 'register',
  async run() {
    const server = await serveWebBuild();
    const browser = await launchPersistentChromium({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    try {
      const { context } = browser;
      await context.addInitScript(tsxEvaluateShim);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Navn eller initialer').fill('BENCH');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByTestId('operator').waitFor();
      const seconds = await seedStore(page, DEVICES, EVENTS);
      await seedNames(page);
      console.log(`  seeded ${DEVICES} devices, ${EVENTS} events and ${EMPLOYEES} employees in ${seconds.toFixed(1)} s`);
      await page.reload();
      await page.getByTestId('batch-count').waitFor();
      // The first opening reads the whole register once (and loads the screen's chunk): not measured.
      await openRegister(page, { text: 'warm-up' }, 'Ingen enheder', 600_000);

      const raw = await rawIndexReads(page);
      const figures: Record<string, ReturnType<typeof figure>> = {};
      for (const c of cases) {
        const shown: number[] = [];
        const rawMs: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          shown.push(await openRegister(page, c.filter(run), c.expect(run)));
          rawMs.push(await raw(c.raw(run)));
        }
        const sorted = [...shown].sort((a, b) => a - b);
        figures[`register.first_row_${c.name}_median`] = figure(median(shown), 'ms', median(rawMs), `target < 100 ms; baseline: raw Dexie index read of the same rows; ${DEVICES} devices`);
        figures[`register.first_row_${c.name}_p95`] = figure(percentile(sorted, 95), 'ms', percentile([...rawMs].sort((a, b) => a - b), 95));
      }
      return figures;
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

/** The model and the employees the seeded devices name, so rows show names and a surname can be searched. */
async function seedNames(page: Page): Promise<void> {
  await page.evaluate(async (employees) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kvikdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['employees', 'models', 'locations'], 'readwrite');
      for (let n = 0; n < employees; n++) tx.objectStore('employees').put({ id: `E${n}`, name: `Fornavn Efternavn${n}`, department: 'BUF', email: `e${n}@kk.dk` });
      tx.objectStore('models').put({ id: 'IP15', name: 'iPhone 15', kind: 'phone' });
      tx.objectStore('locations').put({ id: 'LAGER', name: 'Centrallager', type: 'warehouse' });
      tx.objectStore('locations').put({ id: 'KVIK-RH', name: 'Kvikskranke Rådhuset', type: 'desk' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, EMPLOYEES);
}

/** Opens the register on `filter` through its address; the time until a row holding `text` is on the page. */
async function openRegister(page: Page, filter: Record<string, unknown>, text: string, timeoutMs = 60_000): Promise<number> {
  return page.evaluate(
    ({ href, text, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const timeout = setTimeout(() => reject(new Error(`no row with ${text} for ${href}`)), timeoutMs);
        const check = () =>
          [...document.querySelectorAll('[data-testid="register-rows"] [role="row"]')].some((row) => row.textContent?.includes(text)) ||
          (document.querySelector('[data-testid="register-count"]')?.getAttribute('data-done') === 'true' && document.body.textContent?.includes(text));
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        location.hash = href;
      }),
    { href: registerHref(filter as never), text, timeoutMs },
  );
}

interface RawDexie {
  open(): Promise<unknown>;
  table(name: string): { where(index: string): { equals(value: unknown): { toArray(): Promise<unknown[]> }; startsWith(value: string): { toArray(): Promise<unknown[]> } } };
}

/** The baseline: Dexie itself, loaded into the same page, reading the same rows by their index. */
async function rawIndexReads(page: Page): Promise<(read: { index: string; value: unknown; startsWith?: boolean }) => Promise<number>> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.js') });
  await page.evaluate(async () => {
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => RawDexie }).Dexie;
    const db = new DexieCtor('kvikdesk');
    await db.open();
    Object.assign(window, { __rawDb: db });
  });
  return (read) =>
    page.evaluate(async ({ index, value, startsWith }) => {
      const db = (window as unknown as { __rawDb: RawDexie }).__rawDb;
      const t0 = performance.now();
      const where = db.table('devices').where(index);
      const rows = startsWith ? await where.startsWith(value as string).toArray() : await where.equals(value).toArray();
      if (rows.length === 0) throw new Error(`the raw read of ${index} found nothing`);
      return performance.now() - t0;
    }, read);
}
