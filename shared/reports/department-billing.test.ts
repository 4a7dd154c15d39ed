import { describe, expect, it } from 'vitest';
import { billFromHoldings, departmentBilling, financeExport, proRataOre, QuarterBill } from './department-billing';
import { digestDevice } from './device-digest';
import { eventsByDevice, projectDevices } from './history';
import { imei, keyOf, lifeOf, merge, type Step } from './scenario.test-support';

/**
 * Q1 2026 has 90 days (31 + 28 + 31); Q2 has 91. At 400 kr a year a day held costs
 * 40000 øre ÷ (4 × 90) = 111.11 øre in Q1. Times are UTC: CET is +1, CEST (from 29 March) +2,
 * so 31 March ends at 22:00 UTC.
 */
const ready = (at: string): Step[] => [
  { type: 'received', at },
  { type: 'prepared', at },
];
const out = (at: string, department: string, employeeId = 'E1'): Step => ({ type: 'handed_out', at, data: { department, employeeId } });

const device = (n: number) => ({ kind: 'phone', model: 'iPhone 13', imei: imei(n) }) as const;
const B1 = device(1);
const B2 = device(2);
const S1 = device(3);
const S2 = device(4);
const X = device(5);
const U = device(6);
const V = device(7);
const W = device(8);
const Y = device(9);
const Z1 = device(10);
const Z2 = device(11);

const events = merge(
  // BUF since November 2025, never back: the whole quarter, 90 days = 10000 øre.
  lifeOf(B1, [...ready('2025-11-01T09:00:00.000Z'), out('2025-11-10T09:00:00.000Z', 'BUF')]),
  // BUF across the quarter boundary: 15 March to 10 April.
  lifeOf(B2, [
    ...ready('2026-03-01T09:00:00.000Z'),
    out('2026-03-15T10:00:00.000Z', 'BUF'),
    { type: 'returned', at: '2026-04-10T09:00:00.000Z' },
  ]),
  // SOF, handed out and returned on 20 January: not held at the end of any day.
  lifeOf(S1, [
    ...ready('2026-01-02T09:00:00.000Z'),
    out('2026-01-20T08:00:00.000Z', 'SOF'),
    { type: 'returned', at: '2026-01-20T15:00:00.000Z' },
  ]),
  // SOF since December, returned 1 February at 11:00 local.
  lifeOf(S2, [
    ...ready('2025-11-20T09:00:00.000Z'),
    out('2025-12-01T09:00:00.000Z', 'SOF'),
    { type: 'returned', at: '2026-02-01T10:00:00.000Z' },
  ]),
  // KFF from 10 February, returned 1 March at 10:00, prepared and handed to TMF the same day.
  lifeOf(X, [
    ...ready('2026-02-01T09:00:00.000Z'),
    out('2026-02-10T09:00:00.000Z', 'KFF'),
    { type: 'returned', at: '2026-03-01T09:00:00.000Z' },
    { type: 'prepared', at: '2026-03-01T10:00:00.000Z' },
    out('2026-03-01T13:00:00.000Z', 'TMF', 'E2'),
  ]),
  // ØKF from 5 January; the return of 3 February was a mistake, undone on the 5th.
  lifeOf(U, [
    ...ready('2026-01-02T09:00:00.000Z'),
    out('2026-01-05T09:00:00.000Z', 'ØKF'),
    { type: 'returned', at: '2026-02-03T09:00:00.000Z' },
    { type: 'undo', at: '2026-02-05T09:00:00.000Z' },
  ]),
  // ØKF from 10 March; the handout undone on the 12th at 10:00 local.
  lifeOf(V, [
    ...ready('2026-03-01T09:00:00.000Z'),
    out('2026-03-10T09:00:00.000Z', 'ØKF'),
    { type: 'undo', at: '2026-03-12T09:00:00.000Z' },
  ]),
  // BIF since June 2025, reported lost 20 March at 13:00 local.
  lifeOf(W, [...ready('2025-05-01T09:00:00.000Z'), out('2025-06-01T09:00:00.000Z', 'BIF'), { type: 'reported_lost', at: '2026-03-20T12:00:00.000Z' }]),
  // BIF from 2 April: Q2 only.
  lifeOf(Y, [...ready('2026-03-25T09:00:00.000Z'), out('2026-04-02T08:00:00.000Z', 'BIF')]),
  // A department not on the list, from 23:00 local on 31 March: held at the end of that day.
  lifeOf(Z1, [...ready('2026-03-25T09:00:00.000Z'), out('2026-03-31T21:00:00.000Z', 'XYZ')]),
  // …and from 00:30 local on 1 April: not in Q1 at all.
  lifeOf(Z2, [...ready('2026-03-25T09:00:00.000Z'), out('2026-03-31T22:30:00.000Z', 'XYZ')]),
);
const devices = projectDevices(events);
const Q1 = { year: 2026, quarter: 1 };

