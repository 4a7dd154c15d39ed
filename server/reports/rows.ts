import type { Device, DeviceKey, DeviceKind, StockStatus } from '../../shared/domain/device';
import { eventTypes, type DeviceEvent } from '../../shared/domain/event';
import {
  DIGEST_VERSION,
  digestDevice,
  eventMarkTypes,
  type DeviceDigest,
  type EventMark,
  type HandoutMark,
  type HoldingSpan,
  type RepairSpan,
  type StockSpan,
} from '../../shared/reports/device-digest';
import type { MonthlyDigests } from '../../shared/reports/monthly-summary';
import type { Database, Queryable, Row } from '../db/database';

/**
 * The reports' digests in PostgreSQL (table `report_rows`, migrations 013 and 014): each device's
 * holdings, shelf and repair spans, handouts and event marks (`shared/reports/device-digest.ts`:
 * all a digest holds, as the desk keeps it), kept in the SAME transaction as
 * every write of the log — `appendToLog` refreshes the devices a batch accepted events for, and
 * every writer (a push, the device import, a correction) goes through it. A device's rows are
 * always its digest from its projection and all its accepted events in `seq` order, made by the
 * same pure function a full replay uses, so a report summed from them is the report replayed from
 * the log (`tests/integration/report-rows.test.ts`).
 *
 * `REPORT_ROWS_VERSION`: the digest's version and this table's form of it (the last two digits;
 * 2: repair spans and event marks too, migration 014). Rows of another version are rebuilt from
 * the log (`ensureReportRows`), as on the desk.
 */
export const REPORT_ROWS_VERSION = DIGEST_VERSION * 100 + 2;

/** Devices read and digested at a time when rebuilding. */
const REBUILD_CHUNK = 2_000;

/** A row as written: ±Infinity as text, which float8 reads (JSON has no Infinity). */
type Ms = number | 'Infinity' | '-Infinity';
interface RowRecord {
  device_key: string;
  part: 'h' | 's' | 'r' | 'o' | 'm' | 'i' | 'u';
  place: string;
  start_ms: Ms | null;
  end_ms: Ms;
  since_ms?: Ms;
  kind?: DeviceKind;
  model?: string | null;
  department?: string;
  employee_id?: string;
  status?: StockStatus;
  reused?: boolean;
  undone_flips?: number[] | null;
  vendor?: string;
  mark?: EventMark;
}

const ms = (value: number): Ms => (Number.isFinite(value) ? value : value > 0 ? 'Infinity' : '-Infinity');

/** A device's digest as rows of `report_rows`. */
export function rowsOfDigest(digest: DeviceDigest): RowRecord[] {
  const { deviceKey: device_key } = digest;
  const rows: RowRecord[] = [];
  for (const { kind, model, department, employeeId, startMs, endMs } of digest.holdings)
    rows.push({ device_key, part: 'h', place: '', start_ms: ms(startMs), end_ms: ms(endMs), kind, model, department, employee_id: employeeId });
  for (const { location, status, fromMs, toMs, sinceMs } of digest.stock)
    rows.push({ device_key, part: 's', place: location ?? '', start_ms: ms(fromMs), end_ms: ms(toMs), since_ms: ms(sinceMs), status });
  for (const { fromMs, toMs, sinceMs, vendor, model } of digest.repairs)
    rows.push({ device_key, part: 'r', place: '', start_ms: ms(fromMs), end_ms: ms(toMs), since_ms: ms(sinceMs), vendor, model });
  for (const { location, atMs, reused, kind, model, undoneFlips } of digest.handouts)
    rows.push({ device_key, part: 'o', place: location ?? '', start_ms: null, end_ms: ms(atMs), reused, kind, model, undone_flips: undoneFlips.length > 0 ? undoneFlips : null });
  // A mark by its type (the place) and instant; whole, as the sums take it (a month's are a few thousand).
  for (const mark of digest.marks) rows.push({ device_key, part: 'm', place: mark.type, start_ms: null, end_ms: ms(mark.atMs), mark });
  if (digest.incomplete) rows.push({ device_key, part: 'i', place: '', start_ms: null, end_ms: ms(digest.incomplete.lastAtMs) });
  if (digest.unprojected) rows.push({ device_key, part: 'u', place: '', start_ms: null, end_ms: ms(digest.unprojected.lastAtMs) });
  return rows;
}

