import { z } from 'zod';
import type { KvikDb } from '../store/db';

const CONFIG_KEY = 'sync';

/** `http(s)://host[:port][/path]`, or empty: this desk does not sync. */
export const serverUrlSchema = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(value), 'the server address must start with http:// or https://');

/**
 * Where this desk syncs to. The desk id is the desk's own setting (every event carries it); the
 * token is a secret kept by the platform (`Platform.setSecret('deskToken', …)`), never here —
 * only whether the platform could encrypt it, so the settings can say so.
 */
export const syncConfigSchema = z.object({
  serverUrl: serverUrlSchema.default(''),
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
