import { z } from 'zod';
import { inStockStatuses, type Device, type DeviceKey, type DeviceStatus } from '../domain/device';
import type { Department, Employee, Model } from '../domain/reference';
import { centralFleetReport, centralFleetReportNames, type CentralFleetData, type CentralFleetQuery } from '../fleet/central-fleet';
import { evidenceForSummary, type IntuneEvidence } from '../fleet/intune-evidence';
import { chargesFromMarks, residualCharges } from '../fleet/residual-charges';
import { addDays, dayEnds, daySpan, localDateSchema, quarterLabel, quarterOf, quarterSpan, startOfDay, type LocalDate, type Quarter } from './calendar';
import { dailyStockReport } from './daily-stock';
import { billFromHoldings, departmentBilling } from './department-billing';
import type { EventMark, HoldingSpan } from './device-digest';
import { departmentStatement, departmentStatementTables } from './department-statement';
import { replayLog, type ReportEvents } from './history';
import { billingWithModelNames, dailyWithModelNames, namedModels } from './model-names';
import { monthDays, monthSchema, monthlyFromDigests, monthlySummary, type MonthlyDigests } from './monthly-summary';
import { monthlySummaryTables } from './monthly-tables';
import { defaultReportSettings, type ReportSettings } from './settings';
import { dailyStockTables, departmentBillingTables, trendTable, type ReportTable } from './tables';
import { dailyTrends, trendFromDigests, type TrendDigests } from './trends';

/**
 * The reports as the central inventory answers them over HTTP (`GET /v1/reports/<report>?…`),
 * computed with the same functions as the desk's, from every device and the events of the devices
 * touched since the report's start. Pure: the server reads, this computes, the server sends.
 */

const quarterText = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'a quarter is YYYY-Qn')
  .transform((text): Quarter => ({ year: Number(text.slice(0, 4)), quarter: Number(text.slice(6)) }));

const output = {
  /** `csv`: one table of the report (`table`, else its first) for Danish Excel. */
  format: z.enum(['json', 'csv']).default('json'),
  table: z.string().max(64).optional(),
  lang: z.enum(['da', 'en']).default('da'),
  /** The day the figures stand on (a running month or quarter); the server's today by default. */
  today: localDateSchema.optional(),
};
const id = z.string().min(1).max(64);

export const centralReportQuerySchema = z.discriminatedUnion('report', [
  z.object({ report: z.literal('daily'), location: id, day: localDateSchema.optional(), ...output }),
  z.object({ report: z.literal('trend'), location: id.optional(), lastDay: localDateSchema.optional(), days: z.coerce.number().int().min(1).max(366).default(30), ...output }),
  z.object({ report: z.literal('department'), quarter: quarterText.optional(), ...output }),
  z.object({ report: z.literal('monthly'), month: monthSchema.optional(), ...output }),
  z.object({ report: z.literal('statement'), quarter: quarterText.optional(), department: id, ...output }),
  // The fleet reports (`shared/fleet/central-fleet.ts`): residual values on `on` (today by default);
  // the Intune reconciliation and the unused devices' evidence from an export posted with the request.
  z.object({ report: z.literal('replacement'), on: localDateSchema.optional(), ...output }),
  z.object({ report: z.literal('intune'), ...output }),
  z.object({ report: z.literal('unused'), ...output }),
]);
export type CentralReportQuery = z.infer<typeof centralReportQuerySchema>;
export const centralReportNames = ['daily', 'trend', 'department', 'monthly', 'statement', ...centralFleetReportNames] as const;
/** The reports an Intune export may be posted to: the reconciliation needs it, the unused devices take it as evidence. */
export const reportsTakingIntuneFile: ReadonlySet<string> = new Set(['intune', 'unused']);
export const isFleetQuery = (query: CentralReportQuery): query is Extract<CentralReportQuery, CentralFleetQuery> =>
  (centralFleetReportNames as readonly string[]).includes(query.report);

