import type { Department, Model } from '../../shared/domain/reference';
import { eventMarkTypes, type EventMark, type EventMarkType, type HandoutMark, type HoldingSpan, type RepairSpan, type StockSpan } from '../../shared/reports/device-digest';
import type { MonthlyDigests } from '../../shared/reports/monthly-summary';
import type { KvikDb } from '../store/db';
import { FLEET_PACK_ID_PREFIX, PACK_ID_PREFIX, PACKS, unpackFleet, unpackHoldings, type PackRow } from '../store/holding-packs';
import {
  handoutOfRow,
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
import { endRange, partEnd, partStart, placeEnd, placeOfId, placeStart } from '../store/row-ids';
import { loadIntuneEvidence, type IntuneEvidence } from './intune-evidence';
import type { ReportProgress } from './report-request';

/**
 * The long reports' read from the store's report rows (`renderer/store/report-rows.ts`) instead of
 * the log: the rows whose spans reach into the report's period, by one range of their ids per part, in
 * ONE readonly transaction. The rows are built first where they are not ready (progress
 * `indexing`); a write that marks them stale between the build and the read is met by building
 * again.
 *
 * A transaction runs its requests one after another in the order they were made, so a report's
 * ranges are all asked for at once (nothing waits for an answer it does not need), the small ones
 * before the large: a request made after an answer waits behind every request made before it.
 */
const { POSITIVE_INFINITY: END } = Number;

/** Rows of `part` at `place` whose end lies between `fromMs` and `toMs` (each included unless said open), by their ids (`row-ids.ts`). */
function byEnd(db: KvikDb, part: string, place: string, fromMs: number, toMs: number, fromOpen = false, toOpen = false) {
  const [lower, upper] = endRange(part, place, fromMs, toMs, fromOpen, toOpen);
  return db.reportRows.where(':id').between(lower, upper, true, false);
}

export interface RowsRead<T> {
  value: T;
  rows: number;
  models: Model[];
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
    const result = await db.transaction('r', [db.reportRows, db.models, db.departments, db.employees, db.locations, db.settings], async () => {
      // Whether the rows are ready is asked first and the rows right behind it, not after its
      // answer: read in vain only when a write made them stale since `ensureReportRows`.
      const [ready, got, models, departments] = await Promise.all([reportRowsReady(db), settled(read()), db.models.toArray(), db.departments.toArray()]);
      if (!ready) return null;
      if ('error' in got) throw got.error;
      return { ...got.value, models, modelNames: new Map(models.map((model) => [model.id, model.name])), departments };
    });
    if (result) return result;
  }
}

/** A read's value or its error: rows read in vain (not ready) may fail to parse, and then do not matter. */
const settled = <T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

/** Incomplete devices with an event at or after `fromMs`. */
async function incompleteSince(db: KvikDb, fromMs: number): Promise<string[]> {
  const rows = (await byEnd(db, 'i', '', fromMs, END).toArray()) as IncompleteRow[];
  return rows.map((row) => row.deviceKey);
}

/**
 * Devices with events but no projection and no event since `fromMs`: a report replaying the log
 * would not see them at all (it reads the histories of touched devices only), so neither does this.
 */
async function unseenSince(db: KvikDb, fromMs: number): Promise<Set<string>> {
  const rows = (await byEnd(db, 'u', '', -END, fromMs, false, true).toArray()) as IncompleteRow[];
  return new Set(rows.map((row) => row.deviceKey));
}

/**
 * The closed holdings read in this many slices of their end, asked for at once: IndexedDB hands
 * one slice over while it reads the next, and the worker takes its keys in meanwhile, instead of
 * one range of tens of thousands of keys arriving whole at the end.
 */
export const CLOSED_HOLDING_SLICES = 4;

/** The ends where the slices of `(fromMs, ∞)` meet: evenly up to now (a holding ends in the past). */
function sliceEnds(fromMs: number, nowMs: number): number[] {
  const ends: number[] = [];
  const width = (nowMs - fromMs) / CLOSED_HOLDING_SLICES;
  for (let i = 1; i < CLOSED_HOLDING_SLICES && width > 0; i++) ends.push(Math.round(fromMs + width * i));
  return [...new Set(ends)].filter((end) => end > fromMs && end < END);
}

