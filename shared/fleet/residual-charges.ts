import type { Device, DeviceKey } from '../domain/device';
import { localDayOf, quarterSpan, type LocalDate, type Quarter } from '../reports/calendar';
import { isUndoneBefore, marksOf, sortedKeys, type EventMark } from '../reports/device-digest';
import { visitHistories, type ReportEvents } from '../reports/history';
import { compareText } from '../reports/order';
import type { ReportSettings } from '../reports/settings';
import type { ResidualChargeReason } from './charge-events';
import { residualValue } from './depreciation';

/**
 * What a department pays besides the subscription: the residual value of a device it held that
 * left service early through it (seed 000: "restværdi ved tab eller tidlig udskiftning"), by loss
 * or a damaged return (`charge-events.ts` says which event is which).
 *
 * Valued on the local day of the event, straight-line (`residualValue`); a device without a
 * purchase date or price is listed with `residualOre: null`, so finance sees it is missing. An
 * event undone before the quarter ended charges nothing, read like every report: as the log stood
 * when the quarter ended.
 */

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
 * Summed from each device's marks (`marksOf`), as a store that keeps them sums them (`chargesFromMarks`).
 */
export function residualCharges(
  devices: readonly Device[],
  events: ReportEvents,
  quarter: Quarter,
  settings: Pick<ReportSettings, 'timeZone' | 'residualFloorPercent'>,
): ResidualChargesReport {
  const marks: EventMark[] = [];
  const incomplete = visitHistories(devices, events, quarterSpan(quarter, settings.timeZone).startMs, {
    unchanged() {},
    changed(history) {
      marks.push(...marksOf(history));
    },
  });
  return chargesFromMarks(marks, incomplete, quarter, settings);
}

/** The quarter's charges from the devices' marks: any superset of the `charge` marks in the quarter. */
export function chargesFromMarks(
  marks: readonly EventMark[],
  incomplete: readonly DeviceKey[],
  quarter: Quarter,
  settings: Pick<ReportSettings, 'timeZone' | 'residualFloorPercent'>,
): ResidualChargesReport {
  const span = quarterSpan(quarter, settings.timeZone);
  const charges: ResidualCharge[] = [];
  for (const mark of marks) {
    if (mark.type !== 'charge' || mark.atMs < span.startMs || mark.atMs >= span.endMs || isUndoneBefore(mark, span.endMs)) continue;
    const day = localDayOf(mark.atMs, settings.timeZone);
    const priced = { ...(mark.purchaseDate !== null ? { purchaseDate: mark.purchaseDate } : {}), ...(mark.purchasePrice !== null ? { purchasePrice: mark.purchasePrice } : {}) };
    charges.push({
      department: mark.department,
      deviceKey: mark.deviceKey,
      model: mark.model,
      employeeId: mark.employeeId,
      day,
      reason: mark.reason,
      purchaseDate: mark.purchaseDate,
      purchasePriceOre: mark.purchasePrice,
      residualOre: residualValue(priced, day, settings) ?? null,
    });
  }
  charges.sort((a, b) => compareText(a.department, b.department) || compareText(a.day, b.day) || compareText(a.deviceKey, b.deviceKey));
  return { charges, incomplete: sortedKeys(incomplete) };
}
