import type { DeviceKey } from '../../shared/domain/device';
import type { FleetDevice } from '../../shared/fleet/fleet-device';
import type { HoldingRow } from './report-rows';
import { rowIdStart } from './row-ids';

/**
 * The open holdings — devices held by someone now, most of a fleet — packed many to a row.
 *
 * The department report needs every holding that reaches into its quarter. Closed holdings are few
 * per quarter and stay one row each, found by their end (their ids are ordered so, `row-ids.ts`); but
 * every device handed out and still held has an open holding, and reading 80,000 of them as
 * 80,000 IndexedDB records costs seconds in Chromium whatever the index (each record is a separate
 * value to fetch and deserialise). So they live in `PACKS` rows instead, one per bucket of device
 * keys (a fixed hash, so a device's pack is known without reading anything), each holding its
 * devices' open holdings as one JSON string: a report reads a few hundred records, a scan rewrites
 * one small one.
 *
 * Packs are kept in the same transaction as the rest of a device's rows (`report-rows.ts`, and the
 * rebuild in `report-rows-rebuild.ts`): remove the devices' entries, add what they hold now.
 */

/**
 * A scan rewrites its device's pack inside its transaction: at 100,000 devices 1,024 packs hold
 * about a hundred devices, ~10 KB (256 held ~400, ~40 KB, and cost the scan ~1 ms at p95 in the
 * desk bench); a report reads a thousand records instead of 256, a few milliseconds more.
 */
export const PACKS = 1024;
/** Every pack's id starts so: after every row's id (a part's letter first, `row-ids.ts`); a pack names no device, so a rebuild clearing rows by device leaves it. */
export const PACKS_PREFIX = '\uffff';
/** The open holdings' packs. */
export const PACK_ID_PREFIX = `${PACKS_PREFIX}H`;
export const PACK_PART = 'H' as const;
/** The fleet reports' devices (`shared/fleet/fleet-device.ts`), packed the same way: every device has one. */
export const FLEET_PACK_PART = 'F' as const;
export const FLEET_PACK_ID_PREFIX = `${PACKS_PREFIX}${FLEET_PACK_PART}`;

/** One pack row: its family's entries, one JSON array of tuples (one string clones and parses far faster than thousands of objects). */
export interface PackRow {
  id: string;
  part: typeof PACK_PART | typeof FLEET_PACK_PART;
  place: '';
  endMs: number;
  entries: string;
}
/** The name the open holdings' packs had first: any pack row. */
export type HoldingPackRow = PackRow;

/** A kind of pack: its entries per device, written as tuples. */
export interface PackFamily<T> {
  part: PackRow['part'];
  keyOf(entry: T): DeviceKey;
  encode(entry: T): unknown[];
  decode(tuple: unknown[]): T;
  /** How each of a device's tuples begins in a pack's JSON: found, and cut out, without parsing the pack. */
  tupleStart(key: DeviceKey): string;
}

/** One open holding as packed: the row's own id, and its fields but the (infinite) end. */
type PackedHolding = [id: string, deviceKey: string, kind: HoldingRow['kind'], model: string | null, department: string, employeeId: string, startMs: number];

export const holdingPacks: PackFamily<HoldingRow> = {
  part: PACK_PART,
  keyOf: (holding) => holding.deviceKey,
  encode: (h): PackedHolding => [h.id, h.deviceKey, h.kind, h.model, h.department, h.employeeId, h.startMs],
  decode: (tuple) => {
    const [id, deviceKey, kind, model, department, employeeId, startMs] = tuple as PackedHolding;
    return { id, deviceKey, part: 'h', place: '', endMs: Number.POSITIVE_INFINITY, kind, model, department, employeeId, startMs };
  },
  // Its id first, which names the part, no place, no end and the device (`rowId`): `["h\u0000\u0000~\u0000<key>\u0000…`.
  tupleStart: (key) => `[${JSON.stringify(rowIdStart('h', '', Number.POSITIVE_INFINITY, key)).slice(0, -1)}`,
};

type PackedFleetDevice = [
  key: string,
  status: FleetDevice['status'],
  model: string | null,
  department: string | null,
  employeeId: string | null,
  purchaseDate: string | null,
  purchasePrice: number | null,
  imei: string | null,
  imei2: string | null,
  serial: string | null,
  lastDepartment: string | null,
];

