import type { DeviceKey } from '../../shared/domain/device';
import type { HoldingRow } from './report-rows';

/**
 * The open holdings — devices held by someone now, most of a fleet — packed many to a row.
 *
 * The department report needs every holding that reaches into its quarter. Closed holdings are few
 * per quarter and stay one row each, found by their end in the `[part+place+endMs]` index; but
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

export const PACKS = 256;
/** Pack ids sort after every device key, outside the ranges a rebuild clears device by device. */
export const PACK_ID_PREFIX = '\uffffH';
export const PACK_PART = 'H';

/** One open holding as packed: the row's own id, and its fields but the (infinite) end. */
type PackedHolding = [id: string, deviceKey: string, kind: HoldingRow['kind'], model: string | null, department: string, employeeId: string, startMs: number];

export interface HoldingPackRow {
  id: string;
  part: typeof PACK_PART;
  place: '';
  endMs: number;
  /** JSON of `PackedHolding[]`: one string clones and parses far faster than thousands of objects. */
  holdings: string;
}

/** FNV-1a over the key's UTF-16 units: stable across runs and engines, which the bucket must be. */
export function packIdOf(deviceKey: DeviceKey): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceKey.length; i++) {
    hash ^= deviceKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${PACK_ID_PREFIX}${String((hash >>> 0) % PACKS).padStart(3, '0')}`;
}

export const isOpenHolding = (row: object): row is HoldingRow =>
  'part' in row && row.part === 'h' && 'endMs' in row && row.endMs === Number.POSITIVE_INFINITY;

export const isHoldingPack = (row: object): row is HoldingPackRow => 'part' in row && row.part === PACK_PART;

export function unpackHoldings(pack: HoldingPackRow): HoldingRow[] {
  return (JSON.parse(pack.holdings) as PackedHolding[]).map(([id, deviceKey, kind, model, department, employeeId, startMs]) => ({
    id,
    deviceKey,
    part: 'h',
    place: '',
    endMs: Number.POSITIVE_INFINITY,
    kind,
    model,
    department,
    employeeId,
    startMs,
  }));
}

function pack(id: string, holdings: HoldingRow[]): HoldingPackRow {
  const packed = holdings.map((h): PackedHolding => [h.id, h.deviceKey, h.kind, h.model, h.department, h.employeeId, h.startMs]);
  return { id, part: PACK_PART, place: '', endMs: Number.POSITIVE_INFINITY, holdings: JSON.stringify(packed) };
}

/** The reads and writes packing needs, so the same patch runs on Dexie's table and inside its middleware. */
export interface PackStore {
  getMany(ids: string[]): Promise<Array<HoldingPackRow | undefined>>;
  put(packs: HoldingPackRow[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
}

/**
 * Replaces the open holdings of `deviceKeys` in their packs by `open` (theirs, as they stand now;
 * none for a device no longer held). Idempotent: a device's old entries go whatever they were.
 */
export async function patchHoldingPacks(store: PackStore, deviceKeys: Iterable<DeviceKey>, open: HoldingRow[]): Promise<void> {
  const byPack = new Map<string, { keys: Set<string>; add: HoldingRow[] }>();
  const entry = (key: string) => {
    const id = packIdOf(key);
    let found = byPack.get(id);
    if (!found) byPack.set(id, (found = { keys: new Set(), add: [] }));
    return found;
  };
  for (const key of deviceKeys) entry(key).keys.add(key);
  for (const holding of open) {
    const found = entry(holding.deviceKey);
    found.keys.add(holding.deviceKey);
    found.add.push(holding);
  }
  if (byPack.size === 0) return;
  const ids = [...byPack.keys()];
  const current = await store.getMany(ids);
  const puts: HoldingPackRow[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const { keys, add } = byPack.get(id) as { keys: Set<string>; add: HoldingRow[] };
    const existing = current[i];
    // Most scans change no open holding (a receive, a move): then the pack is neither parsed nor written.
    if (add.length === 0 && (!existing || ![...keys].some((key) => existing.holdings.includes(JSON.stringify(key))))) return;
    const all = existing ? unpackHoldings(existing) : [];
    const kept = all.filter((holding) => !keys.has(holding.deviceKey));
    if (add.length === 0 && kept.length === all.length) return;
    const next = [...kept, ...add];
    if (next.length > 0) puts.push(pack(id, next));
    else if (existing) deletes.push(id);
  });
  if (puts.length > 0) await store.put(puts);
  if (deletes.length > 0) await store.delete(deletes);
}
