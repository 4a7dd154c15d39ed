import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { deviceIdentifiers } from '../../../shared/domain/device';
import { addDays, dayEnds, daySpan, quarterOf, quarterSpan, startOfDay } from '../../../shared/reports/calendar';
import { eventMarkTypes } from '../../../shared/reports/device-digest';
import { ROWS_VERSION } from '../../../renderer/store/report-rows';
import { FLEET_PACK_PART, PACK_PART, PACKS_PREFIX } from '../../../renderer/store/holding-packs';
import { endRange } from '../../../renderer/store/row-ids';
import { OFFSET_MARGIN_MS, SCAN_ABOVE_TOUCHED_SHARE, SCAN_CHUNK } from '../../../renderer/reports/read-store';
import { figure, median, type BenchPart } from '../figures';
import { root, serveWebBuild, signedInBenchPage } from '../support/browser';
import { buildReportRows, untilShownOrFailed } from '../support/built-rows';
import { keptProfile, launchCopyOf, launchOn, reportRowsCode, storeSchema } from '../support/kept-profile';
import { generateFleet, type Fleet } from '../support/generate';
import { intuneExport } from '../support/intune-export';

/**
 * The reports on the desk's read path, in the real app in Chromium, over a store of 100,000
 * devices and 1,000,000 events (the same fleet as the `reports` part, written into the page's
 * IndexedDB as the desk stores synced events): the time from asking for a report to having it in
 * the page — reading what the report needs from IndexedDB in the report worker (one readonly
 * transaction), computing it there, handing it to the page — with the read and the computation
 * apart. Beside it, measured in the same page and run: a raw IndexedDB read of exactly the same
 * rows (the same indexes and ranges, no Dexie, no worker, nothing computed). Target: < 1 s.
 */
const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LOCATION = 'KVIK-01';
const DAY = '2026-11-30';
const QUARTER = { year: 2026, quarter: 3 };
const MONTH = DAY.slice(0, 7);
const TZ = 'Europe/Copenhagen';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The store is kept between runs (`kept-profile.ts`), and IndexedDB belongs to the origin: one port. */
const PORT = Number(process.env.BENCH_REPORTS_DESK_PORT ?? 41732);

interface Measured {
  totalMs: number;
  readMs: number;
  computeMs: number;
  /** The Intune reconciliation's halves of `computeMs`: reading the file, matching its lines (NaN for the other reports). */
  parseMs: number;
  matchMs: number;
  /** The answer from the worker to the page: packing it in the worker; posting to its records back in the page. */
  packMs: number;
  handoverMs: number;
  devices: number;
  events: number;
  histories: number;
  rows: number;
}

