import { z } from 'zod';
import type { KvikDb } from '../store/db';

const CONFIG_KEY = 'sync';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether the desk may send its token to `url`: over HTTPS, or plain HTTP to this machine only
 * (a server beside the desk, development, tests). Anything else would carry the bearer token
 * across the network in clear (SYNC.md, "Trust").
 */
export function isSecureServerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname.toLowerCase());
}

/** `https://host[:port][/path]` (or `http://` to this machine), or empty: this desk does not sync. */
export const serverUrlSchema = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || isSecureServerUrl(value),
    'the server address must start with https:// (http:// only for this machine: localhost, 127.0.0.1, [::1])',
  );

/**
 * Where this desk syncs to. The desk id is the desk's own setting (every event carries it); the
 * token is a secret kept by the platform (`Platform.setSecret('deskToken', …)`), never here —
 * only whether the platform could encrypt it, so the settings can say so.
 */
export const syncConfigSchema = z.object({
  // Read as stored: an address saved before the HTTPS rule stays visible in the settings, and the
  // client refuses it with a reason (`config`) instead of the desk silently forgetting its server.
  serverUrl: z.string().trim().max(2048).default(''),
  tokenEncrypted: z.boolean().optional(),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export async function loadSyncConfig(db: KvikDb): Promise<SyncConfig> {
  const row = await db.settings.get(CONFIG_KEY);
  const parsed = syncConfigSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : syncConfigSchema.parse({});
}

export async function saveSyncConfig(db: KvikDb, config: SyncConfig): Promise<void> {
  await db.settings.put({ key: CONFIG_KEY, value: syncConfigSchema.parse(config) });
}
