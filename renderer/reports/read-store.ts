import Dexie from 'dexie';
import type { Device } from '../../shared/domain/device';
import type { Department } from '../../shared/domain/reference';
import { instant, instantOf, isAtOrAfter } from '../../shared/reports/calendar';
import { touchesLocation } from '../../shared/reports/movements';
import type { KvikDb, StoredEvent } from '../store/db';
import { inAppliedOrder } from './applied-order';
import type { ReadPlan } from './read-plan';
import type { ReportProgress } from './report-request';

/** What a report is computed from, as read in one transaction. */
export interface ReportInputs {
  devices: Device[];
  /** Each touched device's whole history, in applied order (the `Map` shape of `ReportEvents`). */
  events: Map<string, StoredEvent[]>;
  /** Model id → name, for the tables people read. */
  modelNames: Map<string, string>;
  departments: Department[];
  eventCount: number;
}

/**
 * The `at` index holds the desks' `at` strings. Desks write UTC (`toISOString()`), where string
 * order is time order; an `at` with an offset sorts up to 14 hours away from its instant. So the
 * first read starts this much earlier and `isAtOrAfter` then decides exactly which devices count
 * as touched; the rest of that margin is dropped.
 */
export const OFFSET_MARGIN_MS = 14 * 3_600_000;

/** Progress is posted at most this often: a quarter reads tens of thousands of histories. */
const PROGRESS_EVERY_MS = 50;

/**
 * Above this share of the store's devices touched, the earlier events are read by one pass over
 * the whole events store instead of one index range per device. Measured in Chromium over 100,000
 * devices and 1,000,000 events (tests/bench/parts/reports-desk.ts): a range on `[deviceKey+at]`
 * costs about 0.3 ms a request plus 30 µs a row; the store read in primary-key order about 7 µs a
 * row, some 0.07 ms a device. So a device's own range pays off while fewer than about one device
 * in ten is touched (a day, usually a month), the pass beyond that (a quarter).
 */
export const SCAN_ABOVE_TOUCHED_SHARE = 0.1;
export const SCAN_CHUNK = 20_000;

export interface ReadOptions {
  /** The share of devices touched above which the earlier events are read in one pass (tests set 0 or 1). */
  scanAboveTouchedShare?: number;
}

/**
 * Reads what `plan` names in ONE readonly transaction, so a report sees the store as it stood at
 * one instant even while the desk keeps scanning:
 *
 * 1. the events with `at` ≥ the start (less the margin) from the `at` index: they name the touched
 *    devices, those with an event at or after the start;
 * 2. the earlier events of the touched devices: from each one's `[deviceKey+at]` range, or, when
 *    many devices are touched, from one pass over the events store;
 * 3. the devices that can count while untouched (`[location+status]` or `status` index, or every
 *    device in the pass's case) and the projections of the touched ones; model names and
 *    departments (small tables).
 */
export async function readReportInputs(
  db: KvikDb,
  plan: ReadPlan,
  onProgress: (progress: ReportProgress) => void = () => {},
  { scanAboveTouchedShare = SCAN_ABOVE_TOUCHED_SHARE }: ReadOptions = {},
): Promise<ReportInputs> {
  const from = instant(plan.fromMs);
  const splitAt = new Date(plan.fromMs - OFFSET_MARGIN_MS).toISOString();
  return db.transaction('r', [db.events, db.devices, db.models, db.departments], async () => {
    onProgress({ phase: 'events' });
    const [recent, deviceCount] = await Promise.all([db.events.where('at').aboveOrEqual(splitAt).toArray(), db.devices.count()]);
    const later = new Map<string, StoredEvent[]>();
    for (const event of recent) {
      const list = later.get(event.deviceKey);
      if (list) list.push(event);
      else later.set(event.deviceKey, [event]);
    }
    let touched = [...later.keys()].filter((key) => later.get(key)?.some((event) => isAtOrAfter(event.at, from)));
    let projections: ReadonlyMap<string, Device> | undefined;
    if (plan.onlyAt) ({ touched, projections } = await thoseThatCanCount(db, plan.onlyAt, touched, later, from));
    const scan = touched.length > scanAboveTouchedShare * deviceCount;
    const throttled = throttle(onProgress);
    const earlier = scan ? await earlierByScan(db, new Set(touched), splitAt, throttled) : await earlierByDevice(db, touched, splitAt, throttled);

    // In the order of the `at` index, whatever order the reads finished in: same store, same report.
    const events = new Map<string, StoredEvent[]>();
    let eventCount = 0;
    for (const key of touched) {
      const before = earlier.get(key) ?? [];
      const history = inAppliedOrder(before.length === 0 ? (later.get(key) ?? []) : before.concat(later.get(key) ?? []));
      events.set(key, history);
      eventCount += history.length;
    }

    onProgress({ phase: 'devices' });
    const [devices, models, departments] = await Promise.all([
      scan ? everyDeviceThatCounts(db, plan, events) : devicesThatCount(db, plan, events, projections),
      db.models.toArray(),
      db.departments.orderBy('id').toArray(),
    ]);
    return {
      devices,
      events,
      modelNames: new Map(models.map((model) => [model.id, model.name])),
      departments,
      eventCount,
    };
  });
}

