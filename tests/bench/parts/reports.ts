import type { Device } from '../../../shared/domain/device';
import type { DeviceEvent } from '../../../shared/domain/event';
import { quarterSpan, startOfDay } from '../../../shared/reports/calendar';
import { dailyStockReport } from '../../../shared/reports/daily-stock';
import { departmentBilling } from '../../../shared/reports/department-billing';
import { eventsByDevice } from '../../../shared/reports/history';
import { dailyTrends } from '../../../shared/reports/trends';
import { figure, median, type BenchPart } from '../figures';
import { generateFleet, validateSample } from '../support/generate';

/**
 * The team leads' reports over 100,000 devices and 1,000,000 events (two years, 15 locations, nine
 * departments). Each report is timed three ways: given the whole log as one list (the naive call,
 * the worst case); given only the events it needs as one list; and given those grouped by device,
 * as a store indexed by device key returns them (the desk's Dexie `deviceKey` index, the server's
 * `ORDER BY device_key, seq`). Reading the store is not timed. The baseline is one plain pass over
 * the same arrays summing one field, measured in the same run. Target: each report under 1 s.
 */
const DEVICES = 100_000;
const EVENTS = 1_000_000;
const LOCATION = 'KVIK-01';
const DAY = '2026-11-30';
const QUARTER = { year: 2026, quarter: 3 };
const TZ = 'Europe/Copenhagen';
const RUNS = 5;

function timed(run: () => unknown): number {
  run(); // warm up: the first call pays for compilation
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * What a store indexed by device key hands out: each device's events, read (and so allocated)
 * device by device — `structuredClone` is what IndexedDB does to every record it returns.
 */
function readByDevice(events: readonly DeviceEvent[]): Map<string, DeviceEvent[]> {
  return new Map([...eventsByDevice(events)].map(([key, list]) => [key, structuredClone(list)]));
}

/** What the desk would read: every event of each device with an event at or after `fromMs`. */
function neededSince(events: readonly DeviceEvent[], fromMs: number): DeviceEvent[] {
  const touched = new Set(events.filter((e) => Date.parse(e.at) >= fromMs).map((e) => e.deviceKey));
  return events.filter((e) => touched.has(e.deviceKey));
}

function baseline(devices: readonly Device[], events: readonly DeviceEvent[]): number {
  let sum = 0;
  for (const device of devices) sum += device.handouts;
  for (const event of events) sum += event.at.length;
  return sum;
}

export const part: BenchPart = {
  name: 'reports',
  async run() {
    const generating = performance.now();
    const { devices, events } = generateFleet({ devices: DEVICES, events: EVENTS });
    const generateMs = performance.now() - generating;
    const checked = validateSample(events, 100);
    const base = timed(() => baseline(devices, events));
    const target = 'target < 1000 ms; baseline: one pass summing a field';

    const dayEvents = neededSince(events, startOfDay(DAY, TZ));
    const dayByDevice = readByDevice(dayEvents);
    const daily = () => dailyStockReport(devices, events, { location: LOCATION, day: DAY });
    const report = daily();
    const dailyMs = timed(daily);
    const dailyNeededMs = timed(() => dailyStockReport(devices, dayEvents, { location: LOCATION, day: DAY }));
    const dailyGroupedMs = timed(() => dailyStockReport(devices, dayByDevice, { location: LOCATION, day: DAY }));

    const quarterEvents = neededSince(events, quarterSpan(QUARTER, TZ).startMs);
    const quarterByDevice = readByDevice(quarterEvents);
    const billing = () => departmentBilling(devices, events, { quarter: QUARTER });
    const bill = billing();
    const billingMs = timed(billing);
    const billingNeededMs = timed(() => departmentBilling(devices, quarterEvents, { quarter: QUARTER }));
    const billingGroupedMs = timed(() => departmentBilling(devices, quarterByDevice, { quarter: QUARTER }));

    const trendsMs = timed(() => dailyTrends(devices, events, { location: LOCATION, lastDay: DAY, days: 30 }));

    return {
      'reports.generate': figure(generateMs / 1000, 's', undefined, `${devices.length} devices, ${events.length} events; ${checked} checked against deviceEventSchema`),
      'reports.daily': figure(dailyMs, 'ms', base, `${LOCATION} on ${DAY}, all ${events.length} events given; ${target}`),
      'reports.daily.needed-events': figure(
        dailyNeededMs,
        'ms',
        base,
        `only the ${dayEvents.length} events of devices touched that day; stock ${report.stockTotal}, ${report.handouts.total} handouts, ${report.inRepair.length} in repair, ${report.idle.length} idle`,
      ),
      'reports.daily.by-device': figure(dailyGroupedMs, 'ms', base, `the same ${dayByDevice.size} devices' events grouped by device; ${target}`),
      'reports.billing': figure(billingMs, 'ms', base, `${bill.period}, all events given; ${target}`),
      'reports.billing.needed-events': figure(
        billingNeededMs,
        'ms',
        base,
        `only the ${quarterEvents.length} events of devices touched since the quarter began; ${bill.holdings.length} holdings, ${(bill.totals.amountOre / 100).toFixed(2)} kr`,
      ),
      'reports.billing.by-device': figure(billingGroupedMs, 'ms', base, `the same ${quarterByDevice.size} devices' events grouped by device; ${target}`),
      'reports.trends-30-days': figure(trendsMs, 'ms', base, `${LOCATION}, 30 days ending ${DAY}, all events given`),
    };
  },
};
