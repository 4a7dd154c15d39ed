import Dexie from 'dexie';
import type { Device } from '../../shared/domain/device';
import type { Department } from '../../shared/domain/reference';
import { instant, isAtOrAfter } from '../../shared/reports/calendar';
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
const OFFSET_MARGIN_MS = 14 * 3_600_000;

/** Progress is posted at most this often: a quarter reads tens of thousands of histories. */
const PROGRESS_EVERY_MS = 50;

/**
 * Reads what `plan` names in ONE readonly transaction, so a report sees the store as it stood at
 * one instant even while the desk keeps scanning:
 *
 * 1. the events with `at` ≥ the start (less the margin) from the `at` index;
 * 2. for each device among them with an event at or after the start, its earlier events from the
 *    `[deviceKey+at]` index — the rest of its history;
 * 3. the devices that can count while untouched (`[location+status]` or `status` index) and the
 *    projections of the touched ones; model names and departments (small tables).
 */
export async function readReportInputs(
  db: KvikDb,
  plan: ReadPlan,
  onProgress: (progress: ReportProgress) => void = () => {},
): Promise<ReportInputs> {
  const from = instant(plan.fromMs);
  const splitAt = new Date(plan.fromMs - OFFSET_MARGIN_MS).toISOString();
  return db.transaction('r', [db.events, db.devices, db.models, db.departments], async () => {
    onProgress({ phase: 'events' });
    const recent = await db.events.where('at').aboveOrEqual(splitAt).toArray();
    const recentByDevice = new Map<string, StoredEvent[]>();
    for (const event of recent) {
      const list = recentByDevice.get(event.deviceKey);
      if (list) list.push(event);
      else recentByDevice.set(event.deviceKey, [event]);
    }
    const touched = [...recentByDevice].filter(([, list]) => list.some((event) => isAtOrAfter(event.at, from)));

    // Every history is asked for at once: IndexedDB serves the requests of one transaction in
    // order without waiting on the caller between them.
    const total = touched.length;
    let done = 0;
    let lastPost = 0;
    onProgress({ phase: 'histories', done, total });
    let eventCount = 0;
    const histories = await Promise.all(
      touched.map(async ([key, later]) => {
        const earlier = await db.events.where('[deviceKey+at]').between([key, Dexie.minKey], [key, splitAt], true, false).toArray();
        const history = inAppliedOrder(earlier.length === 0 ? later : earlier.concat(later));
        eventCount += history.length;
        done++;
        const now = performance.now();
        if (now - lastPost >= PROGRESS_EVERY_MS || done === total) {
          lastPost = now;
          onProgress({ phase: 'histories', done, total });
        }
        return [key, history] as const;
      }),
    );
    // In the order of the `at` index, whatever order the reads finished in: same store, same report.
    const events = new Map(histories);

    onProgress({ phase: 'devices' });
    const { location, statuses } = plan.devices;
    const [untouched, touchedDevices, models, departments] = await Promise.all([
      location === undefined
        ? db.devices.where('status').anyOf([...statuses]).toArray()
        : db.devices.where('[location+status]').anyOf(statuses.map((status) => [location, status])).toArray(),
      db.devices.bulkGet(touched.map(([key]) => key)),
      db.models.toArray(),
      db.departments.orderBy('id').toArray(),
    ]);
    const devices: Device[] = untouched.filter((device) => !events.has(device.key));
    for (const device of touchedDevices) if (device) devices.push(device);
    return {
      devices,
      events,
      modelNames: new Map(models.map((model) => [model.id, model.name])),
      departments,
      eventCount,
    };
  });
}
