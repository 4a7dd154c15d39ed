import { z } from 'zod';
import {
  deviceKinds,
  deviceStatuses,
  isInStock,
  type Device,
  type DeviceKey,
  type DeviceKind,
  type DeviceStatus,
  type StockStatus,
} from '../domain/device';
import {
  addDays,
  daySpan,
  daysBetween,
  instant,
  isAtOrAfter,
  localDateSchema,
  localDayOf,
  startOfDay,
  type LocalDate,
} from './calendar';
import { handoutsBefore, stateBefore, undoneBefore, visitHistories, whereRecorded, type ReportEvents } from './history';
import { movementAt, movementTypes, touchesLocation, type MovementType } from './movements';
import { compareText } from './order';
import { defaultReportSettings, reportSettingsSchema } from './settings';

export const dailyStockOptionsSchema = z.object({
  /** The location (warehouse or desk) the report is for. */
  location: z.string().min(1),
  day: localDateSchema,
  settings: reportSettingsSchema.default(defaultReportSettings),
});
export type DailyStockOptions = z.input<typeof dailyStockOptionsSchema>;

/** The statuses in which a device sits on a shelf; `inStockStatuses` in device.ts decides which. */
export type { StockStatus };

export function isStock(status: DeviceStatus): status is StockStatus {
  return isInStock(status);
}

/** The shelf statuses in lifecycle order. */
export const stockStatuses: readonly StockStatus[] = deviceStatuses.filter(isStock);

export interface StockRow {
  kind: DeviceKind;
  model: string | null;
  status: StockStatus;
  count: number;
}

export interface MovementRow {
  type: MovementType;
  operator: string;
  count: number;
}

export interface MovementTotal {
  type: MovementType;
  count: number;
}

export interface RepairRow {
  deviceKey: DeviceKey;
  kind: DeviceKind;
  model: string | null;
  vendor: string;
  ticket: string | null;
  /** When it was sent (ISO instant) and the local day of it. */
  since: string;
  sinceDay: LocalDate;
  /** Calendar days from the day it was sent to the report's day. */
  daysOut: number;
}

export interface IdleRow {
  deviceKey: DeviceKey;
  kind: DeviceKind;
  model: string | null;
  status: StockStatus;
  since: string;
  sinceDay: LocalDate;
  /** Calendar days in its current status up to the report's day; above the idle limit. */
  daysIdle: number;
}

export interface HandoutSummary {
  total: number;
  /** First handouts of a device. */
  new: number;
  /** Handouts of a device that had been handed out before. */
  reused: number;
  /** `reused / total`, a fraction; null on a day without handouts. */
  reusedShare: number | null;
}

export interface DailyStockReport {
  location: string;
  day: LocalDate;
  timeZone: string;
  /** The day as instants, `[startsAt, endsAt)`. */
  startsAt: string;
  endsAt: string;
  idleDays: number;
  /** On the shelf at the end of the day, by kind, model and status. */
  stock: StockRow[];
  stockByStatus: Record<StockStatus, number>;
  stockTotal: number;
  /** The day's movements by type and operator; `movementTotals` has every type, zeros included. */
  movements: MovementRow[];
  movementTotals: MovementTotal[];
  /** Sent to repair from this location and not back at the end of the day, longest out first. */
  inRepair: RepairRow[];
  /** On the shelf here longer than `idleDays`, longest first. */
  idle: IdleRow[];
  handouts: HandoutSummary;
  /** Devices here that day whose history is not all in the events given: taken as they are now. */
  incomplete: DeviceKey[];
}

/**
 * The daily stock report of one location for one local day. `devices`: every current projection
 * (not only this location's: a device now elsewhere may have been here that day). `events`: every
 * event of each device with an event at or after the start of `day` (see `history.ts`).
 */
