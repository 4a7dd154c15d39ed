import type { Device, DeviceKey } from '../domain/device';
import type { EventType } from '../domain/event';
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
/** The events that can charge one: a device without one in the quarter is charged nothing (a reader may skip its history). */
export const residualChargeEvents: readonly EventType[] = ['reported_lost', 'returned'];
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
        if (atMs < span.startMs || atMs >= span.endMs || undone.has(event.id) || !residualChargeEvents.includes(event.type)) continue;
        if (before?.status !== 'assigned' || !before.holder) continue;
        const reason: ResidualChargeReason | null =
          event.type === 'reported_lost' ? 'lost' : event.type === 'returned' && event.data.condition === 'damaged' ? 'damaged' : null;
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