/** Each touched device's events before `splitAt`, one `[deviceKey+at]` range each, all asked for at once. */
async function earlierByDevice(
  db: KvikDb,
  touched: readonly string[],
  splitAt: string,
  onProgress: (progress: ReportProgress, force?: boolean) => void,
): Promise<Map<string, StoredEvent[]>> {
  const total = touched.length;
  let done = 0;
  onProgress({ phase: 'histories', done, total }, true);
  const lists = await Promise.all(
    touched.map(async (key) => {
      const list = await db.events.where('[deviceKey+at]').between([key, Dexie.minKey], [key, splitAt], true, false).toArray();
      onProgress({ phase: 'histories', done: ++done, total }, done === total);
      return [key, list] as const;
    }),
  );
  return new Map(lists);
}

/**
 * The touched devices' events before `splitAt`, from one pass over the events store in primary-key
 * order, chunk by chunk. The keys are UUIDv7 (time first), so how far the pass has got in time is
 * its progress.
 */
async function earlierByScan(
  db: KvikDb,
  touched: ReadonlySet<string>,
  splitAt: string,
  onProgress: (progress: ReportProgress, force?: boolean) => void,
): Promise<Map<string, StoredEvent[]>> {
  const earlier = new Map<string, StoredEvent[]>();
  const now = Date.now();
  let first: number | null = null;
  let last: string | null = null;
  onProgress({ phase: 'scanning', share: 0 }, true);
  for (;;) {
    const chunk: StoredEvent[] = await (last === null ? db.events.orderBy(':id') : db.events.where(':id').above(last)).limit(SCAN_CHUNK).toArray();
    for (const event of chunk) {
      if (!touched.has(event.deviceKey) || event.at >= splitAt) continue;
      const list = earlier.get(event.deviceKey);
      if (list) list.push(event);
      else earlier.set(event.deviceKey, [event]);
    }
    const end: StoredEvent | undefined = chunk[chunk.length - 1];
    if (!end || chunk.length < SCAN_CHUNK) break;
    last = end.id;
    const at = uuidv7Time(end.id);
    first ??= uuidv7Time(chunk[0]?.id ?? '');
    if (at !== null && first !== null && now > first) onProgress({ phase: 'scanning', share: Math.min(1, (at - first) / (now - first)) });
  }
  onProgress({ phase: 'scanning', share: 1 }, true);
  // The pass read in id order; each device's history is in `at` order like the index's, then by id.
  for (const list of earlier.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return earlier;
}

/**
 * The touched devices a day's report at `location` needs, and their projections. A day's report
 * at one desk is touched by the whole city's day — some 1,300 devices on a busy one, each history
 * its own index range (a second of reading) — and most of them were never here. A touched device
 * is left out, its history unread, when it provably adds nothing at `location` that day
 * (`cannotCountAt`). Its events before the read's start are not read, and a step takes the later
 * of its own `at` and the step before (`history.ts`): an old event the server sequenced after a
 * new one steps within the day. So a device with any unread event applied after the first
 * sequenced event since the start — sequenced later, or not sequenced (applied last) — keeps its
 * history. `produce-report.test.ts` checks the day against the report over every device and event.
 */
async function thoseThatCanCount(
  db: KvikDb,
  onlyAt: NonNullable<ReadPlan['onlyAt']>,
  touched: readonly string[],
  later: ReadonlyMap<string, readonly StoredEvent[]>,
  from: ReturnType<typeof instant>,
): Promise<{ touched: string[]; projections: Map<string, Device> }> {
  const read = new Set<string>();
  let firstSeq = Number.POSITIVE_INFINITY;
  for (const list of later.values()) {
    for (const event of list) {
      read.add(event.id);
      if (event.seq !== undefined && event.seq < firstSeq && isAtOrAfter(event.at, from)) firstSeq = event.seq;
    }
  }
  const sequencedSince = db.events.where('[sync+seq]').between(['accepted', firstSeq], ['accepted', Dexie.maxKey], true, true);
  let readSince = 0;
  for (const list of later.values()) for (const event of list) if (event.sync === 'accepted' && event.seq !== undefined && event.seq >= firstSeq) readSince++;
  const [found, since, unsequenced] = await Promise.all([
    db.devices.bulkGet([...touched]),
    firstSeq === Number.POSITIVE_INFINITY ? 0 : sequencedSince.count(),
    db.events.where('sync').anyOf(['pending', 'conflict', 'invalid']).toArray(),
  ]);
  // Counted first: on a day like any other every event sequenced since is among those read (4,500
  // of them on a busy store cost 130–250 ms to read again, their count a fraction of it).
  const late = [...unsequenced];
  if (since > readSince) {
    const unread = (await sequencedSince.primaryKeys()).filter((id) => !read.has(id));
    for (const event of await db.events.bulkGet(unread)) if (event) late.push(event);
  }
  const appliedLate = new Set<string>();
  for (const event of late) if (!read.has(event.id)) appliedLate.add(event.deviceKey);
  const kept: string[] = [];
  const projections = new Map<string, Device>();
  touched.forEach((key, i) => {
    const device = found[i];
    if (!appliedLate.has(key) && cannotCountAt(device, later.get(key) ?? [], onlyAt)) return;
    kept.push(key);
    if (device) projections.set(key, device);
  });
  return { touched: kept, projections };
}

/**
 * Whether a device adds nothing to the day's report at `location` (stock, repairs, movements,
 * handouts, the incomplete ones) when its events since the read's start are `events`: it stands
 * elsewhere now and no event since is after the day (so it stood elsewhere when the day ended),
 * and each of those events was recorded at another named location and moved nothing here. A
 * device without a projection, or an event with no location (where it counts then depends on
 * where the device was), is never left out.
 */
function cannotCountAt(device: Device | undefined, events: readonly StoredEvent[], { location, endMs }: NonNullable<ReadPlan['onlyAt']>): boolean {
  if (!device || device.location === location) return false;
  return events.every(
    (event) => event.location !== undefined && !touchesLocation(event, event.location, location) && instantOf(event.at) < endMs,
  );
}

/** The untouched devices that can count, by index, and the touched ones' projections by key (or as already read). */
async function devicesThatCount(db: KvikDb, plan: ReadPlan, events: ReadonlyMap<string, unknown>, projections?: ReadonlyMap<string, Device>): Promise<Device[]> {
  const { location, statuses } = plan.devices;
  const [untouched, touched] = await Promise.all([
    location === undefined
      ? db.devices.where('status').anyOf([...statuses]).toArray()
      : db.devices.where('[location+status]').anyOf(statuses.map((status) => [location, status])).toArray(),
    projections ? [...events.keys()].map((key) => projections.get(key)) : db.devices.bulkGet([...events.keys()]),
  ]);
  const devices: Device[] = untouched.filter((device) => !events.has(device.key));
  for (const device of touched) if (device) devices.push(device);
  return devices;
}

/** The same, from one read of every device: cheaper than tens of thousands of keyed reads. */
async function everyDeviceThatCounts(db: KvikDb, plan: ReadPlan, events: ReadonlyMap<string, unknown>): Promise<Device[]> {
  const { location, statuses } = plan.devices;
  const counts = (device: Device) => events.has(device.key) || (statuses.includes(device.status) && (location === undefined || device.location === location));
  return (await db.devices.toArray()).filter(counts);
}

/** Progress at most every PROGRESS_EVERY_MS, and always when forced (a phase's first and last). */
function throttle(onProgress: (progress: ReportProgress) => void): (progress: ReportProgress, force?: boolean) => void {
  let lastPost = Number.NEGATIVE_INFINITY;
  return (progress, force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    onProgress(progress);
  };
}

/** The instant in a UUIDv7's first 48 bits; null for any other id. */
function uuidv7Time(id: string): number | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