export function dailyStockReport(
  devices: readonly Device[],
  events: ReportEvents,
  options: DailyStockOptions,
): DailyStockReport {
  const { location, day, settings } = dailyStockOptionsSchema.parse(options);
  const { timeZone, idleDays } = settings;
  const span = daySpan(day, day, timeZone);
  // In its status since before this instant ⇔ more than `idleDays` calendar days by the report's day.
  const idleBefore = instant(startOfDay(addDays(day, -idleDays), timeZone));

  const stock = new Map<string, StockRow>();
  const inRepair: RepairRow[] = [];
  const idle: IdleRow[] = [];
  const atDayEnd = (device: Device | null): void => {
    if (!device || device.location !== location) return;
    if (isStock(device.status)) {
      const id = `${device.kind}\u0000${device.model ?? ''}\u0000${device.status}`;
      const row = stock.get(id);
      if (row) row.count++;
      else stock.set(id, { kind: device.kind, model: device.model ?? null, status: device.status, count: 1 });
      if (!isAtOrAfter(device.statusSince, idleBefore)) idle.push(idleRow(device, device.status, day, timeZone));
    } else if (device.status === 'in_repair' && device.repair) {
      inRepair.push(repairRow(device, device.repair, day, timeZone));
    }
  };
  const movements = new Map<string, MovementRow>();
  const handouts = { new: 0, reused: 0 };
  // The touched devices that were here that day: at its end, or in a step recorded here or moving here.
  const here = new Set<DeviceKey>();
  const incomplete = visitHistories(devices, events, span.startMs, {
    unchanged: atDayEnd,
    changed(history) {
      const atEnd = stateBefore(history, span.endMs);
      if (atEnd?.location === location) here.add(history.key);
      atDayEnd(atEnd);
      const undone = undoneBefore(history, span.endMs);
      history.steps.forEach((step, index) => {
        if (step.atMs < span.startMs || step.atMs >= span.endMs) return;
        if (touchesLocation(step.event, whereRecorded(step), location)) here.add(history.key);
        const type = movementAt(step, location, undone);
        if (type === null) return;
        const id = `${type}\u0000${step.event.operator}`;
        const row = movements.get(id);
        if (row) row.count++;
        else movements.set(id, { type, operator: step.event.operator, count: 1 });
        if (type === 'handed_out') handouts[handoutsBefore(history, index) > 0 ? 'reused' : 'new']++;
      });
    },
  });

  const stockRows = [...stock.values()].sort(byStockOrder);
  const movementRows = [...movements.values()].sort(
    (a, b) => movementTypes.indexOf(a.type) - movementTypes.indexOf(b.type) || compareText(a.operator, b.operator),
  );
  const total = handouts.new + handouts.reused;
  return {
    location,
    day,
    timeZone,
    startsAt: new Date(span.startMs).toISOString(),
    endsAt: new Date(span.endMs).toISOString(),
    idleDays,
    stock: stockRows,
    stockByStatus: {
      received: sum(stockRows.filter((r) => r.status === 'received')),
      ready: sum(stockRows.filter((r) => r.status === 'ready')),
      returned: sum(stockRows.filter((r) => r.status === 'returned')),
    },
    stockTotal: sum(stockRows),
    movements: movementRows,
    movementTotals: movementTypes.map((type) => ({ type, count: sum(movementRows.filter((r) => r.type === type)) })),
    inRepair: inRepair.sort((a, b) => b.daysOut - a.daysOut || compareText(a.deviceKey, b.deviceKey)),
    idle: idle.sort((a, b) => b.daysIdle - a.daysIdle || compareText(a.deviceKey, b.deviceKey)),
    handouts: { total, ...handouts, reusedShare: total === 0 ? null : handouts.reused / total },
    // Only those that were here: a device of another desk's day says nothing about this one's figures.
    incomplete: incomplete.filter((key) => here.has(key)),
  };
}

function idleRow(device: Device, status: StockStatus, day: LocalDate, timeZone: string): IdleRow {
  const sinceDay = localDayOf(device.statusSince, timeZone);
  return {
    deviceKey: device.key,
    kind: device.kind,
    model: device.model ?? null,
    status,
    since: device.statusSince,
    sinceDay,
    daysIdle: daysBetween(sinceDay, day),
  };
}

function repairRow(device: Device, repair: NonNullable<Device['repair']>, day: LocalDate, timeZone: string): RepairRow {
  const sinceDay = localDayOf(repair.since, timeZone);
  return {
    deviceKey: device.key,
    kind: device.kind,
    model: device.model ?? null,
    vendor: repair.vendor,
    ticket: repair.ticket ?? null,
    since: repair.since,
    sinceDay,
    daysOut: daysBetween(sinceDay, day),
  };
}

function byStockOrder(a: StockRow, b: StockRow): number {
  return (
    deviceKinds.indexOf(a.kind) - deviceKinds.indexOf(b.kind) ||
    compareText(a.model ?? '', b.model ?? '') ||
    stockStatuses.indexOf(a.status) - stockStatuses.indexOf(b.status)
  );
}

function sum(rows: readonly { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}
