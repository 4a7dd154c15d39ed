import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreSchema, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Device, DeviceKey, DeviceKind, StockStatus } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import {
  DIGEST_VERSION,
  digestDevice,
  type DeviceDigest,
  type EventMark,
  type HandoutMark,
  type HoldingSpan,
  type RepairSpan,
  type StockSpan,
} from '../../shared/reports/device-digest';
import { inAppliedOrder } from '../reports/applied-order';
import { fleetDeviceOf, type FleetDevice } from '../../shared/fleet/fleet-device';
import { rowId } from './row-ids';
import { fleetPacks, holdingPacks, isOpenHolding, packChange, packIdOf, patchPacks, type PackChange, type PackRow, type PackStore } from './holding-packs';

/**
 * The reports' digests in the desk's store (`shared/reports/device-digest.ts`): each device's
 * holdings, shelf spans and handouts as rows of one table, `reportRows`, kept up to date in the
 * SAME transaction as every write of an event or a device projection, so the department report and
 * the trend read a few thousand rows by their ids instead of half a million events.
 *
 * How it stays exact: a Dexie middleware (below) widens every read-write transaction that touches
 * `events` or `devices` to both and to `reportRows`, and after each such write recomputes the digests of the
 * devices written, from their projection and every event of theirs in the store, with the same
 * pure function a full replay uses. Every writer — a scan, an undo, a push's answer, a pull, a
 * bootstrap — goes through it, none has to remember to. A write of very many devices at once (a
 * bootstrap) marks the rows stale instead, and `rebuildReportRows` rebuilds them from the log in
 * short transactions, as it does when `ROWS_VERSION` changes.
 *
 * One row per span, its id ordered by part, place and end (`row-ids.ts`), so a report reads ranges of
 * ids, and a device's rows are found by the `deviceKey` index when they are rewritten: holdings
 * (`h`) by their end, shelf spans (`s`) by location and
 * end, handouts (`o`) by location and time, repair spans (`r`) by their end, the events the
 * monthly summary and the statement count (`m`) by type and time, incomplete and unprojected
 * devices (`i`, `u`) by their latest event. Holdings still open are the exception: packed many to a row (`H`, see
 * `holding-packs.ts`), since a fleet has one per device held.
 */

export const REPORT_ROWS = 'reportRows';

/**
 * The version of the stored rows: the digest's (`DIGEST_VERSION`) and this store's form of them
 * (the last two digits; 1: open holdings packed; 2: the fleet reports' devices packed too; 4: a closed
 * holding's fields in its id, `closedHoldingId`; 5: the fleet devices with their last department,
 * and packs of about a hundred devices, 1,024 of them, so a scan rewrites ~10 KB, not ~40; 6: ids
 * ordered by part, place and end, `row-ids.ts`, read as ranges of ids instead of through an index).
 * Rows of another version are rebuilt from the log.
 */
export const ROWS_VERSION = DIGEST_VERSION * 100 + 6;

interface RowBase {
  id: string;
  deviceKey: DeviceKey;
  /** '' where the part has no place (holdings, incomplete devices, a device nowhere known). */
  place: string;
  endMs: number;
}
export type HoldingRow = RowBase & { part: 'h'; kind: DeviceKind; model: string | null; department: string; employeeId: string; startMs: number };
export type StockRow = RowBase & { part: 's'; status: StockStatus; fromMs: number; sinceMs: number };
export type HandoutRow = RowBase & { part: 'o'; reused: boolean; kind: DeviceKind; model: string | null; undoneFlips: number[] };
/** `r`: a span out for repair, by its end (no place: the monthly summary counts them anywhere). */
export type RepairRow = RowBase & Omit<RepairSpan, 'toMs'> & { part: 'r' };
/** `m`: an event the monthly summary or the statement counts, its type as the place, by its time. */
export type MarkRow = RowBase & { part: 'm'; mark: EventMark };
/** `i`: an incomplete device; `u`: one with events but no projection (`DeviceDigest.unprojected`). */
export type IncompleteRow = RowBase & { part: 'i' | 'u' };
/** The state of the rows as a whole: `ready` once built for this `ROWS_VERSION`. Not indexed (no `part`). */
export interface ReportRowsState {
  id: '';
  version: number;
  ready: boolean;
  /** Raised whenever the rows go stale: a build that began in an older generation starts over. */
  generation?: number;
  /** How far a build has got: every device with a key ≤ `through` (< when `open`) is done. */
  progress?: { through: string; open: boolean };
}
export type ReportRow = HoldingRow | StockRow | RepairRow | HandoutRow | MarkRow | IncompleteRow | ReportRowsState;
/** What the table holds: the rows above, but open holdings packed, and the fleet reports' devices in packs (`holding-packs.ts`). */
export type StoredReportRow = ReportRow | PackRow;

