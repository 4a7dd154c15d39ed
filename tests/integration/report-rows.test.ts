import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, DeviceStatus } from '../../shared/domain/device';
import type { DeviceEvent, EventType } from '../../shared/domain/event';
import { allowedEvents } from '../../shared/lifecycle/transitions';
import { centralReport, centralReportQuerySchema, type CentralReportData } from '../../shared/reports/central';
import { makeEvent } from '../../shared/testing/builders';
import type { Database } from '../../server/db/database';
import { readReference } from '../../server/reference/read';
import { readCentralReportData } from '../../server/reports/read';
import { deviceRows, ensureReportRows, REPORT_ROWS_VERSION } from '../../server/reports/rows';
import { appendEvents } from '../../server/sync/push';
import { backends, type OpenedDatabase } from './support/backends';
import { uniqueId } from './support/events';

/**
 * The report rows the server keeps with every write of the log (`server/reports/rows.ts`) equal
 * the rows made from the whole log, and every central report read from them equals the same
 * report replayed from every device and the whole log — over random pushes: what the lifecycle
 * allows, events it refuses (conflicts), undos (also of undos and from the wrong desk), voids,
 * desk clocks out of step (events applied out of the order of their `at`), several events of a
 * device in one push; then rebuilt from nothing, as after a new digest version.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const devices = [
  { key: 'imei:354381079141772', imei: '354381079141772' },
  { key: 'imei:352099006317065', imei: '352099006317065' },
  { key: 'imei:490154203237518', imei: '490154203237518' },
  { key: 'imei:356938035643809', imei: '356938035643809' },
];
const locations = ['LAGER', 'KVIK-RH'];
const departments = ['ØKF', 'BUF', 'SUF'];
const HOUR = 3_600_000;

const stepArb = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('act' as const), device: fc.nat(devices.length - 1), pick: fc.nat(99), place: fc.nat(1), n: fc.nat(5), hours: fc.integer({ min: 1, max: 150 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refused' as const), device: fc.nat(devices.length - 1), pick: fc.nat(99), hours: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), device: fc.nat(devices.length - 1), otherDesk: fc.boolean(), hours: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fix' as const), device: fc.nat(devices.length - 1), place: fc.nat(1), hours: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), device: fc.nat(devices.length - 1), hours: fc.integer({ min: 0, max: 30 }) }) },
  // A desk whose clock is behind: the next events carry an earlier `at` than those already applied.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), hours: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const) }) },
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function dataFor(type: EventType, device: (typeof devices)[number], n: number, place: number): Record<string, unknown> {
  switch (type) {
    case 'received':
      // Some priced and dated, so the statement's residual values are not all missing.
      return { kind: 'phone', imei: device.imei, model: n % 2 ? 'IP13' : 'A54', ...(n % 3 ? { purchaseDate: '2024-01-15', purchasePrice: 400_000 } : {}) };
    case 'imported':
      return { kind: 'phone', imei: device.imei, status: n % 2 ? 'ready' : 'received', location: locations[place] };
    case 'handed_out':
      return { department: departments[n % departments.length], employeeId: `E${n}` };
    case 'returned':
      return { condition: (['ok', 'damaged', 'defective'] as const)[n % 3] };
    case 'moved':
      return { to: locations[1 - place] };
    case 'repaired':
      return { outcome: n % 4 === 0 ? 'unrepairable' : 'fixed' };
    default:
      return {};
  }
}

const forward: Record<DeviceStatus | 'none', EventType> = {
  none: 'received',
  received: 'prepared',
  ready: 'handed_out',
  assigned: 'returned',
  returned: 'prepared',
  in_repair: 'repaired',
  lost: 'found',
  in_transit: 'transfer_received',
  disposed: 'note',
};

/** The pushes of a run: events built against the server's projection as it stands, pushed in batches. */
async function play(db: Database, steps: readonly Step[]): Promise<void> {
  let clock = Date.parse('2026-06-20T08:00:00.000Z');
  let batch: DeviceEvent[] = [];
  const push = async () => {
    if (batch.length > 0) await appendEvents(db, batch);
    batch = [];
  };
  const current = async (key: string): Promise<Device | null> => {
    const [row] = await db.query('SELECT device FROM devices WHERE key = $1', [key]);
    return (row?.device as Device | undefined) ?? null;
  };
  const add = (type: EventType, key: string, data: Record<string, unknown>, place = 0, deskId = 'desk-1') =>
    batch.push(makeEvent(type, key, { id: uniqueId(), at: new Date(clock).toISOString(), deskId, location: locations[place], data } as never));
  for (const step of steps) {
    if (step.kind === 'push') {
      await push();
      continue;
    }
    if (step.kind === 'skew') {
      clock -= step.hours * HOUR;
      continue;
    }
    clock += step.hours * HOUR;
    const device = devices[step.device] as (typeof devices)[number];
    // Decided against what the server holds: the batch so far is pushed first.
    await push();
    const shown = await current(device.key);
    if (step.kind === 'act') {
      const status = (shown?.status ?? 'none') as DeviceStatus | 'none';
      const allowed = allowedEvents(status).filter((type) => type !== 'corrected' && type !== 'voided');
      // Mostly along the lifecycle's main path (out, back, out again), else anything it allows.
      const type = step.pick < 60 ? forward[status] : (allowed[step.pick % allowed.length] ?? 'received');
      add(type, device.key, dataFor(type, device, step.n, step.place), step.place);
      // Sometimes a second event of the same device in the same push.
      if (step.n === 0 && type === 'received') add('prepared', device.key, { wiped: true, enrolled: true }, step.place);
    } else if (step.kind === 'refused') {
      const types: EventType[] = ['handed_out', 'returned', 'repaired', 'found', 'prepared'];
      const type = types[step.pick % types.length] as EventType;
      add(type, device.key, dataFor(type, device, step.pick, 0));
    } else if (step.kind === 'undo') {
      if (shown) add('corrected', device.key, { reason: 'Fejl', undoes: shown.lastEventId, resolves: undefined }, 0, step.otherDesk ? 'desk-2' : 'desk-1');
    } else if (step.kind === 'fix') {
      // A correction that sets what was scanned wrong: where the device is.
      if (shown) add('corrected', device.key, { reason: 'Forkert sted', set: { location: locations[step.place] }, resolves: undefined }, step.place);
    } else if (shown) {
      add('voided', device.key, { reason: 'Fejlscanning' });
    }
  }
  await push();
}

