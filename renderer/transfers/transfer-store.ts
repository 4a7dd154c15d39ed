import { isInStock, type Device } from '../../shared/domain/device';
import type { Refusal } from '../../shared/lifecycle/refusal';
import type { DeskContext } from '../desk/desk-context';
import { newEvent } from '../desk/desk-context';
import type { KvikDb, StoredDevice, StoredEvent } from '../store/db';
import { recordEvent } from '../store/record';

/** The devices in transit, by the status index: a few hundred at most, whatever the register's size. */
export function devicesInTransit(db: KvikDb): Promise<StoredDevice[]> {
  return db.devices.where('status').equals('in_transit').toArray();
}

/** The devices of one transfer still in transit: what the receiver still expects. */
export async function transferDevices(db: KvikDb, transferId: string): Promise<StoredDevice[]> {
  return (await devicesInTransit(db)).filter((d) => d.transit?.transferId === transferId);
}

/** The `transfer_sent` event that packed this device into this transfer: who packed it, and when. */
export function packedEvent(db: KvikDb, deviceKey: string, transferId: string): Promise<StoredEvent | undefined> {
  return db.events
    .where('[deviceKey+at]')
    .between([deviceKey, ''], [deviceKey, '\uffff'])
    .reverse()
    .filter((e) => e.type === 'transfer_sent' && e.data.transferId === transferId)
    .first();
}

export type ActionResult = { ok: true; count: number } | { ok: false; refusal: Refusal };

/**
 * Closes a transfer at its destination: every device of it not scanned is recorded missing
 * (`transfer_missing`). They stay in transit, in this transfer, until found or written off.
 */
export async function closeTransfer(db: KvikDb, ctx: DeskContext, transferId: string, now = new Date()): Promise<ActionResult> {
  const missing = (await transferDevices(db, transferId)).filter((d) => !d.transit?.missingSince);
  for (const device of missing) {
    const result = await recordEvent(db, newEvent(ctx, 'transfer_missing', device.key, { transferId }, now), { current: device });
    if (!result.ok) return result;
  }
  return { ok: true, count: missing.length };
}

/**
 * Takes a device that was not expected in at this desk: one in stock elsewhere is moved here, one
 * in transit in another transfer is received from that transfer. Anything else the lifecycle refuses.
 */
export async function takeIn(db: KvikDb, ctx: DeskContext, device: Device, now = new Date()): Promise<ActionResult> {
  const event =
    device.status === 'in_transit' && device.transit
      ? newEvent(ctx, 'transfer_received', device.key, { transferId: device.transit.transferId }, now)
      : newEvent(ctx, 'moved', device.key, { to: ctx.location }, now);
  const result = await recordEvent(db, event);
  return result.ok ? { ok: true, count: 1 } : result;
}

/** Whether a device is where the desk stands, in stock: taken in already. */
export function isHere(device: Device, location: string): boolean {
  return device.location === location && isInStock(device.status);
}