export const STATE_ID = '';

/** A write of more devices than this marks the rows stale (rebuilt after) rather than recomputing each inside the write. */
export const RECOMPUTE_AT_MOST = 2_000;

export function rowsOfDigest(digest: DeviceDigest): ReportRow[] {
  const { deviceKey } = digest;
  let n = 0;
  const id = (part: string, place: string, endMs: number) => rowId(part, place, endMs, deviceKey, n++);
  const rows: ReportRow[] = [];
  for (const { kind, model, department, employeeId, startMs, endMs } of digest.holdings) {
    const row: HoldingRow = { id: id('h', '', endMs), deviceKey, part: 'h', place: '', endMs, kind, model, department, employeeId, startMs };
    if (endMs !== Number.POSITIVE_INFINITY) row.id = closedHoldingId(row);
    rows.push(row);
  }
  for (const { location, status, fromMs, toMs, sinceMs } of digest.stock) rows.push({ id: id('s', location ?? '', toMs), deviceKey, part: 's', place: location ?? '', endMs: toMs, status, fromMs, sinceMs });
  for (const { fromMs, toMs, sinceMs, vendor, model } of digest.repairs) rows.push({ id: id('r', '', toMs), deviceKey, part: 'r', place: '', endMs: toMs, fromMs, sinceMs, vendor, model });
  for (const { location, atMs, reused, kind, model, undoneFlips } of digest.handouts) {
    rows.push({ id: id('o', location ?? '', atMs), deviceKey, part: 'o', place: location ?? '', endMs: atMs, reused, kind, model, undoneFlips });
  }
  for (const mark of digest.marks) rows.push({ id: id('m', mark.type, mark.atMs), deviceKey, part: 'm', place: mark.type, endMs: mark.atMs, mark });
  if (digest.incomplete) rows.push({ id: id('i', '', digest.incomplete.lastAtMs), deviceKey, part: 'i', place: '', endMs: digest.incomplete.lastAtMs });
  if (digest.unprojected) rows.push({ id: id('u', '', digest.unprojected.lastAtMs), deviceKey, part: 'u', place: '', endMs: digest.unprojected.lastAtMs });
  return rows;
}

/**
 * A closed holding's id: its own id, then its fields as JSON. The department report reads a
 * quarter's closed holdings — tens of thousands — by their keys alone (`getAllKeys` on the index),
 * which costs IndexedDB a fraction of reading each record's value. Still within its device's key range.
 */
function closedHoldingId(row: HoldingRow): string {
  const fields: ClosedHoldingFields = [row.deviceKey, row.kind, row.model, row.department, row.employeeId, row.startMs, row.endMs];
  return `${row.id}\u0000${JSON.stringify(fields)}`;
}
/** The device key again, though the id begins with it: parsed, it is a string of its own, which sorts and hashes faster than a slice of the id. */
type ClosedHoldingFields = [deviceKey: DeviceKey, kind: DeviceKind, model: string | null, department: string, employeeId: string, startMs: number, endMs: number];

/** The holdings whose ids `closedHoldingId` made, read back from the ids alone (one JSON parse for them all). */
export function holdingsOfIds(ids: readonly string[]): HoldingSpan[] {
  // The fields begin at the id's one `\0[`: no part of the id before them begins with `[`.
  const fields = JSON.parse(`[${ids.map((id) => id.slice(id.indexOf('\u0000[') + 1)).join(',')}]`) as ClosedHoldingFields[];
  return fields.map(([deviceKey, kind, model, department, employeeId, startMs, endMs]) => ({ deviceKey, kind, model, department, employeeId, startMs, endMs }));
}

