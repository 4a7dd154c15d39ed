import { describe, expect, it } from 'vitest';
import { departmentBilling } from './department-billing';
import { eventsByDevice, projectDevices } from './history';
import { monthDays, monthlySummary } from './monthly-summary';
import { imei, keyOf, lifeOf, merge } from './scenario.test-support';
import { monthlySummaryTables } from './monthly-tables';
import { reportSettingsSchema } from './settings';
import { tableToCsv } from './tables';

/** November 2026 at the desks (UTC times; Copenhagen is +1 h). */
const phone = (n: number, model = 'iphone-13') => ({ kind: 'phone', model, imei: imei(n) }) as const;
const laptop = (serial: string) => ({ kind: 'pc', model: 'latitude', serial }) as const;
const models = [
  { id: 'iphone-13', price: 450_000 },
  { id: 'latitude', price: 900_000 },
  { id: 'no-price' },
];

const lives = {
  // Out new on the 3rd, back on the 10th, out again (reused) on the 20th.
  reusedPhone: lifeOf(phone(1), [
    { type: 'received', at: '2026-10-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-03T10:00:00.000Z', data: { department: 'BUF' } },
    { type: 'returned', at: '2026-11-10T10:00:00.000Z' },
    { type: 'prepared', at: '2026-11-11T10:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-20T10:00:00.000Z', data: { department: 'SOF' } },
  ]),
  // Ready since 2 October: idle at the month's end.
  idlePhone: lifeOf(phone(2), [
    { type: 'received', at: '2026-10-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-02T08:00:00.000Z' },
  ]),
  // Sent to repair on the 5th (local day 5th), still out on the 30th: 25 days.
  repairPhone: lifeOf(phone(3), [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'sent_to_repair', at: '2026-11-05T09:00:00.000Z' },
  ]),
  // Disposed on the 12th with its certificate.
  disposedPhone: lifeOf(phone(4), [
    { type: 'received', at: '2026-09-01T08:00:00.000Z' },
    { type: 'disposed', at: '2026-11-12T09:00:00.000Z', data: { certificate: 'CERT-77' } },
  ]),
  // Handed out on the 25th and undone five minutes later: no handout.
  undonePhone: lifeOf(phone(5), [
    { type: 'received', at: '2026-11-20T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-21T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-25T09:00:00.000Z' },
    { type: 'undo', at: '2026-11-25T09:05:00.000Z' },
  ]),
  // A laptop out before (August), back in October, reused on the 15th; and one handed out in December.
  reusedLaptop: lifeOf(laptop('5CG1'), [
    { type: 'received', at: '2026-08-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-08-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-08-03T08:00:00.000Z' },
    { type: 'returned', at: '2026-10-20T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-21T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-15T08:00:00.000Z', data: { department: 'BUF' } },
  ]),
  decemberLaptop: lifeOf(laptop('5CG2'), [
    { type: 'received', at: '2026-11-28T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-29T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-12-02T08:00:00.000Z' },
  ]),
  // A reused phone of a model without a price.
  unpricedPhone: lifeOf(phone(6, 'no-price'), [
    { type: 'received', at: '2026-06-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-06-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-06-02T08:00:00.000Z' },
    { type: 'returned', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-02T08:00:00.000Z' },
  ]),
};
const events = merge(...Object.values(lives));
const devices = projectDevices(events);
const key = { reusedPhone: keyOf(phone(1)), idle: keyOf(phone(2)), repair: keyOf(phone(3)), disposed: keyOf(phone(4)), laptop: keyOf(laptop('5CG1')), unpriced: keyOf(phone(6)) };