/** Every report row as stored, comparable. */
async function storedRows(db: Database): Promise<unknown[]> {
  const rows = await db.query(
    `SELECT device_key, part, place, start_ms, end_ms, since_ms, kind, model, department, employee_id, status, reused, undone_flips, vendor, mark FROM report_rows`,
  );
  return normalised(rows);
}

/** The rows a rebuild from the whole log makes: every device's, from its projection and all its accepted events. */
async function freshRows(db: Database): Promise<unknown[]> {
  const [events, projections] = await Promise.all([
    db.query("SELECT device_key, event FROM events WHERE status = 'accepted' ORDER BY seq"),
    db.query('SELECT key, device FROM devices'),
  ]);
  const byKey = new Map<string, DeviceEvent[]>();
  for (const row of projections) byKey.set(String(row.key), []);
  for (const row of events) {
    const key = String(row.device_key);
    byKey.set(key, [...(byKey.get(key) ?? []), row.event as DeviceEvent]);
  }
  const devicesByKey = new Map(projections.map((row) => [String(row.key), row.device as Device]));
  return normalised([...byKey].flatMap(([key, list]) => deviceRows(key, devicesByKey.get(key) ?? null, list)) as never);
}

/** jsonb keeps an object's fields in an order of its own. */
const sortedFields = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function normalised(rows: ReadonlyArray<Record<string, unknown>>): unknown[] {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows
    .map((row) =>
      JSON.stringify([
        row.device_key,
        row.part,
        row.place,
        String(number(row.start_ms)),
        String(number(row.end_ms)),
        String(number(row.since_ms)),
        row.kind ?? null,
        row.model ?? null,
        row.department ?? null,
        row.employee_id ?? null,
        row.status ?? null,
        row.reused ?? null,
        row.undone_flips ?? null,
        row.vendor ?? null,
        row.mark ? sortedFields(row.mark as Record<string, unknown>) : null,
      ]),
    )
    .sort();
}

const TODAY = '2026-12-05';
const questions = [
  'department?quarter=2026-Q3',
  'department?quarter=2026-Q4',
  'trend?location=LAGER&lastDay=2026-07-20',
  'trend?location=KVIK-RH&lastDay=2026-08-31&days=60',
  'trend?lastDay=2026-09-30&days=90',
  'monthly?month=2026-06',
  'monthly?month=2026-07',
  'monthly?month=2026-08',
  'monthly?month=2026-09',
  'statement?quarter=2026-Q3&department=BUF',
  'statement?quarter=2026-Q3&department=ØKF',
  'statement?quarter=2026-Q4&department=SUF',
  'daily?location=LAGER&day=2026-07-01',
];

async function expectReportsEqualReplay(db: Database): Promise<void> {
  const [events, projections, reference] = await Promise.all([
    db.query("SELECT event FROM events WHERE status = 'accepted' ORDER BY seq"),
    db.query('SELECT device FROM devices'),
    readReference(db),
  ]);
  const everything: CentralReportData = {
    devices: projections.map((row) => row.device as Device),
    events: events.map((row) => row.event as DeviceEvent),
    models: reference.models,
    departments: reference.departments,
    employees: reference.employees,
  };
  for (const question of questions) {
    const [report, search] = question.split('?') as [string, string];
    const query = centralReportQuerySchema.parse({ ...Object.fromEntries(new URLSearchParams(search)), report, today: TODAY });
    const fromRows = centralReport(query, await readCentralReportData(db, query, TODAY), TODAY).report;
    expect(fromRows, question).toEqual(centralReport(query, everything, TODAY).report);
  }
}

describe.each(backends)('report rows on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('kept with every push equal the rows from the whole log, and give every report a full replay gives', async () => {
    let busy = 0;
    const parts = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 25, maxLength: 80 }), async (steps) => {
        await db.exec('TRUNCATE events, devices, report_rows, refused_events; UPDATE sync_head SET seq = 0;');
        await play(db, steps);
        const kept = await storedRows(db);
        expect(kept).toEqual(await freshRows(db));
        await expectReportsEqualReplay(db);
        busy += kept.length;
        for (const row of await db.query("SELECT part || ':' || place AS part, count(*)::int AS n FROM report_rows WHERE part IN ('r', 'm') GROUP BY 1"))
          parts.set(String(row.part), (parts.get(String(row.part)) ?? 0) + Number(row.n));

        // From nothing, as after a new digest version: the same rows.
        await db.exec('DELETE FROM report_rows; UPDATE report_rows_state SET version = 0;');
        expect(await ensureReportRows(db)).toBe(true);
        expect(await storedRows(db)).toEqual(kept);
        expect(await db.query('SELECT version FROM report_rows_state')).toEqual([{ version: REPORT_ROWS_VERSION }]);
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
    // The runs held rows to compare, not only empty logs: repair spans and marks among them (charges too).
    expect(busy).toBeGreaterThan(RUNS * 15);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['m:charge', 'm:disposed', 'm:returned', 'm:sent_to_repair', 'r:']));
  }, 60_000 + RUNS * 8_000);
});