export const holdingOfRow = (row: HoldingRow): HoldingSpan => ({
  deviceKey: row.deviceKey,
  kind: row.kind,
  model: row.model,
  department: row.department,
  employeeId: row.employeeId,
  startMs: row.startMs,
  endMs: row.endMs,
});
export const stockOfRow = (row: StockRow): StockSpan => ({
  deviceKey: row.deviceKey,
  location: row.place === '' ? null : row.place,
  status: row.status,
  fromMs: row.fromMs,
  toMs: row.endMs,
  sinceMs: row.sinceMs,
});
export const repairOfRow = (row: RepairRow): RepairSpan => ({
  deviceKey: row.deviceKey,
  fromMs: row.fromMs,
  toMs: row.endMs,
  sinceMs: row.sinceMs,
  vendor: row.vendor,
  model: row.model,
});
export const handoutOfRow = (row: HandoutRow): HandoutMark => ({
  deviceKey: row.deviceKey,
  atMs: row.endMs,
  location: row.place === '' ? null : row.place,
  reused: row.reused,
  kind: row.kind,
  model: row.model,
  undoneFlips: row.undoneFlips,
});

/** A device's digest rows from its projection and its events as the store holds them (any order). */
export function rowsOfDevice(key: DeviceKey, device: Device | null, events: Array<DeviceEvent & { seq?: number }>): ReportRow[] {
  return rowsOfDigest(digestDevice(key, device, inAppliedOrder(events)));
}

const range = (lower: unknown, upper: unknown, upperOpen = false): DBCoreKeyRange =>
  ({ type: 2 /* DBCoreRangeType.Range */, lower, upper, lowerOpen: false, upperOpen }) as DBCoreKeyRange;
/** IndexedDB's least and greatest keys (Dexie.minKey / maxKey), within a compound key. */
const MIN_KEY = Number.NEGATIVE_INFINITY;
const MAX_KEY = [[]];

/**
 * Device writes whose rows the write of their event recomputes: `recordEvent` writes a device's
 * projection and then its event in one transaction, and recomputing after each would read and
 * write the device's rows twice on the scan path. IndexedDB runs a transaction's requests in the
 * order they were made, so the event's recompute, made after the event was written, sees the
 * projection written before it. Keyed by the transaction, a key leaves the set with its event.
 */
const eventFollows = new WeakMap<object, Set<string>>();

/** Within `trans` (Dexie's `idbtrans`), the next write of `deviceKey`'s projection leaves its rows to the event written after it. */
export function eventWillFollow(trans: object, deviceKey: string): void {
  const keys = eventFollows.get(trans);
  if (keys) keys.add(deviceKey);
  else eventFollows.set(trans, new Set([deviceKey]));
}

/**
 * Reads ahead, for the scan path (`renderer/desk/perform-scan.ts`): at the start of a scan's
 * transaction, beside its lookup, what the recompute of one device's rows will need — its
 * projection, its events, its packs. Every write of `devices` and `events` in that transaction then
 * keeps this mirror as the store will be, and the recompute after the event's write
 * computes from it instead of reading: the scan waits for its writes alone, not for a read behind
 * them. Keyed by the transaction (Dexie's `idbtrans`); a key the scan did not guess is read as
 * before. (`mirrorWrite` below.)
 */
interface Ahead {
  device: Promise<Device | undefined>;
  /** By event id, as a read of the device's events would give them. */
  events: Promise<Map<string, DeviceEvent>>;
  /** The ids of its rows in the store: what the recompute replaces. */
  rowIds: Promise<string[]>;
}
const aheads = new WeakMap<object, Map<string, Ahead>>();
const packsAhead = new WeakMap<object, { keys: ReadonlySet<string>; store: PackStore }>();

