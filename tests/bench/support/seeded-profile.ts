import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { root, signedInBenchPage } from './browser';
import { keptProfile, launchCopyOf, launchOn, reportRowsCode, storeSchema, type LaunchOptions } from './kept-profile';
import { buildReportRows } from './built-rows';
import { seedStore } from './seed-store';

/**
 * What the seeded log is made from: how it is seeded and the store's schema (its `version(n).stores`
 * declarations, not the rest of `db.ts`). A change to either seeds again. Not the report rows'
 * version: the log leaves them stale, and the next stage builds them by this run's code.
 */
export function seedInputs(): string[] {
  return [readFileSync(resolve(root, 'tests/bench/support/seed-store.ts'), 'utf8'), ...storeSchema()];
}

/**
 * A browser profile whose store holds `devices` devices and `events` events and the report rows
 * built from them, seeded once and kept
 * (`kept-profile.ts`, keyed by the sizes, the Chromium and what the store's shape comes from), and
 * copied afresh for every run: each run starts from the same bytes, and a run does not spend a
 * quarter of an hour seeding on a busy machine. `BENCH_RESEED=1` seeds again.
 */
export async function launchSeededChromium(
  url: string,
  devices: number,
  events: number,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; seeded: string; close(): Promise<void> }> {
  const kept = await keptProfile(`desk-${devices}-${events}`, url, seedInputs(), async (profile) => {
    const context = await launchOn(profile, options);
    try {
      // Signed in once: the app has made its store (the seed writes into its schema).
      const page = await signedInBenchPage(context, url);
      return { seconds: await seedStore(page, devices, events) };
    } finally {
      await context.close();
    }
  });
  // Then the report rows built from that log, as a desk in service has them: every scan keeps
  // them (and the packs of open holdings and fleet devices) in its own transaction. Kept apart,
  // keyed by the rows' code, so a change there rebuilds the rows, not the log.
  const built = await keptProfile(
    `desk-rows-${devices}-${events}`,
    url,
    reportRowsCode(),
    async (profile) => {
      const context = await launchOn(profile, options);
      try {
        return { seconds: await buildReportRows(await signedInBenchPage(context, url)) };
      } finally {
        await context.close();
      }
    },
    kept.dir,
  );
  const seeded = [
    kept.fresh ? `seeded in ${Number(kept.meta.seconds).toFixed(1)} s` : 'kept',
    built.fresh ? `report rows built in ${Number(built.meta.seconds).toFixed(1)} s` : 'report rows kept',
  ].join(', ');
  const browser = await launchCopyOf(built, url, options);
  const found = await countDevices(browser.context, url);
  if (found < devices) {
    await browser.close();
    throw new Error(`the kept store at ${kept.dir} holds ${found} devices, not ${devices}: run again with BENCH_RESEED=1`);
  }
  return { ...browser, seeded };
}

/** The devices in the page's store, counted past the app (a blank page of the same origin). */
export async function countDevices(context: BrowserContext, url: string): Promise<number> {
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