export interface CentralReportData {
  devices: readonly Device[];
  /** Every event of each device with an event at or after `reportStart(query)`, in applied order. */
  events: ReportEvents;
  models: readonly Model[];
  departments: readonly Department[];
  employees: readonly Employee[];
  /**
   * From the digests a store keeps beside the log (`device-digest.ts`; the server's `report_rows`),
   * as `digestsToRead` asks for them: the holdings that reach into the quarter and the incomplete
   * devices touched since its start (the department bill of the department report, the monthly
   * summary and the statement), the trend's shelf spans and handouts, the month's (`monthly`), and
   * the quarter's charge marks (`charges`, the statement). Without them, the same figures are
   * replayed from `devices` and `events`.
   */
  holdings?: { holdings: readonly HoldingSpan[]; incomplete: readonly DeviceKey[] };
  trend?: TrendDigests;
  monthly?: MonthlyDigests;
  charges?: { marks: readonly EventMark[]; incomplete: readonly DeviceKey[] };
  /** The fleet reports' devices, shelf and posted export (`fleetToRead`); with them, `devices` and `events` stay empty. */
  fleet?: Pick<CentralFleetData, 'devices' | 'shelf' | 'locations' | 'intune'>;
  /** The evidence kept from the last Intune export posted (`unused`, `monthly`); null when none was. */
  evidence?: IntuneEvidence | null;
}

/** Whether the report counts the unused devices of the last Intune export kept (`evidence`): the unused devices' own report and the monthly summary. */
export function evidenceToRead(query: CentralReportQuery): boolean {
  return query.report === 'monthly' || query.report === 'unused';
}

/** The first instant whose touched devices the report needs the histories of. */
export function reportStart(query: CentralReportQuery, today: LocalDate, settings: ReportSettings = defaultReportSettings): number {
  const { timeZone } = settings;
  switch (query.report) {
    case 'daily':
      return startOfDay(query.day ?? today, timeZone);
    case 'trend':
      return startOfDay(addDays(query.lastDay ?? today, 1 - query.days), timeZone);
    case 'monthly':
      // The month, and its quarter for the department totals.
      return Math.min(startOfDay(monthDays(query.month ?? today.slice(0, 7)).firstDay, timeZone), quarterSpan(quarterOf(`${query.month ?? today.slice(0, 7)}-01`), timeZone).startMs);
    case 'department':
    case 'statement':
      return quarterSpan(query.quarter ?? quarterOf(today), timeZone).startMs;
    // The fleet reports read every device as it stands, no history.
    case 'replacement':
    case 'intune':
    case 'unused':
      return startOfDay(today, timeZone);
  }
}

/**
 * Which devices untouched since `reportStart` can count in the report (a device with no event
 * since then is constant over it, and counts only in some statuses): the rest need not be read.
 * As the desk's read plan (`renderer/reports/read-plan.ts`); the department totals of the monthly
 * summary and the statement need the held devices too.
 */
export function untouchedThatCount(query: CentralReportQuery): { statuses: readonly DeviceStatus[]; location?: string } {
  const shelf = [...inStockStatuses];
  switch (query.report) {
    case 'daily':
      return { statuses: [...shelf, 'in_repair'], location: query.location };
    case 'trend':
      return { statuses: shelf, ...(query.location ? { location: query.location } : {}) };
    case 'department':
    case 'statement':
      return { statuses: ['assigned'] };
    case 'monthly':
      return { statuses: [...shelf, 'in_repair', 'assigned'] };
    case 'replacement':
    case 'intune':
    case 'unused':
      return { statuses: [] };
  }
}

/**
 * What a report reads from the digests instead of the log, and the instants that bound it: the
 * department bill's holdings (the quarter of the department report and the statement, the month's
 * quarter for the monthly summary), the trend's spans, the month's handouts, marks and spans, and
 * the quarter's charges. A store that keeps digests answers these by their end
 * (`server/reports/rows.ts`); `centralReport` sums them with the same functions a replay uses
 * (`billFromHoldings`, `trendFromDigests`, `monthlyFromDigests`, `chargesFromMarks`).
 */
