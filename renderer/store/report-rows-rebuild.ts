import Dexie from 'dexie';
import type { KvikDb, StoredEvent } from './db';
import { PACKS_PREFIX, patchPacks, type PackRow, type PackStore } from './holding-packs';
import { packChanges, ROWS_VERSION, rowsOfDevice, splitOpenHoldings, STATE_ID, type ReportRowsState } from './report-rows';

/**
 * Builds `reportRows` from the log when they are not ready: the first time, after `ROWS_VERSION`
 * changed, or after a write of very many devices at once marked them stale (`report-rows.ts`).
 *
 * In device-key order, a chunk of devices per read-write transaction: the chunk's projections and
 * every event of theirs are read, their rows replaced and the progress noted in the same
 * transaction. So each chunk is exact at its commit, a scan waits at most one chunk, and a build
 * cut short (the worker ended) goes on from where it got to. A write marking the rows stale while
 * building raises the generation, and the build starts over.
 */

/** Devices and events per transaction: about a tenth of a second of work each at fleet scale. */
export const REBUILD_DEVICES = 2_000;
export const REBUILD_EVENTS = 20_000;

type Progress = NonNullable<ReportRowsState['progress']>;
type BuildState = ReportRowsState;

export async function reportRowsReady(db: KvikDb): Promise<boolean> {
  const state = (await db.reportRows.get(STATE_ID)) as BuildState | undefined;
  return state?.version === ROWS_VERSION && state.ready;
}

/**
 * Makes the rows ready; `onProgress(done, total)` in devices. Returns at once when they are.
 * `total` is the count of device projections when the build began (devices with events but no
 * projection are built too, uncounted).
 */
export async function ensureReportRows(db: KvikDb, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  for (;;) {
    // Ready, as almost always: said by a readonly look. A readwrite transaction would wait for every
    // report's read under way and hold back every read after it (a report that reads in two parts
    // waited for its own first part).
    if (await reportRowsReady(db)) return;
    const start = await db.transaction('rw', [db.reportRows], async () => {
      const state = (await db.reportRows.get(STATE_ID)) as BuildState | undefined;
      if (state?.version === ROWS_VERSION && state.ready) return null;
      const resumable = state?.version === ROWS_VERSION && state.progress !== undefined;
      const next: BuildState = { id: STATE_ID, version: ROWS_VERSION, ready: false, generation: state?.generation ?? 0, ...(resumable ? { progress: state.progress } : {}) };
      await db.reportRows.put(next);
      // From the start: the packs go whole, each chunk packs its devices again (a device gone from the store leaves none behind).
      if (!resumable) await db.reportRows.where(':id').startsWith(PACKS_PREFIX).delete();
      return next;
    });
    if (!start) return;
    const total = await db.devices.count();
    const resumed = start.progress;
    let done = resumed ? await (resumed.open ? db.devices.where(':id').below(resumed.through) : db.devices.where(':id').belowOrEqual(resumed.through)).count() : 0;
    let from: Progress = resumed ?? { through: '', open: true };
    for (;;) {
      const step = await buildChunk(db, from, start.generation ?? 0);
      if (step === 'restarted') break;
      done += step.devices;
      onProgress(Math.min(done, total), total);
      if (step.finished) return;
      from = step.progress;
    }
  }
}

type ChunkResult = 'restarted' | { finished: boolean; progress: Progress; devices: number };

/** One chunk after `from`, in one transaction: its devices' rows replaced, progress noted. */
async function buildChunk(db: KvikDb, from: Progress, generation: number): Promise<ChunkResult> {
  return db.transaction('rw', [db.events, db.devices, db.reportRows], async () => {
    const state = (await db.reportRows.get(STATE_ID)) as BuildState | undefined;
    if (state?.version !== ROWS_VERSION || (state.generation ?? 0) !== generation || state.ready) return 'restarted';
    const lowerDevices = from.open ? db.devices.where(':id').aboveOrEqual(from.through) : db.devices.where(':id').above(from.through);
    const deviceKeys = (await lowerDevices.limit(REBUILD_DEVICES).primaryKeys()) as string[];
    // The chunk ends at the last of these devices, or at the store's end.
    let upper: Progress | null = deviceKeys.length === REBUILD_DEVICES ? { through: deviceKeys[deviceKeys.length - 1] as string, open: false } : null;
    const lower = [from.through, from.open ? Dexie.minKey : Dexie.maxKey];
    const upperKey = upper ? [upper.through, Dexie.maxKey] : [Dexie.maxKey];
    let events = (await db.events.where('[deviceKey+at]').between(lower, upperKey, true, true).limit(REBUILD_EVENTS).toArray()) as StoredEvent[];
    if (events.length === REBUILD_EVENTS) {
      const last = (events[events.length - 1] as StoredEvent).deviceKey;
      if ((events[0] as StoredEvent).deviceKey !== last) {
        // Stop before the device the limit cut through; it starts the next chunk.
        events = events.filter((event) => event.deviceKey !== last);
        upper = { through: last, open: true };
      } else {
        // One device with more events than a chunk: all of it, alone.
        events = await db.events.where('[deviceKey+at]').between([last, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
        upper = { through: last, open: false };
      }
    }
    const devices = upper
      ? await db.devices.where(':id').between(from.through, upper.through, from.open, !upper.open).toArray()
      : await lowerDevices.toArray();
    const byKey = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const list = byKey.get(event.deviceKey);
      if (list) list.push(event);
      else byKey.set(event.deviceKey, [event]);
    }
    const projections = new Map(devices.map((device) => [device.key, device]));
    const keys = new Set([...projections.keys(), ...byKey.keys()]);
    const { rows, open } = splitOpenHoldings([...keys].flatMap((key) => rowsOfDevice(key, projections.get(key) ?? null, byKey.get(key) ?? [])));
    // Every row of a key in the chunk's range goes, also of devices that no longer exist (and rows
    // of an older form: they name their device too).
    const byDevice = db.reportRows.where('deviceKey');
    await (upper ? byDevice.between(from.through, upper.through, from.open, !upper.open) : from.open ? byDevice.aboveOrEqual(from.through) : byDevice.above(from.through)).delete();
    await db.reportRows.bulkPut(rows);
    await patchPacks(tablePackStore(db), keys, packChanges({ rows, open }, [...keys].map((key) => projections.get(key))));
    const next: BuildState = upper
      ? { id: STATE_ID, version: ROWS_VERSION, ready: false, generation, progress: upper }
      : { id: STATE_ID, version: ROWS_VERSION, ready: true, generation };
    await db.reportRows.put(next);
    return { finished: upper === null, progress: upper ?? from, devices: devices.length };
  });
}

function tablePackStore(db: KvikDb): PackStore {
  return {
    getMany: async (ids) => (await db.reportRows.bulkGet(ids)) as Array<PackRow | undefined>,
    put: async (packs) => void (await db.reportRows.bulkPut(packs)),
    delete: async (ids) => db.reportRows.bulkDelete(ids),
  };
}