describe('the monthly summary', () => {
  const summary = monthlySummary(devices, events, { month: '2026-11' }, { models });

  it('counts the month’s handouts new and reused, and the returns, leaving out an undone handout and next month’s', () => {
    expect(summary.handouts.count).toBe(4);
    expect(summary.handoutsNew).toEqual({ count: 1, keys: [key.reusedPhone] });
    expect(summary.handoutsReused.count).toBe(3);
    expect(summary.handoutsReused.keys).toEqual([key.reusedPhone, key.unpriced, key.laptop].sort());
    expect(summary.returns).toEqual({ count: 2, keys: [key.reusedPhone, key.unpriced].sort() });
  });

  it('sets the reuse share against the 8 % goal', () => {
    expect(summary.reuseShare).toBe(3 / 4);
    expect(summary.reuseGoal).toBe(0.08);
    expect(summary.reuseGoalMet).toBe(true);
    const strict = monthlySummary(devices, events, { month: '2026-11', settings: reportSettingsSchema.parse({ reuseGoalPercent: 80 }) }, { models });
    expect([strict.reuseGoal, strict.reuseGoalMet]).toEqual([0.8, false]);
    const none = monthlySummary(devices, events, { month: '2026-07' }, { models });
    expect([none.handouts.count, none.reuseShare, none.reuseGoalMet]).toEqual([0, null, null]);
  });

  it('prices the purchases avoided by reuse at the model’s price, and names the reused devices without one', () => {
    // The phone once and the laptop once; the unpriced model adds nothing but is listed.
    expect(summary.purchasesAvoidedOre).toBe(450_000 + 900_000);
    expect(summary.reusedUnpriced).toEqual({ count: 1, keys: [key.unpriced] });
  });

  it('counts the CO₂e avoided per kind from the settings, with their source', () => {
    expect(summary.co2e).toEqual([
      { kind: 'phone', devices: 2, kgEach: 65, kg: 130 },
      { kind: 'tablet', devices: 0, kgEach: 100, kg: 0 },
      { kind: 'pc', devices: 1, kgEach: 300, kg: 300 },
    ]);
    expect(summary.co2eKg).toBe(430);
    expect(summary.co2eSource).toMatch(/Apple Product Environmental Reports/);
    const settings = reportSettingsSchema.parse({ co2eKgPerReuse: { phone: 60, tablet: 80, pc: 250 }, co2eSource: 'Egen opgørelse' });
    const own = monthlySummary(devices, events, { month: '2026-11', settings }, { models });
    expect([own.co2eKg, own.co2eSource]).toEqual([370, 'Egen opgørelse']);
  });

  it('lists the devices out for repair at the month’s end with their days out, and today’s in the running month', () => {
    expect(summary.inRepair).toEqual([{ deviceKey: key.repair, model: 'iphone-13', vendor: 'Reparationsværkstedet', since: '2026-11-05', daysOut: 25 }]);
    expect([summary.repairDaysOut, summary.repairLongestDays, summary.sentToRepair.count]).toEqual([25, 25, 1]);
    const running = monthlySummary(devices, events, { month: '2026-11', today: '2026-11-15' }, { models });
    expect([running.asOf, running.inRepair[0]?.daysOut]).toEqual(['2026-11-15', 10]);
  });

  it('lists the disposals with their certificates', () => {
    expect(summary.disposals).toEqual([{ deviceKey: key.disposed, model: 'iphone-13', day: '2026-11-12', method: 'recycled', certificate: 'CERT-77' }]);
    expect(summary.disposalsCertified).toBe(1);
  });

  it('finds the devices idle on a shelf at the month’s end, and takes the Intune evidence when given', () => {
    expect(summary.idle).toEqual({ count: 1, keys: [key.idle] });
    expect(summary.intuneUnused).toBeNull();
    expect(summary.intuneSource).toBeNull();
    const intuneSource = { file: 'AllDevices.csv', day: '2026-11-28' };
    const withIntune = monthlySummary(devices, events, { month: '2026-11' }, { models, intuneUnused: [key.laptop, key.laptop], intuneSource });
    expect(withIntune.intuneUnused).toEqual({ count: 1, keys: [key.laptop] });
    expect(withIntune.intuneSource).toEqual(intuneSource);
  });

  it('reads the month as the log stood at its end: an undo in December leaves November’s handout counted', () => {
    const late = lifeOf(phone(9), [
      { type: 'received', at: '2026-11-01T08:00:00.000Z' },
      { type: 'prepared', at: '2026-11-01T09:00:00.000Z' },
      { type: 'handed_out', at: '2026-11-30T20:00:00.000Z' },
      { type: 'undo', at: '2026-12-01T09:00:00.000Z' },
    ]);
    const all = merge(events, late);
    const again = monthlySummary(projectDevices(all), eventsByDevice(all), { month: '2026-11' }, { models });
    expect(again.handouts.count).toBe(5);
  });

  it('carries the quarter’s department totals', () => {
    const billing = departmentBilling(devices, events, { quarter: { year: 2026, quarter: 4 } });
    const withBill = monthlySummary(devices, events, { month: '2026-11', today: '2026-11-30' }, { models, billing });
    expect(withBill.billing).toMatchObject({ period: '2026-Q4', forecast: true, amountOre: billing.totals.amountOre });
    expect(withBill.billing?.departments.find((d) => d.department === 'BUF')?.devicesAtEnd).toBe(1);
  });

  it('knows the days of a month, leap years too', () => {
    expect(monthDays('2028-02')).toEqual({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ firstDay: '2026-12-01', lastDay: '2026-12-31' });
  });
});

describe('the monthly summary’s tables', () => {
  const summary = monthlySummary(devices, events, { month: '2026-11' }, { models });
  const tables = monthlySummaryTables(summary, { models: [['iphone-13', 'Apple iPhone 13']] });

  it('exports the figures for Danish Excel in kroner, with the devices behind each figure kept for links', () => {
    const csv = tableToCsv(tables.figures, { language: 'da' });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFNøgletal;Antal;Beløb (kr.);CO₂e (kg);Andel;Dage');
    expect(csv).toContain('Indkøb sparet ved genbrug;3;13500,00;;;');
    expect(csv).toContain('Genbrugsandel (mål 8 %);;;;75,0;');
    expect(tables.figures.rows.find((row) => row.figure === 'idle')?.keys).toEqual([key.idle]);
  });

  it('names models and shows devices by their IMEI, never the store’s keys', () => {
    const csv = tableToCsv(tables.repairs, { language: 'en' });
    expect(csv).toContain(`${imei(3)};Apple iPhone 13;Reparationsværkstedet;2026-11-05;25`);
    expect(csv).not.toContain('imei:');
  });
});
