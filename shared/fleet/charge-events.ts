import type { DeviceEvent, EventType } from '../domain/event';

/**
 * Which events charge a department the residual value of a device it held (seed 000: "restværdi
 * ved tab eller tidlig udskiftning") — the one place that says which event is which reason:
 *
 * - **lost**: the holding ended with `reported_lost`;
 * - **damaged**: the holding ended with a return in condition `damaged` — broken in use, so it is
 *   replaced early. A return `defective` (a fault of the device itself) or `ok` charges nothing.
 *
 * The desk's and the centre's event marks (`marksOf`, kept in their report rows) use it.
 */
export const residualChargeReasons = ['lost', 'damaged'] as const;
export type ResidualChargeReason = (typeof residualChargeReasons)[number];

/** Part of an event: its type, and fields of its `data` with the values they must have. */
export interface EventMatch {
  type: EventType;
  data?: Readonly<Record<string, string>>;
}

export const residualChargeEvents: ReadonlyArray<{ reason: ResidualChargeReason; match: EventMatch }> = [
  { reason: 'lost', match: { type: 'reported_lost' } },
  { reason: 'damaged', match: { type: 'returned', data: { condition: 'damaged' } } },
];

export function matchesEvent(event: DeviceEvent, match: EventMatch): boolean {
  if (event.type !== match.type) return false;
  const data = event.data as Record<string, unknown>;
  return Object.entries(match.data ?? {}).every(([field, value]) => data[field] === value);
}

/** The reason `event` charges a residual value, or null when it charges none. */
export function chargeReason(event: DeviceEvent): ResidualChargeReason | null {
  return residualChargeEvents.find(({ match }) => matchesEvent(event, match))?.reason ?? null;
}
