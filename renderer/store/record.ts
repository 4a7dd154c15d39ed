import Dexie from 'dexie';
import { apply } from '../../shared/lifecycle/apply';
import type { LatestEvent } from '../../shared/lifecycle/corrections';
import type { Refusal } from '../../shared/lifecycle/refusal';
import { deviceEventSchema, type DeviceEvent } from '../../shared/domain/event';
import { storedDevice, type KvikDb, type StoredDevice } from './db';
import { eventWillFollow } from './report-rows';

export type RecordResult =
  | { ok: true; event: DeviceEvent; device: StoredDevice | null; prior: StoredDevice | null }
  | { ok: false; refusal: Refusal };

/**
 * Records one action: the event, the device projection and the outbox entry, in ONE Dexie
 * transaction, before the screen confirms anything. A refused or failing action writes nothing.
 */
export async function recordEvent(
  db: KvikDb,
  event: DeviceEvent,
  options: {
    /** The device as read in the caller's enclosing transaction. */
    current?: StoredDevice | null;
    /** The device's latest event as this desk knows it: what an undo of it restores. */
    latest?: LatestEvent;
  } = {},
): Promise<RecordResult> {
  const valid = deviceEventSchema.parse(event);
  return db.transaction('rw', [db.devices, db.events, db.outbox], async () => {
    const prior = options.current !== undefined ? options.current : ((await db.devices.get(valid.deviceKey)) ?? null);
    const result = apply(prior, valid, { latest: options.latest });
    if (!result.ok) return result;
    const device = result.device ? storedDevice(result.device) : null;
    // The projection's report rows are recomputed once, with the event written after it.
    const trans = Dexie.currentTransaction?.idbtrans;
    if (trans) eventWillFollow(trans, valid.deviceKey);
    // Issued together: the transaction keeps their order, and the scan does not wait for each.
    await Promise.all([
      device ? db.devices.put(device) : db.devices.delete(valid.deviceKey),
      db.events.add({ ...valid, prior, sync: 'pending' }),
      db.outbox.add({ eventId: valid.id, event: valid, attempts: 0 }),
    ]);
    return { ok: true, event: valid, device, prior };
  });
}
