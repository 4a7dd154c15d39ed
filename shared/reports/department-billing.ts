import { z } from 'zod';
import { deviceKinds, type Device, type DeviceKey, type DeviceKind } from '../domain/device';
import { departmentSchema, seedDepartments } from '../domain/reference';
import { addDays, countAtOrBefore, dayEnds, quarterLabel, quarterSchema, quarterSpan, type LocalDate, type Quarter } from './calendar';
import { heldNow, Holdings, sortedKeys, type HoldingSpan } from './device-digest';
import { replaySince, type ReportEvents } from './history';

import { compareText } from './order';
import { defaultReportSettings, reportSettingsSchema } from './settings';

/**
 * The subscription each department (forvaltning) owes for a quarter.
 *
 * - A department holds a device from its `handed_out` until it is returned, reported lost or the
 *   handout is undone (an undone *return* puts the holding back as if unbroken).
 * - Pro rata by days: the department that holds a device when a day ends (midnight in the
 *   municipality's zone) pays that day. A device handed out and returned the same day costs
 *   nothing; one passed to another department during a day is paid once, by the new holder.
 *   Devices still held bill to the quarter's end (for the running quarter: a forecast).
 * - A holding costs `price per year × days held ÷ (4 × days in the quarter)`, so a whole quarter
 *   is exactly a quarter of the yearly price, whatever its length (90–92 days).
 * - Amounts are whole øre, each holding rounded half up once; a department's amount is the sum of
 *   its holdings, so the specification adds up to the invoice line to the øre.
 */

export const billingOptionsSchema = z.object({
  quarter: quarterSchema,
  settings: reportSettingsSchema.default(defaultReportSettings),
  /** The departments to bill, in report order: names, and a row for each even when it held nothing. */
  departments: z.array(departmentSchema).default([...seedDepartments]),
});
export type BillingOptions = z.input<typeof billingOptionsSchema>;

/** One device held by one department within the quarter: a line of the specification. */
export interface HoldingRow {
  department: string;
  deviceKey: DeviceKey;
  kind: DeviceKind;
  model: string | null;
  employeeId: string;
  /** The first and last day billed within the quarter. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  days: number;
  amountOre: number;
}

export interface DepartmentBillingRow {
  department: string;
  name: string;
  /** Held when the quarter began. */
  devicesAtStart: number;
  /** Held when its last day ended. */
  devicesAtEnd: number;
  /** Distinct devices billed at least one day. */
  devicesHeld: number;
  deviceDays: number;
  /** `deviceDays / days in the quarter`: the devices held on an average day. */
  averageDevices: number;
  amountOre: number;
}

export interface DepartmentBillingReport {
  quarter: Quarter;
  /** `2026-Q1`. */
  period: string;
  firstDay: LocalDate;
  lastDay: LocalDate;
  daysInQuarter: number;
  timeZone: string;
  pricePerYearOre: Record<DeviceKind, number>;
  departments: DepartmentBillingRow[];
  holdings: HoldingRow[];
  /** Employee id → name, for the specification (set by whoever has the employees: the desk's store, the server). */
  employeeNames?: Record<string, string>;
  totals: Omit<DepartmentBillingRow, 'department' | 'name'>;
  incomplete: DeviceKey[];
}

/**
 * The department report for a quarter. `devices`: every current projection. `events`: every event
 * of each device with an event at or after the quarter's first instant (see `history.ts`).
 */
export function departmentBilling(
  devices: readonly Device[],
  events: ReportEvents,
  options: BillingOptions,
): DepartmentBillingReport {
  const parsed = billingOptionsSchema.parse(options);
  const holdings: HoldingSpan[] = [];
  const incomplete = replaySince(devices, events, quarterSpan(parsed.quarter, parsed.settings.timeZone).startMs, {
    unchanged: (device) => holdings.push(...heldNow(device)),
    start: () => new Holdings(),
    step: (run, event, atMs, _before, after) => run.see(event, atMs, after),
    end(run, current, complete) {
      if (complete) holdings.push(...run.finish());
      else if (current) holdings.push(...heldNow(current));
    },
  });
  return billFromHoldings(holdings, incomplete, parsed);
}

/**
 * The department report summed from holdings: any superset of the holdings that reach into the
 * quarter (what a store that keeps digests reads by their end), and the incomplete devices with an
 * event at or after the quarter's first instant.
 */
