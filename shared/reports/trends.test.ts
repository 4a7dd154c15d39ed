import { describe, expect, it } from 'vitest';
import { dailyStockReport } from './daily-stock';
import { eventsByDevice, projectDevices } from './history';
import { imei, lifeOf, merge } from './scenario.test-support';
import { dailyTrends, reuseShare } from './trends';

/** KVIK-NORD from Monday 23 to Thursday 26 November 2026 (UTC times; local is +1 h). */
const phone = (n: number) => ({ kind: 'phone', model: 'iPhone 13', imei: imei(n) }) as const;
const events = merge(
  // A: on the shelf since 1 November, untouched in the window.
  lifeOf(phone(1), [{ type: 'received', at: '2026-11-01T08:00:00.000Z' }]),
  // B: received on the 24th.
  lifeOf(phone(2), [{ type: 'received', at: '2026-11-24T10:00:00.000Z' }]),
  // C: out and back on the 24th (its first handout: new), out again on the 25th (reused).
  lifeOf(phone(3), [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T12:00:00.000Z', data: { department: 'BUF' } },
    { type: 'returned', at: '2026-11-24T15:00:00.000Z' },
    { type: 'prepared', at: '2026-11-25T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-25T10:00:00.000Z', data: { department: 'SOF' } },
  ]),
  // D: ready at LAGER, moved here on the 25th.
  lifeOf(phone(4), [
    { type: 'received', at: '2026-11-01T08:00:00.000Z', location: 'LAGER' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z', location: 'LAGER' },
    { type: 'moved', at: '2026-11-25T08:00:00.000Z', location: 'LAGER', data: { to: 'KVIK-NORD' } },
  ]),
  // E: ready here; handed out on the 26th and undone five minutes later.
  lifeOf(phone(5), [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-26T09:00:00.000Z', data: { department: 'TMF' } },
    { type: 'undo', at: '2026-11-26T09:05:00.000Z' },
  ]),
  // F: handed out at LAGER on the 23rd.
  lifeOf(phone(6), [
    { type: 'received', at: '2026-10-01T08:00:00.000Z', location: 'LAGER' },
    { type: 'prepared', at: '2026-10-02T08:00:00.000Z', location: 'LAGER' },
    { type: 'handed_out', at: '2026-11-23T10:00:00.000Z', location: 'LAGER', data: { department: 'KFF' } },
  ]),
);
const devices = projectDevices(events);

const row = (day: string, received: number, ready: number, returned: number, handedOutNew: number, handedOutReused: number) => ({
  day, received, ready, returned, inStock: received + ready + returned, handedOutNew, handedOutReused,
});

describe('the trend of one location', () => {
  it('counts the shelf at the end of each day and the handouts new vs reused', () => {
    const trend = dailyTrends(devices, events, { location: 'KVIK-NORD', lastDay: '2026-11-26', days: 4 });
    expect(trend).toMatchObject({ location: 'KVIK-NORD', firstDay: '2026-11-23', lastDay: '2026-11-26', incomplete: [] });
    expect(trend.rows).toEqual([
      row('2026-11-23', 1, 2, 0, 0, 0), // A | C, E
      row('2026-11-24', 2, 1, 1, 1, 0), // A, B | E | C (back the same day); C out: new
      row('2026-11-25', 2, 2, 0, 0, 1), // A, B | D (moved in), E; C out again: reused
      row('2026-11-26', 2, 2, 0, 0, 0), // E's handout undone
    ]);
  });

  it('every location at once', () => {
    const trend = dailyTrends(devices, events, { lastDay: '2026-11-26', days: 4 });
    expect(trend.location).toBeNull();
    expect(trend.rows).toEqual([
      row('2026-11-23', 1, 3, 0, 1, 0), // A | C, D, E; F out at LAGER: new
      row('2026-11-24', 2, 2, 1, 1, 0),
      row('2026-11-25', 2, 2, 0, 0, 1),
      row('2026-11-26', 2, 2, 0, 0, 0),
    ]);
  });

  it('agrees with the daily report on every day', () => {
    const trend = dailyTrends(devices, events, { location: 'KVIK-NORD', lastDay: '2026-11-26', days: 4 });
    for (const r of trend.rows) {
      const daily = dailyStockReport(devices, events, { location: 'KVIK-NORD', day: r.day });
      expect([r.received, r.ready, r.returned, r.inStock]).toEqual([daily.stockByStatus.received, daily.stockByStatus.ready, daily.stockByStatus.returned, daily.stockTotal]);
      expect([r.handedOutNew, r.handedOutReused]).toEqual([daily.handouts.new, daily.handouts.reused]);
    }
  });

  it('gives the same trend from the events grouped by device', () => {
    const options = { location: 'KVIK-NORD', lastDay: '2026-11-26', days: 4 };
    expect(dailyTrends(devices, eventsByDevice(events), options)).toEqual(dailyTrends(devices, events, options));
  });

  it('defaults to the last 30 days', () => {
    const trend = dailyTrends(devices, events, { location: 'KVIK-NORD', lastDay: '2026-11-26' });
    expect(trend.rows).toHaveLength(30);
    expect(trend.firstDay).toBe('2026-10-28');
    // Before 1 November nothing was here.
    expect(trend.rows[0]).toEqual(row('2026-10-28', 0, 0, 0, 0, 0));
  });
});

describe('edge cases', () => {
  it('nothing in, zeros out', () => {
    const trend = dailyTrends([], [], { location: 'KVIK-NORD', lastDay: '2026-11-26', days: 2 });
    expect(trend.rows).toEqual([row('2026-11-25', 0, 0, 0, 0, 0), row('2026-11-26', 0, 0, 0, 0, 0)]);
  });

  it('counts a handout undone after midnight on its own day', () => {
    const life = lifeOf(phone(30), [
      { type: 'received', at: '2026-11-20T08:00:00.000Z' },
      { type: 'prepared', at: '2026-11-20T09:00:00.000Z' },
      { type: 'handed_out', at: '2026-11-24T22:50:00.000Z' }, // 23:50 on the 24th
      { type: 'undo', at: '2026-11-24T23:10:00.000Z' }, // 00:10 on the 25th
      { type: 'handed_out', at: '2026-11-25T09:00:00.000Z' },
    ]);
    const trend = dailyTrends(projectDevices(life), life, { location: 'KVIK-NORD', lastDay: '2026-11-25', days: 2 });
    expect(trend.rows.map((r) => [r.day, r.ready, r.handedOutNew, r.handedOutReused])).toEqual([
      ['2026-11-24', 0, 1, 0],
      ['2026-11-25', 0, 1, 0],
    ]);
  });

  it('puts a late evening on the autumn DST day on that day', () => {
    const late = lifeOf(phone(20), [{ type: 'received', at: '2026-10-25T22:30:00.000Z' }]); // 23:30 CET
    const trend = dailyTrends(projectDevices(late), late, { location: 'KVIK-NORD', lastDay: '2026-10-26', days: 3 });
    expect(trend.rows.map((r) => [r.day, r.inStock])).toEqual([['2026-10-24', 0], ['2026-10-25', 1], ['2026-10-26', 1]]);
  });
});

describe('the reuse share against the goal', () => {
  it('is the used devices among the days\' handouts, held against the goal', () => {
    const trend = dailyTrends(devices, eventsByDevice(events), { location: 'KVIK-NORD', lastDay: '2026-11-26', days: 4 });
    // C went out new on the 24th and used on the 25th; E's handout was undone.
    expect(reuseShare(trend.rows, 8)).toEqual({ handouts: 2, reused: 1, share: 0.5, goal: 0.08, reached: true });
  });

  it('falls short below the goal, and says nothing on days without handouts', () => {
    const days = (usedOf100: number) => [{ handedOutNew: 100 - usedOf100, handedOutReused: usedOf100 }];
    expect(reuseShare(days(7), 8)).toMatchObject({ share: 0.07, reached: false });
    expect(reuseShare(days(8), 8)).toMatchObject({ share: 0.08, reached: true });
    expect(reuseShare([], 8)).toMatchObject({ handouts: 0, share: null, reached: null });
  });
});
