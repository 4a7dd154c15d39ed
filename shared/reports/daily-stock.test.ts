import { describe, expect, it } from 'vitest';
import { inStockStatuses } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { dailyStockReport, stockStatuses } from './daily-stock';
import { eventsByDevice, projectDevices } from './history';
import { imei, keyOf, lifeOf, merge } from './scenario.test-support';

/**
 * One kvikskranke (KVIK-NORD) on Tuesday 24 November 2026 (CET, UTC+1: the day is
 * 2026-11-23T23:00Z to 2026-11-24T23:00Z). Times below are UTC; local time is one hour later.
 */
const A = { kind: 'phone', model: 'iPhone 13', imei: imei(1) } as const;
const B = { kind: 'phone', model: 'iPhone 13', imei: imei(2) } as const;
const C = { kind: 'tablet', model: 'iPad 10', imei: imei(3) } as const;
const E = { kind: 'phone', model: 'Galaxy A54', imei: imei(5) } as const;
const F = { kind: 'phone', model: 'iPhone 13', imei: imei(6) } as const;
const G = { kind: 'pc', model: 'ThinkPad T14', serial: 'PF3X1ABC' } as const;
const H = { kind: 'phone', model: 'Galaxy A54', imei: imei(8) } as const;
const I = { kind: 'tablet', model: 'iPad 10', imei: imei(9) } as const;
const J = { kind: 'phone', model: 'iPhone 13', imei: imei(10) } as const;
const K = { kind: 'phone', model: 'iPhone 15', imei: imei(11) } as const;
const L = { kind: 'phone', model: 'iPhone 13', imei: imei(12) } as const;
const M = { kind: 'phone', model: 'iPhone 13', imei: imei(13) } as const;
const N = { kind: 'phone', model: 'iPhone 13', imei: imei(14) } as const;
const P = { kind: 'phone', model: 'iPhone 15', imei: imei(15) } as const;
const Q = { kind: 'phone', model: 'iPhone 15', imei: imei(16) } as const;

