import type { Device, DeviceStatus } from '../domain/device';
import { deviceKeyFor } from '../domain/device-key';
import type { CorrectionSet, DeviceEventOf } from '../domain/event';
import type { RefusalCode } from './refusal';
import { statusesReachableFrom } from './transitions';

/** What the log knows of the device's latest applied event: what an undo of it needs. */
export interface LatestEvent {
  id: string;
  deskId: string;
  operator: string;
  /** The device just before that event; `null` when the event brought it into the register. */
  before: Device | null;
}

export type CorrectionResult = { ok: true; device: Device | null } | { ok: false; code: RefusalCode };

/**
 * A correction, decided from the log, never from what the desk claims:
 * - an undo names the device's latest event, recorded by the same desk, and restores the state the
 *   log had before it (`latest.before`): the desk sends no state;
 * - a `set` changes only what a scan or a person set, moves the status only where one ordinary
 *   event of the lifecycle could, and clears what the new status no longer has (holder, repair,
 *   disposal, transit).
 */
export function correct(device: Device, event: DeviceEventOf<'corrected'>, latest: LatestEvent | undefined): CorrectionResult {
  const { undoes, set } = event.data;
  if (undoes) return undo(device, event, latest);
  if (!set) return { ok: true, device: { ...device } };
  const refusal = checkSet(device, set);
  if (refusal) return { ok: false, code: refusal };
  return { ok: true, device: withSet(device, set) };
}

function undo(device: Device, event: DeviceEventOf<'corrected'>, latest: LatestEvent | undefined): CorrectionResult {
  // Only the latest event can be undone: anything else would rewrite history under later events.
  if (device.lastEventId !== event.data.undoes) return { ok: false, code: 'undo_not_latest' };
  if (!latest || latest.id !== event.data.undoes) return { ok: false, code: 'undo_unknown' };
  if (latest.deskId !== event.deskId) return { ok: false, code: 'undo_other_desk' };
  if (latest.before && latest.before.key !== device.key) return { ok: false, code: 'wrong_device' };
  return { ok: true, device: latest.before ? { ...latest.before } : null };
}

function checkSet(device: Device, set: CorrectionSet): RefusalCode | undefined {
  if (set.status !== undefined && set.status !== device.status && !statusesReachableFrom(device.status).includes(set.status))
    return 'correction_status';
  const status = set.status ?? device.status;
  if (set.holder && status !== 'assigned') return 'correction_holder';
  if (set.serial !== undefined && device.key === deviceKeyFor({ serial: device.serial }) && set.serial.toUpperCase() !== device.serial)
    return 'correction_key';
  return undefined;
}

function withSet(device: Device, set: CorrectionSet): Device {
  const status: DeviceStatus = set.status ?? device.status;
  const next: Device = {
    ...device,
    status,
    ...(set.location !== undefined ? { location: set.location } : {}),
    ...(set.model !== undefined ? { model: set.model } : {}),
    ...(set.kind !== undefined ? { kind: set.kind } : {}),
    ...(set.imei2 !== undefined ? { imei2: set.imei2 } : {}),
    ...(set.serial !== undefined ? { serial: set.serial.toUpperCase() } : {}),
    ...(set.assetTag !== undefined ? { assetTag: set.assetTag } : {}),
    ...(set.condition !== undefined ? { condition: set.condition } : {}),
  };
  if (set.holder && device.holder) next.holder = { ...set.holder, since: device.holder.since };
  if (status !== device.status) clearLeftBehind(next);
  return next;
}

/** What a device no longer has once its status leaves the one that gave it. */
export function clearLeftBehind(device: Device): void {
  if (device.status !== 'assigned') delete device.holder;
  // A SIM is paired for one handout: back at the desk (or lost) the phone is without it.
  if (device.status !== 'assigned') delete device.sim;
  if (device.status !== 'in_repair') delete device.repair;
  if (device.status !== 'disposed') delete device.disposal;
  if (device.status !== 'in_transit') delete device.transit;
}
