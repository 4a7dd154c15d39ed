import { z } from 'zod';
import { deviceKinds, type Device, type DeviceKey, type DeviceKind, type DisposalMethod } from '../domain/device';
import type { Model } from '../domain/reference';
import { daySpan, daysBetween, localDateSchema, localDayOf, startOfDay, type LocalDate } from './calendar';
import type { DepartmentBillingReport } from './department-billing';
import {
  digestUnchanged,
  handoutsOf,
  isUndoneBefore,
  marksOf,
  repairSpansOf,
  sortedKeys,
  stockSpansOf,
  type EventMark,
  type HandoutMark,
  type RepairSpan,
  type StockSpan,
} from './device-digest';
import { visitHistories, type ReportEvents } from './history';
import { compareText } from './order';
import { defaultReportSettings, reportSettingsSchema } from './settings';

/**
 * The month on one A4 page: what the centralisation is judged by (seed 000: purchases down 8 %
 * through reuse, a subscription billed to each department, unused devices found and re-used).
 *
 * Read like the daily report, as the log stood when the month ended (an event undone on a later
 * day still counts in its month; see `history.ts`), forward from each touched device's
 * registration. Each figure carries the keys of the devices behind it, so a screen links the
 * figure to the register's view of exactly those devices.
 */

/** `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

export const monthlyOptionsSchema = z.object({
  month: monthSchema,
  /** Today: days out and idle days of the running month count to today, not to its last day. */
  today: localDateSchema.optional(),
  settings: reportSettingsSchema.default(defaultReportSettings),
});
export type MonthlyOptions = z.input<typeof monthlyOptionsSchema>;

/** What the summary knows besides the log: model prices, the quarter's bill, the Intune evidence. */
export interface MonthlyContext {
  /** The models, for their prices (purchases avoided) and names. */
  models: readonly Pick<Model, 'id' | 'price'>[];
  /** The department report of the quarter the month is in (its totals go on the page). */
  billing?: DepartmentBillingReport;
  /** Handed-out devices the last Intune reconciliation found unused (`shared/fleet/reconcile.ts`); absent when none was loaded. */
  intuneUnused?: readonly DeviceKey[];
  /** Which Intune file said so, and when it was loaded: named on the page. */
  intuneSource?: { file: string; day: LocalDate };
}

/** A count and the devices behind it. */
export interface Figure {
  count: number;
  keys: DeviceKey[];
}

export interface RepairLine {
  deviceKey: DeviceKey;
  model: string | null;
  vendor: string;
  since: LocalDate;
  daysOut: number;
}

export interface DisposalLine {
  deviceKey: DeviceKey;
  model: string | null;
  day: LocalDate;
  method: DisposalMethod;
  certificate: string;
}

export interface Co2eLine {
  kind: DeviceKind;
  devices: number;
  kgEach: number;
  kg: number;
}

export interface BillingTotalLine {
  department: string;
  name: string;
  devicesAtEnd: number;
  amountOre: number;
}

export interface MonthlySummary {
  month: Month;
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** The day the figures stand on: the month's last day, or today in the running month. */
  asOf: LocalDate;
  timeZone: string;
  handouts: Figure;
  handoutsNew: Figure;
  handoutsReused: Figure;
  returns: Figure;
  /** Reused handouts ÷ handouts; null without handouts. */
  reuseShare: number | null;
  reuseGoal: number;
  /** Null without handouts. */
  reuseGoalMet: boolean | null;
  /** What the reused devices would have cost new at their model's price, in øre. */
  purchasesAvoidedOre: number;
  /** Reused devices whose model has no price: the amount above is short by them. */
  reusedUnpriced: Figure;
  co2eKg: number;
  co2e: Co2eLine[];
  co2eSource: string;
  sentToRepair: Figure;
  backFromRepair: Figure;
  /** Out for repair when the month ended (or today), longest out first. */
  inRepair: RepairLine[];
  inRepairFigure: Figure;
  /** Days out summed over `inRepair`, and the longest. */
  repairDaysOut: number;
  repairLongestDays: number;
  disposals: DisposalLine[];
  disposalsFigure: Figure;
  /** Disposals with a certificate (the lifecycle refuses one without: this equals `disposals` unless a store was tampered with). */
  disposalsCertified: number;
  /** On a shelf longer than the idle limit at the month's end. */
  idle: Figure;
  /** Handed out but unused by the Intune evidence; null when no reconciliation is given. */
  intuneUnused: Figure | null;
  intuneSource: { file: string; day: LocalDate } | null;
  /** The quarter's department bill, when given. */
  billing: { period: string; forecast: boolean; departments: BillingTotalLine[]; devicesAtEnd: number; amountOre: number } | null;
  incomplete: DeviceKey[];
}