export const part: BenchPart = {
  name: 'reports-desk',
  // At full size: ~15 s to generate, a few minutes to write and to build the report rows, a minute of runs.
  timeLimitMs: 30 * 60_000,
  async run() {
    const generating = performance.now();
    const fleet = generateFleet({ devices: DEVICES, events: EVENTS });
    console.log(`  generated ${fleet.devices.length} devices and ${fleet.events.length} events in ${((performance.now() - generating) / 1000).toFixed(1)} s`);
    const server = await serveWebBuild(true, PORT);
    const load = loadNow();
    // The store is made in two kept stages (`kept-profile.ts`), so a run after the first takes minutes:
    // the fleet written as the desk stores synced events, then the report rows the app builds from
    // that log — again only when `ROWS_VERSION` changes.
    const written = await keptProfile(`reports-desk-log-${DEVICES}-${EVENTS}`, server.url, [readFileSync(resolve(root, 'tests/bench/support/generate.ts'), 'utf8'), writeFleet.toString(), ...storeSchema()], async (profile) => {
      const context = await launchOn(profile, CONTEXT);
      try {
        const page = await openDesk(context, server.url);
        const seeding = performance.now();
        await writeFleet(page, fleet);
        const seconds = (performance.now() - seeding) / 1000;
        console.log(`  wrote them into IndexedDB in ${seconds.toFixed(1)} s`);
        return { seconds, load: loadNow() };
      } finally {
        await context.close();
      }
    });
    if (!written.fresh) console.log(`  the fleet's log: kept (${written.dir})`);
    // The rows' code too: a kept store built by other code than this run's would be read wrongly (a desk rebuilds on a new ROWS_VERSION only).
    const built = await keptProfile(`reports-desk-rows-${DEVICES}-${EVENTS}`, server.url, reportRowsCode(), (profile) => buildRows(profile, server.url), written.dir);
    if (!built.fresh) console.log(`  the report rows: kept (${built.dir})`);
    const browser = await launchCopyOf(built, server.url, CONTEXT);
    try {
      const page = await openDesk(browser.context, server.url);
      await page.getByRole('button', { name: 'Rapporter' }).click();
      await untilShownOrFailed(page.getByTestId('report-overview').locator('[data-testid="trend"]'), '.report-timings', 5 * 60_000);

      await page.getByRole('tab', { name: 'Daglig lagerrapport' }).click();
      const daily = page.getByTestId('report-daily');
      await daily.locator('select[name="report-location"]').selectOption(LOCATION);
      await daily.locator('input[name="report-day"]').fill(DAY);
      const dailyRuns = await measureRuns(page, daily, '.report-timings', 'daily');
      const dailyRaw = await rawReads(page, { fromMs: startOfDay(DAY, TZ), location: LOCATION, statuses: ['received', 'ready', 'returned', 'in_repair'] }, RUNS);

      // The overview's charts: the trend of the 30 days ending today (its figures are today's daily report).
      await page.getByRole('tab', { name: 'Overblik' }).click();
      const overview = page.getByTestId('report-overview');
      await overview.locator('select[name="report-location"]').selectOption(LOCATION);
      const trendRuns = await measureRuns(page, overview, '[data-testid="trend"] .report-timings', 'trend');
      const trendFrom = startOfDay(addDays(DAY, -29), TZ);
      const trendEnds = dayEnds(addDays(DAY, -29), 30, TZ);
      const trendRaw = await rawRowReads(page, [
        ['s', LOCATION, trendEnds[0] ?? trendFrom, Infinity, false, false],
        ['o', LOCATION, trendFrom, trendEnds[29] ?? trendFrom, false, true],
        ...unseenAndIncomplete(trendFrom),
      ]);
      // What the same figures cost before the report rows: the raw read of every history they replay.
      const trendLogRaw = await rawReads(page, { fromMs: trendFrom, location: LOCATION, statuses: ['received', 'ready', 'returned'] }, 1);

      await page.getByRole('tab', { name: 'Forvaltninger' }).click();
      const billing = page.getByTestId('report-billing');
      await billing.locator('select[name="report-quarter"]').selectOption(`${QUARTER.year}-Q${QUARTER.quarter}`);
      const billingRuns = await measureRuns(page, billing, '.report-timings', 'billing');
      const quarterStart = quarterSpan(QUARTER, TZ).startMs;
      // The holdings that ended in or after the quarter one row each, the open ones in their packs (`renderer/store/holding-packs.ts`).
      const billingRaw = await rawRowReads(page, holdingRanges(quarterStart));
      const billingLogRaw = await rawReads(page, { fromMs: quarterStart, statuses: ['assigned'] }, 1);

      // The monthly summary of the fleet's last month: its handouts and marks, the shelf and repair
      // spans its end falls in, at every place; the quarter's holdings for its department totals.
      await page.getByRole('tab', { name: 'Månedsoversigt' }).click();
      const monthly = page.getByTestId('report-monthly');
      await monthly.locator('select[name="report-month"]').selectOption(MONTH);
      const monthlyRuns = await measureRuns(page, monthly, '.report-timings', 'monthly');
      const month = daySpan(`${MONTH}-01`, DAY, TZ);
      const places = ['', ...fleet.locations];
      const monthQuarterStart = quarterSpan(quarterOf(DAY), TZ).startMs;
      const monthlyRaw = await rawRowReads(page, [
        ...places.map((place): RowRange => ['o', place, month.startMs, month.endMs, false, true]),
        ...eventMarkTypes.filter((type) => type !== 'charge').map((type): RowRange => ['m', type, month.startMs, month.endMs, false, true]),
        ...places.map((place): RowRange => ['s', place, month.endMs, Infinity, false, false]),
        ['r', '', month.endMs, Infinity, false, false],
        ...unseenAndIncomplete(month.startMs),
        ...holdingRanges(monthQuarterStart),
      ]);

      // The department statement of the quarter: the department report and the residual-value charges.
      await page.getByRole('tab', { name: 'Forvaltningsopgørelse' }).click();
      const statement = page.getByTestId('report-statement');
      await statement.locator('select[name="statement-quarter"]').selectOption(`${QUARTER.year}-Q${QUARTER.quarter}`);
      const statementRuns = await measureRuns(page, statement, '.report-timings', 'statement');
      const quarterEnd = quarterSpan(QUARTER, TZ).endMs;
      const statementRaw = await rawRowReads(page, [['m', 'charge', quarterStart, quarterEnd, false, true], ...holdingRanges(quarterStart)]);

      // The fleet reports: every device in service (the replacement plan, residual values), and the
      // register against an Intune export of the whole fleet.
      await page.getByRole('tab', { name: 'Udskiftning og restværdi' }).click();
      const replacement = page.getByTestId('report-replacement');
      const replacementRuns = await measureRuns(page, replacement, '.report-timings', 'replacement');
      const fleetRaw = await rawFleetReads(page);

      await page.getByRole('tab', { name: 'Intune-afstemning' }).click();
      const intune = page.getByTestId('report-intune');
      const file = intuneExport(fleet.devices);
      // From a file on disk, a new name each load: Playwright hands a buffer to the page as base64 in
      // one message, and with a 40 MB export (Intune's 48 quoted columns) the page closed mid-run.
      const exports = mkdtempSync(join(tmpdir(), 'kvikdesk-intune-'));
      let loads = 0;
      const intuneRuns = await measureRuns(page, intune, '.report-timings', 'intune', () => {
        const path = join(exports, `AllDevices-${++loads}.csv`);
        writeFileSync(path, file.text);
        return intune.locator('input[name="intune-file"]').setInputFiles(path);
      }).finally(() => rmSync(exports, { recursive: true, force: true }));

      const machine = `load ${load} on ${cpus().length} cores at the start, ${loadNow()} at the end`;

      // The unused and idle devices: the fleet packs (with each device's last department) and the
      // shelf spans still open at every place; the evidence is the export loaded above.
      await page.getByRole('tab', { name: 'Ubrugte enheder' }).click();
      const unused = page.getByTestId('report-unused');
      const unusedRuns = await measureRuns(page, unused, '.report-timings', 'unused');
      const unusedRaw = await rawRowReads(page, [[FLEET_PACK_PART, '', Infinity, Infinity, false, false], ...places.map((place): RowRange => ['s', place, Infinity, Infinity, false, false])]);

      const figures = (name: string, what: string, runs: Measured[], raw: number[], logRaw?: number[], baseline = 'raw IndexedDB read of the same rows') => {
        const last = runs.at(-1);
        if (!last) throw new Error(`no runs of ${name}`);
        const rawMs = median(raw);
        const rows = last.rows > 0 ? `${last.rows} report rows of ${last.devices} devices` : `${last.devices} devices and ${last.events} events of ${last.histories} touched devices`;
        return {
          [`${name}`]: figure(median(runs.map((r) => r.totalMs)), 'ms', rawMs, `${what}: asked → report on the page (the worker reads, computes, hands it over); ${rows}; target < 1000 ms; baseline: ${baseline}; ${machine}`),
          ...(logRaw ? { [`${name}.raw-log-read`]: figure(median(logRaw), 'ms', undefined, `for comparison: the raw IndexedDB read of every history a replay from the log needs (the read before the report rows); ${machine}`) } : {}),
          [`${name}.read`]: figure(median(runs.map((r) => r.readMs)), 'ms', rawMs, `the worker reading them (Dexie, one readonly transaction); baseline: the raw read; ${machine}`),
          [`${name}.compute`]: figure(median(runs.map((r) => r.computeMs)), 'ms', undefined, `the pure report over what was read, in the worker; ${machine}`),
        };
      };
      return {
        // The daily baseline reads every touched device's history; the desk's reader leaves out those that
        // provably add nothing at the location (`cannotCountAt`), so it reads less than its baseline.
        ...figures('reports-desk.daily', `${LOCATION} on ${DAY}`, dailyRuns, dailyRaw, undefined, "raw IndexedDB read of every touched device's history (what the reader read before it left out the devices touched elsewhere)"),
        ...figures('reports-desk.trends-30-days', `${LOCATION}, the 30 days ending ${DAY} (the overview's charts)`, trendRuns, trendRaw, trendLogRaw),
        ...figures('reports-desk.billing', `${QUARTER.year}-Q${QUARTER.quarter}`, billingRuns, billingRaw, billingLogRaw),
        ...figures('reports-desk.monthly', `the monthly summary of ${MONTH}, with its quarter's department totals`, monthlyRuns, monthlyRaw),
        ...figures('reports-desk.statement', `the department statements of ${QUARTER.year}-Q${QUARTER.quarter} (department report and residual-value charges)`, statementRuns, statementRaw),
        ...figures('reports-desk.replacement', `the replacement plan and every device's residual value on ${DAY}`, replacementRuns, fleetRaw),
        ...figures('reports-desk.intune', `an Intune export of ${file.rows} lines reconciled with the register`, intuneRuns, fleetRaw),
        ...figures('reports-desk.unused', `the unused and idle devices by department as of ${DAY} (on the shelf over the idle limit; handed out but unused by the Intune export above)`, unusedRuns, unusedRaw),
        ...intuneHalves(intuneRuns, file.rows, machine),
        'reports-desk.rows-rebuild': figure(
          Number(built.meta.seconds),
          's',
          undefined,
          `building the report rows of ${DEVICES} devices / ${EVENTS} events from the log, once (a new store version, a bootstrap), to the first trend on the page; measured when the kept store was made (load ${String(built.meta.load)})`,
        ),
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

const CONTEXT: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, locale: 'da-DK', timezoneId: TZ };

/** The machine's 1-minute load average: the figures of a busy machine are not a quiet one's. */
const loadNow = () => loadavg()[0]!.toFixed(1);

/**
 * The desk signed in as BENCH on a day standing still: the desk's today is the fleet's last day, so
 * the overview's trend ends there. Only the page's Date stands still; its timers and performance.now() run on.
 */
async function openDesk(context: BrowserContext, url: string): Promise<Page> {
  await context.clock.setFixedTime(new Date(`${DAY}T20:00:00+01:00`));
  return signedInBenchPage(context, url);
}

/**
 * The report rows built from the log the raw writes left (once, as on a desk upgraded to them):
 * the overview opens first, and its trend needs them. Returns the seconds to the first trend.
 */
async function buildRows(profile: string, url: string): Promise<Record<string, unknown>> {
  const context = await launchOn(profile, CONTEXT);
  try {
    const seconds = await buildReportRows(await openDesk(context, url));
    return { seconds, load: loadNow() };
  } finally {
    await context.close();
  }
}


/**
 * Refresh the report `RUNS` times (after a first, warm-up run) and read each run's timings from
 * the screen: the footnote a finished report shows carries them as data attributes (the page's
 * performance timeline is not there to read: the bench's fixed clock stands in for it). `footnote`:
 * the selector of the report's footnote within `report`.
 */
async function measureRuns(page: Page, report: Locator, footnote: string, label: string, rerun?: () => Promise<void>): Promise<Measured[]> {
  // A report that waits for input (the Intune file) runs first on the first `rerun`.
  if (rerun) await rerun();
  await report.locator(footnote).waitFor({ state: 'attached', timeout: 300_000 });
  const measures: Measured[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Watches for the next footnote before the click: the old one leaves while the report runs.
    const next = report.evaluate(
      (root, selector) =>
        new Promise<Record<string, string | undefined>>((resolve) => {
          const seen = root.querySelector(selector);
          const observer = new MutationObserver(() => {
            const found = root.querySelector<HTMLElement>(selector);
            if (!found || found === seen) return;
            observer.disconnect();
            resolve({ ...found.dataset });
          });
          observer.observe(root, { subtree: true, childList: true });
        }),
      footnote,
    );
    await (rerun ? rerun() : page.getByRole('button', { name: 'Opdatér' }).click());
    const dataset = await next;
    const value = (name: string) => Number(dataset[name]);
    measures.push({
      totalMs: value('roundTripMs'),
      readMs: value('readMs'),
      computeMs: value('computeMs'),
      parseMs: value('parseMs'),
      matchMs: value('matchMs'),
      packMs: value('packMs'),
      handoverMs: value('handoverMs'),
      devices: value('devices'),
      events: value('events'),
      histories: value('histories'),
      rows: Number(dataset.rows ?? 0),
    });
  }
  const last = measures.at(-1);
  console.log(`  ${label}: ${measures.map((m) => `${m.totalMs.toFixed(0)} ms (read ${m.readMs.toFixed(0)}, compute ${m.computeMs.toFixed(0)}, pack ${m.packMs.toFixed(0)}, handover ${m.handoverMs.toFixed(0)})`).join(', ')}; ${last?.histories} histories, ${last?.events} events, ${last?.devices} devices`);
  return measures;
}

/**
 * The baseline: the rows the desk's reader reads, read the same way with the raw IndexedDB API on
 * the page in one readonly transaction — the `at` index from the start less the margin; the earlier
 * events of each touched device from `[deviceKey+at]`, or, past the same share of touched devices,
 * one pass over the events store; the devices by index and by key, or all of them — `RUNS` times.
 */
async function rawReads(page: Page, plan: { fromMs: number; location?: string; statuses: string[] }, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ plan, runs, margin, scanAbove, chunkSize }: { plan: { fromMs: number; location?: string; statuses: string[] }; runs: number; margin: number; scanAbove: number; chunkSize: number }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kvikdesk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const fromIso = new Date(plan.fromMs).toISOString();
      const splitAt = new Date(plan.fromMs - margin).toISOString();
      const { location, statuses } = plan;
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const tx = db.transaction(['events', 'devices'], 'readonly');
        const events = tx.objectStore('events');
        const devices = tx.objectStore('devices');
        const [recent, deviceCount] = await Promise.all([request(events.index('at').getAll(IDBKeyRange.lowerBound(splitAt))), request(devices.count())]);
        const touched = new Set<string>();
        for (const event of recent as Array<{ deviceKey: string; at: string }>) if (event.at >= fromIso) touched.add(event.deviceKey);
        const keys = [...touched];
        if (keys.length > scanAbove * deviceCount) {
          let last: IDBValidKey | null = null;
          for (;;) {
            const chunk = (await request(events.getAll(last === null ? null : IDBKeyRange.lowerBound(last, true), chunkSize))) as Array<{ id: string }>;
            const end = chunk[chunk.length - 1];
            if (!end || chunk.length < chunkSize) break;
            last = end.id;
          }
          await request(devices.getAll());
        } else {
          await Promise.all([
            ...keys.map((key) => request(events.index('[deviceKey+at]').getAll(IDBKeyRange.bound([key, ''], [key, splitAt], false, true)))),
            ...(location === undefined
              ? statuses.map((status) => request(devices.index('status').getAll(status)))
              : statuses.map((status) => request(devices.index('[location+status]').getAll([location, status])))),
            ...keys.map((key) => request(devices.get(key))),
          ]);
        }
        times.push(performance.now() - started);
      }
      db.close();
      return times;
    },
    { plan, runs, margin: OFFSET_MARGIN_MS, scanAbove: SCAN_ABOVE_TOUCHED_SHARE, chunkSize: SCAN_CHUNK },
  );
}

