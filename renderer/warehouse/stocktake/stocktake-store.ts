import { v7 as uuidv7 } from 'uuid';
import { inStockStatuses, type DeviceKind } from '../../../shared/domain/device';
import { warehouseId } from '../../../shared/warehouse/ids';
import {
  classifyCountScan,
  expectedDevice,
  isExpectedAt,
  movableUnexpected,
  startRefusal,
  stocktakeSchema,
  summarizeCount,
  type CountDecision,
  type CountScan,
  type ExpectedDevice,
  type StartRefusal,
  type Stocktake,
} from '../../../shared/warehouse/stocktake';
import { newEvent, type DeskContext } from '../../desk/desk-context';
import type { KvikDb, StoredDevice } from '../../store/db';
import { findDevice } from '../../store/lookup';
import { recordEvent } from '../../store/record';

/** The counts not yet closed, newest first: a count is continued from here another day. */
export async function openCounts(db: KvikDb): Promise<Stocktake[]> {
  return (await db.stocktakes.where('status').equals('open').toArray()).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
}

export async function closedCounts(db: KvikDb, limit = 20): Promise<Stocktake[]> {
  return (await db.stocktakes.where('status').equals('closed').toArray()).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)).slice(0, limit);
}

/** A count's scans in the order they were made. */
export async function countScans(db: KvikDb, countId: string): Promise<CountScan[]> {
  return db.countScans.where('[countId+id]').between([countId, ''], [countId, '\uffff']).toArray();
}

/**
 * Starts a count of `location` (of one `kind`, if given): the expected list is every device the
 * register places there now — in stock there, or in transit to it — frozen into the count. In one
 * transaction with the check that no other count of the location is open.
 */
export async function startCount(
  db: KvikDb,
  ctx: DeskContext,
  location: string,
  kind: DeviceKind | undefined,
  now = new Date(),
): Promise<{ ok: true; count: Stocktake } | { ok: false; refusal: StartRefusal }> {
  return db.transaction('rw', [db.stocktakes, db.devices], async () => {
    const refusal = startRefusal(await db.stocktakes.where('[location+status]').equals([location, 'open']).toArray(), location);
    if (refusal) return { ok: false, refusal };
    const onShelf = await db.devices
      .where('[location+status]')
      .anyOf(inStockStatuses.map((status) => [location, status]))
      .toArray();
    const inTransit = await db.devices.where('status').equals('in_transit').toArray();
    const expected = [...onShelf, ...inTransit].filter((d) => isExpectedAt(d, location, kind)).map(expectedDevice);
    const count = stocktakeSchema.parse({
      id: warehouseId('OT', location, now),
      location,
      ...(kind ? { kind } : {}),
      status: 'open',
      startedAt: now.toISOString(),
      startedBy: ctx.operator,
      expected,
    });
    await db.stocktakes.add(count);
    return { ok: true, count };
  });
}

export interface CountScanOutcome {
  decision: CountDecision;
  scan: CountScan;
  device: StoredDevice | undefined;
}

/**
 * One scan in a count, in one transaction: find the device, decide it against the frozen list and
 * what this count has seen, keep the scan whatever it was, and — for a device found on its shelf —
 * record the lifecycle's `counted` event, so its history says when it was last seen. A device
 * found while still in transit to the location is found, but not `counted`: the lifecycle leaves
 * it to its transfer to be received.
 */
export async function recordCountScan(
  db: KvikDb,
  ctx: DeskContext,
  count: Pick<Stocktake, 'id'>,
  identifiers: readonly string[],
  label: string,
  expected: ReadonlyMap<string, ExpectedDevice>,
  seen: ReadonlySet<string>,
  now = new Date(),
): Promise<CountScanOutcome> {
  return db.transaction('rw', [db.countScans, db.devices, db.events, db.outbox], async () => {
    const device = identifiers.length > 0 ? await findDevice(db, identifiers) : undefined;
    const decision = classifyCountScan(device, expected, seen);
    const scan: CountScan = {
      id: uuidv7(),
      countId: count.id,
      at: now.toISOString(),
      label: device ? (device.imei ?? device.serial ?? label) : label,
      result: decision.result,
      ...(device ? { deviceKey: device.key, kind: device.kind, ...(device.model ? { model: device.model } : {}) } : {}),
      ...(decision.result === 'unexpected' ? { was: decision.was } : {}),
    };
    const writes: Promise<unknown>[] = [db.countScans.add(scan)];
    if (decision.result === 'found' && device && device.status !== 'in_transit')
      writes.push(recordEvent(db, newEvent(ctx, 'counted', device.key, { countId: count.id }, now), { current: device }));
    await Promise.all(writes);
    return { decision, scan, device };
  });
}

/** What the person confirmed at the close. */
export interface CloseChoices {
  /** Record a move here for each unexpected device the register has on a shelf elsewhere. */
  moveUnexpected: boolean;
  /** Report each missing device lost (a team lead's action: the screen asks `useMay`). */
  reportMissingLost: boolean;
}

/**
 * Closes a count with the person's choices, in one transaction: the moves, the reports of loss,
 * and the count's own close. A missing device is reported lost only while the register still
 * places it where the count expected it (one handed out since the start was not lost here).
 */
export async function closeCount(db: KvikDb, ctx: DeskContext, count: Stocktake, choices: CloseChoices, now = new Date()): Promise<Stocktake> {
  return db.transaction('rw', [db.stocktakes, db.countScans, db.devices, db.events, db.outbox], async () => {
    const summary = summarizeCount(count, await countScans(db, count.id));
    let moved = 0;
    let reportedLost = 0;
    const record = async (deviceKey: string, type: 'moved' | 'reported_lost', data: Record<string, unknown>, when: (d: StoredDevice) => boolean) => {
      const device = await db.devices.get(deviceKey);
      if (!device || !when(device)) return false;
      return (await recordEvent(db, newEvent(ctx, type, deviceKey, data, now), { current: device })).ok;
    };
    if (choices.moveUnexpected)
      for (const scan of movableUnexpected(summary, count.location))
        if (scan.deviceKey && (await record(scan.deviceKey, 'moved', { to: count.location }, (d) => d.location !== count.location))) moved++;
    if (choices.reportMissingLost)
      for (const missing of summary.missing)
        if (await record(missing.key, 'reported_lost', { reason: `${count.id}: ${lostReason}` }, (d) => isExpectedAt(d, count.location, count.kind))) reportedLost++;
    const closed: Stocktake = { ...count, status: 'closed', closedAt: now.toISOString(), closedBy: ctx.operator, actions: { moved, reportedLost } };
    await db.stocktakes.put(closed);
    return closed;
  });
}

/** The reason a written-off device's history gives (the register's language is Danish). */
const lostReason = 'ikke fundet ved optælling';
