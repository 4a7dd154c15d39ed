import type { DailyStockReport } from './daily-stock';
import type { DepartmentBillingReport } from './department-billing';

/**
 * The reports carry model ids; people read model names. Applied by whoever has the models (the
 * desk's store, the central inventory) before a report is shown or exported; an id without a name
 * stays as it is.
 */
export function namedModels<R extends { model: string | null }>(rows: readonly R[], names: ReadonlyMap<string, string>): R[] {
  return rows.map((row) => {
    const name = row.model === null ? undefined : names.get(row.model);
    // A row whose model has no other name is kept as it is: a quarter's specification has tens of thousands.
    return name === undefined || name === row.model ? row : { ...row, model: name };
  });
}

export function dailyWithModelNames(report: DailyStockReport, names: ReadonlyMap<string, string>): DailyStockReport {
  return { ...report, stock: namedModels(report.stock, names), inRepair: namedModels(report.inRepair, names), idle: namedModels(report.idle, names) };
}

export function billingWithModelNames(report: DepartmentBillingReport, names: ReadonlyMap<string, string>): DepartmentBillingReport {
  return { ...report, holdings: namedModels(report.holdings, names) };
}
