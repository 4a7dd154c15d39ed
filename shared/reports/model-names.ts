import type { DailyStockReport } from './daily-stock';
import type { DepartmentBillingReport } from './department-billing';

/**
 * The reports carry model ids; people read model names. Applied by whoever has the models (the
 * desk's store, the central inventory) before a report is shown or exported; an id without a name
 * stays as it is.
 */
export function namedModels<R extends { model: string | null }>(rows: readonly R[], names: ReadonlyMap<string, string>): R[] {
  return rows.map((row) => (row.model === null ? row : { ...row, model: names.get(row.model) ?? row.model }));
}

export function dailyWithModelNames(report: DailyStockReport, names: ReadonlyMap<string, string>): DailyStockReport {
  return { ...report, stock: namedModels(report.stock, names), inRepair: namedModels(report.inRepair, names), idle: namedModels(report.idle, names) };
}

export function billingWithModelNames(report: DepartmentBillingReport, names: ReadonlyMap<string, string>): DepartmentBillingReport {
  return { ...report, holdings: namedModels(report.holdings, names) };
}
