import 'fake-indexeddb/auto';
import type { Device } from '../../shared/domain/device';
import type { DeviceEvent, EventData, EventType } from '../../shared/domain/event';
import { defaultData } from '../../shared/testing/builders';
import { newEvent, type DeskContext } from '../../renderer/desk/desk-context';
import { undoLastAction } from '../../renderer/desk/undo';
import type { KvikDb } from '../../renderer/store/db';
import { openDb } from '../../renderer/store/open';
import { recordEvent, type RecordResult } from '../../renderer/store/record';
import { createSyncClient, type FetchLike, type SyncClient } from '../../renderer/sync/client';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../renderer/sync/engine';
import { tokenFor } from './sync-server';

/**
 * A desk for sync tests: its own store (real Dexie over fake-indexeddb, a database of its own)
 * and the real sync engine, talking to a server through the `fetch` it is given.
 */
export interface TestDesk {
  db: KvikDb;
  ctx: DeskContext;
  client: SyncClient;
  engine: SyncEngine;
  /** Records an action the way the desk's screens do (`recordEvent`), with sensible data. */
  act<T extends EventType>(type: T, deviceKey: string, data?: Partial<EventData<T>>): Promise<RecordResult>;
  undo(): ReturnType<typeof undoLastAction>;
  shown(): Promise<Device[]>;
  close(): Promise<void>;
}

let instance = 0;

export async function openTestDesk(
  deskId: string,
  server: { url: string; fetch: FetchLike },
  options: { token?: string; engine?: Partial<Omit<SyncEngineOptions, 'db' | 'client'>>; dbName?: string } = {},
): Promise<TestDesk> {
  const db = await openDb(options.dbName ?? `sync-desk-${deskId}-${process.pid}-${++instance}`);
  const ctx: DeskContext = { deskId, operator: `op-${deskId}`, location: 'LAGER' };
  const client = createSyncClient({ serverUrl: server.url, token: options.token ?? tokenFor(deskId), fetch: server.fetch, timeoutMs: 10_000 });
  const engine = createSyncEngine({ db, client, ...options.engine });
  return {
    db,
    ctx,
    client,
    engine,
    act: (type, deviceKey, data) => recordEvent(db, eventFor(ctx, type, deviceKey, data)),
    undo: () => undoLastAction(db, ctx, 'fortrudt'),
    shown: () => shownDevices(db),
    async close() {
      db.close();
      await db.delete();
    },
  };
}

export function eventFor<T extends EventType>(ctx: DeskContext, type: T, deviceKey: string, data?: Partial<EventData<T>>): DeviceEvent {
  const imei = deviceKey.startsWith('imei:') ? deviceKey.slice(5) : undefined;
  const identity = imei ? { imei } : { serial: deviceKey.slice(7) };
  const base: Record<string, unknown> =
    type === 'received' ? { kind: 'phone', ...identity } : type === 'imported' ? { ...defaultData.imported, ...identity } : { ...defaultData[type] };
  return newEvent(ctx, type, deviceKey, { ...base, ...data });
}

/** The devices a desk shows, as plain `Device`s in key order (the store's index field dropped). */
export async function shownDevices(db: KvikDb): Promise<Device[]> {
  const rows = await db.devices.orderBy('key').toArray();
  return rows.map(({ identifiers: _identifiers, endings: _endings, ...device }) => normalize(device));
}

/** A device as JSON carries it (no `undefined` fields), so the desk's and the server's compare equal. */
export function normalize<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
