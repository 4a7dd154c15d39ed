import { describe, expect, it } from 'vitest';
import type { FleetDevice } from '../../shared/fleet/fleet-device';
import { fleetPacks, holdingPacks, PACK_ID_PREFIX, PACKS, packChange, packIdOf, patchHoldingPacks, patchPacks, unpackFleet, unpackHoldings, withoutTuples, type HoldingPackRow, type PackStore } from './holding-packs';
import type { HoldingRow } from './report-rows';
import { rowId } from './row-ids';

const open = (deviceKey: string, employeeId: string, startMs = 1): HoldingRow => ({
  id: rowId('h', '', Number.POSITIVE_INFINITY, deviceKey, 0),
  deviceKey,
  part: 'h',
  place: '',
  endMs: Number.POSITIVE_INFINITY,
  kind: 'phone',
  model: deviceKey.endsWith('7') ? null : 'IP13',
  department: 'BUF',
  employeeId,
  startMs,
});

function memoryStore(): PackStore & { packs: Map<string, HoldingPackRow> } {
  const packs = new Map<string, HoldingPackRow>();
  return {
    packs,
    getMany: async (ids) => ids.map((id) => packs.get(id)),
    put: async (rows) => rows.forEach((row) => packs.set(row.id, row)),
    delete: async (ids) => ids.forEach((id) => packs.delete(id)),
  };
}
const everything = (store: { packs: Map<string, HoldingPackRow> }) =>
  [...store.packs.values()].flatMap(unpackHoldings).sort((a, b) => a.deviceKey.localeCompare(b.deviceKey));

describe('holding packs', () => {
  it('puts a device in the same pack every time, after every device key, spread over all packs', () => {
    expect(packIdOf('imei:352906114004528')).toBe(packIdOf('imei:352906114004528'));
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => packIdOf(`imei:35290611${String(i).padStart(7, '0')}`)));
    expect(ids.size).toBe(PACKS);
    for (const id of ids) expect(id.startsWith(PACK_ID_PREFIX) && id > 'serial:ZZZZ').toBe(true);
  });

  it('replaces a device’s open holding, keeps its pack-mates, and drops a pack left empty', async () => {
    const store = memoryStore();
    const keys = Array.from({ length: 600 }, (_, i) => `imei:3529061140${String(i).padStart(5, '0')}`);
    await patchHoldingPacks(store, keys, keys.map((key) => open(key, 'E1')));
    expect(everything(store)).toHaveLength(600);

    // One device changes holder, one is returned (no open holding), the rest stand.
    const [moved, returned] = keys as [string, string];
    await patchHoldingPacks(store, [moved, returned], [open(moved, 'E2', 5)]);
    const now = everything(store);
    expect(now).toHaveLength(599);
    expect(now.find((h) => h.deviceKey === moved)).toEqual(open(moved, 'E2', 5));
    expect(now.some((h) => h.deviceKey === returned)).toBe(false);
    // The same patch again changes nothing (a rebuild may meet a device a scan already packed).
    await patchHoldingPacks(store, [moved, returned], [open(moved, 'E2', 5)]);
    expect(everything(store)).toEqual(now);

    // A device that holds nothing and held nothing (a receive, a move) leaves its pack unwritten.
    let puts = 0;
    const counting: PackStore = { ...store, put: async (rows) => void (puts++, await store.put(rows)) };
    await patchHoldingPacks(counting, ['imei:352906114004528', returned], []);
    expect(puts).toBe(0);
    expect(everything(store)).toEqual(now);

    // A device that still holds what it held (a note, a scan while held): its pack unwritten too.
    await patchHoldingPacks(counting, [moved], [open(moved, 'E2', 5)]);
    expect(puts).toBe(0);
    // A device new to its pack joins its pack-mates (appended, nothing of theirs rewritten).
    const fresh = 'imei:352906114099999';
    await patchHoldingPacks(counting, [fresh], [open(fresh, 'E3', 7)]);
    expect(puts).toBe(1);
    expect(everything(store)).toEqual([...now, open(fresh, 'E3', 7)].sort((a, b) => a.deviceKey.localeCompare(b.deviceKey)));

    await patchHoldingPacks(store, [...keys, fresh], []);
    expect(store.packs.size).toBe(0);
  });

  it('cuts a device’s tuples out of a pack’s JSON as text: any of them, strings with brackets and quotes in them left whole', () => {
    const fleet = (key: string, model: string): FleetDevice => ({ key, status: 'assigned', model, holder: { employeeId: 'E"1]', department: '[BUF],' } });
    const devices = [fleet('serial:A1', 'x"]["serial:B2",'), fleet('serial:B2', '\\]'), fleet('serial:C3', 'IP13'), fleet('serial:B22', 'IP14')];
    const json = JSON.stringify(devices.map(fleetPacks.encode));
    const without = (...keys: string[]) => withoutTuples(json, keys.map(fleetPacks.tupleStart));
    const left = (text: string) => (JSON.parse(text) as unknown[][]).map(fleetPacks.decode);
    expect(left(without('serial:B2'))).toEqual([devices[0], devices[2], devices[3]]);
    expect(left(without('serial:A1'))).toEqual(devices.slice(1));
    expect(left(without('serial:B22'))).toEqual(devices.slice(0, 3));
    expect(left(without('serial:A1', 'serial:C3'))).toEqual([devices[1], devices[3]]);
    expect(without(...devices.map((d) => d.key))).toBe('[]');
    expect(without('serial:NONE')).toBe(json);

    // A device with two open holdings (two tuples), and a pack-mate whose key begins the same.
    const holdings = [open('imei:1', 'E1'), { ...open('imei:1', 'E2'), id: rowId('h', '', Number.POSITIVE_INFINITY, 'imei:1', 3) }, open('imei:12', 'E3')];
    const packed = JSON.stringify(holdings.map(holdingPacks.encode));
    expect((JSON.parse(withoutTuples(packed, [holdingPacks.tupleStart('imei:1')])) as unknown[][]).map(holdingPacks.decode)).toEqual([holdings[2]]);
  });

  it('patches a fleet pack without rewriting its other devices’ tuples', async () => {
    const store = memoryStore();
    // Three devices a pack on average, so the one patched has pack-mates.
    const keys = Array.from({ length: 3 * PACKS }, (_, i) => `serial:PACKED${i}`);
    const device = (key: string, status: FleetDevice['status']): FleetDevice => ({ key, status, model: 'IP13', serial: key.slice(7) });
    await patchPacks(store, keys, [packChange(fleetPacks, keys.map((key) => device(key, 'ready')))]);
    const [first] = keys as [string];
    const before = store.packs.get(packIdOf(first, fleetPacks))!.entries;
    await patchPacks(store, [first], [packChange(fleetPacks, [device(first, 'assigned')])]);
    const after = store.packs.get(packIdOf(first, fleetPacks))!.entries;
    expect(after).toBe(`${withoutTuples(before, [fleetPacks.tupleStart(first)]).slice(0, -1)},${JSON.stringify(fleetPacks.encode(device(first, 'assigned')))}]`);
    const all = [...store.packs.values()].flatMap(unpackFleet);
    expect(all).toHaveLength(keys.length);
    expect(all.filter((d) => d.status === 'assigned').map((d) => d.key)).toEqual([first]);
  });
});