export function readRowsAhead(schema: DBCoreSchema, trans: object, deviceKey: DeviceKey): void {
  const core = rawCores.get(schema);
  if (!core || !rowsFindableByDevice(core.schema)) return;
  const coreTrans = trans as DBCoreTransaction;
  const mirror = aheads.get(trans) ?? new Map<string, Ahead>();
  aheads.set(trans, mirror);
  if (mirror.has(deviceKey)) return;
  const device = core.table('devices').get({ trans: coreTrans, key: deviceKey }) as Promise<Device | undefined>;
  const events = historyOf(core.table('events'), coreTrans, deviceKey).then((history) => new Map(history.map((event) => [event.id, event])));
  const rowIds = rowIdsOf(core.table(REPORT_ROWS), coreTrans, deviceKey);
  // Not left unhandled when the transaction ends before the recompute asks.
  device.catch(() => {});
  events.catch(() => {});
  rowIds.catch(() => {});
  mirror.set(deviceKey, { device, events, rowIds });
  if (!packsAhead.has(trans) && !packPatches.has(coreTrans)) packsAhead.set(trans, { keys: new Set([deviceKey]), store: corePackStore(core.table(REPORT_ROWS), coreTrans, packIdsOf([deviceKey])) });
}

/**
 * A write of `devices` or `events` in a transaction that read ahead, applied to the mirror in the
 * order made. A write the mirror cannot follow (a range or an event deleted) forgets the devices
 * concerned, and they are read again. A write that fails aborts the transaction: rows computed
 * from the mirror must never outlive the write they assumed.
 */
function mirrored<T>(req: DBCoreMutateRequest, table: string, written: Promise<T>): Promise<T> {
  const mirror = aheads.get(req.trans);
  if (mirror) mirrorWrite(mirror, req, table, written);
  return written;
}

function mirrorWrite(mirror: Map<string, Ahead>, req: DBCoreMutateRequest, table: string, written: Promise<unknown>): void {
  written.catch(() => {
    aheads.delete(req.trans);
    try {
      (req.trans as unknown as IDBTransaction).abort();
    } catch {
      // Already ending: it commits nothing of the failed write's rows either way.
    }
  });
  if (req.type === 'deleteRange' || (table === 'events' && req.type === 'delete')) {
    aheads.delete(req.trans);
    return;
  }
  if (table === 'devices') {
    if (req.type === 'delete') for (const key of req.keys as string[]) mirror.delete(key);
    else
      for (const value of req.values as Device[]) {
        const ahead = mirror.get(value.key);
        if (ahead) ahead.device = Promise.resolve(value);
      }
    return;
  }
  if (req.type === 'add' || req.type === 'put') {
    for (const value of req.values as DeviceEvent[]) {
      const ahead = mirror.get(value.deviceKey);
      if (ahead) ahead.events = ahead.events.then((events) => events.set(value.id, value));
    }
  }
}

/**
 * Each store's IndexedDB itself, below every Dexie middleware (`rawCoreMiddleware`). The rows'
 * recompute reads and writes there: no live query watches `reportRows` (the reports read them in
 * their worker, on request), so Dexie's bookkeeping for live queries and their cache — key ranges
 * merged for every row and pack written — would be work on every scan for nobody. The event and
 * the projection themselves still go through the whole stack, and the live queries hear of them.
 */
const rawCores = new WeakMap<DBCoreSchema, DBCore>();

export const rawCoreMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'reportRowsRawCore',
  // The lowest of all: `on-commit.ts` is -2, Dexie's own are -1 and up.
  level: -3,
  create(down) {
    rawCores.set(down.schema, down);
    return down;
  },
};

