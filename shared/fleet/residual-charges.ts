import type { Device, DeviceKey } from '../domain/device';
import type { DeviceEvent, EventType } from '../domain/event';
import { localDayOf, quarterSpan, type LocalDate, type Quarter } from '../reports/calendar';
import { sortedKeys } from '../reports/device-digest';
import { undoneBefore, visitHistories, type ReportEvents } from '../reports/history';
import { compareText } from '../reports/order';
import type { ReportSettings } from '../reports/settings';
import { residualValue } from './depreciation';

/**
 * What a department pays besides the subscription: the residual value of a device it held that
 * left service early through it (seed 000: "restværdi ved tab eller tidlig udskiftning").
 *
 * - **lost**: the holding ended with `reported_lost`;
 * - **damaged**: the holding ended with a return in condition `damaged` — broken in use, so it is
 *   replaced early. A return `defective` (a fault of the device itself) or `ok` charges nothing.
 *
 * Valued on the local day of the event, straight-line (`residualValue`); a device without a
 * purchase date or price is listed with `residualOre: null`, so finance sees it is missing. An
 * event undone before the quarter ended charges nothing, read like every report: as the log stood
 * when the quarter ended.
 */

export const residualChargeReasons = ['lost', 'damaged'] as const;
/**
 * The events that charge one, as parts of the event they match (`type`, and what `data` must
 * hold): a device without one in the quarter is charged nothing, so a reader may skip its history
 * (`logToReplay` in shared/reports/central.ts). The one place that says which event is which reason.
 */
export const residualChargeEvents: ReadonlyArray<{ reason: ResidualChargeReason; match: EventMatch }> = [
  { reason: 'lost', match: { type: 'reported_lost' } },
  { reason: 'damaged', match: { type: 'returned', data: { condition: 'damaged' } } },
];

/** Part of an event: its type, and fields of its `data` with the values they must have. */
export interface EventMatch {
  type: EventType;
  data?: Readonly<Record<string, string>>;
}

export function matchesEvent(event: DeviceEvent, match: EventMatch): boolean {
  if (event.type !== match.type) return false;
  const data = event.data as Record<string, unknown>;
  return Object.entries(match.data ?? {}).every(([field, value]) => data[field] === value);
}

function chargeReason(event: DeviceEvent): ResidualChargeReason | null {
  return residualChargeEvents.find(({ match }) => matchesEvent(event, match))?.reason ?? null;
}
export type ResidualChargeReason = (typeof residualChargeReasons)[number];

export interface ResidualCharge {
  department: string;
  deviceKey: DeviceKey;
  model: string | null;
  employeeId: string;
  day: LocalDate;
  reason: ResidualChargeReason;
  purchaseDate: LocalDate | null;
  purchasePriceOre: number | null;
  residualOre: number | null;
}

export interface ResidualChargesReport {
  charges: ResidualCharge[];
  incomplete: DeviceKey[];
}

/**
 * The residual-value charges of a quarter. `devices`: every current projection; `events`: every
 * event of each device with an event at or after the quarter's first instant (see `history.ts`).
 */
export function residualCharges(
  devices: readonly Device[],
  events: ReportEvents,
  quarter: Quarter,
  settings: Pick<ReportSettings, 'timeZone' | 'residualFloorPercent'>,
): ResidualChargesReport {
  const span = quarterSpan(quarter, settings.timeZone);
  const charges: ResidualCharge[] = [];
  const incomplete = visitHistories(devices, events, span.startMs, {
    unchanged() {},
    changed(history) {
      if (!history.complete) return;
      const undone = undoneBefore(history, span.endMs);
      for (const { event, atMs, before } of history.steps) {
        if (atMs < span.startMs || atMs >= span.endMs || undone.has(event.id)) continue;
        if (before?.status !== 'assigned' || !before.holder) continue;
        const reason = chargeReason(event);
        if (!reason) continue;
        const day = localDayOf(atMs, settings.timeZone);
        charges.push({
          department: before.holder.department,
          deviceKey: history.key,
          model: before.model ?? null,
          employeeId: before.holder.employeeId,
          day,
          reason,
          purchaseDate: before.purchaseDate ?? null,
          purchasePriceOre: before.purchasePrice ?? null,
          residualOre: residualValue(before, day, settings) ?? null,
        });
      }
    },
  });
  charges.sort((a, b) => compareText(a.department, b.department) || compareText(a.day, b.day) || compareText(a.deviceKey, b.deviceKey));
  return { charges, incomplete: sortedKeys(incomplete) };
}
