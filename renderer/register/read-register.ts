import type { Collection } from 'dexie';
import { deviceMatcher, type DeviceFilter, type FilterNames } from '../../shared/register/device-filter';
import { backwards, type KvikDb, type StoredDevice } from '../store/db';

/** How many devices one read takes: small enough that the first rows show at once on 100,000. */
export const REGISTER_PAGE = 2_000;
/** The first read's size: about a screenful and a scroll, on screen before the rest is read. */
export const FIRST_PAGE = 100;

export interface RegisterProgress {
  /** The devices that match so far, in the order read. */
  matches: StoredDevice[];
  /** Devices looked at so far, and how many the read will look at (for the progress bar; 0 until known). */
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
  // One key is one range, read in one request; several are walked with a cursor, key by key.
  const byIndex = (index: string, values: readonly unknown[]) => {
    const where = devices.where(index);
    return { collection: values.length === 1 ? where.equals(values[0] as string) : where.anyOf([...values] as string[]), narrowed: true };
  };
  if (some(filter.keys)) return byIndex('key', filter.keys);
  if (filter.holder !== undefined) return byIndex('holder.employeeId', [filter.holder]);
  if (some(filter.models)) return byIndex('model', filter.models);
  if (some(filter.statuses) && filter.locations?.length === 1) {
    const location = filter.locations[0] as string;
    return byIndex('[location+status]', filter.statuses.map((status) => [location, status]));
  }
  if (some(filter.statuses)) return byIndex('status', filter.statuses);
  if (some(filter.departments)) return byIndex('holder.department', filter.departments);
  return { collection: devices.toCollection(), narrowed: false };
}

/** The names, and the employees whose name holds a text (a search for a surname finds their devices by index first). */
export interface SearchNames extends FilterNames {
  employeesMatching?(text: string): string[];
}

/**
 * Reads the devices `filter` selects, telling `onProgress` as it goes so the first rows are on
 * screen while the rest are read: a narrowed read its index's first `FIRST_PAGE` rows, then all
 * of them; the whole register in pages along the primary key, the first one small, after what
 * the indexes find at once for a text search. `total` is 0 until known. Stops when `signal`
 * aborts (the filter changed).
 */

export async function readRegister(
  db: KvikDb,
  filter: DeviceFilter,
  names: SearchNames,
  onProgress: (progress: RegisterProgress) => void,
  { signal, nowMs = Date.now(), pageSize = REGISTER_PAGE, firstPage = FIRST_PAGE }: { signal?: AbortSignal; nowMs?: number; pageSize?: number; firstPage?: number } = {},
): Promise<RegisterProgress> {
  const matches = deviceMatcher(filter, nowMs, names);
  const { collection, narrowed } = registerSource(db, filter);
  const found: StoredDevice[] = [];
  if (narrowed) {
    // The index's first rows on screen at once; then all of them (half the register, at worst).
    const first = await collection.clone().limit(firstPage).toArray();
    if (first.length === firstPage && !signal?.aborted) onProgress({ matches: first.filter(matches), read: first.length, total: 0, done: false, nowMs });
    const rows = first.length < firstPage ? first : await collection.toArray();
    for (const device of rows) if (matches(device)) found.push(device);
    const progress = { matches: found, read: rows.length, total: rows.length, done: true, nowMs };
    if (!signal?.aborted) onProgress(progress);
    return progress;
  }
  // Counting a store in IndexedDB walks it, holding up the reads queued behind it: the total is
  // the one the last whole read found (0 until one has), and every whole read tells it anew.
  const known = knownTotals.get(db) ?? 0;
  // A text search reads the whole register (any part of an identifier), but the identifiers that
  // begin or end with the text — a label's last digits — are an index lookup away: shown first.
  const early = filter.text?.trim() ? await earlyMatches(db, filter.text.trim(), names, matches) : [];
  if (early.length > 0 && !signal?.aborted) onProgress({ matches: early, read: 0, total: known, done: false, nowMs });
  let read = 0;
  let after: string | undefined;
  for (;;) {
    if (signal?.aborted) return { matches: found, read, total: Math.max(known, read), done: false, nowMs };
    // A small first page, so the first rows are on screen at once; full pages after.
    const size = after === undefined ? Math.min(pageSize, firstPage) : pageSize;
    const page = await (after === undefined ? db.devices.orderBy(':id') : db.devices.where(':id').above(after)).limit(size).toArray();
    read += page.length;
    for (const device of page) if (matches(device)) found.push(device);
    const done = page.length < size;
    if (done) knownTotals.set(db, read);
    const total = done ? read : Math.max(known, read);
    if (signal?.aborted) return { matches: found, read, total, done: false, nowMs };
    // A new array each time: React sees the list grow. Until the read is done, the early matches
    // it has not reached yet stay in view.
    const shown = done || early.length === 0 ? found.slice() : withEarly(found, early);
    onProgress({ matches: shown, read, total, done, nowMs });
    if (done) return { matches: found, read, total, done, nowMs };
    after = page[page.length - 1]?.key;
  }
}

/** How many devices the last whole read of each store found: the progress bar's length. */
const knownTotals = new WeakMap<KvikDb, number>();

/** How many devices each early lookup shows at most. */
const EARLY_LIMIT = 200;

/** What indexes find at once: identifiers that begin or end with the text, devices held by employees so named. */
async function earlyMatches(db: KvikDb, text: string, names: SearchNames, matches: (device: StoredDevice) => boolean): Promise<StoredDevice[]> {
  const upper = text.toUpperCase();
  const holders = names.employeesMatching?.(text).slice(0, EARLY_LIMIT) ?? [];
  const [starting, ending, held] = await Promise.all([
    db.devices.where('identifiers').startsWith(upper).limit(EARLY_LIMIT).toArray(),
    db.devices.where('endings').startsWith(backwards(upper)).limit(EARLY_LIMIT).toArray(),
    holders.length > 0 ? db.devices.where('holder.employeeId').anyOf(holders).limit(EARLY_LIMIT).toArray() : [],
  ]);
  const seen = new Map([...starting, ...ending, ...held].map((device) => [device.key, device]));
  return [...seen.values()].filter(matches);
}

function withEarly(found: readonly StoredDevice[], early: readonly StoredDevice[]): StoredDevice[] {
  const keys = new Set(found.map((device) => device.key));
  return [...found, ...early.filter((device) => !keys.has(device.key))];
}