export const fleetPacks: PackFamily<FleetDevice> = {
  part: FLEET_PACK_PART,
  keyOf: (device) => device.key,
  encode: (d): PackedFleetDevice => [
    d.key,
    d.status,
    d.model ?? null,
    d.holder?.department ?? null,
    d.holder?.employeeId ?? null,
    d.purchaseDate ?? null,
    d.purchasePrice ?? null,
    d.imei ?? null,
    d.imei2 ?? null,
    d.serial ?? null,
    d.lastDepartment ?? null,
  ],
  decode: (tuple) => {
    const [key, status, model, department, employeeId, purchaseDate, purchasePrice, imei, imei2, serial, lastDepartment] = tuple as PackedFleetDevice;
    const device: FleetDevice = { key, status };
    if (model !== null) device.model = model;
    if (department !== null && employeeId !== null) device.holder = { employeeId, department };
    if (purchaseDate !== null) device.purchaseDate = purchaseDate;
    if (purchasePrice !== null) device.purchasePrice = purchasePrice;
    if (imei !== null) device.imei = imei;
    if (imei2 !== null) device.imei2 = imei2;
    if (serial !== null) device.serial = serial;
    if (lastDepartment !== null && lastDepartment !== undefined) device.lastDepartment = lastDepartment;
    return device;
  },
  tupleStart: (key) => `[${JSON.stringify(key)},`,
};