const figureOf = (keys: Iterable<DeviceKey>): Figure => {
  const sorted = sortedKeys(new Set(keys));
  return { count: sorted.length, keys: sorted };
};

/** The first and last day of a month. */
export function monthDays(month: Month): { firstDay: LocalDate; lastDay: LocalDate } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month a day is in. */
export const monthOf = (day: LocalDate): Month => day.slice(0, 7);

/**
 * The parts of the devices' digests (`device-digest.ts`) a month is summed from: any superset of
 * the handouts and marks in the month and of the shelf and repair spans its end falls in, and the
 * devices touched since its start whose history is incomplete. What a store keeping digests reads.
 */
export interface MonthlyDigests {
  handouts: readonly HandoutMark[];
  marks: readonly EventMark[];
  stock: readonly StockSpan[];
  repairs: readonly RepairSpan[];
  incomplete: readonly DeviceKey[];
}

/**
 * The monthly summary. `devices`: every current projection; `events`: every event of each device
 * with an event at or after the month's first instant (see `history.ts`). Summed from each
 * device's digest, as a store that keeps digests sums them (`monthlyFromDigests`).
 */
export function monthlySummary(devices: readonly Device[], events: ReportEvents, options: MonthlyOptions, context: MonthlyContext): MonthlySummary {
  const parsed = monthlyOptionsSchema.parse(options);
  const { firstDay } = monthDays(parsed.month);
  const digests = { handouts: [] as HandoutMark[], marks: [] as EventMark[], stock: [] as StockSpan[], repairs: [] as RepairSpan[] };
  const incomplete = visitHistories(devices, events, startOfDay(firstDay, parsed.settings.timeZone), {
    unchanged(device) {
      const digest = digestUnchanged(device);
      digests.stock.push(...digest.stock);
      digests.repairs.push(...digest.repairs);
    },
    changed(history) {
      digests.stock.push(...stockSpansOf(history));
      digests.repairs.push(...repairSpansOf(history));
      digests.handouts.push(...handoutsOf(history));
      digests.marks.push(...marksOf(history));
    },
  });
  return monthlyFromDigests({ ...digests, incomplete }, parsed, context);
}

/**
 * The month summed from digests: its handouts and marks (not undone when it ended), and each
 * device's state when it ended from the span it ended in. As the daily report, the log is read as
 * it stood when the month ended (an event undone on a later day still counts in its month).
 */
