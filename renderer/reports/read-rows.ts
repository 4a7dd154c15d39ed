import type { Department } from '../../shared/domain/reference';
import Dexie from 'dexie';
import { eventMarkTypes, type EventMark, type EventMarkType, type HandoutMark, type HoldingSpan, type RepairSpan, type StockSpan } from '../../shared/reports/device-digest';
import type { KvikDb } from '../store/db';
import { FLEET_PACK_PART, PACK_PART, unpackFleet, unpackHoldings, type PackRow } from '../store/holding-packs';
import {
  handoutOfRow,
  holdingOfRow,
  holdingsOfIds,
  repairOfRow,
  stockOfRow,
  type HandoutRow,
  type IncompleteRow,
  type MarkRow,
  type RepairRow,
  type StockRow,
} from '../store/report-rows';
import { ensureReportRows, reportRowsReady } from '../store/report-rows-rebuild';
import type { ReportProgress } from './report-request';

/**
 * The long reports' read from the store's report rows (`renderer/store/report-rows.ts`) instead of
 * the log: the rows whose spans reach into the report's period, by one index range per part, in
 * ONE readonly transaction. The rows are built first where they are not ready (progress
 * `indexing`); a write that marks them stale between the build and the read is met by building
 * again.
 */
const index = '[part+place+endMs]';
const { POSITIVE_INFINITY: END } = Number;

export interface RowsRead<T> {
  value: T;
  rows: number;
  modelNames: Map<string, string>;
  departments: Department[];
}

async function inReadyRows<T>(
  db: KvikDb,
  onProgress: (progress: ReportProgress) => void,
  read: () => Promise<{ value: T; rows: number }>,
): Promise<RowsRead<T>> {
  for (;;) {
    await ensureReportRows(db, (done, total) => onProgress({ phase: 'indexing', done, total }));
    const result = await db.transaction('r', [db.reportRows, db.models, db.departments, db.employees], async () => {
      if (!(await reportRowsReady(db))) return null;
      const [got, models, departments] = await Promise.all([read(), db.models.toArray(), db.departments.toArray()]);
      return { ...got, modelNames: new Map(models.map((model) => [model.id, model.name])), departments };
    });
    if (result) return result;
  }
}

/** Incomplete devices with an event at or after `fromMs`. */
async function incompleteSince(db: KvikDb, fromMs: number): Promise<string[]> {
  const rows = (await db.reportRows.where(index).between(['i', '', fromMs], ['i', '', END], true, true).toArray()) as IncompleteRow[];
  return rows.map((row) => row.deviceKey);
}

/**
 * Devices with events but no projection and no event since `fromMs`: a report replaying the log
 * would not see them at all (it reads the histories of touched devices only), so neither does this.
 */
async function unseenSince(db: KvikDb, fromMs: number): Promise<Set<string>> {
  const rows = (await db.reportRows.where(index).between(['u', '', -END], ['u', '', fromMs], true, false).toArray()) as IncompleteRow[];
  return new Set(rows.map((row) => row.deviceKey));
}

/**
 * Holdings that end after `fromMs` (or run on), and the incomplete devices touched since: the
 * closed ones by their end, the open ones from their packs (`store/holding-packs.ts`).
 */
export function readHoldings(db: KvikDb, fromMs: number, onProgress: (progress: ReportProgress) => void) {
  return inReadyRows(db, onProgress, async () => {
    // The employees whole, in parallel with the holdings: as cheap as looking up tens of thousands of them.
    const [closed, packs, incomplete, unseen, employees] = await Promise.all([
      // By their keys alone: a closed holding's id carries its fields (`store/report-rows.ts`).
      db.reportRows.where(index).between(['h', '', fromMs], ['h', '', END], false, false).primaryKeys() as Promise<string[]>,
      db.reportRows.where(index).equals([PACK_PART, '', END]).toArray() as Promise<PackRow[]>,
      incompleteSince(db, fromMs),
      unseenSince(db, fromMs),
      db.employees.toArray(),
    ]);
    const rows = [...holdingsOfIds(closed), ...packs.flatMap(unpackHoldings).map(holdingOfRow)];
    const holdings: HoldingSpan[] = unseen.size > 0 ? rows.filter((row) => !unseen.has(row.deviceKey)) : rows;
    const employeeNames = new Map(employees.map((employee) => [employee.id, employee.name]));
    return { value: { holdings, incomplete, employeeNames }, rows: rows.length + incomplete.length };
  });
}

/**
 * Shelf spans at `location` that reach a day end at or after `firstEndMs`, handouts there from
 * `fromMs` to `toMs`, and the incomplete devices touched since `fromMs`.
 */
export function readTrendRows(
  db: KvikDb,
  span: { location: string; fromMs: number; firstEndMs: number; toMs: number },
  onProgress: (progress: ReportProgress) => void,
) {
  const { location, fromMs, firstEndMs, toMs } = span;
  return inReadyRows(db, onProgress, async () => {
    const [stockRows, handoutRows, incomplete, unseen] = await Promise.all([
      db.reportRows.where(index).between(['s', location, firstEndMs], ['s', location, END], true, true).toArray() as Promise<StockRow[]>,
      db.reportRows.where(index).between(['o', location, fromMs], ['o', location, toMs], true, false).toArray() as Promise<HandoutRow[]>,
      incompleteSince(db, fromMs),
      unseenSince(db, fromMs),
    ]);
    const stock: StockSpan[] = stockRows.filter((row) => !unseen.has(row.deviceKey)).map(stockOfRow);
    const handouts: HandoutMark[] = handoutRows.map(handoutOfRow);
    return { value: { stock, handouts, incomplete }, rows: stockRows.length + handoutRows.length + incomplete.length };
  });
}