/** The Dexie middleware that keeps `reportRows` with every write of `events` or `devices` (see the top of this file). */
export const reportRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'reportRows',
  create(down) {
    const hasRows = () => down.schema.tables.some((table) => table.name === REPORT_ROWS);
    const core = rawCores.get(down.schema) ?? down;
    return {
      ...down,
      transaction(stores, mode, options) {
        // A device's rows come from its projection and its events: both are read, the rows written.
        const widen = mode === 'readwrite' && hasRows() && (stores.includes('events') || stores.includes('devices'));
        return down.transaction(widen ? [...new Set([...stores, 'devices', 'events', REPORT_ROWS])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if ((name !== 'events' && name !== 'devices') || !hasRows()) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const before = req.type === 'delete' && name === 'events' ? await deviceKeysOfEvents(table, req.trans, req.keys) : null;
            const keys = before ?? writtenDeviceKeys(name, req);
            const following = eventFollows.get(req.trans);
            if (following && keys) {
              // A projection whose event comes next: that write recomputes. The event's write ends the wait.
              if (name === 'devices' && req.type !== 'deleteRange' && [...keys].every((key) => following.has(key))) return mirrored(req, name, table.mutate(req));
              if (name === 'events') for (const key of keys) following.delete(key);
            }
            // The recompute's reads are made right behind the write, not after its answer: a
            // transaction runs its requests in the order they were made, so they see the write (or
            // what is left of a failed one), and the scan path waits one round trip fewer.
            // Where the scan read ahead, its mirror follows the write and the recompute reads nothing.
            const written = mirrored(req, name, table.mutate(req));
            // Rows of an older form (a store mid-upgrade, before its rows have a `deviceKey` index)
            // are rebuilt after anyway: marked stale, not rewritten.
            const restale = keys === null || keys.size > RECOMPUTE_AT_MOST || !rowsFindableByDevice(down.schema);
            const kept = restale ? markStale(core, req.trans) : keys.size > 0 ? recompute(core, req.trans, keys) : undefined;
            const [result] = await Promise.all([written, kept]);
            return result;
          },
        };
      },
    };
  },
};

/** The devices a write touched; null when it cannot tell (a range delete): then everything is stale. */
function writtenDeviceKeys(table: string, req: DBCoreMutateRequest): Set<string> | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return new Set(req.keys as string[]);
  const keys = new Set<string>();
  for (const value of req.values as Array<{ deviceKey?: string; key?: string }>) {
    const key = table === 'events' ? value.deviceKey : value.key;
    if (typeof key === 'string') keys.add(key);
  }
  return keys;
}

async function deviceKeysOfEvents(events: DBCoreTable, trans: DBCoreTransaction, ids: unknown[]): Promise<Set<string> | null> {
  const rows = (await events.getMany({ trans, keys: ids })) as Array<{ deviceKey: string } | undefined>;
  return new Set(rows.flatMap((row) => (row ? [row.deviceKey] : [])));
}

/** Everything to be rebuilt: a new generation, so a build under way starts over (`report-rows-rebuild.ts`). */
async function markStale(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  const rows = core.table(REPORT_ROWS);
  const state = (await rows.get({ trans, key: STATE_ID })) as ReportRowsState | undefined;
  const next: ReportRowsState = { id: STATE_ID, version: ROWS_VERSION, ready: false, generation: (state?.generation ?? 0) + 1 };
  await rows.mutate({ type: 'put', trans, values: [next] });
}

/**
 * Recomputes the rows of `keys` inside `trans`: their projections and events as they stand now in it.
 *
 * Two waits, not three: the reads and the packs concerned are asked for right behind the write (a
 * pack's id follows from the device key alone), the rows and packs then written together. A
 * transaction runs its requests in the order they were made.
 */
async function recompute(core: DBCore, trans: DBCoreTransaction, keys: ReadonlySet<string>): Promise<void> {
  const devicesTable = core.table('devices');
  const eventsTable = core.table('events');
  const rowsTable = core.table(REPORT_ROWS);
  const list = [...keys];
  const ahead = list.map((key) => aheads.get(trans)?.get(key));
  const read = ahead.every((known) => known !== undefined)
    ? Promise.all([Promise.all(ahead.map((known) => known.device)), Promise.all(ahead.map(async (known) => [...(await known.events).values()]))])
    : Promise.all([devicesTable.getMany({ trans, keys: list }) as Promise<Array<Device | undefined>>, Promise.all(list.map((key) => historyOf(eventsTable, trans, key)))]);
  const computed = read.then(([devices, histories]) => ({ devices, ...splitOpenHoldings(list.flatMap((key, i) => rowsOfDevice(key, devices[i] ?? null, histories[i] ?? []))) }));
  const packs = patchPacksInTurn(rowsTable, trans, list, computed.then(({ rows, open, devices }) => packChanges({ rows, open }, devices)));
  const written = rewriteRowsInTurn(rowsTable, trans, list, ahead, computed.then(({ rows }) => rows));
  await Promise.all([written, packs]);
}

