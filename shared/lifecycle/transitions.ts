import { deviceStatuses, inStockStatuses, type DeviceStatus, type RepairOutcome } from '../domain/device';
import type { EventData, EventType } from '../domain/event';
import type { RefusalCode } from './refusal';

/** A device that has no events yet does not exist: only a creating event may bring it in. */
export type FromStatus = DeviceStatus | 'none';

/**
 * Where an event leaves the device:
 * - a status;
 * - `same`: the status does not change;
 * - `{ outcome }`: decided by `data.outcome`;
 * - `as_imported`: the status the imported row says the device really has;
 * - `back_to_stock`: the stock status the device had when it was packed into a transfer;
 * - `withdrawn`: the device leaves the register (its events stay);
 * - `corrected`: decided by the correction rules (`corrections.ts`).
 */
export type Target =
  | DeviceStatus
  | 'same'
  | { outcome: Record<RepairOutcome, DeviceStatus> }
  | 'as_imported'
  | 'back_to_stock'
  | 'withdrawn'
  | 'corrected';

/**
 * One row of the lifecycle: the statuses the event may be recorded in, where it leaves the
 * device, and — for the few events whose content matters — what the content must hold.
 */
export type Transition<T extends EventType> = {
  from: readonly FromStatus[];
  to: Target;
  requires?: (data: EventData<T>) => RefusalCode | undefined;
};

const existing = deviceStatuses;
const inStock = inStockStatuses;

/**
 * THE device lifecycle. The desk, the central inventory and the reports all decide with this
 * table and nothing else: `apply` reads the resulting status from `to`, and every refusal is
 * derived from `from` (`refusal.ts`).
 */
export const transitions = {
  received: { from: ['none'], to: 'received' },
  imported: { from: ['none'], to: 'as_imported' },
  // Ready means handed out as it is: a device that was not wiped and enrolled is not ready.
  prepared: {
    from: ['received', 'returned'],
    to: 'ready',
    requires: (data: EventData<'prepared'>) => (data.wiped && data.enrolled ? undefined : 'prepare_incomplete'),
  },
  handed_out: { from: ['ready'], to: 'assigned' },
  returned: { from: ['assigned'], to: 'returned' },
  sent_to_repair: { from: inStock, to: 'in_repair' },
  repaired: { from: ['in_repair'], to: { outcome: { fixed: 'received', unrepairable: 'returned' } } },
  disposed: { from: [...inStock, 'in_repair'], to: 'disposed' },
  reported_lost: { from: [...inStock, 'assigned', 'in_repair', 'in_transit'], to: 'lost' },
  found: { from: ['lost'], to: 'returned' },
  moved: { from: inStock, to: 'same' },
  transfer_sent: { from: inStock, to: 'in_transit' },
  transfer_received: { from: ['in_transit'], to: 'back_to_stock' },
  transfer_missing: { from: ['in_transit'], to: 'same' },
  counted: { from: inStock, to: 'same' },
  note: { from: existing, to: 'same' },
  receipt: { from: existing, to: 'same' },
  sim_paired: { from: ['assigned'], to: 'same' },
  tagged: { from: existing, to: 'same' },
  voided: { from: existing, to: 'withdrawn' },
  corrected: { from: existing, to: 'corrected' },
} as const satisfies { [T in EventType]: Transition<T> };

/** The table's `from` lists as sets, built once: `apply` asks this for every event it replays. */
const allowedFrom = new Map<string, ReadonlySet<FromStatus>>(
  Object.entries(transitions).map(([type, t]) => [type, new Set<FromStatus>(t.from)]),
);

export function isAllowed(status: FromStatus, type: EventType): boolean {
  return allowedFrom.get(type)?.has(status) ?? false;
}

/** The events a person may record on a device in this status, in table order. */
export function allowedEvents(status: FromStatus): EventType[] {
  return eventTypesInTable.filter((type) => isAllowed(status, type));
}

const eventTypesInTable = Object.keys(transitions) as EventType[];

/** Events that bring a device into the register. */
export function createsDevice(type: EventType): boolean {
  return allowedFrom.get(type)?.has('none') ?? false;
}

/** The statuses one ordinary event can lead to from `status`: what a correction may set. */
export function statusesReachableFrom(status: DeviceStatus): DeviceStatus[] {
  const reachable = new Set<DeviceStatus>();
  for (const type of eventTypesInTable) {
    if (!isAllowed(status, type)) continue;
    const to: Target = transitions[type].to;
    if (typeof to === 'object') for (const s of Object.values(to.outcome)) reachable.add(s);
    else if ((deviceStatuses as readonly string[]).includes(to)) reachable.add(to as DeviceStatus);
  }
  reachable.delete(status);
  return deviceStatuses.filter((s) => reachable.has(s));
}
