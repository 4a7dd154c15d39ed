import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { launchOptions, root, signedInBenchPage } from './browser';
import { ROWS_VERSION } from '../../../renderer/store/report-rows';
import { seedStore } from './seed-store';

/**
 * What the seeded store is made from: how it is seeded, the store's schema (its `version(n).stores`
 * declarations, not the rest of `db.ts`) and the report rows' version. A change to any seeds again.
 */
function seedInputs(): string[] {
  const schema = readFileSync(resolve(root, 'renderer/store/db.ts'), 'utf8').match(/version\(\d+\)\s*\.stores\(\{[^}]*\}\)/g) ?? [];
  return [readFileSync(resolve(root, 'tests/bench/support/seed-store.ts'), 'utf8'), ...schema, String(ROWS_VERSION)];
}
const CACHE = resolve(root, 'node_modules/.cache/kvikdesk-bench');

/** The context's options, and Chromium switches beyond the benchmarks' own (`args`, added to theirs). */
export type SeededLaunchOptions = BrowserContextOptions & { args?: string[] };
const launchWith = ({ args = [], ...options }: SeededLaunchOptions) => ({ ...launchOptions, ...options, args: [...launchOptions.args, ...args] });

/**
 * A browser profile whose store holds `devices` devices and `events` events, seeded once and kept
 * (under `node_modules/.cache/kvikdesk-bench`, keyed by the sizes, the Chromium and what the
 * store's shape comes from), and copied afresh for every run: each run starts from the same bytes,
 * and a run does not spend a quarter of an hour seeding on a busy machine. `BENCH_RESEED=1` seeds
 * again. `close()` deletes the copy, never the kept profile.
 */
export async function launchSeededChromium(
  url: string,
  devices: number,
  events: number,
  options: SeededLaunchOptions = {},
): Promise<{ context: BrowserContext; seeded: string; close(): Promise<void> }> {
  // The store belongs to the page's origin: another port finds none.
  const hash = createHash('sha256').update(`${launchOptions.executablePath} ${new URL(url).origin}`);
  for (const input of seedInputs()) hash.update(input);
  const kept = join(CACHE, `desk-${devices}-${events}-${hash.digest('hex').slice(0, 12)}`);
  let seeded = 'kept';
  if (process.env.BENCH_RESEED || !existsSync(kept)) {
    seeded = `seeded in ${await seedProfile(kept, url, devices, events, options)} s`;
  }
  const profile = mkdtempSync(join(tmpdir(), 'kvikdesk-bench-'));
  cpSync(kept, profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, launchWith(options));
  const found = await countDevices(context, url);
  if (found < devices) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`the kept store at ${kept} holds ${found} devices, not ${devices}: run again with BENCH_RESEED=1`);
  }
  return {
    context,
    seeded,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function seedProfile(kept: string, url: string, devices: number, events: number, options: SeededLaunchOptions): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const profile = mkdtempSync(join(CACHE, 'seeding-'));
  try {
    const context = await chromium.launchPersistentContext(profile, launchWith(options));
    let seconds: number;
    try {
      // Signed in once: the app has made its store (the seed writes into its schema).
      const page = await signedInBenchPage(context, url);
      seconds = await seedStore(page, devices, events);
    } finally {
      await context.close();
    }
    rmSync(kept, { recursive: true, force: true });
    renameSync(profile, kept);
    return seconds.toFixed(1);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The devices in the page's store, counted past the app (a blank page of the same origin). */
async function countDevices(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>count</title>' }));
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('kvikdesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('devices')) return resolve(0);
            const count = db.transaction('devices').objectStore('devices').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
  } finally {
    await page.close();
  }
}
