import { dailyStockReport } from '../../shared/reports/daily-stock';
import { addDays, dayEnds, daySpan, quarterOf, quarterSpan, startOfDay, type Quarter } from '../../shared/reports/calendar';
import { monthDays, monthlyFromDigests, monthlySummary, type MonthlyContext } from '../../shared/reports/monthly-summary';
import { sortedKeys } from '../../shared/reports/device-digest';
import { billingWithModelNames, dailyWithModelNames, namedModels } from '../../shared/reports/model-names';
import { chargesFromMarks, residualCharges, type ResidualChargesReport } from '../../shared/fleet/residual-charges';
import { billFromHoldings, departmentBilling, type DepartmentBillingReport } from '../../shared/reports/department-billing';
import { dailyTrends, trendFromDigests } from '../../shared/reports/trends';
import type { Department } from '../../shared/domain/reference';
import type { KvikDb } from '../store/db';
import { fleetReport } from './fleet/fleet-report';
import { unusedReport } from './fleet/unused-report';
import { evidenceForSummary } from '../../shared/fleet/intune-evidence';
import { loadIntuneEvidence } from './intune-evidence';
import { readPlan } from './read-plan';
import { readHoldings, readMonthlyRows, readStatementRows, readTrendRows } from './read-rows';
import { readReportInputs, type ReadOptions } from './read-store';
import type { ReportProgress, ReportRequest, ReportResult, ReportTimings, StatementInputs } from './report-request';

/**
 * One report from the local store: read (one readonly transaction), then computed with the same
 * pure functions the central service runs. Runs in the report worker; where there is no worker
 * (unit tests), on the calling thread.
 */
export async function produceReport(
  db: KvikDb,
  request: ReportRequest,
  onProgress: (progress: ReportProgress) => void = () => {},
  readOptions: ReadOptions & { source?: 'rows' | 'log' } = {},
): Promise<ReportResult> {
  if (request.kind === 'replacement' || request.kind === 'intune') return fleetReport(db, request, onProgress);
  if (request.kind === 'unused') return unusedReport(db, request, onProgress);
  // Every report but the day's from the report rows, unless asked for from the log (tests compare the two).
  if (request.kind !== 'daily' && readOptions.source !== 'log') return fromReportRows(db, request, onProgress);
  const started = performance.now();
  const inputs = await readReportInputs(db, readPlan(request), onProgress, readOptions);
  const read = performance.now();
  onProgress({ phase: 'computing' });
  const { devices, events, modelNames, departments } = inputs;
  const { settings } = request;
  const timings = (): ReportTimings => ({
    readMs: read - started,
    computeMs: performance.now() - read,
    devices: devices.length,
    events: inputs.eventCount,
    histories: events.size,
  });
  switch (request.kind) {
    case 'daily': {
      const report = dailyWithModelNames(dailyStockReport(devices, events, { location: request.location, day: request.day, settings }), modelNames);
      return { kind: 'daily', report, timings: timings() };
    }
    case 'trend': {
      const { location, lastDay, days } = request;
      return { kind: 'trend', report: dailyTrends(devices, events, { location, lastDay, days, settings }), timings: timings() };
    }
    case 'monthly': {
      const { month, today } = request;
      const report = monthlySummary(devices, events, { month, today, settings }, await monthlyContext(db, request));
      return { kind: 'monthly', report, timings: timings() };
    }
    case 'statement': {
      const billing = await billingOf(db, request);
      const report = statementOf(billing, residualCharges(devices, events, request.quarter, settings), modelNames);
      return { kind: 'statement', report, timings: timings() };
    }
    case 'billing': {
      const report = departmentBilling(devices, events, billingOptions(request, departments));
      return { kind: 'billing', report: await withEmployeeNames(db, billingWithModelNames(report, modelNames)), timings: timings() };
    }
  }
}

/** The quarter's department report from the rows, for the reports that include it: whole (the statement) or its totals (the monthly summary). */
async function billingOf(db: KvikDb, request: { quarter: Quarter; settings: ReportRequest['settings'] }, detail: 'lines' | 'totals' = 'lines'): Promise<DepartmentBillingReport> {
  if (detail === 'lines') {
    const billing = await fromReportRows(db, { kind: 'billing', quarter: request.quarter, settings: request.settings }, () => {});
    if (billing.kind !== 'billing') throw new Error(billing.kind);
    return billing.report;
  }
  const { value, departments } = await readHoldings(db, quarterSpan(request.quarter, request.settings.timeZone).startMs, () => {});
  return billFromHoldings(value.holdings, value.incomplete, billingOptions(request, departments), 'totals');
}

/** The store's departments once it has them (the seeds' nine until then, from populate). */
const billingOptions = ({ quarter, settings }: { quarter: Quarter; settings: ReportRequest['settings'] }, departments: Department[]) => ({
  quarter,
  settings,
  ...(departments.length > 0 ? { departments } : {}),
});

/** What the monthly summary knows besides the log: the quarter's department totals as the department report gives them, the model prices for what reuse saved, the Intune evidence. */
async function monthlyContext(db: KvikDb, request: Extract<ReportRequest, { kind: 'monthly' }>): Promise<MonthlyContext> {
  const quarter = quarterOf(monthDays(request.month).firstDay);
  const [billing, models, intune] = await Promise.all([billingOf(db, { quarter, settings: request.settings }, 'totals'), db.models.toArray(), loadIntuneEvidence(db)]);
  return { models, billing, ...evidenceForSummary(intune) };
}