/**
 * The packs of one family (`prefix`: their ids' common start, `store/holding-packs.ts`) in slices of
 * their ids, a quarter of them a request, so the worker takes one slice in while IndexedDB reads
 * the next.
 */
export const PACK_SLICES = 4;
function packSlices(prefix: string): Array<[string, string]> {
  // A pack's id: the prefix and its number, four digits (`packIdOf`).
  const cuts = Array.from({ length: PACK_SLICES - 1 }, (_, i) => `${prefix}${String(Math.round(((i + 1) * PACKS) / PACK_SLICES)).padStart(4, '0')}`);
  const bounds = [prefix, ...cuts, `${prefix}\uffff`];
  return cuts.length === 0 ? [[prefix, `${prefix}\uffff`]] : bounds.slice(1).map((upper, i) => [bounds[i] as string, upper]);
}

/** Every pack of one family, by the slices of `packSlices`, asked for at once. */
function packsOf(db: KvikDb, prefix: string): Promise<PackRow[]> {
  return Promise.all(packSlices(prefix).map(([lower, upper]) => db.reportRows.where(':id').between(lower, upper, true, false).toArray() as Promise<PackRow[]>)).then((lists) => lists.flat());
}

/**
 * The requests for the holdings that end after `fromMs` (or run on): the closed ones by their end,
 * by their keys alone (a closed holding's id carries its fields, `store/report-rows.ts`), in slices;
 * the open ones from their packs (`store/holding-packs.ts`). Made at once, in this order.
 */
function askHoldings(db: KvikDb, fromMs: number) {
  const ends = [fromMs, ...sliceEnds(fromMs, Date.now()), END];
  const closed = ends.slice(1).map(
    (to, i) =>
      // `(from, to]`, the last `(from, ∞)`: an open holding's end is ∞, and it is in the packs.
      byEnd(db, 'h', '', ends[i] as number, to, true, to === END).primaryKeys() as Promise<string[]>,
  );
  const packs = packsOf(db, PACK_ID_PREFIX);
  return { closed, packs };
}

/** The holdings the requests of `askHoldings` read, but those of `unseen` devices. */
async function holdingsRead({ closed, packs }: ReturnType<typeof askHoldings>, unseen: Promise<ReadonlySet<string>>): Promise<HoldingSpan[]> {
  const [closedIds, packRows, left] = await Promise.all([Promise.all(closed), packs, unseen]);
  // An open holding's row has a holding's fields (and its id, part and place besides): not copied again.
  const all: HoldingSpan[] = [...closedIds.flatMap((ids) => (ids.length > 0 ? holdingsOfIds(ids) : [])), ...packRows.flatMap(unpackHoldings)];
  return left.size > 0 ? all.filter((holding) => !left.has(holding.deviceKey)) : all;
}

export interface HoldingsValue {
  holdings: HoldingSpan[];
  incomplete: string[];
  employeeNames: Map<string, string>;
}

/**
 * Holdings that end after `fromMs` (or run on), and the incomplete devices touched since: the
 * closed ones by their end, the open ones from their packs (`store/holding-packs.ts`); the
 * employees whole, for the names (as cheap as looking up tens of thousands of them), asked for last.
 */
export function readHoldings(db: KvikDb, fromMs: number, onProgress: (progress: ReportProgress) => void) {
  return inReadyRows(db, onProgress, async () => {
    const incomplete = incompleteSince(db, fromMs);
    const unseen = unseenSince(db, fromMs);
    const holdings = holdingsRead(askHoldings(db, fromMs), unseen);
    const [held, touched, employees] = await Promise.all([holdings, incomplete, db.employees.toArray()]);
    const value: HoldingsValue = { holdings: held, incomplete: touched, employeeNames: new Map(employees.map((employee) => [employee.id, employee.name])) };
    return { value, rows: held.length + touched.length };
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
      byEnd(db, 's', location, firstEndMs, END).toArray() as Promise<StockRow[]>,
      byEnd(db, 'o', location, fromMs, toMs, false, true).toArray() as Promise<HandoutRow[]>,
      incompleteSince(db, fromMs),
      unseenSince(db, fromMs),
    ]);
    const stock: StockSpan[] = stockRows.filter((row) => !unseen.has(row.deviceKey)).map(stockOfRow);
    const handouts: HandoutMark[] = handoutRows.map(handoutOfRow);
    return { value: { stock, handouts, incomplete }, rows: stockRows.length + handoutRows.length + incomplete.length };
  });
}

