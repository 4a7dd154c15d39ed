import { dailyStockReport, type DailyStockReport } from '../../shared/reports/daily-stock';
import { departmentBilling, type DepartmentBillingReport } from '../../shared/reports/department-billing';
import { dailyTrends } from '../../shared/reports/trends';
import type { KvikDb } from '../store/db';
import { readPlan } from './read-plan';
import { readReportInputs, type ReadOptions } from './read-store';
import type { ReportProgress, ReportRequest, ReportResult, ReportTimings } from './report-request';

/**
 * One report from the local store: read (one readonly transaction), then computed with the same
 * pure functions the central service runs. Runs in the report worker; where there is no worker
 * (unit tests), on the calling thread.
 */
export async function produceReport(
  db: KvikDb,
  request: ReportRequest,
  onProgress: (progress: ReportProgress) => void = () => {},
  readOptions: ReadOptions = {},
): Promise<ReportResult> {
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
      const report = withModelNames(dailyStockReport(devices, events, { location: request.location, day: request.day, settings }), modelNames);
      return { kind: 'daily', report, timings: timings() };
    }
    case 'trend': {
      const { location, lastDay, days } = request;
      return { kind: 'trend', report: dailyTrends(devices, events, { location, lastDay, days, settings }), timings: timings() };
    }
    case 'billing': {
      const report = departmentBilling(devices, events, {
        quarter: request.quarter,
        settings,
        // The store's departments once it has them (the seeds' nine until then, from populate).
        ...(departments.length > 0 ? { departments } : {}),
      });
      return { kind: 'billing', report: withHoldingModelNames(report, modelNames), timings: timings() };
    }
  }
}

/** The reports carry model ids; people read model names (an id without a name stays as it is). */
function namedModels<R extends { model: string | null }>(rows: readonly R[], names: ReadonlyMap<string, string>): R[] {
  return rows.map((row) => (row.model === null ? row : { ...row, model: names.get(row.model) ?? row.model }));
}

function withModelNames(report: DailyStockReport, names: ReadonlyMap<string, string>): DailyStockReport {
  return { ...report, stock: namedModels(report.stock, names), inRepair: namedModels(report.inRepair, names), idle: namedModels(report.idle, names) };
}

function withHoldingModelNames(report: DepartmentBillingReport, names: ReadonlyMap<string, string>): DepartmentBillingReport {
  return { ...report, holdings: namedModels(report.holdings, names) };
}