export function monthlyFromDigests(digests: MonthlyDigests, options: MonthlyOptions, context: MonthlyContext): MonthlySummary {
  const { month, today, settings } = monthlyOptionsSchema.parse(options);
  const { timeZone, idleDays } = settings;
  const { firstDay, lastDay } = monthDays(month);
  const span = daySpan(firstDay, lastDay, timeZone);
  const asOf = today !== undefined && today < lastDay ? (today < firstDay ? firstDay : today) : lastDay;
  const prices = new Map(context.models.map((model) => [model.id, model.price]));
  const counts = (mark: { atMs: number; undoneFlips: number[] }) => mark.atMs >= span.startMs && mark.atMs < span.endMs && !isUndoneBefore(mark, span.endMs);
  // The state when the month ended: the span it ended in (`fromMs < end ≤ toMs`).
  const atEnd = (spanOf: { fromMs: number; toMs: number }) => spanOf.fromMs < span.endMs && span.endMs <= spanOf.toMs;

  const handouts: DeviceKey[] = [];
  const reused: Array<{ key: DeviceKey; kind: DeviceKind; model: string | null }> = [];
  const fresh: DeviceKey[] = [];
  for (const mark of digests.handouts) {
    if (!counts(mark)) continue;
    handouts.push(mark.deviceKey);
    if (mark.reused) reused.push({ key: mark.deviceKey, kind: mark.kind, model: mark.model });
    else fresh.push(mark.deviceKey);
  }
  const returns: DeviceKey[] = [];
  const sent: DeviceKey[] = [];
  const back: DeviceKey[] = [];
  const disposals: DisposalLine[] = [];
  for (const mark of digests.marks) {
    if (!counts(mark)) continue;
    if (mark.type === 'returned') returns.push(mark.deviceKey);
    else if (mark.type === 'sent_to_repair') sent.push(mark.deviceKey);
    else if (mark.type === 'repaired') back.push(mark.deviceKey);
    else if (mark.type === 'disposed') {
      disposals.push({ deviceKey: mark.deviceKey, model: mark.model, day: localDayOf(mark.atMs, timeZone), method: mark.method, certificate: mark.certificate });
    }
  }

  let purchasesAvoidedOre = 0;
  const unpriced: DeviceKey[] = [];
  const reusedByKind = new Map<DeviceKind, number>();
  for (const { key, kind, model } of reused) {
    const price = model === null ? undefined : prices.get(model);
    if (price === undefined) unpriced.push(key);
    else purchasesAvoidedOre += price;
    reusedByKind.set(kind, (reusedByKind.get(kind) ?? 0) + 1);
  }
  const co2e: Co2eLine[] = deviceKinds.map((kind) => {
    const count = reusedByKind.get(kind) ?? 0;
    const kgEach = settings.co2eKgPerReuse[kind];
    return { kind, devices: count, kgEach, kg: count * kgEach };
  });

  const inRepair: RepairLine[] = [];
  for (const repair of digests.repairs) {
    if (!atEnd(repair)) continue;
    const since = localDayOf(repair.sinceMs, timeZone);
    inRepair.push({ deviceKey: repair.deviceKey, model: repair.model, vendor: repair.vendor, since, daysOut: Math.max(0, daysBetween(since, asOf)) });
  }
  const idle: DeviceKey[] = [];
  for (const stock of digests.stock) {
    if (atEnd(stock) && daysBetween(localDayOf(stock.sinceMs, timeZone), asOf) > idleDays) idle.push(stock.deviceKey);
  }
  inRepair.sort((a, b) => b.daysOut - a.daysOut || compareText(a.deviceKey, b.deviceKey));
  disposals.sort((a, b) => compareText(a.day, b.day) || compareText(a.deviceKey, b.deviceKey));

  const reuseShare = handouts.length === 0 ? null : reused.length / handouts.length;
  // The seeds' 8 % by default (`reuseGoalPercent`), as the overview's reuse goal.
  const reuseGoal = settings.reuseGoalPercent / 100;
  return {
    month,
    firstDay,
    lastDay,
    asOf,
    timeZone,
    handouts: { count: handouts.length, keys: sortedKeys(new Set(handouts)) },
    handoutsNew: { count: fresh.length, keys: sortedKeys(new Set(fresh)) },
    handoutsReused: { count: reused.length, keys: sortedKeys(new Set(reused.map((r) => r.key))) },
    returns: { count: returns.length, keys: sortedKeys(new Set(returns)) },
    reuseShare,
    reuseGoal,
    reuseGoalMet: reuseShare === null ? null : reuseShare >= reuseGoal,
    purchasesAvoidedOre,
    reusedUnpriced: figureOf(unpriced),
    co2eKg: co2e.reduce((sum, line) => sum + line.kg, 0),
    co2e,
    co2eSource: settings.co2eSource,
    sentToRepair: { count: sent.length, keys: sortedKeys(new Set(sent)) },
    backFromRepair: { count: back.length, keys: sortedKeys(new Set(back)) },
    inRepair,
    inRepairFigure: figureOf(inRepair.map((line) => line.deviceKey)),
    repairDaysOut: inRepair.reduce((sum, line) => sum + line.daysOut, 0),
    repairLongestDays: inRepair.reduce((longest, line) => Math.max(longest, line.daysOut), 0),
    disposals,
    disposalsFigure: { count: disposals.length, keys: sortedKeys(new Set(disposals.map((d) => d.deviceKey))) },
    disposalsCertified: disposals.filter((d) => d.certificate.trim() !== '').length,
    idle: figureOf(idle),
    intuneUnused: context.intuneUnused ? figureOf(context.intuneUnused) : null,
    intuneSource: context.intuneUnused ? (context.intuneSource ?? null) : null,
    billing: context.billing ? billingTotals(context.billing, asOf) : null,
    incomplete: sortedKeys(digests.incomplete),
  };
}

function billingTotals(report: DepartmentBillingReport, asOf: LocalDate): NonNullable<MonthlySummary['billing']> {
  // The departments billed anything: the page has no room for the rest (the department report lists them all).
  const departments = report.departments
    .filter((row) => row.amountOre > 0 || row.devicesAtEnd > 0)
    .map(({ department, name, devicesAtEnd, amountOre }) => ({ department, name, devicesAtEnd, amountOre }));
  return {
    period: report.period,
    forecast: asOf < report.lastDay,
    departments,
    devicesAtEnd: report.totals.devicesAtEnd,
    amountOre: report.totals.amountOre,
  };
}