export function billFromHoldings(
  all: readonly HoldingSpan[],
  incomplete: readonly DeviceKey[],
  options: BillingOptions,
  /** `totals`: the departments' rows and the totals only, no line per holding (`holdings` empty): what the monthly summary shows. */
  detail: 'lines' | 'totals' = 'lines',
): DepartmentBillingReport {
  const { quarter, settings, departments } = billingOptionsSchema.parse(options);
  const { timeZone, pricePerYearOre } = settings;
  const span = quarterSpan(quarter, timeZone);
  const ends = dayEnds(span.firstDay, span.days, timeZone);
  const lastEnd = ends[ends.length - 1] ?? span.endMs;
  const dayNames = ends.map((_, i) => addDays(span.firstDay, i));
  // Only what reaches into the quarter; a device's holdings together, in time order.
  const holdings = all
    .filter((holding) => holding.endMs > span.startMs && holding.startMs < lastEnd)
    .sort((a, b) => compareText(a.deviceKey, b.deviceKey) || a.startMs - b.startMs);

  // A row per department with its lines; a device's holdings arrive together, so a department
  // counts a device once by remembering the last device it counted.
  type Row = DepartmentBillingRow & { lines: HoldingRow[]; lastDevice: string };
  const rows = new Map<string, Row>();
  const rowFor = (department: string): Row => {
    let row = rows.get(department);
    if (!row) {
      const name = departments.find((d) => d.id === department)?.name ?? department;
      row = { department, name, devicesAtStart: 0, devicesAtEnd: 0, devicesHeld: 0, deviceDays: 0, averageDevices: 0, amountOre: 0, lines: [], lastDevice: '' };
      rows.set(department, row);
    }
    return row;
  };
  for (const department of departments) rowFor(department.id);

  for (const holding of holdings) {
    const before = countAtOrBefore(ends, holding.startMs);
    const days = countAtOrBefore(ends, holding.endMs) - before;
    const row = rowFor(holding.department);
    if (holding.startMs <= span.startMs && span.startMs < holding.endMs) row.devicesAtStart++;
    if (days <= 0) continue;
    if (holding.startMs < lastEnd && lastEnd <= holding.endMs) row.devicesAtEnd++;
    const { deviceKey: key, kind, model } = holding;
    if (row.lastDevice !== key) row.devicesHeld++;
    row.lastDevice = key;
    const amountOre = proRataOre(pricePerYearOre[kind], days, span.days);
    row.deviceDays += days;
    row.amountOre += amountOre;
    if (detail === 'lines')
      row.lines.push({
        department: holding.department,
        deviceKey: key,
        kind,
        model,
        employeeId: holding.employeeId,
        firstDay: dayNames[before] ?? span.firstDay,
        lastDay: dayNames[before + days - 1] ?? span.lastDay,
        days,
        amountOre,
      });
  }

  const order = new Map(departments.map((d, i) => [d.id, i]));
  const sorted = [...rows.values()].sort(
    (a, b) => (order.get(a.department) ?? order.size) - (order.get(b.department) ?? order.size) || compareText(a.department, b.department),
  );
  const lines = sorted.flatMap((row) => row.lines.sort((a, b) => compareText(a.deviceKey, b.deviceKey) || compareText(a.firstDay, b.firstDay)));
  const departmentRows: DepartmentBillingRow[] = sorted.map(({ lines: _lines, lastDevice: _last, ...row }) => ({
    ...row,
    averageDevices: row.deviceDays / span.days,
  }));
  const total = (field: 'devicesAtStart' | 'devicesAtEnd' | 'devicesHeld' | 'deviceDays' | 'amountOre') =>
    departmentRows.reduce((sum, row) => sum + row[field], 0);
  return {
    quarter,
    period: quarterLabel(quarter),
    firstDay: span.firstDay,
    lastDay: span.lastDay,
    daysInQuarter: span.days,
    timeZone,
    pricePerYearOre,
    departments: departmentRows,
    holdings: lines,
    totals: {
      devicesAtStart: total('devicesAtStart'),
      devicesAtEnd: total('devicesAtEnd'),
      devicesHeld: total('devicesHeld'),
      deviceDays: total('deviceDays'),
      averageDevices: total('deviceDays') / span.days,
      amountOre: total('amountOre'),
    },
    incomplete: sortedKeys(incomplete),
  };
}

/** `pricePerYear × days ÷ (4 × daysInQuarter)`, rounded half up to whole øre, in integers. */
export function proRataOre(pricePerYearOre: number, days: number, daysInQuarter: number): number {
  const numerator = pricePerYearOre * days;
  const denominator = 4 * daysInQuarter;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** One line for the finance system: what a department owes for one kind of device in a quarter. */
export interface FinanceExportRow {
  /** `2026-Q1`. */
  period: string;
  firstDay: LocalDate;
  lastDay: LocalDate;
  departmentId: string;
  departmentName: string;
  kind: DeviceKind;
  /** The line's text as the invoice shows it (Danish: the finance system's language). */
  text: string;
  devicesAtEnd: number;
  deviceDays: number;
  pricePerYearOre: number;
  amountOre: number;
}

const kindText: Record<DeviceKind, string> = { phone: 'telefoner', tablet: 'tablets', pc: 'pc’er' };

/** The finance export of a billing report: a line per department and kind with anything to bill. */
export function financeExport(report: DepartmentBillingReport): FinanceExportRow[] {
  const names = new Map(report.departments.map((d) => [d.department, d.name]));
  const lines = new Map<string, FinanceExportRow>();
  for (const holding of report.holdings) {
    const id = `${holding.department}\u0000${holding.kind}`;
    let line = lines.get(id);
    if (!line) {
      line = {
        period: report.period,
        firstDay: report.firstDay,
        lastDay: report.lastDay,
        departmentId: holding.department,
        departmentName: names.get(holding.department) ?? holding.department,
        kind: holding.kind,
        text: `Abonnement ${kindText[holding.kind]}, ${report.quarter.quarter}. kvartal ${report.quarter.year}`,
        devicesAtEnd: 0,
        deviceDays: 0,
        pricePerYearOre: report.pricePerYearOre[holding.kind],
        amountOre: 0,
      };
      lines.set(id, line);
    }
    if (holding.lastDay === report.lastDay) line.devicesAtEnd++;
    line.deviceDays += holding.days;
    line.amountOre += holding.amountOre;
  }
  const order = new Map(report.departments.map((d, i) => [d.department, i]));
  return [...lines.values()].sort(
    (a, b) => (order.get(a.departmentId) ?? 0) - (order.get(b.departmentId) ?? 0) || deviceKinds.indexOf(a.kind) - deviceKinds.indexOf(b.kind),
  );
}