/** Each device's accepted events in `seq` order (the order they were applied) and its projection. */
async function readDeviceLogs(
  tx: Queryable,
  keys: readonly string[],
  known?: ReadonlyMap<string, Device | null>,
): Promise<{ events: Map<string, DeviceEvent[]>; devices: ReadonlyMap<string, Device | null> }> {
  const [eventRows, deviceRows] = await Promise.all([
    tx.query(
      `SELECT device_key, json_agg(event ORDER BY seq) AS events FROM events
       WHERE device_key = ANY($1::text[]) AND status = 'accepted' GROUP BY device_key`,
      [keys],
    ),
    known ? [] : tx.query('SELECT key, device FROM devices WHERE key = ANY($1::text[])', [keys]),
  ]);
  // Stored events and projections passed their schemas when written: taken as they are.
  const events = new Map(eventRows.map((row) => [String(row.device_key), readableEvents(row.events as DeviceEvent[])]));
  const devices = known ?? new Map(deviceRows.map((row) => [String(row.key), row.device as Device]));
  return { events, devices };
}

const knownTypes: ReadonlySet<string> = new Set(eventTypes);

/**
 * The stored events a report can replay: all but those of a type this server does not know — in
 * the log only if a newer version wrote them and this one was put back. Replayed without them, the
 * device no longer reaches its projection, so the reports list it as incomplete rather than the
 * push or the report failing for it.
 */
export function readableEvents(events: readonly DeviceEvent[]): DeviceEvent[] {
  return events.every((event) => knownTypes.has(event.type)) ? (events as DeviceEvent[]) : events.filter((event) => knownTypes.has(event.type));
}

