import type { Device, DeviceStatus } from '../domain/device';
import type { DeviceEvent, DeviceEventOf, EventType } from '../domain/event';
import { clearLeftBehind, correct, type LatestEvent } from './corrections';
import { refusalCode, type Refusal, type RefusalCode } from './refusal';
import { isAllowed, transitions, type FromStatus, type Target, type Transition } from './transitions';

export type ApplyResult =
  | { ok: true; device: Device | null }
  | { ok: false; refusal: Refusal };

/** What `apply` may need from the log besides the device: only an undo asks. */
export interface ApplyContext {
  /** The device's latest applied event: who recorded it and the device before it. */
  latest?: LatestEvent | undefined;
}

/**
 * The one projection step: the device after `event`, or why the event is not allowed.
 * Pure and deterministic (time comes from the event), so a desk replaying its events and the
 * server applying them in its order reach the same device. The resulting status is the table's
 * (`transitions[type].to`); `device: null` when the device leaves the register (a void, or an
 * undone registration) — its events stay in the log.
 */
export function apply(device: Device | null, event: DeviceEvent, context: ApplyContext = {}): ApplyResult {
  const status: FromStatus = device?.status ?? 'none';
  if (device && device.key !== event.deviceKey) return refuse('wrong_device', event, status);
  if (!isAllowed(status, event.type)) return refuse(refusalCode(status, event.type), event, status);
  const requirement = requirementOf(event);
  if (requirement) return refuse(requirement, event, status);
  if (device === null) return { ok: true, device: stamp(create(event), null, event) };
  const to: Target = transitions[event.type].to;
  if (to === 'withdrawn') return { ok: true, device: null };
  if (to === 'corrected') {
    const result = correct(device, event as DeviceEventOf<'corrected'>, context.latest);
    if (!result.ok) return refuse(result.code, event, status);
    return { ok: true, device: result.device && stamp(result.device, device, event) };
  }
  const next = effects[event.type as Ordinary](device, event as never);
  next.status = resultingStatus(to, device, event);
  if (next.status !== device.status) clearLeftBehind(next);
  return { ok: true, device: stamp(next, device, event) };
}

function refuse(code: RefusalCode, event: DeviceEvent, status: FromStatus): ApplyResult {
  return { ok: false, refusal: { code, type: event.type, status } };
}

function requirementOf(event: DeviceEvent): RefusalCode | undefined {
  const transition: Transition<EventType> = transitions[event.type] as Transition<EventType>;
  return transition.requires?.(event.data as never);
}

function resultingStatus(to: Target, device: Device, event: DeviceEvent): DeviceStatus {
  if (typeof to === 'object') return event.type === 'repaired' ? to.outcome[event.data.outcome] : device.status;
  switch (to) {
    case 'same':
      return device.status;
    case 'back_to_stock':
      return device.transit?.stockStatus ?? 'received';
    case 'as_imported':
    case 'withdrawn':
    case 'corrected':
      // Decided elsewhere in `apply`: creation, withdrawal and corrections never get here.
      throw new Error(`${event.type}: ${to} is not an ordinary target`);
    default:
      return to;
  }
}

/** Every event's bookkeeping: when the device last changed, by which event, since when in its status. */
function stamp(next: Device, before: Device | null, event: DeviceEvent): Device {
  next.updatedAt = event.at;
  next.lastEventId = event.id;
  if (!before || next.status !== before.status) next.statusSince = event.at;
  return next;
}

/** A device entering the register: received new, or imported in the status it really has. */
function create(event: DeviceEvent): Device {
  if (event.type !== 'received' && event.type !== 'imported') throw new Error(`${event.type} creates no device`);
  const { data } = event;
  const device: Device = {
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
    ...(data.purchaseDate ? { purchaseDate: data.purchaseDate } : {}),
    ...(data.purchasePrice !== undefined ? { purchasePrice: data.purchasePrice } : {}),
  };
  if (event.type === 'received') return device;
  device.status = event.data.status;
  if (event.data.location) device.location = event.data.location;
  if (event.data.condition) device.condition = event.data.condition;
  if (event.data.holder) {
    device.holder = { ...event.data.holder, since: event.at };
    device.handouts = 1;
  }
  return device;
}

