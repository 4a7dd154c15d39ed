import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepartments } from '../../shared/domain/reference';
import type { DeviceEvent } from '../../shared/domain/event';
import { addDays, localDayOf, quarterOf } from '../../shared/reports/calendar';
import { dailyStockReport } from '../../shared/reports/daily-stock';
import { dailyWithModelNames } from '../../shared/reports/model-names';
import { departmentBilling } from '../../shared/reports/department-billing';
import { monthlySummary, monthOf } from '../../shared/reports/monthly-summary';
import { replay } from '../../shared/lifecycle/apply';
import { defaultReportSettings } from '../../shared/reports/settings';
import { dailyTrends } from '../../shared/reports/trends';
import { makeEvent } from '../../shared/testing/builders';
import { generateFleet, type Fleet } from '../../tests/bench/support/generate';
import { storedDevice, type KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { recordEvent } from '../store/record';
import { produceReport } from './produce-report';
import type { ReportProgress } from './report-request';

/**
 * The desk's read path against the pure reports given everything: a fleet of a few hundred
 * devices over two years in a real Dexie store (fake-indexeddb), the reports read from the store
 * and computed, compared field by field with the same reports computed from every device and the
 * whole event log. The reader takes far less than everything; the figures must not notice.
 */

const settings = defaultReportSettings;
let db: KvikDb;
let fleet: Fleet;
/** The store's departments, in the order the reader gives them (by id). */
const departments = [...seedDepartments].sort((a, b) => (a.id < b.id ? -1 : 1));

beforeAll(async () => {
  fleet = generateFleet({ devices: 400, events: 4_000, desks: 3, seed: 7 });
  db = await openDb('produce-report-test');
  await db.devices.bulkPut(fleet.devices.map(storedDevice));
  await db.events.bulkPut(fleet.events.map((event, i) => ({ ...event, sync: 'accepted' as const, seq: i + 1 })));
});

afterAll(async () => {
  db.close();
  await db.delete();
});

const lastDay = () => localDayOf(fleet.end, settings.timeZone);

const modes = [
  { mode: 'one range per touched device', scanAboveTouchedShare: 1, source: 'log' },
  { mode: 'one pass over the events store', scanAboveTouchedShare: 0, source: 'log' },
  // The trend and the department report from the report rows the store kept as the events were written.
  { mode: 'the report rows', scanAboveTouchedShare: 1, source: 'rows' },
] as const;

describe.each(modes)('produceReport reads exactly what the reports need ($mode)', ({ scanAboveTouchedShare, source }) => {
  const produce: typeof produceReport = (store, request, onProgress) => produceReport(store, request, onProgress, { scanAboveTouchedShare, source });

  it('the daily stock report equals the report over every device and event, for every location, on several days', async () => {
    const days = [lastDay(), addDays(lastDay(), -1), addDays(lastDay(), -45), addDays(lastDay(), -400)];
    let compared = 0;
    for (const day of days) {
      for (const location of fleet.locations) {
        const result = await produce(db, { kind: 'daily', location, day, settings });
        if (result.kind !== 'daily') throw new Error(result.kind);
        expect(result.report).toEqual(dailyStockReport(fleet.devices, fleet.events, { location, day, settings }));
        compared += result.report.stockTotal + result.report.handouts.total;
      }
    }
    // The fleet is busy enough for the comparison to mean something.
    expect(compared).toBeGreaterThan(100);
  });

  it('the 30-day trend equals the trend over everything', async () => {
    let stock = 0;
    let handouts = 0;
    for (const location of fleet.locations) {
      const lastDayShown = addDays(lastDay(), -10);
      const result = await produce(db, { kind: 'trend', location, lastDay: lastDayShown, days: 30, settings });
      if (result.kind !== 'trend') throw new Error(result.kind);
      const expected = dailyTrends(fleet.devices, fleet.events, { location, lastDay: lastDayShown, days: 30, settings });
      expect(result.report).toEqual(expected);
      for (const row of expected.rows) {
        stock += row.inStock;
        handouts += row.handedOutNew + row.handedOutReused;
      }
    }
    expect(stock).toBeGreaterThan(0);
    expect(handouts).toBeGreaterThan(0);
  });

  it('the department report equals the report over everything, quarter by quarter', async () => {
    const quarters = [quarterOf(lastDay()), quarterOf(addDays(lastDay(), -100)), quarterOf(addDays(lastDay(), -500))];
    for (const quarter of quarters) {
      const result = await produce(db, { kind: 'billing', quarter, settings });
      if (result.kind !== 'billing') throw new Error(result.kind);
      // The store holds no employees: no names to add.
      const expected = { ...departmentBilling(fleet.devices, fleet.events, { quarter, settings, departments }), employeeNames: {} };
      expect(result.report).toEqual(expected);
      expect(expected.holdings.length).toBeGreaterThan(0);
    }
  });

  it('the monthly summary equals the summary over everything, with its quarter’s bill', async () => {
    let counted = 0;
    for (const day of [lastDay(), addDays(lastDay(), -40), addDays(lastDay(), -300)]) {
      const month = monthOf(day);
      const result = await produce(db, { kind: 'monthly', month, today: lastDay(), settings });
      if (result.kind !== 'monthly') throw new Error(result.kind);
      const billing = { ...departmentBilling(fleet.devices, fleet.events, { quarter: quarterOf(`${month}-01`), settings, departments }), employeeNames: {} };
      const expected = monthlySummary(fleet.devices, fleet.events, { month, today: lastDay(), settings }, { models: [], billing });
      expect(result.report).toEqual(expected);
      counted += expected.handouts.count + expected.returns.count + expected.inRepair.length + expected.idle.count;
    }
    expect(counted).toBeGreaterThan(0);
  });

  it('reads the histories of the touched devices only, and says how far it got', async () => {
    const progress: ReportProgress[] = [];
    const result = await produce(db, { kind: 'daily', location: 'LAGER', day: addDays(lastDay(), -45), settings }, (p) => progress.push(p));
    expect(result.timings.histories).toBeGreaterThan(0);
    expect(result.timings.histories).toBeLessThan(fleet.devices.length / 4);
    expect(result.timings.devices).toBeLessThan(fleet.devices.length);
    expect(progress[0]).toEqual({ phase: 'events' });
    expect(progress.slice(-2)).toEqual([{ phase: 'devices' }, { phase: 'computing' }]);
    const reading = progress.slice(1, -2);
    const phase = scanAboveTouchedShare === 1 ? 'histories' : 'scanning';
    expect(reading.every((p) => p.phase === phase)).toBe(true);
    expect(reading.at(-1)).toEqual(
      phase === 'histories' ? { phase, done: result.timings.histories, total: result.timings.histories } : { phase, share: 1 },
    );
  });
});

describe('produceReport from the report rows, beside the log', () => {
  it('the department statements equal those from the log (the charges replayed, the bill from the rows)', async () => {
    let charged = 0;
    for (const quarter of [quarterOf(lastDay()), quarterOf(addDays(lastDay(), -100)), quarterOf(addDays(lastDay(), -500))]) {
      const rows = await produceReport(db, { kind: 'statement', quarter, settings });
      const log = await produceReport(db, { kind: 'statement', quarter, settings }, undefined, { source: 'log', scanAboveTouchedShare: 1 });
      if (rows.kind !== 'statement' || log.kind !== 'statement') throw new Error('kind');
      expect(rows.report).toEqual(log.report);
      expect(rows.report.billing).toEqual({ ...departmentBilling(fleet.devices, fleet.events, { quarter, settings, departments }), employeeNames: {} });
      charged += rows.report.charges.length;
    }
    expect(charged).toBeGreaterThan(0);
  });

  it('the monthly summary counts every place, whether the desk’s location table knows it or not', async () => {
    // The store knows LAGER and KVIK-RH (no rows) from its first start; the fleet's desks are found between them. Then it knows them all.
    const month = monthOf(addDays(lastDay(), -40));
    const expected = () => {
      const billing = { ...departmentBilling(fleet.devices, fleet.events, { quarter: quarterOf(`${month}-01`), settings, departments }), employeeNames: {} };
      return monthlySummary(fleet.devices, fleet.events, { month, today: lastDay(), settings }, { models: [], billing });
    };
    const added = fleet.locations.filter((id) => id !== 'LAGER').map((id) => ({ id, name: id, type: 'desk' as const }));
    for (const known of [[], added]) {
      await db.locations.bulkPut(known);
      const result = await produceReport(db, { kind: 'monthly', month, today: lastDay(), settings });
      if (result.kind !== 'monthly') throw new Error(result.kind);
      expect(result.report).toEqual(expected());
    }
    await db.locations.bulkDelete(added.map((location) => location.id));
    expect(expected().handouts.count + expected().idle.count).toBeGreaterThan(0);
  });
});

describe("produceReport on a desk's own store", () => {
  const imei = '354381079141772';
  const key = `imei:${imei}`;
  let desk: KvikDb;

  beforeAll(async () => {
    desk = await openDb('produce-report-desk');
    await desk.models.put({ id: 'IP15', name: 'iPhone 15', kind: 'phone' });
  });
  afterAll(async () => {
    desk.close();
    await desk.delete();
  });

  const record = async (event: DeviceEvent) => {
    const result = await recordEvent(desk, event);
    if (!result.ok) throw new Error(result.refusal.code);
  };

  it('replays sequenced events in server order, then the pending ones, whatever their clocks say', async () => {
    // Accepted by the server: received at 10:00, prepared at 11:00 by a desk whose clock ran an hour
    // behind (its `at` is 09:00, before the registration); then this desk hands it out, pending.
    const received = makeEvent('received', key, { at: '2026-11-24T10:00:00.000Z', location: 'LAGER', data: { imei, model: 'IP15' } });
    const prepared = makeEvent('prepared', key, { at: '2026-11-24T09:00:00.000Z', location: 'LAGER' });
    await desk.events.bulkPut([
      { ...received, sync: 'accepted', seq: 1 },
      { ...prepared, sync: 'accepted', seq: 2 },
    ]);
    const result = await produceReport(desk, { kind: 'daily', location: 'LAGER', day: '2026-11-24', settings });
    if (result.kind !== 'daily') throw new Error(result.kind);
    // No projection yet (a bootstrap in progress): the replay's own end state counts.
    expect(result.report.stock).toEqual([{ kind: 'phone', model: 'iPhone 15', status: 'ready', count: 1 }]);
    expect(result.report.movementTotals.filter((m) => m.count > 0)).toEqual([
      { type: 'received', count: 1 },
      { type: 'prepared', count: 1 },
    ]);

    await desk.devices.put(storedDevice({ ...(await projection()), lastEventId: prepared.id }));
    await record(makeEvent('handed_out', key, { at: '2026-11-24T12:00:00.000Z', location: 'LAGER' }));
    const after = await produceReport(desk, { kind: 'daily', location: 'LAGER', day: '2026-11-24', settings });
    if (after.kind !== 'daily') throw new Error(after.kind);
    expect(after.report.stockTotal).toBe(0);
    expect(after.report.handouts).toEqual({ total: 1, new: 1, reused: 0, reusedShare: 0 });
    expect(after.report.incomplete).toEqual([]);
  });

  it('finds events whose `at` carries an offset, though their text sorts hours away from their instant', async () => {
    const other = '352099006317065';
    // 20:00 on the 24th at UTC−5 is 01:00 UTC on the 25th, 02:00 in Copenhagen: the 25th's. As
    // text it sorts before the 25th's first instant (23:00 UTC on the 24th).
    await record(makeEvent('received', `imei:${other}`, { at: '2026-11-24T20:00:00-05:00', location: 'LAGER', data: { imei: other } }));
    const day24 = await produceReport(desk, { kind: 'daily', location: 'LAGER', day: '2026-11-24', settings });
    const day25 = await produceReport(desk, { kind: 'daily', location: 'LAGER', day: '2026-11-25', settings });
    if (day24.kind !== 'daily' || day25.kind !== 'daily') throw new Error('kind');
    const received = (report: typeof day24.report) => report.movementTotals.find((m) => m.type === 'received')?.count;
    expect(received(day24.report)).toBe(1);
    expect(day24.report.stockByStatus.received).toBe(0);
    expect(received(day25.report)).toBe(1);
    expect(day25.report.stockByStatus.received).toBe(1);
  });

  it("starts each device from its applied history, not from the `prior` this desk stored (a view that can be stale)", async () => {
    // Another desk receives and prepares a phone at LAGER on the 10th (pulled: no `prior`). This
    // desk, not yet having pulled the preparation, notes the phone on the 12th: its `prior` says
    // `received`. The server sequenced the note after the preparation, so on the 12th the phone
    // stood `ready`. A reader that started the day from `prior` (to skip reading the 10th's events)
    // would count it `received`: `prior` is the desk's view when it recorded, not the applied order.
    const other = '356938035643809';
    const otherKey = `imei:${other}`;
    const received = makeEvent('received', otherKey, { at: '2026-11-10T08:00:00.000Z', deskId: 'desk-2', data: { imei: other, model: 'IP15' } });
    const prepared = makeEvent('prepared', otherKey, { at: '2026-11-10T09:00:00.000Z', deskId: 'desk-2' });
    const note = makeEvent('note', otherKey, { at: '2026-11-12T10:00:00.000Z' });
    const stale = replay([received]);
    const ready = replay([received, prepared, note]);
    if (!stale.ok || !stale.device || !ready.ok || !ready.device) throw new Error('replay');
    await desk.events.bulkPut([
      { ...received, sync: 'accepted', seq: 11 },
      { ...prepared, sync: 'accepted', seq: 12 },
      { ...note, prior: storedDevice(stale.device), sync: 'accepted', seq: 13 },
    ]);
    await desk.devices.put(storedDevice(ready.device));
    for (const scanAboveTouchedShare of [0, 1]) {
      const result = await produceReport(desk, { kind: 'daily', location: 'LAGER', day: '2026-11-12', settings }, undefined, { scanAboveTouchedShare });
      if (result.kind !== 'daily') throw new Error(result.kind);
      expect(result.report.stock).toEqual([{ kind: 'phone', model: 'iPhone 15', status: 'ready', count: 1 }]);
      expect(result.report.incomplete).toEqual([]);
      expect(result.report.stockByStatus).toEqual({ received: 0, ready: 1, returned: 0 });
    }
  });

  it('leaves out the histories of devices touched elsewhere that day, but not one whose old event the server sequenced into the day', async () => {
    const day = '2026-11-30';
    const phone = (imei: string) => ({ imei, key: `imei:${imei}` });
    // Elsewhere all day: received at KVIK-02 days ago, prepared there today. Nothing at LAGER.
    const away = phone('353918104443566');
    const awayEvents = [
      makeEvent('received', away.key, { at: '2026-11-26T08:00:00.000Z', location: 'KVIK-02', data: { imei: away.imei, model: 'IP15' } }),
      makeEvent('prepared', away.key, { at: '2026-11-30T09:00:00.000Z', location: 'KVIK-02' }),
    ];
    // Moved from LAGER to KVIK-02 days ago, prepared there today (sequenced 104); then a desk at
    // LAGER that was offline since the 27th sends it to repair, recorded that day and sequenced
    // after (105): applied after today's step, it takes effect today, at LAGER.
    const late = phone('356656423344017');
    const lateEvents = [
      makeEvent('received', late.key, { at: '2026-11-26T08:00:00.000Z', data: { imei: late.imei, model: 'IP15' } }),
      makeEvent('moved', late.key, { at: '2026-11-26T09:00:00.000Z', data: { to: 'KVIK-02' } }),
      makeEvent('prepared', late.key, { at: '2026-11-30T09:30:00.000Z', location: 'KVIK-02' }),
      makeEvent('sent_to_repair', late.key, { at: '2026-11-27T10:00:00.000Z', deskId: 'desk-9', data: { vendor: 'Fixit' } }),
    ];
    const seqs = new Map([...awayEvents.map((event, i) => [event.id, [100, 103][i]] as const), ...lateEvents.map((event, i) => [event.id, [101, 102, 104, 105][i]] as const)]);
    const sequenced = [...awayEvents, ...lateEvents].map((event) => ({ ...event, seq: seqs.get(event.id) }));
    await desk.events.bulkPut(sequenced.map((event) => ({ ...event, sync: 'accepted' as const })));
    for (const events of [awayEvents, lateEvents]) {
      const result = replay(events);
      if (!result.ok || !result.device) throw new Error('replay');
      await desk.devices.put(storedDevice(result.device));
    }
    const everything = await desk.events.toArray();
    const all = (await desk.devices.toArray()).map(({ identifiers: _i, endings: _e, ...device }) => device);
    const ordered = everything.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
    const result = await produceReport(desk, { kind: 'daily', location: 'LAGER', day, settings }, undefined, { scanAboveTouchedShare: 1 });
    if (result.kind !== 'daily') throw new Error(result.kind);
    expect(result.report).toEqual(dailyWithModelNames(dailyStockReport(all, ordered, { location: 'LAGER', day, settings }), new Map([['IP15', 'iPhone 15']])));
    expect(result.report.movementTotals.find((m) => m.type === 'sent_to_repair')?.count).toBe(1);
    // The phone that never came near LAGER is not read; the late one is.
    expect(result.timings.histories).toBe(1);
  });

  async function projection() {
    const events = await desk.events.where('[deviceKey+at]').between([key, ''], [key, '\uffff']).toArray();
    const result = replay(events.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)));
    if (!result.ok || !result.device) throw new Error('no projection');
    return result.device;
  }
});
