import type { FleetDevice } from './fleet-device';
import type { LocalDate } from '../reports/calendar';
import { compareText } from '../reports/order';
import type { ReportSettings } from '../reports/settings';
import { replacementDay, residualValue } from './depreciation';
import { inService } from './replacement';

/** One device in service with what it cost and what it is worth on the report's day. */
export interface ResidualRow {
  deviceKey: string;
  department: string;
  model: string;
  purchaseDate: LocalDate;
  purchasePriceOre: number;
  residualOre: number;
  replacementDay: LocalDate;
}

export interface ResidualDepartmentRow {
  department: string;
  count: number;
  purchasePriceOre: number;
  residualOre: number;
  keys: string[];
}

export interface ResidualReport {
  on: LocalDate;
  devices: ResidualRow[];
  departments: ResidualDepartmentRow[];
  /** Devices in service whose purchase date or price the register does not know. */
  unpriced: string[];
}

/** What every device in service is worth on `on`, and each department's total (`''`: not handed out). */
export function residualReport(devices: Iterable<FleetDevice>, on: LocalDate, settings: Pick<ReportSettings, 'residualFloorPercent'>): ResidualReport {
  const rows: ResidualRow[] = [];
  const unpriced: string[] = [];
  for (const device of devices) {
    if (!inService(device)) continue;
    const residualOre = residualValue(device, on, settings);
    if (residualOre === undefined || !device.purchaseDate || device.purchasePrice === undefined) {
      unpriced.push(device.key);
      continue;
    }
    rows.push({
      deviceKey: device.key,
      department: device.holder?.department ?? '',
      model: device.model ?? '',
      purchaseDate: device.purchaseDate,
      purchasePriceOre: device.purchasePrice,
      residualOre,
      replacementDay: replacementDay(device.purchaseDate),
    });
  }
  rows.sort((a, b) => compareText(a.department, b.department) || compareText(a.deviceKey, b.deviceKey));
  const departments = new Map<string, ResidualDepartmentRow>();
  for (const row of rows) {
    const total = departments.get(row.department) ?? { department: row.department, count: 0, purchasePriceOre: 0, residualOre: 0, keys: [] };
    total.count += 1;
    total.purchasePriceOre += row.purchasePriceOre;
    total.residualOre += row.residualOre;
    total.keys.push(row.deviceKey);
    departments.set(row.department, total);
  }
  return { on, devices: rows, departments: [...departments.values()], unpriced: unpriced.sort(compareText) };
}
