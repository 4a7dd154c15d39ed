import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Platform } from '../platform/platform';
import type { KvikDb } from '../store/db';
import { createSyncClient, normalizeServerUrl } from './client';
import { browserConnectivity } from './connectivity';
import { createSyncEngine } from './engine';
import { createSyncScheduler, type SyncScheduler, type SyncStatus } from './scheduler';
import { loadSyncConfig, saveSyncConfig, syncConfigSchema, type SyncConfig } from './sync-config';
import type { SyncController } from './sync-context';
import { readSyncState } from './sync-state';

const idle: SyncStatus = { connection: 'unknown', syncing: false, bootstrap: null, lastSyncAt: null, problem: null, nextAttemptAt: null, failures: 0 };
const noScheduler = { subscribe: () => () => {}, getStatus: () => idle };

/**
 * The desk's one sync engine, for the whole app: built from the stored settings and the token the
 * platform keeps, rebuilt when either changes, stopped when the app goes. A newly recorded event
 * nudges it, so a scan reaches the server within a second while the network is there.
 */
export function useSyncController(db: KvikDb, platform: Platform): SyncController {
  const [config, setConfig] = useState<SyncConfig | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [lastSyncAt, setLastSyncAt] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([loadSyncConfig(db), platform.getSecret('deskToken'), readSyncState(db)]).then(([loaded, secret, state]) => {
      if (!live) return;
      setConfig(loaded);
      setToken(secret);
      setLastSyncAt(state.lastSyncAt ?? null);
    });
    return () => {
      live = false;
    };
  }, [db, platform]);

  const serverUrl = config?.serverUrl ?? '';
  // The platform's policy must let the page reach this server and no other (in the desktop app
  // `connect-src` names it); a page loaded under another server's policy loads again.
  useEffect(() => {
    if (config === null) return;
    let live = true;
    void platform.allowSyncServer(serverUrl).then(({ reload }) => {
      if (live && reload) window.location.reload();
    });
    return () => {
      live = false;
    };
  }, [platform, config, serverUrl]);
  // Creating one starts nothing (no timers, no requests): the effect below starts and stops it.
  const client = useMemo(() => (serverUrl && token ? createSyncClient({ serverUrl, token }) : null), [serverUrl, token]);
  const scheduler = useMemo<SyncScheduler | null>(() => {
    if (!client) return null;
    const engine = createSyncEngine({ db, client });
    return createSyncScheduler({ engine, connectivity: browserConnectivity(window) });
  }, [db, client]);
  useEffect(() => {
    if (!scheduler) return;
    scheduler.start();
    return () => scheduler.stop();
  }, [scheduler]);

  const source = scheduler ?? noScheduler;
  const status = useSyncExternalStore(source.subscribe, source.getStatus);

  // Devices' events and accessories' (chargers, cables: `renderer/accessories/sync.ts`) alike wait to be pushed.
  const pending = useLiveQuery(async () => (await db.outbox.count()) + (await db.accessoryOutbox.count()), [db]) ?? 0;
  const lastPending = useRef(pending);
  useEffect(() => {
    if (pending > lastPending.current) scheduler?.nudge();
    lastPending.current = pending;
  }, [pending, scheduler]);

  const configure = useCallback(
    async (nextUrl: string, nextToken?: string) => {
      let encrypted = config?.tokenEncrypted;
      if (nextToken !== undefined) encrypted = (await platform.setSecret('deskToken', nextToken)).encrypted;
      const next = syncConfigSchema.parse({ serverUrl: normalizeServerUrl(nextUrl), ...(encrypted !== undefined ? { tokenEncrypted: encrypted } : {}) });
      await saveSyncConfig(db, next);
      setConfig(next);
      if (nextToken !== undefined) setToken(nextToken || null);
      return { encrypted };
    },
    [db, platform, config],
  );
  const syncNow = useCallback(() => scheduler?.syncNow() ?? Promise.resolve(), [scheduler]);

  return useMemo(
    () => ({
      status: { ...status, lastSyncAt: status.lastSyncAt ?? lastSyncAt },
      pending,
      config: config ?? syncConfigSchema.parse({}),
      configured: Boolean(serverUrl && token),
      hasToken: Boolean(token),
      client,
      configure,
      syncNow,
    }),
    [status, pending, lastSyncAt, config, serverUrl, token, client, configure, syncNow],
  );
}