/** FNV-1a over the key's UTF-16 units: stable across runs and engines, which the bucket must be. */
export function packIdOf(deviceKey: DeviceKey, family: Pick<PackFamily<unknown>, 'part'> = holdingPacks): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceKey.length; i++) {
    hash ^= deviceKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${PACKS_PREFIX}${family.part}${String((hash >>> 0) % PACKS).padStart(4, '0')}`;
}

export const isOpenHolding = (row: object): row is HoldingRow =>
  'part' in row && row.part === 'h' && 'endMs' in row && row.endMs === Number.POSITIVE_INFINITY;

export const isHoldingPack = (row: object): row is HoldingPackRow => 'part' in row && row.part === PACK_PART;
export const isFleetPack = (row: object): row is PackRow => 'part' in row && row.part === FLEET_PACK_PART;

export function unpack<T>(family: PackFamily<T>, pack: PackRow): T[] {
  return (JSON.parse(pack.entries) as unknown[][]).map(family.decode);
}

export const unpackHoldings = (pack: PackRow): HoldingRow[] => unpack(holdingPacks, pack);
export const unpackFleet = (pack: PackRow): FleetDevice[] => unpack(fleetPacks, pack);

/** The reads and writes packing needs, so the same patch runs on Dexie's table and inside its middleware. */
export interface PackStore {
  getMany(ids: string[]): Promise<Array<PackRow | undefined>>;
  put(packs: PackRow[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
}

/** What one write changes in one family: the entries of the written devices as they stand now (none for a device without one). */
export interface PackChange<T> {
  family: PackFamily<T>;
  entries: readonly T[];
}

/** A change of one family, typed by its entries, for `patchPacks`'s list of several. */
export const packChange = <T>(family: PackFamily<T>, entries: readonly T[]): PackChange<unknown> => ({ family, entries }) as PackChange<unknown>;

/**
 * Replaces the open holdings of `deviceKeys` in their packs by `open` (theirs, as they stand now;
 * none for a device no longer held). Idempotent: a device's old entries go whatever they were.
 */
export function patchHoldingPacks(store: PackStore, deviceKeys: Iterable<DeviceKey>, open: HoldingRow[]): Promise<void> {
  return patchPacks(store, deviceKeys, [packChange(holdingPacks, open)]);
}

/**
 * Replaces the entries of `deviceKeys` in their packs, in every family changed, with ONE read of the
 * packs concerned. A pack whose entries for these devices are already exactly the new ones is
 * neither parsed nor written: most scans change no open holding and nothing the fleet reports read.
 */
export async function patchPacks(store: PackStore, deviceKeys: Iterable<DeviceKey>, changes: ReadonlyArray<PackChange<unknown>>): Promise<void> {
  const byPack = new Map<string, { family: PackFamily<unknown>; keys: Set<string>; add: unknown[] }>();
  const keys = [...deviceKeys];
  for (const change of changes) {
    const { family } = change;
    const entry = (key: string) => {
      const id = packIdOf(key, family);
      let found = byPack.get(id);
      if (!found) byPack.set(id, (found = { family, keys: new Set(), add: [] }));
      return found;
    };
    for (const key of keys) entry(key).keys.add(key);
    for (const added of change.entries) {
      const found = entry(family.keyOf(added));
      found.keys.add(family.keyOf(added));
      found.add.push(added);
    }
  }
  if (byPack.size === 0) return;
  const ids = [...byPack.keys()];
  const current = await store.getMany(ids);
  const puts: PackRow[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const { family, keys: written, add } = byPack.get(id) as { family: PackFamily<unknown>; keys: Set<string>; add: unknown[] };
    const existing = current[i];
    const tuples = add.map((entry) => JSON.stringify(family.encode(entry)));
    const addedKeys = new Set(add.map(family.keyOf));
    if (unchanged(existing, written, tuples, addedKeys)) return;
    const row = (entries: string): PackRow => ({ id, part: family.part, place: '', endMs: Number.POSITIVE_INFINITY, entries });
    // The written devices' old tuples cut out and their new ones appended, as text: a pack is
    // never parsed on the way (its other devices' tuples stay as they were written).
    const kept = existing ? withoutTuples(existing.entries, [...written].map(family.tupleStart)) : '[]';
    if (add.length === 0 && kept === existing?.entries) return;
    const next = tuples.length === 0 ? kept : `${kept.slice(0, -1)}${kept === '[]' ? '' : ','}${tuples.join(',')}]`;
    if (next !== '[]') puts.push(row(next));
    else if (existing) deletes.push(id);
  });
  if (puts.length > 0) await store.put(puts);
  if (deletes.length > 0) await store.delete(deletes);
}

/**
 * Whether a pack already holds exactly these entries for the written devices: each new entry's
 * tuple is in it (a device has at most one entry a family… or several holdings, each its own), and
 * a written device with no entry now has none there. A tuple starts `["<key>"`, or `["<id>","<key>"`,
 * so it cannot match inside another device's.
 */
function unchanged(existing: PackRow | undefined, written: ReadonlySet<string>, added: readonly string[], addedKeys: ReadonlySet<string>): boolean {
  if (!existing) return added.length === 0;
  if (!added.every((tuple) => existing.entries.includes(tuple))) return false;
  for (const key of written) if (!addedKeys.has(key) && existing.entries.includes(JSON.stringify(key))) return false;
  // As many entries of these devices there as added: none left over from before.
  return added.length === countEntriesOf(existing.entries, addedKeys);
}

/** How many tuples in a pack's JSON name one of `keys` (a key appears once per tuple of its device). */
function countEntriesOf(entries: string, keys: ReadonlySet<string>): number {
  let count = 0;
  for (const key of keys) {
    const needle = JSON.stringify(key);
    for (let at = entries.indexOf(needle); at !== -1; at = entries.indexOf(needle, at + needle.length)) count++;
  }
  return count;
}

/**
 * A pack's JSON without the tuples that begin with one of `starts`. A tuple is a flat array of
 * strings, numbers and nulls, so it ends at the first `]` outside a string; and `["` cannot occur
 * inside a JSON string (its quote would be escaped), so a start is found only where a tuple begins.
 */
export function withoutTuples(entries: string, starts: readonly string[]): string {
  const cuts: Array<[from: number, to: number]> = [];
  for (const start of starts) {
    for (let at = entries.indexOf(start); at !== -1; at = entries.indexOf(start, at + 1)) cuts.push([at, tupleEnd(entries, at)]);
  }
  if (cuts.length === 0) return entries;
  cuts.sort((a, b) => a[0] - b[0]);
  let text = '';
  let from = 0;
  for (const [at, to] of cuts) {
    text += entries.slice(from, at);
    // The comma after the tuple goes with it (the last tuple's, before it: below).
    from = entries[to] === ',' ? to + 1 : to;
  }
  text += entries.slice(from);
  return text.endsWith(',]') ? `${text.slice(0, -2)}]` : text;
}

/** Where the tuple beginning at `at` ends (just past its `]`). */
function tupleEnd(entries: string, at: number): number {
  let inString = false;
  for (let i = at + 1; i < entries.length; i++) {
    const c = entries.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5d /* ] */) return i + 1;
  }
  throw new Error('a pack holds a tuple with no end');
}