type Ordinary = Exclude<EventType, 'received' | 'imported' | 'voided' | 'corrected'>;

/**
 * The fields each ordinary event changes (the status is the table's). One copy of the device per
 * event: reports replay hundreds of thousands of them.
 */
const effects: { [T in Ordinary]: (device: Device, event: DeviceEventOf<T>) => Device } = {
  prepared: (device, event) => ({ ...device, location: event.location ?? device.location }),
  handed_out: (device, event) => ({
    ...device,
    holder: { employeeId: event.data.employeeId, department: event.data.department, since: event.at },
    handouts: device.handouts + 1,
  }),
  returned: (device, event) => ({ ...device, condition: event.data.condition, location: event.location ?? device.location }),
  sent_to_repair: (device, event) => ({ ...device, repair: { vendor: event.data.vendor, ticket: event.data.ticket, since: event.at } }),
  repaired: (device, event) => ({
    ...device,
    condition: event.data.outcome === 'fixed' ? 'ok' : 'defective',
    location: event.location ?? device.location,
  }),
  disposed: (device, event) => ({
    ...device,
    disposal: {
      method: event.data.method,
      certificate: event.data.certificate,
      at: event.at,
      ...(event.data.batchId ? { batchId: event.data.batchId } : {}),
    },
  }),
  reported_lost: (device) => ({ ...device }),
  found: (device, event) => ({ ...device, location: event.location ?? device.location }),
  moved: (device, event) => ({ ...device, location: event.data.to }),
  transfer_sent: (device, event) => {
    // A device in stock has a stock status: the table allows `transfer_sent` from those only.
    const stockStatus = device.status as Extract<DeviceStatus, 'received' | 'ready' | 'returned'>;
    return {
      ...device,
      location: event.data.from,
      transit: { transferId: event.data.transferId, from: event.data.from, to: event.data.to, since: event.at, stockStatus },
    };
  },
  transfer_received: (device, event) => ({ ...device, location: event.location ?? device.transit?.to ?? device.location }),
  transfer_missing: (device, event) => (device.transit ? { ...device, transit: { ...device.transit, missingSince: event.at } } : { ...device }),
  counted: (device, event) => ({ ...device, lastCountedAt: event.at }),
  note: (device) => ({ ...device }),
  receipt: (device) => ({ ...device }),
  sim_paired: (device, event) => ({ ...device, sim: event.data.iccid }),
  tagged: (device, event) => ({ ...device, assetTag: event.data.assetTag }),
};

/**
 * Replays one device's events in order, keeping what an undo of the latest needs (who recorded
 * it, the device before it). The desk, the server and the reports replay through this.
 */
export class DeviceReplay {
  state: Device | null;
  latest: LatestEvent | undefined;

  constructor(start: Device | null = null, latest?: LatestEvent) {
    this.state = start;
    this.latest = latest;
  }

  /** Applies `event`; a refused event changes nothing (the projection skips it as a conflict). */
  step(event: DeviceEvent): ApplyResult {
    const before = this.state;
    const result = apply(before, event, { latest: this.latest });
    if (result.ok) {
      this.state = result.device;
      this.latest = { id: event.id, deskId: event.deskId, operator: event.operator, before };
    }
    return result;
  }
}

/** Apply events in order from nothing; the first refusal stops it. For tests and rebuilds. */
export function replay(events: readonly DeviceEvent[], start: Device | null = null): ApplyResult {
  const device = new DeviceReplay(start);
  let result: ApplyResult = { ok: true, device: start };
  for (const event of events) {
    result = device.step(event);
    if (!result.ok) return result;
  }
  return result;
}