function statementOf(billing: DepartmentBillingReport, { charges, incomplete }: ResidualChargesReport, modelNames: ReadonlyMap<string, string>): StatementInputs {
  return { billing, charges: namedModels(charges, modelNames), incomplete: sortedKeys(new Set([...billing.incomplete, ...incomplete])) };
}

/** Every report but the day's summed from the store's report rows (`read-rows.ts`). */
async function fromReportRows(db: KvikDb, request: Exclude<ReportRequest, { kind: 'daily' | 'replacement' | 'intune' | 'unused' }>, onProgress: (progress: ReportProgress) => void): Promise<ReportResult> {
  const started = performance.now();
  const { settings } = request;
  const { timeZone } = settings;
  const timings = (read: number, rows: number, devices: number): ReportTimings => ({
    readMs: read - started,
    computeMs: performance.now() - read,
    devices,
    events: 0,
    histories: 0,
    rows,
  });
  if (request.kind === 'trend') {
    const { location, lastDay, days } = request;
    const firstDay = addDays(lastDay, 1 - days);
    const ends = dayEnds(firstDay, days, timeZone);
    const span = { location, fromMs: startOfDay(firstDay, timeZone), firstEndMs: ends[0] ?? 0, toMs: ends[ends.length - 1] ?? 0 };
    const { value, rows } = await readTrendRows(db, span, onProgress);
    const read = performance.now();
    onProgress({ phase: 'computing' });
    const report = trendFromDigests(value, { location, lastDay, days, settings });
    return { kind: 'trend', report, timings: timings(read, rows, new Set(value.stock.map((s) => s.deviceKey)).size) };
  }
  if (request.kind === 'monthly') {
    const { month, today } = request;
    const { firstDay, lastDay } = monthDays(month);
    const span = daySpan(firstDay, lastDay, timeZone);
    const quarter = quarterOf(firstDay);
    // The month's rows and what its page shows besides (its quarter's holdings, the models, the Intune evidence) in one transaction.
    const { value, rows, models, departments } = await readMonthlyRows(db, { fromMs: span.startMs, endMs: span.endMs, quarterStartMs: quarterSpan(quarter, timeZone).startMs }, onProgress);
    const read = performance.now();
    onProgress({ phase: 'computing' });
    const billing = billFromHoldings(value.quarter.holdings, value.quarter.incomplete, billingOptions({ quarter, settings }, departments), 'totals');
    const { intune } = value;
    const context: MonthlyContext = { models, billing, ...evidenceForSummary(intune) };
    const { digests } = value;
    const report = monthlyFromDigests(digests, { month, today, settings }, context);
    return { kind: 'monthly', report, timings: timings(read, rows, new Set([...digests.stock, ...digests.repairs, ...digests.handouts, ...digests.marks].map((r) => r.deviceKey)).size) };
  }
  if (request.kind === 'statement') {
    const { quarter } = request;
    const span = quarterSpan(quarter, timeZone);
    // The charges and the department report's holdings in one transaction.
    const { value, rows, modelNames, departments } = await readStatementRows(db, { fromMs: span.startMs, toMs: span.endMs }, onProgress);
    const read = performance.now();
    onProgress({ phase: 'computing' });
    const { holdings, incomplete, employeeNames } = value.holdings;
    const bill = billFromHoldings(holdings, incomplete, billingOptions(request, departments));
    const billing = await withEmployeeNames(db, billingWithModelNames(bill, modelNames), employeeNames);
    const report = statementOf(billing, chargesFromMarks(value.marks, incomplete, quarter, settings), modelNames);
    return { kind: 'statement', report, timings: timings(read, rows, new Set(value.marks.map((m) => m.deviceKey)).size) };
  }
  const { value, rows, modelNames, departments } = await readHoldings(db, quarterSpan(request.quarter, timeZone).startMs, onProgress);
  const read = performance.now();
  onProgress({ phase: 'computing' });
  const report = billFromHoldings(value.holdings, value.incomplete, billingOptions(request, departments));
  const named = await withEmployeeNames(db, billingWithModelNames(report, modelNames), value.employeeNames);
  // The devices it bills, not a set of the 200,000 holdings' keys made for a hidden figure.
  return { kind: 'billing', report: named, timings: timings(read, rows, named.totals.devicesHeld) };
}

/** The names of the employees the specification lists, from the store or from `known`. */
async function withEmployeeNames(db: KvikDb, report: DepartmentBillingReport, known?: ReadonlyMap<string, string>): Promise<DepartmentBillingReport> {
  let names = known;
  if (!names) {
    const ids = [...new Set(report.holdings.map((holding) => holding.employeeId))];
    names = new Map((await db.employees.bulkGet(ids)).flatMap((employee) => (employee ? [[employee.id, employee.name] as const] : [])));
  }
  // One pass over the lines (a quarter's are 80,000), each employee looked up once.
  const employeeNames: Record<string, string> = {};
  for (const { employeeId } of report.holdings) {
    if (Object.hasOwn(employeeNames, employeeId)) continue;
    const name = names.get(employeeId);
    if (name !== undefined) employeeNames[employeeId] = name;
  }
  return { ...report, employeeNames };
}