export interface DigestsToRead {
  /**
   * Holdings ending after `fromMs` and beginning before `toMs` (of `department` only: the
   * statement, whose figures are its department's row and lines); incomplete devices touched since `fromMs`.
   */
  holdings?: { fromMs: number; toMs: number; department?: string };
  /** Shelf spans reaching a day end at or after `firstEndMs` (and beginning before `toMs`); handouts from `fromMs` to `toMs`. */
  trend?: { location?: string; fromMs: number; firstEndMs: number; toMs: number };
  /** The month `[fromMs, endMs)`: its handouts and marks, the shelf and repair spans its end falls in; incomplete devices touched since `fromMs`. */
  month?: { fromMs: number; endMs: number };
  /** Charge marks from `fromMs` to `toMs`; incomplete devices touched since `fromMs`. */
  charges?: { fromMs: number; toMs: number };
}

export function digestsToRead(query: CentralReportQuery, today: LocalDate, settings: ReportSettings = defaultReportSettings): DigestsToRead {
  const { timeZone } = settings;
  const quarterHoldings = (quarter: Quarter) => {
    const span = quarterSpan(quarter, timeZone);
    const ends = dayEnds(span.firstDay, span.days, timeZone);
    return { holdings: { fromMs: span.startMs, toMs: ends[ends.length - 1] ?? span.endMs } };
  };
  switch (query.report) {
    case 'daily':
    case 'replacement':
    case 'intune':
    case 'unused':
      return {};
    case 'trend': {
      const firstDay = addDays(query.lastDay ?? today, 1 - query.days);
      const ends = dayEnds(firstDay, query.days, timeZone);
      const span = { fromMs: startOfDay(firstDay, timeZone), firstEndMs: ends[0] ?? 0, toMs: ends[ends.length - 1] ?? 0 };
      return { trend: query.location ? { location: query.location, ...span } : span };
    }
    case 'department':
      return quarterHoldings(query.quarter ?? quarterOf(today));
    case 'statement': {
      const quarter = query.quarter ?? quarterOf(today);
      const span = quarterSpan(quarter, timeZone);
      const { holdings } = quarterHoldings(quarter);
      return { holdings: { ...holdings, department: query.department }, charges: { fromMs: span.startMs, toMs: span.endMs } };
    }
    case 'monthly': {
      const month = query.month ?? today.slice(0, 7);
      const { firstDay, lastDay } = monthDays(month);
      const span = daySpan(firstDay, lastDay, timeZone);
      return { ...quarterHoldings(quarterOf(`${month}-01`)), month: { fromMs: span.startMs, endMs: span.endMs } };
    }
  }
}

/**
 * What a report replays from the log, given the digests it reads (`digestsToRead`): `null` when it
 * replays nothing (every report but the day's is summed from digests alone); otherwise the
 * report's start and the untouched devices that can count (`untouchedThatCount`) — every touched
 * device's history is read.
 */
export function logToReplay(
  query: CentralReportQuery,
  today: LocalDate,
  settings: ReportSettings = defaultReportSettings,
): { fromMs: number; untouched: { statuses: readonly DeviceStatus[]; location?: string } } | null {
  return query.report === 'daily' ? { fromMs: reportStart(query, today, settings), untouched: untouchedThatCount(query) } : null;
}

export interface CentralReport {
  /** The report as JSON. */
  report: unknown;
  /** Its tables, for CSV. */
  tables: ReadonlyArray<ReportTable<never>>;
  /** A file name for the CSV, without extension. */
  name: string;
  /** What a posted Intune export showed of the unused devices: the server keeps it as the last evidence. */
  evidence?: IntuneEvidence;
}