/** Each transaction's rewrites of rows: a later one must find the rows an earlier one wrote. */
const rowRewrites = new WeakMap<DBCoreTransaction, Turns>();

/**
 * Replaces the rows of `keys` with `rows` once they are known: the ids the devices have in the
 * store (read ahead by the scan, else by the `deviceKey` index) that are not among the new ones
 * are deleted, the new ones put. With no rewrite under way the ids are asked for at once, beside
 * the recompute's other reads; else after the rewrite before it.
 */
function rewriteRowsInTurn(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly string[], ahead: ReadonlyArray<Ahead | undefined>, rows: Promise<ReportRow[]>): Promise<void> {
  const { alone, after } = turnIn(rowRewrites, trans);
  const idsNow = () => Promise.all(keys.map((key, i) => ahead[i]?.rowIds ?? rowIdsOf(table, trans, key)));
  const early = alone ? idsNow() : undefined;
  // Not left unhandled when the computation fails first.
  early?.catch(() => {});
  return after(async () => {
    const [old, fresh] = await Promise.all([early ?? idsNow(), rows]);
    const kept = new Set(fresh.map((row) => row.id));
    const gone = old.flat().filter((id) => !kept.has(id));
    // Deleted before the puts, in the same breath: an id both old and new is simply put again.
    await Promise.all([gone.length > 0 ? table.mutate({ type: 'delete', trans, keys: gone }) : undefined, fresh.length > 0 ? table.mutate({ type: 'put', trans, values: fresh }) : undefined]);
    // A later rewrite of these devices in this transaction starts from what this one wrote.
    keys.forEach((key, i) => {
      const known = ahead[i];
      if (known) known.rowIds = Promise.resolve(fresh.filter((row) => 'deviceKey' in row && row.deviceKey === key).map((row) => row.id));
    });
  });
}

/** Whether the store's rows are in this form: found per device by the `deviceKey` index (store version 14 on). */
function rowsFindableByDevice(schema: DBCoreSchema): boolean {
  return schema.tables.find((table) => table.name === REPORT_ROWS)?.getIndexByKeyPath('deviceKey') !== undefined;
}

/** The ids of a device's rows in the store, by the `deviceKey` index. */
function rowIdsOf(rows: DBCoreTable, trans: DBCoreTransaction, deviceKey: string): Promise<string[]> {
  const byDevice = rows.schema.getIndexByKeyPath('deviceKey');
  if (!byDevice) throw new Error('reportRows has no deviceKey index');
  return rows.query({ trans, values: false, query: { index: byDevice, range: range(deviceKey, deviceKey) } }).then(({ result }) => result as string[]);
}

/** Every event of `deviceKey` in the store, by the `[deviceKey+at]` index. */
async function historyOf(events: DBCoreTable, trans: DBCoreTransaction, deviceKey: string): Promise<DeviceEvent[]> {
  const byDevice = events.schema.getIndexByKeyPath(['deviceKey', 'at']);
  if (!byDevice) throw new Error('events has no [deviceKey+at] index');
  return (await events.query({ trans, values: true, query: { index: byDevice, range: range([deviceKey, MIN_KEY], [deviceKey, MAX_KEY]) } })).result as DeviceEvent[];
}

/**
 * Work of one kind in a transaction, one piece after another: each waits for the one before it to
 * finish. `alone`: nothing of that kind under way when asked — what the store holds for it now is
 * what it will find, so it may read at once, beside other reads.
 */
interface Turns {
  last: Promise<unknown>;
  pending: number;
}
function turnIn(turns: WeakMap<DBCoreTransaction, Turns>, trans: DBCoreTransaction): { alone: boolean; after<T>(work: () => Promise<T>): Promise<T> } {
  const turn = turns.get(trans) ?? { last: Promise.resolve(), pending: 0 };
  turns.set(trans, turn);
  return {
    alone: turn.pending === 0,
    after(work) {
      turn.pending++;
      const next = turn.last.then(work);
      turn.last = next
        .catch(() => {})
        .finally(() => {
          turn.pending--;
        });
      return next;
    },
  };
}

