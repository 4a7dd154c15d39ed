import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { launchOptions, root } from './browser';
import { untilStoreSettles } from './settle-store';
import { ROWS_VERSION } from '../../../renderer/store/report-rows';

export const CACHE = resolve(root, 'node_modules/.cache/kvikdesk-bench');

/** The store's `version(n).stores` declarations in `renderer/store/db.ts`, not the rest of the file. */
function declarations(): string[] {
  return readFileSync(resolve(root, 'renderer/store/db.ts'), 'utf8').match(/version\(\d+\)\s*\.stores\(\{[^}]*\}\)/g) ?? [];
}
const ofReportRowsOnly = (declaration: string) => /\.stores\(\{\s*reportRows:\s*'[^']*'\s*\}\)/.test(declaration);

/**
 * The store's schema as a seeded log depends on it: every declaration but those of the report rows
 * alone. The log stage writes no report rows; their indexes are made when the rows stage opens the
 * app on a copy of it (`reportRowsCode`), so a change there rebuilds the rows, not the log.
 */
export function storeSchema(): string[] {
  return declarations().filter((declaration) => !ofReportRowsOnly(declaration));
}

/** What the report rows a stage builds come from: their version, their code and their table's declarations. */
export function reportRowsCode(): string[] {
  const code = ['renderer/store/report-rows.ts', 'renderer/store/holding-packs.ts', 'renderer/store/row-ids.ts'].map((file) => readFileSync(resolve(root, file), 'utf8'));
  return [String(ROWS_VERSION), ...code, ...declarations().filter(ofReportRowsOnly)];
}

/** A kept profile: its directory and what its seeding noted (`meta.json`). */
export interface Kept {
  dir: string;
  meta: Record<string, unknown>;
  /** Whether this run seeded it (false: found kept). */
  fresh: boolean;
}

/**
 * A browser profile seeded once and kept under `node_modules/.cache/kvikdesk-bench/<name>-<hash>`,
 * the hash over `inputs` (what its contents come from), Chromium and the origin (IndexedDB belongs
 * to it). `seed` fills a new profile directory — a copy of `from` when given, so a later stage
 * starts from an earlier kept one — and returns what to note beside it. `BENCH_RESEED=1` seeds again.
 */
/** Where the kept profile of `name` made from `inputs` (and `from`) lies, made or not. */
export function keptDir(name: string, url: string, inputs: readonly string[], from?: string): string {
  const hash = createHash('sha256').update(`${launchOptions.executablePath} ${new URL(url).origin}`);
  for (const input of inputs) hash.update(input);
  if (from) hash.update(from);
  return join(CACHE, `${name}-${hash.digest('hex').slice(0, 12)}`);
}

export async function keptProfile(
  name: string,
  url: string,
  inputs: string[],
  seed: (profile: string) => Promise<Record<string, unknown>>,
  from?: string,
): Promise<Kept> {
  const dir = keptDir(name, url, inputs, from);
  // A seeding is renamed into place only once done: a directory there is a whole store.
  if (!process.env.BENCH_RESEED && existsSync(dir)) {
    const noted = join(dir, 'meta.json');
    return { dir, meta: existsSync(noted) ? (JSON.parse(readFileSync(noted, 'utf8')) as Record<string, unknown>) : {}, fresh: false };
  }
  mkdirSync(CACHE, { recursive: true });
  const profile = mkdtempSync(join(CACHE, 'seeding-'));
  try {
    if (from) cpSync(from, profile, { recursive: true });
    rmSync(join(profile, 'meta.json'), { force: true });
    const meta = await seed(profile);
    writeFileSync(join(profile, 'meta.json'), JSON.stringify(meta));
    rmSync(dir, { recursive: true, force: true });
    renameSync(profile, dir);
    return { dir, meta, fresh: true };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The context's options, and Chromium switches beyond the benchmarks' own (`args`, added to theirs). */
export type LaunchOptions = BrowserContextOptions & { args?: string[] };

/** Chromium on `profile` itself (a seeding writes there). */
export function launchOn(profile: string, { args = [], ...options }: LaunchOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { ...launchOptions, ...options, args: [...launchOptions.args, ...args] });
}

/**
 * Chromium on a fresh copy of a kept profile: each run starts from the same bytes, those of a
 * store that has finished compacting (`settle-store.ts`). The kept one is settled once, in place;
 * the copy again before it is handed over (opening it replays LevelDB's journal, which may write).
 * `url`: a page of the store's origin (IndexedDB belongs to it). `close()` deletes the copy, never the kept one.
 */
export async function launchCopyOf(kept: Kept, url: string, options: LaunchOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  await settleInPlace(kept, url, options);
  const profile = mkdtempSync(join(tmpdir(), 'kvikdesk-bench-'));
  cpSync(kept.dir, profile, { recursive: true });
  const context = await launchOn(profile, options);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const waited = await whileStoreOpen(context, url, () => untilStoreSettles(profile, { quietMs: 5_000, limitMs: 5 * 60_000 }));
    console.log(`  the copy's store settled ${waited === null ? 'not within 5 minutes (measured anyway)' : `after ${waited.toFixed(0)} s`}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { context, close };
}

/** A kept store not yet settled is opened in place and left to compact once; `meta.json` then says so. */
async function settleInPlace(kept: Kept, url: string, options: LaunchOptions): Promise<void> {
  if (typeof kept.meta.settled === 'number') return;
  const context = await launchOn(kept.dir, options);
  try {
    const seconds = await whileStoreOpen(context, url, () => untilStoreSettles(kept.dir));
    console.log(`  the kept store ${kept.dir} ${seconds === null ? 'was still compacting after 15 minutes' : `compacted in ${seconds.toFixed(0)} s`}`);
    kept.meta = { ...kept.meta, settled: seconds };
    writeFileSync(join(kept.dir, 'meta.json'), JSON.stringify(kept.meta));
  } finally {
    await context.close();
  }
}

/**
 * Runs `work` with the origin's store held open by a blank page of it, past the app: Chromium
 * closes a store (and LevelDB stops compacting) a moment after its last connection closes.
 */
async function whileStoreOpen<T>(context: BrowserContext, url: string, work: () => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>store</title>' }));
    await page.goto(url);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kvikdesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            (window as unknown as { __held: IDBDatabase }).__held = open.result;
            resolve();
          };
        }),
    );
    return await work();
  } finally {
    await page.close();
  }
}