/** IndexedDB's order of strings: by UTF-16 code unit, not by locale. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The places a part's rows stand at: the monthly summary counts every location, including any a
 * desk recorded that this desk's location table does not know. Found from the places this desk
 * knows (`known`: its locations, and '' for none) and one look into each gap between them, all at
 * once (a key-only request of one key each); only a gap where a row is found is then walked, from
 * one place to the next (a request a place, one after another). A known place may hold no rows.
 */
async function placesOf(db: KvikDb, part: string, known: readonly string[]): Promise<string[]> {
  const sorted = [...new Set(known)].sort(byCodeUnit);
  const firstIn = async (lower: string, upper: string): Promise<string | undefined> => {
    const [id] = (await db.reportRows.where(':id').between(lower, upper, true, false).limit(1).primaryKeys()) as string[];
    return id === undefined ? undefined : placeOfId(id);
  };
  // The gaps: before the first known place, between two, after the last.
  const bounds: string[] = [partStart(part), ...sorted.flatMap((place) => [placeStart(part, place), placeEnd(part, place)]), partEnd(part)];
  const gaps = Array.from({ length: bounds.length / 2 }, async (_, i) => {
    const lower = bounds[2 * i] as string;
    const upper = bounds[2 * i + 1] as string;
    const found: string[] = [];
    for (let place = await firstIn(lower, upper); place !== undefined; place = await firstIn(placeEnd(part, place), upper)) found.push(place);
    return found;
  });
  // A known place without rows costs an empty range later, no more than a look now.
  const found = (await Promise.all(gaps)).flat();
  return found.length === 0 ? sorted : [...sorted, ...found].sort(byCodeUnit);
}

/** The places this desk knows: its locations, and '' (rows of a device at no location). */
async function knownPlaces(db: KvikDb): Promise<string[]> {
  return ['', ...((await db.locations.toCollection().primaryKeys()) as string[])];
}

/** Rows of `part` at each of `places` whose end is in `[fromMs, toMs)` (`toOpen: false`: `[fromMs, toMs]`), asked for at once. */
async function atPlaces<T>(db: KvikDb, part: string, places: readonly string[], fromMs: number, toMs: number, toOpen = true): Promise<T[]> {
  const lists = await Promise.all(places.map((place) => byEnd(db, part, place, fromMs, toMs, false, toOpen).toArray()));
  return lists.flat() as T[];
}

/** Rows of `part` at every place whose end is in `[fromMs, toMs)` (`toOpen: false`: `[fromMs, toMs]`). */
async function atEveryPlace<T>(db: KvikDb, part: string, fromMs: number, toMs: number, toOpen = true): Promise<T[]> {
  return atPlaces<T>(db, part, await placesOf(db, part, await knownPlaces(db)), fromMs, toMs, toOpen);
}

/** Marks of `types` from `fromMs` to `toMs` (the type is the mark's place). */
async function marksBetween(db: KvikDb, types: readonly EventMarkType[], fromMs: number, toMs: number): Promise<EventMark[]> {
  const lists = await Promise.all(types.map((type) => byEnd(db, 'm', type, fromMs, toMs, false, true).toArray() as Promise<MarkRow[]>));
  return lists.flat().map((row) => row.mark);
}

/**
 * What the monthly summary of the month `[fromMs, endMs)` is summed from: the handouts and marks
 * in it, the shelf and repair spans its end falls in (`fromMs < end ≤ toMs`: read by their end,
 * the rest dropped by the sum), and the incomplete devices touched since its start; and what its
 * page shows besides: the holdings of its quarter (from `quarterStartMs`) for the departments'
 * totals — no employees: the totals name none — and the last Intune evidence. All in the one
 * transaction: the places first (two small rounds), then every range at once.
 */