/**
 * The places a part's rows stand at, found by skipping from one to the next in the index (two
 * key-only requests a place): the monthly summary counts every location, including any a desk
 * recorded that this desk's location table does not know.
 */
async function placesOf(db: KvikDb, part: string): Promise<string[]> {
  const places: string[] = [];
  let lower: unknown[] = [part, Dexie.minKey];
  for (;;) {
    const [key] = (await db.reportRows.where(index).between(lower, [part, Dexie.maxKey], false, true).limit(1).keys()) as unknown as Array<[string, string, number]>;
    if (!key) return places;
    places.push(key[1]);
    lower = [part, key[1], Dexie.maxKey];
  }
}

/** Rows of `part` at every place whose end is in `[fromMs, toMs)` (`toOpen: false`: `[fromMs, toMs]`). */
async function atEveryPlace<T>(db: KvikDb, part: string, fromMs: number, toMs: number, toOpen = true): Promise<T[]> {
  const places = await placesOf(db, part);
  const lists = await Promise.all(places.map((place) => db.reportRows.where(index).between([part, place, fromMs], [part, place, toMs], true, !toOpen).toArray()));
  return lists.flat() as T[];
}

/** Marks of `types` from `fromMs` to `toMs` (the type is the mark's place). */
async function marksBetween(db: KvikDb, types: readonly EventMarkType[], fromMs: number, toMs: number): Promise<EventMark[]> {
  const lists = await Promise.all(types.map((type) => db.reportRows.where(index).between(['m', type, fromMs], ['m', type, toMs], true, false).toArray() as Promise<MarkRow[]>));
  return lists.flat().map((row) => row.mark);
}

/**
 * What the monthly summary of the month `[fromMs, endMs)` is summed from: the handouts and marks
 * in it, the shelf and repair spans its end falls in (`fromMs < end ≤ toMs`: read by their end,
 * the rest dropped by the sum), and the incomplete devices touched since its start.
 */
export function readMonthlyRows(db: KvikDb, span: { fromMs: number; endMs: number }, onProgress: (progress: ReportProgress) => void) {
  const { fromMs, endMs } = span;
  return inReadyRows(db, onProgress, async () => {
    const [handoutRows, marks, stockRows, repairRows, incomplete, unseen] = await Promise.all([
      atEveryPlace<HandoutRow>(db, 'o', fromMs, endMs),
      marksBetween(db, eventMarkTypes.filter((type) => type !== 'charge'), fromMs, endMs),
      atEveryPlace<StockRow>(db, 's', endMs, END, false),
      db.reportRows.where(index).between(['r', '', endMs], ['r', '', END], true, true).toArray() as Promise<RepairRow[]>,
      incompleteSince(db, fromMs),
      unseenSince(db, fromMs),
    ]);
    const seen = <R extends { deviceKey: string }>(row: R) => !unseen.has(row.deviceKey);
    const stock: StockSpan[] = stockRows.filter(seen).map(stockOfRow);
    const repairs: RepairSpan[] = repairRows.filter(seen).map(repairOfRow);
    const handouts: HandoutMark[] = handoutRows.map(handoutOfRow);
    const rows = handoutRows.length + marks.length + stockRows.length + repairRows.length + incomplete.length;
    return { value: { handouts, marks, stock, repairs, incomplete }, rows };
  });
}

/** The residual-value charges of `[fromMs, toMs)` and the incomplete devices touched since `fromMs`. */
export function readChargeRows(db: KvikDb, span: { fromMs: number; toMs: number }, onProgress: (progress: ReportProgress) => void) {
  const { fromMs, toMs } = span;
  return inReadyRows(db, onProgress, async () => {
    const [marks, incomplete] = await Promise.all([marksBetween(db, ['charge'], fromMs, toMs), incompleteSince(db, fromMs)]);
    return { value: { marks, incomplete }, rows: marks.length + incomplete.length };
  });
}

/**
 * Every device as the fleet reports read it (`shared/fleet/fleet-device.ts`), from its packs: a few
 * hundred records instead of 100,000 devices; and the models and employees they name.
 */
export function readFleetRows(db: KvikDb, onProgress: (progress: ReportProgress) => void) {
  return inReadyRows(db, onProgress, async () => {
    const [packs, models, employees] = await Promise.all([
      db.reportRows.where(index).equals([FLEET_PACK_PART, '', END]).toArray() as Promise<PackRow[]>,
      db.models.toArray(),
      db.employees.toArray(),
    ]);
    const devices = packs.flatMap(unpackFleet);
    return { value: { devices, models, employees }, rows: packs.length };
  });
}

/**
 * What the unused and idle devices are summed from (`shared/fleet/unused.ts`): every device from
 * the fleet packs (each with the department that held it last), and the shelf spans still open at
 * every place — the devices in stock now.
 */
export function readUnusedRows(db: KvikDb, onProgress: (progress: ReportProgress) => void) {
  return inReadyRows(db, onProgress, async () => {
    const [packs, shelfRows, models, employees] = await Promise.all([
      db.reportRows.where(index).equals([FLEET_PACK_PART, '', END]).toArray() as Promise<PackRow[]>,
      atEveryPlace<StockRow>(db, 's', END, END, false),
      db.models.toArray(),
      db.employees.toArray(),
    ]);
    const shelf = shelfRows.map((row) => ({ deviceKey: row.deviceKey, location: row.place || null, status: row.status, sinceMs: row.sinceMs }));
    return { value: { fleet: packs.flatMap(unpackFleet), shelf, models, employees }, rows: packs.length + shelfRows.length };
  });
}
