import type { Device, DeviceStatus } from '../domain/device';
import type { DeviceEvent, DeviceEventOf } from '../domain/event';
import { refusalCode, type Refusal, type RefusalCode } from './refusal';
import { isAllowed, transitions, type FromStatus } from './transitions';

export type ApplyResult =
  | { ok: true; device: Device | null }
  | { ok: false; refusal: Refusal };

/**
 * The one projection step: the device after `event`, or why the event is not allowed.
 * Pure and deterministic (time comes from the event), so a desk replaying its events and the
 * server applying them in its order reach the same device. `device: null` only when an undo
 * withdraws a registration made by mistake; the events stay in the log.
 */
export function apply(device: Device | null, event: DeviceEvent): ApplyResult {
  const status: FromStatus = device?.status ?? 'none';
  if (device && device.key !== event.deviceKey) return refuse('wrong_device', event, status);
  if (!isAllowed(status, event.type)) return refuse(refusalCode(status, event.type), event, status);
  if (event.type === 'received') return { ok: true, device: register(event) };
  // isAllowed refused 'none' for every other type, so the device exists here.
  const current = device as Device;
  if (event.type === 'corrected') return correct(current, event);
  // One copy of the device per event: reports replay hundreds of thousands of them.
  const next = nextFields(current, event);
  next.updatedAt = event.at;
  next.lastEventId = event.id;
  if (next.status !== current.status) next.statusSince = event.at;
  return { ok: true, device: next };
}

function refuse(code: RefusalCode, event: DeviceEvent, status: FromStatus): ApplyResult {
  return { ok: false, refusal: { code, type: event.type, status } };
}

/** Apply events in order from nothing; the first refusal stops it. For tests and rebuilds. */
export function replay(events: readonly DeviceEvent[], start: Device | null = null): ApplyResult {
  let result: ApplyResult = { ok: true, device: start };
  for (const event of events) {
    result = apply(result.ok ? result.device : null, event);
    if (!result.ok) return result;
  }
  return result;
}

function register(event: DeviceEventOf<'received'>): Device {
  const { data } = event;
  return {
    key: event.deviceKey,
    kind: data.kind,
    imei: data.imei,
    imei2: data.imei2,
    serial: data.serial?.toUpperCase(),
    assetTag: data.assetTag,
    alternatives: data.alternatives ?? [],
    model: data.model,
    status: 'received',
    location: event.location,
    handouts: 0,
    receivedAt: event.at,
    statusSince: event.at,
    updatedAt: event.at,
    lastEventId: event.id,
  };
}

/** The fields an ordinary (non-creating, non-correcting) event changes. */
function nextFields(device: Device, event: Exclude<DeviceEvent, { type: 'received' | 'corrected' }>): Device {
  const here = event.location ?? device.location;
  switch (event.type) {
    case 'prepared':
      return { ...device, status: 'ready', location: here };
    case 'handed_out':
      return {
        ...device,
        status: 'assigned',
        holder: { employeeId: event.data.employeeId, department: event.data.department, since: event.at },
        handouts: device.handouts + 1,
      };
    case 'returned':
      return { ...device, status: 'returned', holder: undefined, condition: event.data.condition, location: here };
    case 'sent_to_repair':
      return {
        ...device,
        status: 'in_repair',
        repair: { vendor: event.data.vendor, ticket: event.data.ticket, since: event.at },
      };
    case 'repaired': {
      const fixed = event.data.outcome === 'fixed';
      return {
        ...device,
        status: transitions.repaired.to[event.data.outcome],
        repair: undefined,
        condition: fixed ? 'ok' : 'defective',
        location: here,
      };
    }
    case 'disposed':
      return {
        ...device,
        status: 'disposed',
        holder: undefined,
        repair: undefined,
        disposal: { method: event.data.method, certificate: event.data.certificate, at: event.at },
      };
    case 'reported_lost':
      return { ...device, status: 'lost', holder: undefined, repair: undefined };
    case 'found':
      return { ...device, status: 'returned', location: here };
    case 'moved':
      return { ...device, location: event.data.to };
    case 'note':
      return { ...device };
  }
}

function correct(device: Device, event: DeviceEventOf<'corrected'>): ApplyResult {
  const { data } = event;
  if (data.undoes) {
    // Only the latest event can be undone: anything else would rewrite history under later events.
    if (device.lastEventId !== data.undoes) return refuse('undo_not_latest', event, device.status);
    if (!data.restore) return { ok: true, device: null };
    if (data.restore.key !== device.key) return refuse('wrong_device', event, device.status);
    return { ok: true, device: { ...data.restore, updatedAt: event.at, lastEventId: event.id } };
  }
  const status: DeviceStatus = data.set?.status ?? device.status;
  return {
    ok: true,
    device: {
      ...device,
      status,
      location: data.set?.location ?? device.location,
      holder: status === 'assigned' ? device.holder : undefined,
      repair: status === 'in_repair' ? device.repair : undefined,
      statusSince: status === device.status ? device.statusSince : event.at,
      updatedAt: event.at,
      lastEventId: event.id,
    },
  };
}