async function insertRows(tx: Queryable, rows: readonly RowRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO report_rows (device_key, part, place, start_ms, end_ms, since_ms, kind, model, department, employee_id, status, reused, undone_flips, vendor, mark)
     SELECT device_key, part, place, start_ms, end_ms, since_ms, kind, model, department, employee_id, status, reused, undone_flips, vendor, mark
     FROM jsonb_to_recordset($1::jsonb) AS r(
       device_key text, part text, place text, start_ms double precision, end_ms double precision, since_ms double precision, kind text, model text,
       department text, employee_id text, status text, reused boolean, undone_flips jsonb, vendor text, mark jsonb)`,
    [JSON.stringify(rows)],
  );
}

/** A device's rows from its projection (null: none) and all its accepted events in `seq` order. */
export function deviceRows(key: DeviceKey, device: Device | null, events: readonly DeviceEvent[]): RowRecord[] {
  return rowsOfDigest(digestDevice(key, device, events));
}

async function digestRows(tx: Queryable, keys: readonly string[], known?: ReadonlyMap<string, Device | null>): Promise<RowRecord[]> {
  const { events, devices } = await readDeviceLogs(tx, keys, known);
  return keys.flatMap((key) => deviceRows(key, devices.get(key) ?? null, events.get(key) ?? []));
}

/**
 * Recomputes the rows of `keys` inside `tx`, from their projections and accepted events as they
 * stand in it: called by `appendToLog` after it wrote a batch's events and projections, which it
 * passes as `projections` (null: withdrawn) rather than have them read back.
 */
export async function refreshReportRows(tx: Queryable, keys: readonly string[], projections?: ReadonlyMap<string, Device | null>): Promise<void> {
  if (keys.length === 0) return;
  const rows = await digestRows(tx, keys, projections);
  await tx.query('DELETE FROM report_rows WHERE device_key = ANY($1::text[])', [keys]);
  await insertRows(tx, rows);
}

/**
 * Every device's rows from the log, in chunks of devices, inside `tx`; the state set to this
 * version. Holds the push lock (`sync_head`) so no push writes between the rebuild and its state.
 */
export async function rebuildReportRows(tx: Queryable, onProgress: (devices: number) => void = () => {}): Promise<{ devices: number }> {
  await tx.query('SELECT seq FROM sync_head FOR UPDATE');
  await tx.exec('DELETE FROM report_rows');
  let after = '';
  let done = 0;
  for (;;) {
    // The next devices of the log (from its device index), and any projection without events.
    const keyRows = await tx.query(
      `SELECT key FROM (
         (SELECT DISTINCT device_key AS key FROM events WHERE device_key > $1 ORDER BY device_key LIMIT $2)
         UNION (SELECT key FROM devices WHERE key > $1 ORDER BY key LIMIT $2)
       ) k ORDER BY key LIMIT $2`,
      [after, REBUILD_CHUNK],
    );
    const keys = keyRows.map((row) => String(row.key));
    if (keys.length === 0) break;
    await insertRows(tx, await digestRows(tx, keys));
    done += keys.length;
    onProgress(done);
    after = keys[keys.length - 1] as string;
  }
  await tx.query('UPDATE report_rows_state SET version = $1', [REPORT_ROWS_VERSION]);
  return { devices: done };
}

/** Whether the rows are of this version. */
export async function reportRowsCurrent(db: Queryable): Promise<boolean> {
  const [row] = await db.query('SELECT version FROM report_rows_state');
  return Number(row?.version) === REPORT_ROWS_VERSION;
}

/**
 * Rebuilds the rows when they are of another version (a new digest): at start, and before a report
 * reads them. Checked again under the push lock, so two servers starting at once rebuild once.
 */
export async function ensureReportRows(db: Database): Promise<boolean> {
  if (await reportRowsCurrent(db)) return false;
  return db.transaction(async (tx) => {
    await tx.query('SELECT seq FROM sync_head FOR UPDATE');
    if (await reportRowsCurrent(tx)) return false;
    await rebuildReportRows(tx);
    return true;
  });
}

// ---- Reading: the rows whose spans reach into a report's period, by the (part, place, end_ms) index.

const keysOf = (rows: Row[]): string[] => rows.map((row) => String(row.device_key));

/** Incomplete devices with an event at or after `fromMs`. */
async function incompleteSince(db: Queryable, fromMs: number): Promise<DeviceKey[]> {
  return keysOf(await db.query("SELECT device_key FROM report_rows WHERE part = 'i' AND place = '' AND end_ms >= $1", [fromMs]));
}

/**
 * Devices with events but no projection and none since `fromMs`: a report replaying the log would
 * not see them (it reads the histories of touched devices only), so neither does one from the rows.
 */
async function unseenSince(db: Queryable, fromMs: number): Promise<Set<DeviceKey>> {
  return new Set(keysOf(await db.query("SELECT device_key FROM report_rows WHERE part = 'u' AND place = '' AND end_ms < $1", [fromMs])));
}

export interface HoldingsRead {
  holdings: HoldingSpan[];
  incomplete: DeviceKey[];
}

/**
 * The report rows matching `where`, each as the array of its `columns`. Plain rows, not one
 * `json_agg` document: on PostgreSQL at 100,000 devices the quarter's 87,000 holdings come in 220 ms
 * as rows and in 520–600 ms as one JSON document (building it, and the driver taking in one 10 MB
 * value). ±Infinity come as numbers, or as strings from PGlite's JSON (`msOf`).
 */
async function rowArrays(db: Queryable, columns: string, where: string, params: readonly unknown[]): Promise<unknown[][]> {
  return arraysOf(await db.query(`SELECT ${columns} FROM report_rows WHERE ${where}`, params));
}

/** Each row's values in the order its SELECT named them. */
export const arraysOf = (rows: readonly Row[]): unknown[][] => rows.map((row) => Object.values(row));

export const msOf = (value: unknown): number =>
  typeof value === 'number' ? value : value === 'Infinity' ? Number.POSITIVE_INFINITY : value === '-Infinity' ? Number.NEGATIVE_INFINITY : Number(value);

/**
 * Holdings that end after `fromMs` (or run on) and begin before `toMs`, of `department` or all, in
 * no particular order (`billFromHoldings` sums them in any order, `QuarterBill`: a sort of 80,000
 * rows in PostgreSQL would be for nobody); the incomplete devices touched since `fromMs`.
 */
export async function readHoldings(db: Queryable, span: { fromMs: number; toMs: number; department?: string }): Promise<HoldingsRead> {
  const { fromMs, toMs, department } = span;
  const own = department === undefined ? '' : ' AND department = $3';
  const [rows, incomplete, unseen] = await Promise.all([
    rowArrays(
      db,
      'device_key, start_ms, end_ms, kind, model, department, employee_id',
      `part = 'h' AND place = '' AND end_ms > $1 AND start_ms < $2${own}`,
      [fromMs, toMs, ...(department === undefined ? [] : [department])],
    ),
    incompleteSince(db, fromMs),
    unseenSince(db, fromMs),
  ]);
  const holdings: HoldingSpan[] = [];
  for (const [deviceKey, startMs, endMs, kind, model, held, employeeId] of rows as Array<[string, unknown, unknown, DeviceKind, string | null, string, string]>) {
    if (unseen.has(deviceKey)) continue;
    holdings.push({ deviceKey, kind, model: model ?? null, department: held, employeeId, startMs: msOf(startMs), endMs: msOf(endMs) });
  }
  return { holdings, incomplete };
}

export interface TrendRowsRead {
  stock: StockSpan[];
  handouts: HandoutMark[];
  incomplete: DeviceKey[];
}

const placeOf = (place: string) => (place === '' ? null : place);

/** The columns of a shelf span (`stockOf`) and of a handout (`handoutOf`), as `rowArrays` reads them. */
const stockColumns = 'device_key, place, status, start_ms, end_ms, since_ms';
const handoutColumns = 'device_key, place, end_ms, reused, kind, model, undone_flips';

function stockOf(rows: unknown[][], unseen: ReadonlySet<DeviceKey>): StockSpan[] {
  const stock: StockSpan[] = [];
  for (const [deviceKey, place, status, from, to, since] of rows as Array<[string, string, StockStatus, unknown, unknown, unknown]>) {
    if (unseen.has(deviceKey)) continue;
    stock.push({ deviceKey, location: placeOf(place), status, fromMs: msOf(from), toMs: msOf(to), sinceMs: msOf(since) });
  }
  return stock;
}

function handoutOf(rows: unknown[][]): HandoutMark[] {
  return (rows as Array<[string, string, unknown, boolean | null, DeviceKind, string | null, number[] | null]>).map(([deviceKey, place, atMs, reused, kind, model, flips]) => ({
    deviceKey,
    atMs: msOf(atMs),
    location: placeOf(place),
    reused: reused === true,
    kind,
    model: model ?? null,
    undoneFlips: Array.isArray(flips) ? flips : [],
  }));
}

/**
 * Shelf spans (at `location`, or anywhere) that reach a day end at or after `firstEndMs` and begin
 * before `toMs`; handouts there from `fromMs` to `toMs`; the incomplete devices touched since `fromMs`.
 */
export async function readTrendRows(db: Queryable, span: { location?: string; fromMs: number; firstEndMs: number; toMs: number }): Promise<TrendRowsRead> {
  const { location, fromMs, firstEndMs, toMs } = span;
  // One location by the index's second column, or every location (the central overview).
  const here = location === undefined ? '' : 'AND place = $3';
  const at = location === undefined ? [] : [location];
  const [stockRows, handoutRows, incomplete, unseen] = await Promise.all([
    rowArrays(db, stockColumns, `part = 's' ${here} AND end_ms >= $1 AND start_ms < $2`, [firstEndMs, toMs, ...at]),
    rowArrays(db, handoutColumns, `part = 'o' ${here} AND end_ms >= $1 AND end_ms < $2`, [fromMs, toMs, ...at]),
    incompleteSince(db, fromMs),
    unseenSince(db, fromMs),
  ]);
  return { stock: stockOf(stockRows, unseen), handouts: handoutOf(handoutRows), incomplete };
}

/** Marks of `types` (their place) from `fromMs` to `toMs`. */
async function marksBetween(db: Queryable, types: readonly string[], fromMs: number, toMs: number): Promise<EventMark[]> {
  const rows = await rowArrays(db, 'mark', "part = 'm' AND place = ANY($3::text[]) AND end_ms >= $1 AND end_ms < $2", [fromMs, toMs, types]);
  return rows.map(([mark]) => mark as EventMark);
}

/**
 * What the monthly summary of the month `[fromMs, endMs)` is summed from (`monthlyFromDigests`):
 * the handouts and marks in it, the shelf and repair spans its end falls in (`fromMs < end ≤ toMs`),
 * and the incomplete devices touched since its start — at every place, as the desk reads them.
 */
export async function readMonthlyRows(db: Queryable, span: { fromMs: number; endMs: number }): Promise<MonthlyDigests> {
  const { fromMs, endMs } = span;
  const [handoutRows, marks, stockRows, repairRows, incomplete, unseen] = await Promise.all([
    rowArrays(db, handoutColumns, "part = 'o' AND end_ms >= $1 AND end_ms < $2", [fromMs, endMs]),
    marksBetween(
      db,
      eventMarkTypes.filter((type) => type !== 'charge'),
      fromMs,
      endMs,
    ),
    rowArrays(db, stockColumns, "part = 's' AND end_ms >= $1 AND start_ms < $1", [endMs]),
    rowArrays(db, 'device_key, start_ms, end_ms, since_ms, vendor, model', "part = 'r' AND place = '' AND end_ms >= $1 AND start_ms < $1", [endMs]),
    incompleteSince(db, fromMs),
    unseenSince(db, fromMs),
  ]);
  const repairs: RepairSpan[] = [];
  for (const [deviceKey, from, to, since, vendor, model] of repairRows as Array<[string, unknown, unknown, unknown, string | null, string | null]>) {
    if (unseen.has(deviceKey)) continue;
    repairs.push({ deviceKey, fromMs: msOf(from), toMs: msOf(to), sinceMs: msOf(since), vendor: vendor ?? '', model: model ?? null });
  }
  return { handouts: handoutOf(handoutRows), marks, stock: stockOf(stockRows, unseen), repairs, incomplete };
}

/** The residual-value charges from `fromMs` to `toMs` (`chargesFromMarks`) and the incomplete devices touched since `fromMs`. */
export async function readChargeRows(db: Queryable, span: { fromMs: number; toMs: number }): Promise<{ marks: EventMark[]; incomplete: DeviceKey[] }> {
  const [marks, incomplete] = await Promise.all([marksBetween(db, ['charge'], span.fromMs, span.toMs), incompleteSince(db, span.fromMs)]);
  return { marks, incomplete };
}
