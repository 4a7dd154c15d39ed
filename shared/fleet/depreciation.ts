import type { Device } from '../domain/device';
import type { LocalDate } from '../reports/calendar';
import { defaultReportSettings, type ReportSettings } from '../reports/settings';

/**
 * Straight-line depreciation: a device loses the same share of its price every month for four
 * years (the seeds' depreciation period), then stays at the floor. Money is whole øre; the value
 * is rounded once, at the end, so the months add up to the price.
 */
export const DEPRECIATION_MONTHS = 48;

/** `day` plus `months` calendar months; the 31st becomes the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole months from `from` to `on` (a month is complete on the same day of the next month); 0 before `from`. */
export function monthsElapsed(from: LocalDate, on: LocalDate): number {
  if (on <= from) return 0;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [oy, om] = on.split('-').map(Number) as [number, number];
  const months = (oy - fy) * 12 + (om - fm);
  return addMonths(from, months) <= on ? months : months - 1;
}

/** The day a device is four years old: when it is due for replacement. */
export function replacementDay(purchaseDate: LocalDate): LocalDate {
  return addMonths(purchaseDate, DEPRECIATION_MONTHS);
}

export type Priced = Pick<Device, 'purchaseDate' | 'purchasePrice'>;

/**
 * What the device is worth on `on`, in øre: what a department pays when it loses the device or
 * has it replaced early. `undefined` when the register knows no purchase date or price.
 */
export function residualValue(device: Priced, on: LocalDate, settings: Pick<ReportSettings, 'residualFloorPercent'> = defaultReportSettings): number | undefined {
  const { purchaseDate, purchasePrice } = device;
  if (purchaseDate === undefined || purchasePrice === undefined) return undefined;
  const floor = Math.round((purchasePrice * settings.residualFloorPercent) / 100);
  const left = Math.max(0, DEPRECIATION_MONTHS - monthsElapsed(purchaseDate, on));
  return Math.max(floor, Math.round((purchasePrice * left) / DEPRECIATION_MONTHS));
}

