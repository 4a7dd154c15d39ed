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
 * quarter (what a store that keeps digests reads by their end), in any order, and the incomplete
 * devices with an event at or after the quarter's first instant.
 */
export function billFromHoldings(
  all: Iterable<HoldingSpan>,
  incomplete: readonly DeviceKey[],
  options: BillingOptions,
  /** `totals`: the departments' rows and the totals only, no line per holding (`holdings` empty): what the monthly summary shows. */
  detail: 'lines' | 'totals' = 'lines',
): DepartmentBillingReport {
  const bill = new QuarterBill(options, detail);
  bill.addAll(all);
  return bill.report(incomplete);
}

/**
 * A department's row while it is summed: its lines with each one's holding's start beside it (to
 * order a device's lines as they happened), and the devices it held at least one day.
 */
type DepartmentSum = DepartmentBillingRow & { lines: HoldingRow[]; starts: number[]; devices: Set<DeviceKey> };

/**
 * The department report summed holding by holding, in whatever order they come: each holding is
 * billed on its own, a department counts each device once (a set, not "the last device seen"), and
 * the lines are put in order at the end. So a reader hands over the holdings as it reads them — a
 * range of closed ones, a pack of open ones — and nothing sorts the whole lot first. Holdings that
 * do not reach into the quarter are dropped (any superset can be added).
 */
export class QuarterBill {
  private readonly quarter: Quarter;
  private readonly timeZone: string;
  private readonly pricePerYearOre: Record<DeviceKind, number>;
  private readonly departments: ReadonlyArray<{ id: string; name: string }>;
  private readonly span: ReturnType<typeof quarterSpan>;
  private readonly ends: number[];
  private readonly lastEnd: number;
  private readonly dayNames: LocalDate[];
  private readonly rows = new Map<string, DepartmentSum>();

  constructor(
    options: BillingOptions,
    /** `totals`: no line per holding (see `billFromHoldings`). */
    private readonly detail: 'lines' | 'totals' = 'lines',
  ) {
    const { quarter, settings, departments } = billingOptionsSchema.parse(options);
    this.quarter = quarter;
    this.timeZone = settings.timeZone;
    this.pricePerYearOre = settings.pricePerYearOre;
    this.departments = departments;
    this.span = quarterSpan(quarter, settings.timeZone);
    this.ends = dayEnds(this.span.firstDay, this.span.days, settings.timeZone);
    this.lastEnd = this.ends[this.ends.length - 1] ?? this.span.endMs;
    this.dayNames = this.ends.map((_, i) => addDays(this.span.firstDay, i));
    for (const department of departments) this.rowFor(department.id);
  }

  private rowFor(department: string): DepartmentSum {
    let row = this.rows.get(department);
    if (!row) {
      const name = this.departments.find((d) => d.id === department)?.name ?? department;
      row = { department, name, devicesAtStart: 0, devicesAtEnd: 0, devicesHeld: 0, deviceDays: 0, averageDevices: 0, amountOre: 0, lines: [], starts: [], devices: new Set() };
      this.rows.set(department, row);
    }
    return row;
  }

  /** One holding, billed for the days of the quarter whose end it saw. */
  add(holding: HoldingSpan): void {
    const { span, ends, lastEnd } = this;
    // Only what reaches into the quarter.
    if (!(holding.endMs > span.startMs && holding.startMs < lastEnd)) return;
    const before = countAtOrBefore(ends, holding.startMs);
    const days = countAtOrBefore(ends, holding.endMs) - before;
    const row = this.rowFor(holding.department);
    if (holding.startMs <= span.startMs && span.startMs < holding.endMs) row.devicesAtStart++;
    if (days <= 0) return;
    if (lastEnd <= holding.endMs) row.devicesAtEnd++;
    const { deviceKey, kind, model } = holding;
    row.devices.add(deviceKey);
    const amountOre = proRataOre(this.pricePerYearOre[kind], days, span.days);
    row.deviceDays += days;
    row.amountOre += amountOre;
    if (this.detail === 'lines') {
      row.starts.push(holding.startMs);
      row.lines.push({
        department: holding.department,
        deviceKey,
        kind,
        model,
        employeeId: holding.employeeId,
        firstDay: this.dayNames[before] ?? span.firstDay,
        lastDay: this.dayNames[before + days - 1] ?? span.lastDay,
        days,
        amountOre,
      });
    }
  }

  addAll(holdings: Iterable<HoldingSpan>): void {
    for (const holding of holdings) this.add(holding);
  }

  /** The report of what was added; `incomplete`: the devices touched since the quarter began whose history is incomplete. */
  report(incomplete: readonly DeviceKey[]): DepartmentBillingReport {
    const { span, departments } = this;
    const order = new Map(departments.map((d, i) => [d.id, i]));
    const sorted = [...this.rows.values()].sort(
      (a, b) => (order.get(a.department) ?? order.size) - (order.get(b.department) ?? order.size) || compareText(a.department, b.department),
    );
    // A department's lines by device, each device's as they happened; the rest of a line breaks a tie
    // (only overlapping holdings of one device could tie), so the order never depends on the input's.
    const lines = sorted.flatMap(orderedLines);
    const departmentRows: DepartmentBillingRow[] = sorted.map(({ lines: _lines, starts: _starts, devices, ...row }) => ({
      ...row,
      devicesHeld: devices.size,
      averageDevices: row.deviceDays / span.days,
    }));
    const total = (field: 'devicesAtStart' | 'devicesAtEnd' | 'devicesHeld' | 'deviceDays' | 'amountOre') =>
      departmentRows.reduce((sum, row) => sum + row[field], 0);
    return {
      quarter: this.quarter,
      period: quarterLabel(this.quarter),
      firstDay: span.firstDay,
      lastDay: span.lastDay,
      daysInQuarter: span.days,
      timeZone: this.timeZone,
      pricePerYearOre: this.pricePerYearOre,
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
}

/** A department's lines in order (an order of their places sorted, so no line is copied). */
function orderedLines({ lines, starts }: DepartmentSum): HoldingRow[] {
  const order = lines.map((_, i) => i);
  order.sort((i, j) => compareLines(lines[i] as HoldingRow, lines[j] as HoldingRow) || (starts[i] as number) - (starts[j] as number) || tieBreak(lines[i] as HoldingRow, lines[j] as HoldingRow));
  return order.map((i) => lines[i] as HoldingRow);
}

const compareLines = (a: HoldingRow, b: HoldingRow): number => compareText(a.deviceKey, b.deviceKey) || compareText(a.firstDay, b.firstDay);

function tieBreak(a: HoldingRow, b: HoldingRow): number {
  return (
    compareText(a.lastDay, b.lastDay) ||
    compareText(a.employeeId, b.employeeId) ||
    compareText(a.kind, b.kind) ||
    compareText(a.model ?? '', b.model ?? '') ||
    (a.model === null ? 0 : 1) - (b.model === null ? 0 : 1)
  );
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