/** Each transaction's pack patches: two writes at once read a shared pack one after the other's put, never both before. */
const packPatches = new WeakMap<DBCoreTransaction, Turns>();

/**
 * Patches the packs of `keys` with `changes` once they are known, after any patch of this
 * transaction made before it. With none under way, the packs are read at once, beside the reads
 * the changes come from: nothing writes them in between, since a later patch waits for this one.
 */
function patchPacksInTurn(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly string[], changes: Promise<Array<PackChange<unknown>>>): Promise<void> {
  const { alone, after } = turnIn(packPatches, trans);
  // Packs read ahead by the scan serve only the first patch: after it, they are what it wrote.
  const early = packsAhead.get(trans);
  packsAhead.delete(trans);
  const store = early && alone && keys.every((key) => early.keys.has(key)) ? early.store : corePackStore(table, trans, alone ? packIdsOf(keys) : []);
  return after(async () => patchPacks(store, keys, await changes));
}

/** The ids of every pack that holds, or may hold, an entry of one of `keys`. */
function packIdsOf(keys: readonly string[]): string[] {
  return [...new Set([holdingPacks, fleetPacks].flatMap((family) => keys.map((key) => packIdOf(key, family))))];
}

/** What the packs hold of the written devices: their open holdings, and each projection as the fleet reports read it. */
export function packChanges({ rows, open }: { rows: readonly ReportRow[]; open: readonly HoldingRow[] }, projections: ReadonlyArray<Device | null | undefined>): Array<PackChange<unknown>> {
  return [packChange(holdingPacks, open), packChange(fleetPacks, fleetDevicesOf(rows, projections))];
}

/**
 * Each projection as the fleet reports read it, with the department of its last closed holding
 * (`rows`: the devices' report rows) while nobody holds it — what the unused devices' report
 * counts a device on the shelf under.
 */
export function fleetDevicesOf(rows: readonly ReportRow[], projections: ReadonlyArray<Device | null | undefined>): FleetDevice[] {
  const last = new Map<string, HoldingRow>();
  for (const row of rows) {
    if (!('part' in row) || row.part !== 'h' || row.endMs === Number.POSITIVE_INFINITY) continue;
    const before = last.get(row.deviceKey);
    if (!before || row.endMs > before.endMs) last.set(row.deviceKey, row);
  }
  return projections.flatMap((device) => {
    if (!device) return [];
    const department = device.status === 'assigned' ? undefined : last.get(device.key)?.department;
    return [department === undefined ? fleetDeviceOf(device) : { ...fleetDeviceOf(device), lastDepartment: department }];
  });
}

/** A device's rows as stored: its open holdings apart, for the packs. */
export function splitOpenHoldings(all: ReportRow[]): { rows: ReportRow[]; open: HoldingRow[] } {
  const rows: ReportRow[] = [];
  const open: HoldingRow[] = [];
  for (const row of all) {
    if (isOpenHolding(row)) open.push(row);
    else rows.push(row);
  }
  return { rows, open };
}

/** The packs as `patchPacks` reads and writes them inside `trans`: those of `ahead` read at once, and served from that read. */
function corePackStore(table: DBCoreTable, trans: DBCoreTransaction, ahead: readonly string[]): PackStore {
  const read = (ids: readonly string[]) => table.getMany({ trans, keys: [...ids] }) as Promise<Array<PackRow | undefined>>;
  const early = ahead.length > 0 ? read(ahead) : undefined;
  // Not left unhandled when the patch fails before it asks.
  early?.catch(() => {});
  return {
    getMany: async (ids) => {
      if (early && ids.every((id) => ahead.includes(id))) {
        const rows = await early;
        return ids.map((id) => rows[ahead.indexOf(id)]);
      }
      return read(ids);
    },
    put: async (packs) => void (await table.mutate({ type: 'put', trans, values: packs })),
    delete: async (ids) => void (await table.mutate({ type: 'delete', trans, keys: ids })),
  };
}
