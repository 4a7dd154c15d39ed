import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CO2E_SOURCE } from '../../shared/reports/settings';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { defaultReportPrices, defaultReportRules, loadReportPrices, loadReportRules, REPORT_PRICES_KEY, REPORT_RULES_KEY, reportSettings, saveReportPrices, saveReportRules } from './report-settings';

describe('the report prices in the settings table', () => {
  let db: KvikDb;
  let n = 0;
  beforeEach(async () => {
    db = await openDb(`report-settings-${++n}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('are 400 kr per kind until set, and what was saved after', async () => {
    expect(await loadReportPrices(db)).toEqual({ phone: 40_000, tablet: 40_000, pc: 40_000 });
    await saveReportPrices(db, { phone: 45_000, tablet: 40_000, pc: 250_000 });
    expect(await loadReportPrices(db)).toEqual({ phone: 45_000, tablet: 40_000, pc: 250_000 });
  });

  it('fall back to the defaults when the stored value is not valid', async () => {
    await db.settings.put({ key: REPORT_PRICES_KEY, value: { phone: -1 } });
    expect(await loadReportPrices(db)).toEqual(defaultReportPrices);
  });

  it('keep the rules the reports count by: the seeds’ defaults until set, what was saved after, the defaults again for a value that does not read', async () => {
    expect(await loadReportRules(db)).toEqual(defaultReportRules);
    const rules = { ...defaultReportRules, residualFloorPercent: 10, intuneCheckInDays: 60, reuseGoalPercent: 12.5, co2eKgPerReuse: { phone: 70, tablet: 110, pc: 320 } };
    await saveReportRules(db, rules);
    expect(await loadReportRules(db)).toEqual(rules);
    expect(reportSettings({ idleDays: 30 }, defaultReportPrices, rules)).toMatchObject({ residualFloorPercent: 10, intuneCheckInDays: 60, reuseGoalPercent: 12.5, co2eKgPerReuse: { pc: 320 } });
    await expect(saveReportRules(db, { ...rules, residualFloorPercent: 101 })).rejects.toThrow();
    await db.settings.put({ key: REPORT_RULES_KEY, value: { intuneCheckInDays: 0 } });
    expect(await loadReportRules(db)).toEqual(defaultReportRules);
  });

  it('join the desk’s idle limit and the municipality’s zone in the reports’ settings', () => {
    expect(reportSettings({ idleDays: 45 }, { phone: 1, tablet: 2, pc: 3 })).toEqual({
      timeZone: 'Europe/Copenhagen',
      idleDays: 45,
      pricePerYearOre: { phone: 1, tablet: 2, pc: 3 },
      residualFloorPercent: 0,
      intuneCheckInDays: 90,
      reuseGoalPercent: 8,
      co2eKgPerReuse: { phone: 65, tablet: 100, pc: 300 },
      co2eSource: DEFAULT_CO2E_SOURCE,
    });
  });
});
