import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { InvokeHandlers } from './ipc';

/**
 * The sync server the desk is configured for, as far as the main process needs it: its origin, so
 * the page's Content Security Policy lets the page connect there and nowhere else. The renderer
 * tells it (`sync:server`) when it loads its settings and when they change; a page loaded under
 * another origin's policy is reloaded to get the new one. Kept in a small file so the first page
 * of the next start already has it.
 */

/** The origin of an http(s) address; `null` for an empty or unusable one (connect to nothing). */
export function syncOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
}

const fileSchema = z.object({ origin: z.string().nullable() });

export interface SyncServerStore {
  origin(): string | null;
  /** Remembers the server's origin; `true` when it changed (the page must reload for its policy). */
  set(url: string): Promise<boolean>;
}

export function createSyncServerStore(filePath: string): SyncServerStore {
  let origin: string | null = null;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) origin = parsed.data.origin;
  } catch {
    // No file yet (or a damaged one): no server until the renderer names one.
  }
  return {
    origin: () => origin,
    async set(url) {
      const next = syncOrigin(url);
      if (next === origin) return false;
      origin = next;
      await mkdir(dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ origin })}\n`);
      await rename(temporary, filePath);
      return true;
    },
  };
}

export function syncServerHandlers(store: SyncServerStore): Pick<InvokeHandlers<unknown>, 'sync:server'> {
  return { 'sync:server': async ({ url }) => ({ reload: await store.set(url) }) };
}
