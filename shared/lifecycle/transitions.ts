import { deviceStatuses, type DeviceStatus } from '../domain/device';
import type { EventType } from '../domain/event';

/** A device that has no events yet does not exist: only `received` may create it. */
export type FromStatus = DeviceStatus | 'none';

const existing = deviceStatuses;
const inStock = ['received', 'ready', 'returned'] as const;

/**
 * THE device lifecycle: for each event, the statuses it may be recorded in and the status it
 * leaves the device in (`same`: the status does not change; an object: decided by `data.outcome`;
 * `restored`: a correction decides). The desk and the central inventory both decide with this
 * table and nothing else.
 */
export const transitions = {
  received: { from: ['none'], to: 'received' },
  prepared: { from: ['received', 'returned'], to: 'ready' },
  handed_out: { from: ['ready'], to: 'assigned' },
  returned: { from: ['assigned'], to: 'returned' },
  sent_to_repair: { from: inStock, to: 'in_repair' },
  repaired: { from: ['in_repair'], to: { fixed: 'received', unrepairable: 'returned' } },
  disposed: { from: [...inStock, 'in_repair'], to: 'disposed' },
  reported_lost: { from: [...inStock, 'assigned', 'in_repair'], to: 'lost' },
  found: { from: ['lost'], to: 'returned' },
  moved: { from: inStock, to: 'same' },
  note: { from: existing, to: 'same' },
  corrected: { from: existing, to: 'restored' },
} as const satisfies Record<
  EventType,
  {
    from: readonly FromStatus[];
    to: DeviceStatus | 'same' | 'restored' | Record<string, DeviceStatus>;
  }
>;

/** The table's `from` lists as sets, built once: `apply` asks this for every event it replays. */
const allowedFrom = new Map<string, ReadonlySet<FromStatus>>(
  Object.entries(transitions).map(([type, t]) => [type, new Set<FromStatus>(t.from)]),
);

export function isAllowed(status: FromStatus, type: EventType): boolean {
  return allowedFrom.get(type)?.has(status) ?? false;
}

/** The events a person may record on a device in this status, in table order. */
export function allowedEvents(status: FromStatus): EventType[] {
  return (Object.keys(transitions) as EventType[]).filter((type) => isAllowed(status, type));
}
