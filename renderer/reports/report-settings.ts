import type { z } from 'zod';
import { defaultTimeZone } from '../../shared/reports/calendar';
import { reportSettingsSchema, type ReportSettings } from '../../shared/reports/settings';
import type { KvikDb } from '../store/db';
import type { DeskSettings } from '../store/settings';

/**
 * The subscription prices the department report bills with, kept in the desk's settings table
 * beside the desk's own settings (key `reportPrices`): yearly øre per kind, 400 kr each until a
 * team lead or the finance office sets them on the department report.
 */
export const REPORT_PRICES_KEY = 'reportPrices';

export const reportPricesSchema = reportSettingsSchema.shape.pricePerYearOre.unwrap();
export type ReportPrices = z.infer<typeof reportPricesSchema>;

export const defaultReportPrices: ReportPrices = reportPricesSchema.parse({});

export async function loadReportPrices(db: KvikDb): Promise<ReportPrices> {
  const row = await db.settings.get(REPORT_PRICES_KEY);
  const parsed = reportPricesSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : defaultReportPrices;
}

export async function saveReportPrices(db: KvikDb, prices: ReportPrices): Promise<void> {
  await db.settings.put({ key: REPORT_PRICES_KEY, value: reportPricesSchema.parse(prices) });
}

/**
 * The rules the fleet reports count by, set by a team lead or the finance office (key
 * `reportRules`): the depreciation floor, when Intune's silence means unused, the reuse goal and
 * the CO₂e a reuse saves (with its source). Each has the default the seeds name until set.
 */
export const REPORT_RULES_KEY = 'reportRules';

export const reportRulesSchema = reportSettingsSchema.pick({
  residualFloorPercent: true,
  intuneCheckInDays: true,
  reuseGoalPercent: true,
  co2eKgPerReuse: true,
  co2eSource: true,
});
export type ReportRules = z.infer<typeof reportRulesSchema>;

export const defaultReportRules: ReportRules = reportRulesSchema.parse({});

export async function loadReportRules(db: KvikDb): Promise<ReportRules> {
  const parsed = reportRulesSchema.safeParse((await db.settings.get(REPORT_RULES_KEY))?.value ?? {});
  return parsed.success ? parsed.data : defaultReportRules;
}

export async function saveReportRules(db: KvikDb, rules: ReportRules): Promise<void> {
  await db.settings.put({ key: REPORT_RULES_KEY, value: reportRulesSchema.parse(rules) });
}

/** Everything the computations are given: the municipality's zone, the desk's idle limit, the prices, the rules. */
export function reportSettings(desk: Pick<DeskSettings, 'idleDays'>, prices: ReportPrices, rules: ReportRules = defaultReportRules): ReportSettings {
  return reportSettingsSchema.parse({ ...rules, timeZone: defaultTimeZone, idleDays: desk.idleDays, pricePerYearOre: prices });
}