const lives = {
  // Ready since 2 September, untouched: idle 83 days (28 + 31 + 24).
  A: lifeOf(A, [
    { type: 'received', at: '2026-09-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-09-02T08:00:00.000Z' },
  ]),
  // Ready since 10 November: 14 days, not idle.
  B: lifeOf(B, [
    { type: 'received', at: '2026-11-10T09:00:00.000Z' },
    { type: 'prepared', at: '2026-11-10T10:00:00.000Z' },
  ]),
  // Handed out from LAGER in June, returned here today.
  C: lifeOf(C, [
    { type: 'received', at: '2026-06-01T08:00:00.000Z', location: 'LAGER' },
    { type: 'prepared', at: '2026-06-02T08:00:00.000Z', location: 'LAGER' },
    { type: 'handed_out', at: '2026-06-10T08:00:00.000Z', data: { department: 'BUF', employeeId: 'E1' } },
    { type: 'returned', at: '2026-11-24T08:00:00.000Z', operator: 'AB' },
  ]),
  // Handed out and returned the same day: a new device's first handout.
  E: lifeOf(E, [
    { type: 'received', at: '2026-10-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T09:00:00.000Z', operator: 'CD', data: { department: 'ØKF', employeeId: 'E2' } },
    { type: 'returned', at: '2026-11-24T14:00:00.000Z', operator: 'CD' },
  ]),
  // Handed out once in January, back in November, out again today: reused.
  F: lifeOf(F, [
    { type: 'received', at: '2026-01-05T08:00:00.000Z', location: 'LAGER' },
    { type: 'prepared', at: '2026-01-06T08:00:00.000Z', location: 'LAGER' },
    { type: 'handed_out', at: '2026-01-10T08:00:00.000Z', location: 'LAGER', data: { department: 'KFF', employeeId: 'E3' } },
    { type: 'returned', at: '2026-11-02T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-03T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T10:00:00.000Z', operator: 'AB', data: { department: 'SOF', employeeId: 'E4' } },
  ]),
  // Moved from LAGER to here today by EF at LAGER.
  G: lifeOf(G, [
    { type: 'received', at: '2026-11-01T08:00:00.000Z', location: 'LAGER' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z', location: 'LAGER' },
    { type: 'moved', at: '2026-11-24T07:00:00.000Z', location: 'LAGER', operator: 'EF', data: { to: 'KVIK-NORD' } },
  ]),
  // Handed out by mistake and undone five minutes later.
  H: lifeOf(H, [
    { type: 'received', at: '2026-11-20T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-20T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T11:00:00.000Z', operator: 'AB', data: { department: 'TMF', employeeId: 'E5' } },
    { type: 'undo', at: '2026-11-24T11:05:00.000Z', operator: 'AB' },
  ]),
  // At repair since 4 November: 20 days out.
  I: lifeOf(I, [
    { type: 'received', at: '2026-10-01T08:00:00.000Z' },
    { type: 'sent_to_repair', at: '2026-11-04T10:00:00.000Z', data: { vendor: 'Reparationsværkstedet', ticket: 'R-77' } },
  ]),
  // At repair since 20 November and back on the 26th: on the 24th it was out 4 days (only the
  // replay knows the vendor: the repaired event does not repeat it).
  J: lifeOf(J, [
    { type: 'received', at: '2026-10-10T08:00:00.000Z' },
    { type: 'sent_to_repair', at: '2026-11-20T09:00:00.000Z', data: { vendor: 'Fixit', ticket: undefined } },
    { type: 'repaired', at: '2026-11-26T09:00:00.000Z' },
  ]),
  // Received today by GH.
  K: lifeOf(K, [{ type: 'received', at: '2026-11-24T12:00:00.000Z', operator: 'GH' }]),
  // Unrepairable, disposed of today.
  L: lifeOf(L, [
    { type: 'received', at: '2026-05-01T08:00:00.000Z' },
    { type: 'sent_to_repair', at: '2026-10-01T08:00:00.000Z' },
    { type: 'repaired', at: '2026-11-01T08:00:00.000Z', data: { outcome: 'unrepairable' } },
    { type: 'disposed', at: '2026-11-24T13:00:00.000Z', operator: 'AB' },
  ]),
  // Handed out in the summer, reported lost here today by CD.
  M: lifeOf(M, [
    { type: 'received', at: '2026-06-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-06-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-06-02T08:00:00.000Z', data: { department: 'SUF', employeeId: 'E6' } },
    { type: 'reported_lost', at: '2026-11-24T15:00:00.000Z', operator: 'CD' },
  ]),
  // On the shelf at LAGER, not here.
  N: lifeOf(N, [{ type: 'received', at: '2026-11-01T08:00:00.000Z', location: 'LAGER' }]),
  // Received tomorrow: did not exist at the end of the day.
  P: lifeOf(P, [{ type: 'received', at: '2026-11-25T08:00:00.000Z' }]),
  // Handed out at the end of the day, returned tomorrow.
  Q: lifeOf(Q, [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-02T08:00:00.000Z', data: { department: 'BIF', employeeId: 'E7' } },
    { type: 'returned', at: '2026-11-25T08:00:00.000Z' },
  ]),
};
const events = merge(...Object.values(lives));
const devices = projectDevices(events);
const day = '2026-11-24';

describe('the daily stock report of KVIK-NORD on 24 November 2026', () => {
  const report = dailyStockReport(devices, events, { location: 'KVIK-NORD', day });

  it('bounds the day in Copenhagen time', () => {
    expect(report).toMatchObject({ startsAt: '2026-11-23T23:00:00.000Z', endsAt: '2026-11-24T23:00:00.000Z', timeZone: 'Europe/Copenhagen' });
  });

  it('counts the shelf at the end of the day by kind, model and status', () => {
    // A, B (iPhone 13 ready); H (A54 ready after the undo); E (A54 returned the same day);
    // K (iPhone 15 received today); C (iPad returned today); G (ThinkPad moved in today).
    // Not: F (handed out), I/J (repair), L (disposed), M (lost), N (at LAGER), P (tomorrow), Q (out).
    expect(report.stock).toEqual([
      { kind: 'phone', model: 'Galaxy A54', status: 'ready', count: 1 },
      { kind: 'phone', model: 'Galaxy A54', status: 'returned', count: 1 },
      { kind: 'phone', model: 'iPhone 13', status: 'ready', count: 2 },
      { kind: 'phone', model: 'iPhone 15', status: 'received', count: 1 },
      { kind: 'tablet', model: 'iPad 10', status: 'returned', count: 1 },
      { kind: 'pc', model: 'ThinkPad T14', status: 'ready', count: 1 },
    ]);
    expect(report.stockTotal).toBe(7);
    expect(report.stockByStatus).toEqual({ received: 1, ready: 4, returned: 2 });
  });

  it("counts the day's movements by type and operator, the undone handout left out", () => {
    expect(report.movements).toEqual([
      { type: 'received', operator: 'GH', count: 1 }, // K
      { type: 'handed_out', operator: 'AB', count: 1 }, // F (H's was undone)
      { type: 'handed_out', operator: 'CD', count: 1 }, // E
      { type: 'returned', operator: 'AB', count: 1 }, // C
      { type: 'returned', operator: 'CD', count: 1 }, // E
      { type: 'disposed', operator: 'AB', count: 1 }, // L
      { type: 'reported_lost', operator: 'CD', count: 1 }, // M
      { type: 'moved_in', operator: 'EF', count: 1 }, // G
      { type: 'corrected', operator: 'AB', count: 1 }, // H's undo
    ]);
    expect(Object.fromEntries(report.movementTotals.map((t) => [t.type, t.count]))).toEqual({
      received: 1, imported: 0, prepared: 0, handed_out: 2, returned: 2, sent_to_repair: 0, repaired: 0, disposed: 1,
      reported_lost: 1, found: 0, moved_in: 1, moved_out: 0, voided: 0, corrected: 1,
    });
  });

  it('lists the devices at repair with vendor and days out, longest first', () => {
    expect(report.inRepair).toEqual([
      // 4 → 24 November: 20 days.
      { deviceKey: keyOf(I), kind: 'tablet', model: 'iPad 10', vendor: 'Reparationsværkstedet', ticket: 'R-77', since: '2026-11-04T10:00:00.000Z', sinceDay: '2026-11-04', daysOut: 20 },
      // 20 → 24 November: 4 days; repaired on the 26th, after the report's day.
      { deviceKey: keyOf(J), kind: 'phone', model: 'iPhone 13', vendor: 'Fixit', ticket: null, since: '2026-11-20T09:00:00.000Z', sinceDay: '2026-11-20', daysOut: 4 },
    ]);
  });

  it('lists the devices idle on the shelf for more than 30 days', () => {
    expect(report.idle).toEqual([
      { deviceKey: keyOf(A), kind: 'phone', model: 'iPhone 13', status: 'ready', since: '2026-09-02T08:00:00.000Z', sinceDay: '2026-09-02', daysIdle: 83 },
    ]);
  });

  it('the idle limit is a setting: at 13 days G (22 days) and B (14) are idle too, at 14 B is not', () => {
    const at13 = dailyStockReport(devices, events, { location: 'KVIK-NORD', day, settings: { idleDays: 13 } });
    // G has been ready since 2 November (at LAGER until today: a move does not reset idleness).
    expect(at13.idle.map((r) => [r.deviceKey, r.daysIdle])).toEqual([[keyOf(A), 83], [keyOf(G), 22], [keyOf(B), 14]]);
    const at14 = dailyStockReport(devices, events, { location: 'KVIK-NORD', day, settings: { idleDays: 14 } });
    expect(at14.idle.map((r) => r.deviceKey)).toEqual([keyOf(A), keyOf(G)]);
  });

  it("shares the day's handouts between new and reused devices, deciding from before each handout", () => {
    // E: first handout (new); F: handed out in January before (reused); H: undone, not counted.
    expect(report.handouts).toEqual({ total: 2, new: 1, reused: 1, reusedShare: 0.5 });
    expect(report.incomplete).toEqual([]);
  });
});

describe('the same day seen from elsewhere and later', () => {
  it('LAGER sees the move out and its own shelf', () => {
    const lager = dailyStockReport(devices, events, { location: 'LAGER', day });
    expect(lager.movements).toEqual([{ type: 'moved_out', operator: 'EF', count: 1 }]);
    expect(lager.stock).toEqual([{ kind: 'phone', model: 'iPhone 13', status: 'received', count: 1 }]); // N
  });

  it('the day before, G was at LAGER, E and F ready here and L on the shelf awaiting disposal', () => {
    const before = dailyStockReport(devices, events, { location: 'KVIK-NORD', day: '2026-11-23' });
    expect(before.stock).toEqual([
      { kind: 'phone', model: 'Galaxy A54', status: 'ready', count: 2 }, // E, H
      { kind: 'phone', model: 'iPhone 13', status: 'ready', count: 3 }, // A, B, F (prepared 3 November)
      { kind: 'phone', model: 'iPhone 13', status: 'returned', count: 1 }, // L (unrepairable)
    ]);
    expect(before.movements).toEqual([]);
    expect(before.handouts.reusedShare).toBeNull();
  });

  it('two days later J is back from repair and P and Q are on the shelf', () => {
    const later = dailyStockReport(devices, events, { location: 'KVIK-NORD', day: '2026-11-26' });
    expect(later.inRepair.map((r) => r.deviceKey)).toEqual([keyOf(I)]);
    expect(later.stock).toEqual([
      { kind: 'phone', model: 'Galaxy A54', status: 'ready', count: 1 }, // H
      { kind: 'phone', model: 'Galaxy A54', status: 'returned', count: 1 }, // E
      { kind: 'phone', model: 'iPhone 13', status: 'received', count: 1 }, // J (fixed → received)
      { kind: 'phone', model: 'iPhone 13', status: 'ready', count: 2 }, // A, B
      { kind: 'phone', model: 'iPhone 15', status: 'received', count: 2 }, // K, P
      { kind: 'phone', model: 'iPhone 15', status: 'returned', count: 1 }, // Q
      { kind: 'tablet', model: 'iPad 10', status: 'returned', count: 1 }, // C
      { kind: 'pc', model: 'ThinkPad T14', status: 'ready', count: 1 }, // G
    ]);
    expect(later.movements).toEqual([{ type: 'repaired', operator: 'AB', count: 1 }]);
  });
});

describe('what the report needs of the event log', () => {
  it('gives the same figures from only the histories of the devices touched since the day began', () => {
    const touched = new Set(events.filter((e) => e.at >= '2026-11-23T23:00:00.000Z').map((e) => e.deviceKey));
    const needed = events.filter((e) => touched.has(e.deviceKey));
    expect(needed.length).toBeLessThan(events.length);
    expect(dailyStockReport(devices, needed, { location: 'KVIK-NORD', day })).toEqual(
      dailyStockReport(devices, events, { location: 'KVIK-NORD', day }),
    );
  });

  it('gives the same figures from the events grouped by device, as a store indexed by device key returns them', () => {
    expect(dailyStockReport(devices, eventsByDevice(events), { location: 'KVIK-NORD', day })).toEqual(
      dailyStockReport(devices, events, { location: 'KVIK-NORD', day }),
    );
  });

  it('names a device whose earlier history is missing and takes it as it is now', () => {
    // F's events before today are not in the store: its handout is still counted, and reused
    // (its projection says 2 handouts, this one is the last), but it cannot be replayed.
    const partial = events.filter((e) => e.deviceKey !== keyOf(F) || e.at >= '2026-11-23T23:00:00.000Z');
    const report = dailyStockReport(devices, partial, { location: 'KVIK-NORD', day });
    expect(report.incomplete).toEqual([keyOf(F)]);
    expect(report.handouts).toEqual({ total: 2, new: 1, reused: 1, reusedShare: 0.5 });
    expect(dailyStockReport(devices, eventsByDevice(partial), { location: 'KVIK-NORD', day })).toEqual(report);
    // Only where it was that day: another desk's report does not list it.
    expect(dailyStockReport(devices, partial, { location: 'KVIK-VEST', day }).incomplete).toEqual([]);
  });

  it('leaves out an event the server refused (a conflict), as the projection did', () => {
    // Another desk registers F again: F exists, so apply refuses it and the server stored a conflict.
    const [conflict] = lifeOf(F, [{ type: 'received', at: '2026-11-24T16:00:00.000Z' }]);
    const withConflict: DeviceEvent[] = [...events, ...(conflict ? [conflict] : [])];
    const report = dailyStockReport(devices, withConflict, { location: 'KVIK-NORD', day });
    expect(report.movementTotals.find((t) => t.type === 'received')?.count).toBe(1);
    expect(report.incomplete).toEqual([]);
  });
});

describe('edge cases', () => {
  it('an empty store gives an empty report', () => {
    const report = dailyStockReport([], [], { location: 'KVIK-NORD', day });
    expect(report).toMatchObject({ stock: [], stockTotal: 0, movements: [], inRepair: [], idle: [], incomplete: [] });
    expect(report.handouts).toEqual({ total: 0, new: 0, reused: 0, reusedShare: null });
    expect(report.movementTotals.every((t) => t.count === 0)).toBe(true);
  });

  it('the autumn DST day counts its 25 hours: 00:30 CEST to 23:30 CET', () => {
    const life = (n: number, at: string) => lifeOf({ kind: 'phone', imei: imei(100 + n) }, [{ type: 'received', at }]);
    const dst = merge(
      life(1, '2026-10-24T21:30:00.000Z'), // 23:30 CEST on the 24th: the day before
      life(2, '2026-10-24T22:30:00.000Z'), // 00:30 CEST on the 25th
      life(3, '2026-10-25T00:30:00.000Z'), // 02:30 CEST, before the clocks go back
      life(4, '2026-10-25T01:30:00.000Z'), // 02:30 CET, the repeated hour
      life(5, '2026-10-25T22:30:00.000Z'), // 23:30 CET on the 25th
      life(6, '2026-10-25T23:00:00.000Z'), // 00:00 CET on the 26th: the day after
    );
    const report = dailyStockReport(projectDevices(dst), dst, { location: 'KVIK-NORD', day: '2026-10-25' });
    expect(report.movements).toEqual([{ type: 'received', operator: 'AB', count: 4 }]);
    expect(report.stockTotal).toBe(5); // the day before's device is on the shelf too
  });

  it('an event undone on a later day still counts on its own day; the undo counts on the day it was made', () => {
    const life = lifeOf({ kind: 'phone', model: 'iPhone 13', imei: imei(200) }, [
      { type: 'received', at: '2026-11-20T08:00:00.000Z' },
      { type: 'prepared', at: '2026-11-20T09:00:00.000Z' },
      { type: 'handed_out', at: '2026-11-24T22:50:00.000Z' }, // 23:50 on the 24th
      { type: 'undo', at: '2026-11-24T23:10:00.000Z' }, // 00:10 on the 25th
      { type: 'handed_out', at: '2026-11-25T09:00:00.000Z' }, // to the right person
    ]);
    const projected = projectDevices(life);
    const on24 = dailyStockReport(projected, life, { location: 'KVIK-NORD', day });
    // As the log stood when the 24th ended: handed out (a first handout), not on the shelf.
    expect(on24.movements).toEqual([{ type: 'handed_out', operator: 'AB', count: 1 }]);
    expect(on24.handouts).toMatchObject({ new: 1, reused: 0 });
    expect(on24.stockTotal).toBe(0);
    const on25 = dailyStockReport(projected, life, { location: 'KVIK-NORD', day: '2026-11-25' });
    // The undo restored handouts = 0, so the handout that stands is a first one too.
    expect(on25.movements).toEqual([
      { type: 'handed_out', operator: 'AB', count: 1 },
      { type: 'corrected', operator: 'AB', count: 1 },
    ]);
    expect(on25.handouts).toMatchObject({ new: 1, reused: 0 });
  });

  it('refuses a day that is not a date and an unknown time zone', () => {
    expect(() => dailyStockReport([], [], { location: 'KVIK-NORD', day: '2026-11-31' })).toThrow();
    expect(() => dailyStockReport([], [], { location: 'KVIK-NORD', day, settings: { timeZone: 'Mars/Olympus' } })).toThrow();
  });

  it('the shelf statuses are exactly the domain’s in-stock statuses', () => {
    expect([...stockStatuses].sort()).toEqual([...inStockStatuses].sort());
  });
});