export function centralReport(query: CentralReportQuery, data: CentralReportData, today: LocalDate, settings: ReportSettings = defaultReportSettings): CentralReport {
  if (isFleetQuery(query)) {
    const fleet = { devices: [], ...data.fleet, evidence: data.evidence ?? null, models: data.models, departments: data.departments, employees: data.employees };
    return centralFleetReport(query, fleet, today, settings);
  }
  const { devices } = data;
  // The monthly summary and the statement are several figures over the same log (the quarter's
  // bill and the month's or quarter's own): the log is replayed once, from the earliest start.
  // (Summed from digests, nothing is replayed.)
  const several = (query.report === 'monthly' || query.report === 'statement') && !data.holdings;
  const events = several ? replayLog(data.events, reportStart(query, today, settings)) : data.events;
  const modelNames = new Map(data.models.map((model) => [model.id, model.name]));
  const modelPairs = data.models.map((model) => [model.id, model.name] as const);
  const departments = data.departments.length > 0 ? { departments: [...data.departments] } : {};
  const employeeNames = Object.fromEntries(data.employees.map((employee) => [employee.id, employee.name]));
  /** The names of the employees `rows` name. */
  const namesOf = (rows: ReadonlyArray<{ employeeId: string }>) => {
    const ids = new Set(rows.map((row) => row.employeeId));
    return Object.fromEntries(Object.entries(employeeNames).filter(([employee]) => ids.has(employee)));
  };
  const tablesOf = (record: Record<string, ReportTable<never>>) => Object.values(record);
  /** `totals`: the departments' sums alone (the monthly summary), not 80,000 lines built, sorted and named for nobody. */
  const billingOf = (quarter: Quarter, detail: 'lines' | 'totals' = 'lines') => {
    const options = { quarter, settings, ...departments };
    const bill = data.holdings ? billFromHoldings(data.holdings.holdings, data.holdings.incomplete, options, detail) : departmentBilling(devices, events, options);
    const report = billingWithModelNames(bill, modelNames);
    return { ...report, employeeNames: namesOf(report.holdings) };
  };
  switch (query.report) {
    case 'daily': {
      const day = query.day ?? today;
      const report = dailyWithModelNames(dailyStockReport(devices, events, { location: query.location, day, settings }), modelNames);
      return { report, tables: tablesOf(dailyStockTables(report) as never), name: `daily-${query.location}-${day}` };
    }
    case 'trend': {
      const lastDay = query.lastDay ?? today;
      const options = { ...(query.location ? { location: query.location } : {}), lastDay, days: query.days, settings };
      const report = data.trend ? trendFromDigests(data.trend, options) : dailyTrends(devices, events, options);
      return { report, tables: [trendTable(report) as never], name: `trend-${query.location ?? 'all'}-${lastDay}` };
    }
    case 'department': {
      const report = billingOf(query.quarter ?? quarterOf(today));
      return { report, tables: tablesOf(departmentBillingTables(report) as never), name: `department-${report.period}` };
    }
    case 'monthly': {
      const month = query.month ?? today.slice(0, 7);
      const billing = billingOf(quarterOf(`${month}-01`), 'totals');
      const options = { month, today, settings };
      const context = { models: data.models, billing, ...evidenceForSummary(data.evidence) };
      const report = data.monthly ? monthlyFromDigests(data.monthly, options, context) : monthlySummary(devices, events, options, context);
      return { report, tables: tablesOf(monthlySummaryTables(report, { models: modelPairs }) as never), name: `monthly-${month}` };
    }
    case 'statement': {
      const quarter = query.quarter ?? quarterOf(today);
      const bill = billingOf(quarter);
      const charges = data.charges ? chargesFromMarks(data.charges.marks, data.charges.incomplete, quarter, settings) : residualCharges(devices, events, quarter, settings);
      // The charges name their holders too (one whose holding had no day in the quarter has no line).
      const billing = { ...bill, employeeNames: namesOf([...bill.holdings, ...charges.charges]) };
      const report = departmentStatement(billing, namedModels(charges.charges, modelNames), query.department, today);
      return { report, tables: tablesOf(departmentStatementTables(report, billing, modelPairs) as never), name: `statement-${query.department}-${quarterLabel(quarter)}` };
    }
  }
}