/** A range of the report rows by part, place and end (`row-ids.ts`): part, place, from, to, from open, to open; `keys`: read by their keys alone. */
type RowRange = [string, string, number, number, boolean, boolean, 'keys'?];

/** The devices a report must leave out or list as incomplete (`renderer/reports/read-rows.ts`). */
const unseenAndIncomplete = (fromMs: number): RowRange[] => [
  ['i', '', fromMs, Infinity, false, false],
  ['u', '', -Infinity, fromMs, false, true],
];

/**
 * The department report's rows: holdings that ended in or after the quarter one row each, by their
 * keys alone (a closed holding's id carries its fields), the open ones in their packs.
 */
const holdingRanges = (quarterStart: number): RowRange[] => [['h', '', quarterStart, Infinity, true, true, 'keys'], [PACK_PART, '', Infinity, Infinity, false, false], ...unseenAndIncomplete(quarterStart)];

/** The Intune reconciliation's computation in the worker in its two halves: reading the CSV, and matching its lines against the register. */
function intuneHalves(runs: Measured[], lines: number, machine: string) {
  console.log(`  intune halves: parse ${runs.map((r) => r.parseMs.toFixed(0)).join(', ')} ms; match ${runs.map((r) => r.matchMs.toFixed(0)).join(', ')} ms`);
  return {
    'reports-desk.intune.parse': figure(median(runs.map((r) => r.parseMs)), 'ms', undefined, `reading the Intune CSV of ${lines} lines (readIntuneFile), in the worker; ${machine}`),
    'reports-desk.intune.match': figure(median(runs.map((r) => r.matchMs)), 'ms', undefined, `matching its lines against the register's devices (reconcileWithIntune), in the worker; ${machine}`),
  };
}

