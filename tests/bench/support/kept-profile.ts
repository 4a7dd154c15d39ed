import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { launchOptions, root } from './browser';

export const CACHE = resolve(root, 'node_modules/.cache/kvikdesk-bench');

/** The store's schema as `renderer/store/db.ts` declares it (its `version(n).stores` calls, not the rest of the file). */
export function storeSchema(): string[] {
  return readFileSync(resolve(root, 'renderer/store/db.ts'), 'utf8').match(/version\(\d+\)\s*\.stores\(\{[^}]*\}\)/g) ?? [];
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

/** Chromium on a fresh copy of a kept profile: each run starts from the same bytes. `close()` deletes the copy, never the kept one. */
export async function launchCopyOf(kept: string, options: LaunchOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kvikdesk-bench-'));
  cpSync(kept, profile, { recursive: true });
  const context = await launchOn(profile, options);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