export function readMonthlyRows(db: KvikDb, span: { fromMs: number; endMs: number; quarterStartMs: number }, onProgress: (progress: ReportProgress) => void) {
  const { fromMs, endMs, quarterStartMs } = span;
  return inReadyRows(db, onProgress, async () => {
    const known = await knownPlaces(db);
    const [handoutPlaces, stockPlaces] = await Promise.all([placesOf(db, 'o', known), placesOf(db, 's', known)]);
    const intune = loadIntuneEvidence(db);
    const incomplete = incompleteSince(db, fromMs);
    const unseen = unseenSince(db, fromMs);
    const quarterIncomplete = quarterStartMs === fromMs ? incomplete : incompleteSince(db, quarterStartMs);
    const quarterUnseen = quarterStartMs === fromMs ? unseen : unseenSince(db, quarterStartMs);
    const repairRows = byEnd(db, 'r', '', endMs, END).toArray() as Promise<RepairRow[]>;
    const marks = marksBetween(db, eventMarkTypes.filter((type) => type !== 'charge'), fromMs, endMs);
    const handoutRows = atPlaces<HandoutRow>(db, 'o', handoutPlaces, fromMs, endMs);
    const stockRows = atPlaces<StockRow>(db, 's', stockPlaces, endMs, END, false);
    const holdings = holdingsRead(askHoldings(db, quarterStartMs), quarterUnseen);
    const [handoutList, markList, stockList, repairList, touched, left, held, quarterTouched, evidence] = await Promise.all([
      handoutRows,
      marks,
      stockRows,
      repairRows,
      incomplete,
      unseen,
      holdings,
      quarterIncomplete,
      intune,
    ]);
    const seen = <R extends { deviceKey: string }>(row: R) => !left.has(row.deviceKey);
    const stock: StockSpan[] = stockList.filter(seen).map(stockOfRow);
    const repairs: RepairSpan[] = repairList.filter(seen).map(repairOfRow);
    const handouts: HandoutMark[] = handoutList.map(handoutOfRow);
    const rows = handoutList.length + markList.length + stockList.length + repairList.length + touched.length;
    const value: MonthlyRead = { digests: { handouts, marks: markList, stock, repairs, incomplete: touched }, quarter: { holdings: held, incomplete: quarterTouched }, intune: evidence };
    return { value, rows };
  });
}

export interface MonthlyRead {
  digests: MonthlyDigests;
  /** The holdings of the month's quarter, and its incomplete devices: its department totals. */
  quarter: { holdings: HoldingSpan[]; incomplete: string[] };
  intune: IntuneEvidence | undefined;
}

/**
 * What the department statements of the quarter `[fromMs, toMs)` are made from: its
 * residual-value charges — asked for first: a few rows, not to wait behind the holdings — and the
 * department report's holdings, the incomplete devices touched since `fromMs`, the employees' names.
 */
export function readStatementRows(db: KvikDb, span: { fromMs: number; toMs: number }, onProgress: (progress: ReportProgress) => void) {
  const { fromMs, toMs } = span;
  return inReadyRows(db, onProgress, async () => {
    const charges = marksBetween(db, ['charge'], fromMs, toMs);
    const incomplete = incompleteSince(db, fromMs);
    const unseen = unseenSince(db, fromMs);
    const holdings = holdingsRead(askHoldings(db, fromMs), unseen);
    const [marks, touched, held, employees] = await Promise.all([charges, incomplete, holdings, db.employees.toArray()]);
    const employeeNames = new Map(employees.map((employee) => [employee.id, employee.name]));
    const value = { marks, holdings: { holdings: held, incomplete: touched, employeeNames } satisfies HoldingsValue };
    // The charges' rows, as the statement counted them before it read the holdings in the same transaction.
    return { value, rows: marks.length + touched.length };
  });
}

/**
 * Every device as the fleet reports read it (`shared/fleet/fleet-device.ts`), from its packs: a few
 * hundred records instead of 100,000 devices; and the models and employees they name.
 */
export function readFleetRows(db: KvikDb, onProgress: (progress: ReportProgress) => void) {
  return inReadyRows(db, onProgress, async () => {
    const [packs, models, employees] = await Promise.all([
      packsOf(db, FLEET_PACK_ID_PREFIX),
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
      packsOf(db, FLEET_PACK_ID_PREFIX),
      atEveryPlace<StockRow>(db, 's', END, END, false),
      db.models.toArray(),
      db.employees.toArray(),
    ]);
    const shelf = shelfRows.map((row) => ({ deviceKey: row.deviceKey, location: row.place || null, status: row.status, sinceMs: row.sinceMs }));
    return { value: { fleet: packs.flatMap(unpackFleet), shelf, models, employees }, rows: packs.length + shelfRows.length };
  });
}