/** The baseline of the fleet reports: every device and the small tables they name, read raw in one readonly transaction. */
async function rawFleetReads(page: Page): Promise<number[]> {
  return page.evaluate(async (runs: number) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kvikdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const tx = db.transaction(['devices', 'models', 'employees', 'departments'], 'readonly');
      await Promise.all(
        ['devices', 'models', 'employees', 'departments'].map(
          (store) =>
            new Promise((resolve, reject) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      times.push(performance.now() - started);
    }
    db.close();
    return times;
  }, RUNS);
}

/** A row range as the ids the desk's reader asks for (`row-ids.ts`): a pack part's whole family, else the part, place and ends. */
function idRange([part, place, from, to, fromOpen, toOpen]: RowRange): [string, string] {
  if (part === PACK_PART || part === FLEET_PACK_PART) return [`${PACKS_PREFIX}${part}`, `${PACKS_PREFIX}${part}\uffff`];
  return endRange(part, place, from, to, fromOpen, toOpen);
}

/** The baseline of a report read from the report rows: the same ranges of ids, read raw in one readonly transaction, `RUNS` times. */
async function rawRowReads(page: Page, ranges: RowRange[]): Promise<number[]> {
  return page.evaluate(
    async ({ ranges, runs }: { ranges: Array<[string, string, boolean]>; runs: number }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kvikdesk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const rows = db.transaction('reportRows', 'readonly').objectStore('reportRows');
        await Promise.all(
          ranges.map(
            ([lower, upper, keys]) =>
              new Promise((resolve, reject) => {
                const range = IDBKeyRange.bound(lower, upper, false, true);
                const request = keys ? rows.getAllKeys(range) : rows.getAll(range);
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        times.push(performance.now() - started);
      }
      db.close();
      return times;
    },
    { ranges: ranges.map((range): [string, string, boolean] => [...idRange(range), range[6] === 'keys']), runs: RUNS },
  );
}

/** The fleet into the page's store as the desk keeps synced events (`accepted`, with `seq`), in large raw transactions. */
async function writeFleet(page: Page, fleet: Fleet): Promise<void> {
  const locations = fleet.locations.map((id) => ({ id, name: id === 'LAGER' ? 'Centrallager' : `Kvikskranke ${id.slice(5)}`, type: id === 'LAGER' ? 'warehouse' : 'desk' }));
  // Rows cross as one JSON string per chunk: Playwright's own serialisation of 20,000 objects per
  // call takes far longer than JSON.
  const write = (store: string, rows: unknown[]) =>
    page.evaluate(
      ({ store, json }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kvikdesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readwrite');
            const os = tx.objectStore(store);
            for (const row of JSON.parse(json) as unknown[]) os.put(row);
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => (db.close(), reject(tx.error));
            // A transaction the browser aborts (a full disk: QuotaExceededError) fires no error on
            // the transaction itself; without this the bench waited for ever.
            tx.onabort = () => (db.close(), reject(new Error(`writing ${store} was aborted: ${tx.error?.name ?? 'no reason given'} ${tx.error?.message ?? ''}`)));
          };
        }),
      { store, json: JSON.stringify(rows) },
    );
  await write('locations', locations);
  // Written past the app: its report rows are to be built from the log (a new generation makes them stale).
  await write('reportRows', [{ id: '', version: ROWS_VERSION, ready: false, generation: 1 }]);
  const chunk = 20_000;
  for (let i = 0; i < fleet.devices.length; i += chunk) {
    await write('devices', fleet.devices.slice(i, i + chunk).map((device) => ({ ...device, identifiers: deviceIdentifiers(device) })));
  }
  for (let i = 0; i < fleet.events.length; i += chunk) {
    await write('events', fleet.events.slice(i, i + chunk).map((event, j) => ({ ...event, sync: 'accepted', seq: i + j + 1 })));
    if ((i / chunk) % 10 === 9) console.log(`  … ${i + chunk} events written`);
  }
}