describe('pro rata in whole øre', () => {
  it('rounds half up, once per holding', () => {
    expect(proRataOre(40_000, 90, 90)).toBe(10_000); // a whole quarter is a quarter of the year
    expect(proRataOre(40_000, 91, 91)).toBe(10_000);
    expect(proRataOre(40_000, 17, 90)).toBe(1889); // 680000 / 360 = 1888.89
    expect(proRataOre(40_000, 9, 91)).toBe(989); // 360000 / 364 = 989.01
    expect(proRataOre(36_000, 1, 90)).toBe(100); // exactly 100
    expect(proRataOre(180, 1, 90)).toBe(1); // 0.5 øre rounds up
    expect(proRataOre(40_000, 0, 90)).toBe(0);
  });
});

describe('the department report for Q1 2026', () => {
  const report = departmentBilling(devices, events, { quarter: Q1 });
  const row = (id: string) => report.departments.find((d) => d.department === id);

  it('names the period', () => {
    expect(report).toMatchObject({ period: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31', daysInQuarter: 90 });
    expect(report.pricePerYearOre).toEqual({ phone: 40_000, tablet: 40_000, pc: 40_000 });
  });

  it('bills each holding by the days whose end it saw', () => {
    const lines = report.holdings.map((h) => [h.department, h.deviceKey, h.firstDay, h.lastDay, h.days, h.amountOre]);
    expect(lines).toEqual([
      // W: 1 January – 19 March (lost during the 20th): 31 + 28 + 19 = 78 days; 3120000/360 = 8666.67.
      ['BIF', keyOf(W), '2026-01-01', '2026-03-19', 78, 8667],
      // B1: the whole quarter.
      ['BUF', keyOf(B1), '2026-01-01', '2026-03-31', 90, 10_000],
      // B2: 15–31 March = 17 days, billed to the quarter's end; 680000/360 = 1888.89.
      ['BUF', keyOf(B2), '2026-03-15', '2026-03-31', 17, 1889],
      // X: 10–28 February = 19 days; returned during 1 March. 760000/360 = 2111.11.
      ['KFF', keyOf(X), '2026-02-10', '2026-02-28', 19, 2111],
      // S2: 1–31 January = 31 days; returned during 1 February. 1240000/360 = 3444.44. (S1: 0 days, no line.)
      ['SOF', keyOf(S2), '2026-01-01', '2026-01-31', 31, 3444],
      // X: 1–31 March = 31 days: TMF held it when 1 March ended, so TMF alone pays that day.
      ['TMF', keyOf(X), '2026-03-01', '2026-03-31', 31, 3444],
      // U: 5 January – 31 March unbroken (the return was undone) = 27 + 28 + 31 = 86 days; 3440000/360 = 9555.56.
      ['ØKF', keyOf(U), '2026-01-05', '2026-03-31', 86, 9556],
      // V: 10–11 March (undone during the 12th) = 2 days; 80000/360 = 222.22.
      ['ØKF', keyOf(V), '2026-03-10', '2026-03-11', 2, 222],
      // Z1: 31 March only. 40000/360 = 111.11.
      ['XYZ', keyOf(Z1), '2026-03-31', '2026-03-31', 1, 111],
    ]);
  });

  it('sums each department, the nine in the seeds’ order and the unknown one last', () => {
    expect(report.departments.map((d) => d.department)).toEqual(['BIF', 'BR', 'BUF', 'KFF', 'SOF', 'SUF', 'TMF', 'ØKF', 'IR', 'XYZ']);
    expect(row('BUF')).toEqual({
      department: 'BUF', name: 'Børne- og Ungdomsforvaltningen',
      devicesAtStart: 1, devicesAtEnd: 2, devicesHeld: 2, deviceDays: 107, averageDevices: 107 / 90, amountOre: 11_889,
    });
    // S2 was held when the quarter began; S1 never at a day's end.
    expect(row('SOF')).toMatchObject({ devicesAtStart: 1, devicesAtEnd: 0, devicesHeld: 1, deviceDays: 31, amountOre: 3444 });
    expect(row('ØKF')).toMatchObject({ devicesAtStart: 0, devicesAtEnd: 1, devicesHeld: 2, deviceDays: 88, amountOre: 9778 });
    expect(row('BIF')).toMatchObject({ devicesAtStart: 1, devicesAtEnd: 0, devicesHeld: 1, deviceDays: 78, amountOre: 8667 });
    expect(row('XYZ')).toMatchObject({ name: 'XYZ', devicesAtEnd: 1, deviceDays: 1, amountOre: 111 });
    expect(row('BR')).toMatchObject({ devicesHeld: 0, deviceDays: 0, amountOre: 0 });
  });

  it('totals add up to the øre: 11889 + 3444 + 2111 + 3444 + 9778 + 8667 + 111', () => {
    expect(report.totals).toMatchObject({ amountOre: 39_444, deviceDays: 355, devicesAtStart: 3, devicesAtEnd: 5, devicesHeld: 9 });
    expect(report.holdings.reduce((sum, h) => sum + h.amountOre, 0)).toBe(report.totals.amountOre);
    expect(report.incomplete).toEqual([]);
  });
});

describe('the totals alone (the monthly summary)', () => {
  it('are the whole report but its lines', () => {
    const holdings = [...eventsByDevice(events)].flatMap(([key, history]) => digestDevice(key, devices.find((d) => d.key === key) ?? null, history).holdings);
    const whole = billFromHoldings(holdings, [], { quarter: Q1 });
    const totals = billFromHoldings(holdings, [], { quarter: Q1 }, 'totals');
    expect(whole.holdings.length).toBeGreaterThan(0);
    expect(totals).toEqual({ ...whole, holdings: [] });
    expect(whole).toEqual(departmentBilling(devices, events, { quarter: Q1 }));
  });
});

describe('the sum in any order (QuarterBill)', () => {
  const holdings = [...eventsByDevice(events)].flatMap(([key, history]) => digestDevice(key, devices.find((d) => d.key === key) ?? null, history).holdings);
  // A seeded shuffle: the same orders on every run.
  const shuffled = (seed: number) => {
    const list = [...holdings];
    let state = seed;
    for (let i = list.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const j = state % (i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const byDeviceInTime = [...holdings].sort((a, b) => (a.deviceKey < b.deviceKey ? -1 : a.deviceKey > b.deviceKey ? 1 : a.startMs - b.startMs));

  it('gives the same report whatever order the holdings come in, added one by one or at once', () => {
    const sorted = billFromHoldings(byDeviceInTime, [], { quarter: Q1 });
    expect(sorted).toEqual(departmentBilling(devices, events, { quarter: Q1 }));
    expect(billFromHoldings([...byDeviceInTime].reverse(), [], { quarter: Q1 })).toEqual(sorted);
    for (const seed of [1, 2, 3, 42, 2026]) {
      const bill = new QuarterBill({ quarter: Q1 });
      for (const holding of shuffled(seed)) bill.add(holding);
      expect(bill.report([])).toEqual(sorted);
      expect(billFromHoldings(shuffled(seed), [], { quarter: Q1 }, 'totals')).toEqual({ ...sorted, holdings: [] });
    }
  });

  it('counts a device once per department though its holdings there come apart', () => {
    // B1 held by BUF twice, B2's holding added between the two: BUF held two devices, not three.
    const key = keyOf(B1);
    const first = { deviceKey: key, kind: 'phone', model: 'iPhone 13', department: 'BUF', employeeId: 'E1', startMs: Date.parse('2025-12-01T09:00:00.000Z'), endMs: Date.parse('2026-01-10T09:00:00.000Z') } as const;
    const second = { ...first, employeeId: 'E2', startMs: Date.parse('2026-02-01T09:00:00.000Z'), endMs: Number.POSITIVE_INFINITY };
    const other = { ...first, deviceKey: keyOf(B2), startMs: Date.parse('2026-01-05T09:00:00.000Z') };
    const inOrder = billFromHoldings([first, second, other], [], { quarter: Q1 });
    const apart = billFromHoldings([second, other, first], [], { quarter: Q1 });
    expect(apart).toEqual(inOrder);
    expect(apart.departments.find((d) => d.department === 'BUF')).toMatchObject({ devicesHeld: 2, devicesAtStart: 1, devicesAtEnd: 1 });
    expect(apart.holdings.map((h) => [h.deviceKey, h.firstDay])).toEqual([
      [key, '2026-01-01'],
      [key, '2026-02-01'],
      [keyOf(B2), '2026-01-05'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)));
  });
});

describe('the quarter after', () => {
  it('bills the rest of a holding that crossed the boundary, and the new ones', () => {
    const q2 = departmentBilling(devices, events, { quarter: { year: 2026, quarter: 2 } });
    const lines = Object.fromEntries(q2.holdings.map((h) => [h.deviceKey, [h.department, h.days, h.amountOre]]));
    expect(lines).toEqual({
      // 1–9 April (returned during the 10th) = 9 days of 91; 360000/364 = 989.01.
      [keyOf(B2)]: ['BUF', 9, 989],
      [keyOf(B1)]: ['BUF', 91, 10_000],
      [keyOf(X)]: ['TMF', 91, 10_000],
      [keyOf(U)]: ['ØKF', 91, 10_000],
      // 2 April – 30 June = 29 + 31 + 30 = 90 days; 3600000/364 = 9890.11.
      [keyOf(Y)]: ['BIF', 90, 9890],
      [keyOf(Z1)]: ['XYZ', 91, 10_000],
      [keyOf(Z2)]: ['XYZ', 91, 10_000],
    });
  });
});

describe('prices and the finance export', () => {
  it('prices each kind by its own yearly price', () => {
    const pc = { kind: 'pc', model: 'ThinkPad T14', serial: 'PF9Z' } as const;
    const pcEvents = lifeOf(pc, [...ready('2025-10-01T09:00:00.000Z'), out('2025-10-02T09:00:00.000Z', 'SOF')]);
    const all = merge(events, pcEvents);
    const report = departmentBilling(projectDevices(all), all, { quarter: Q1, settings: { pricePerYearOre: { pc: 250_000 } } });
    // 2500 kr a year: a whole quarter is 625 kr.
    expect(report.holdings.find((h) => h.deviceKey === keyOf(pc))?.amountOre).toBe(62_500);
    expect(report.departments.find((d) => d.department === 'SOF')?.amountOre).toBe(3444 + 62_500);
    const sof = financeExport(report).filter((line) => line.departmentId === 'SOF');
    expect(sof).toEqual([
      {
        period: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31', departmentId: 'SOF', departmentName: 'Socialforvaltningen',
        kind: 'phone', text: 'Abonnement telefoner, 1. kvartal 2026', devicesAtEnd: 0, deviceDays: 31, pricePerYearOre: 40_000, amountOre: 3444,
      },
      {
        period: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31', departmentId: 'SOF', departmentName: 'Socialforvaltningen',
        kind: 'pc', text: 'Abonnement pc’er, 1. kvartal 2026', devicesAtEnd: 1, deviceDays: 90, pricePerYearOre: 250_000, amountOre: 62_500,
      },
    ]);
  });

  it('exports a line per department and kind with something to bill, summing to the report', () => {
    const report = departmentBilling(devices, events, { quarter: Q1 });
    const lines = financeExport(report);
    expect(lines.map((l) => [l.departmentId, l.deviceDays, l.devicesAtEnd, l.amountOre])).toEqual([
      ['BIF', 78, 0, 8667],
      ['BUF', 107, 2, 11_889],
      ['KFF', 19, 0, 2111],
      ['SOF', 31, 0, 3444],
      ['TMF', 31, 1, 3444],
      ['ØKF', 88, 1, 9778],
      ['XYZ', 1, 1, 111],
    ]);
    expect(lines.reduce((sum, l) => sum + l.amountOre, 0)).toBe(report.totals.amountOre);
  });
});

describe('what billing needs of the event log', () => {
  it('gives the same bill from the histories of the devices touched since the quarter began', () => {
    const touched = new Set(events.filter((e) => e.at >= '2025-12-31T23:00:00.000Z').map((e) => e.deviceKey));
    const needed = events.filter((e) => touched.has(e.deviceKey));
    expect(departmentBilling(devices, needed, { quarter: Q1 })).toEqual(departmentBilling(devices, events, { quarter: Q1 }));
  });

  it('gives the same bill from the events grouped by device', () => {
    expect(departmentBilling(devices, eventsByDevice(events), { quarter: Q1 })).toEqual(departmentBilling(devices, events, { quarter: Q1 }));
  });

  it('bills a device whose earlier history is missing from its projection, and names it', () => {
    // U's events before the quarter are not in the store: the undo of its return is, but not the
    // handout. Taken as it is now (held by ØKF since 5 January): the same 86 days here.
    const partial = events.filter((e) => e.deviceKey !== keyOf(U) || e.at >= '2026-01-31T00:00:00.000Z');
    const report = departmentBilling(devices, partial, { quarter: Q1 });
    expect(report.incomplete).toEqual([keyOf(U)]);
    expect(report.holdings.find((h) => h.deviceKey === keyOf(U))).toMatchObject({ firstDay: '2026-01-05', days: 86, amountOre: 9556 });
  });

  it('an untouched device bills from its projection alone', () => {
    const onlyB1 = devices.filter((d) => d.key === keyOf(B1));
    const report = departmentBilling(onlyB1, [], { quarter: Q1 });
    expect(report.holdings).toMatchObject([{ deviceKey: keyOf(B1), days: 90, amountOre: 10_000 }]);
  });

  it('nothing to bill without devices', () => {
    const report = departmentBilling([], [], { quarter: Q1 });
    expect(report.holdings).toEqual([]);
    expect(report.departments).toHaveLength(9);
    expect(report.totals).toEqual({ devicesAtStart: 0, devicesAtEnd: 0, devicesHeld: 0, deviceDays: 0, averageDevices: 0, amountOre: 0 });
    expect(financeExport(report)).toEqual([]);
  });

  it('refuses a quarter that does not exist', () => {
    expect(() => departmentBilling([], [], { quarter: { year: 2026, quarter: 5 } })).toThrow();
  });
});
