import { healthResponseSchema, syncPaths } from '../../shared/sync/protocol';

/**
 * The page's own address when the page is the central inventory's web build (served at `/` by
 * the server, `server/http/web-app.ts`): then that is the server to sync with, and a team lead
 * opening the inventory's address in a browser need not type it. Null elsewhere (Electron, the
 * development server, a preview), where `/v1/health` is not the inventory's answer.
 */
export async function inventoryOfThisPage(): Promise<string | null> {
  if (typeof location === 'undefined' || !/^https?:$/.test(location.protocol)) return null;
  try {
    const res = await fetch(syncPaths.health, { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    return healthResponseSchema.safeParse(await res.json()).success ? location.origin : null;
  } catch {
    return null;
  }
}
