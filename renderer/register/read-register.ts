import type { Collection } from 'dexie';
import { deviceMatcher, type DeviceFilter, type FilterNames } from '../../shared/register/device-filter';
import type { KvikDb, StoredDevice } from '../store/db';

/** How many devices one read takes: small enough that the first rows show at once on 100,000. */
export const REGISTER_PAGE = 2_000;

export interface RegisterProgress {
  /** The devices that match so far, in the order read. */
  matches: StoredDevice[];
  /** Devices looked at so far, and how many the read will look at (for the progress bar). */
  read: number;
  total: number;
  done: boolean;
  /** The moment the filter's days were counted from (the rows' days in status too). */
  nowMs: number;
}

/**
 * Which index narrows a filter best, before the matcher looks at each device: the exact keys, one
 * holder, the models, the statuses (with the one location, `[location+status]`), the
 * departments — else the whole register, in primary-key order. Every other test of the filter
 * (and the text search, which no index can serve: "any part of an IMEI") runs on what it yields.
 */
export function registerSource(db: KvikDb, filter: DeviceFilter): { collection: Collection<StoredDevice, string>; narrowed: boolean } {
  const some = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;
  const { devices } = db;
  if (some(filter.keys)) return { collection: devices.where('key').anyOf([...filter.keys]), narrowed: true };
  if (filter.holder !== undefined) return { collection: devices.where('holder.employeeId').equals(filter.holder), narrowed: true };
  if (some(filter.models)) return { collection: devices.where('model').anyOf([...filter.models]), narrowed: true };
  if (some(filter.statuses) && filter.locations?.length === 1) {
    const location = filter.locations[0] as string;
    return { collection: devices.where('[location+status]').anyOf(filter.statuses.map((s) => [location, s])), narrowed: true };
  }
  if (some(filter.statuses)) return { collection: devices.where('status').anyOf([...filter.statuses]), narrowed: true };
  if (some(filter.departments)) return { collection: devices.where('holder.department').anyOf([...filter.departments]), narrowed: true };
  return { collection: devices.toCollection(), narrowed: false };
}

/**
 * Reads the devices `filter` selects, page by page, telling `onProgress` after each page so the
 * first rows are on screen while the rest are read. A narrowed read takes its index's rows in one
 * go; the whole register is read in pages along the primary key. Stops when `signal` aborts (the
 * filter changed).
 */
export async function readRegister(
  db: KvikDb,
  filter: DeviceFilter,
  names: FilterNames,
  onProgress: (progress: RegisterProgress) => void,
  { signal, nowMs = Date.now(), pageSize = REGISTER_PAGE }: { signal?: AbortSignal; nowMs?: number; pageSize?: number } = {},
): Promise<RegisterProgress> {
  const matches = deviceMatcher(filter, nowMs, names);
  const { collection, narrowed } = registerSource(db, filter);
  const found: StoredDevice[] = [];
  if (narrowed) {
    const rows = await collection.toArray();
    for (const device of rows) if (matches(device)) found.push(device);
    const progress = { matches: found, read: rows.length, total: rows.length, done: true, nowMs };
    if (!signal?.aborted) onProgress(progress);
    return progress;
  }
  const total = await db.devices.count();
  let read = 0;
  let after: string | undefined;
  for (;;) {
    if (signal?.aborted) return { matches: found, read, total, done: false, nowMs };
    const page = await (after === undefined ? db.devices.orderBy(':id') : db.devices.where(':id').above(after)).limit(pageSize).toArray();
    read += page.length;
    for (const device of page) if (matches(device)) found.push(device);
    const done = page.length < pageSize;
    if (signal?.aborted) return { matches: found, read, total, done: false, nowMs };
    // A new array each time: React sees the list grow.
    onProgress({ matches: found.slice(), read, total: Math.max(total, read), done, nowMs });
    if (done) return { matches: found, read, total: Math.max(total, read), done, nowMs };
    after = page[page.length - 1]?.key;
  }
}
