import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fleetDevice, held } from '../../../shared/fleet/fleet.test-support';
import type { EventType } from '../../../shared/domain/event';
import { defaultReportSettings } from '../../../shared/reports/settings';
import { eventFor } from '../../../tests/support/sync-desk';
import { storedDevice, type KvikDb } from '../../store/db';
import { openDb } from '../../store/open';
import { recordEvent } from '../../store/record';
import { saveIntuneEvidence } from '../intune-evidence';
import { produceReport } from '../produce-report';

const ctx = { deskId: 'desk-1', operator: 'AB', location: 'LAGER' };
const settings = defaultReportSettings;

async function record(db: KvikDb, key: string, type: EventType, at: string, data: Record<string, unknown> = {}) {
  await recordEvent(db, { ...eventFor(ctx, type, key, data), at });
}

describe('the unused and idle devices in the report worker', () => {
  let db: KvikDb;
  let n = 0;
  beforeEach(async () => {
    db = await openDb(`unused-report-${++n}`);
    await db.models.put({ id: 'IP13', name: 'Apple iPhone 13', kind: 'phone' });
    await db.departments.bulkPut([
      { id: 'BUF', name: 'Børne- og Ungdomsforvaltningen' },
      { id: 'SUF', name: 'Socialforvaltningen' },
    ]);
    // Handed out to BUF in June, back on 1 July: on the shelf 152 days by 30 November, under BUF.
    const old = 'imei:354381079141772';
    await record(db, old, 'received', '2026-06-01T08:00:00Z', { model: 'IP13' });
    await record(db, old, 'prepared', '2026-06-02T08:00:00Z');
    await record(db, old, 'handed_out', '2026-06-05T08:00:00Z', { department: 'BUF', employeeId: 'E1' });
    await record(db, old, 'returned', '2026-07-01T08:00:00Z');
    // Received ten days ago: within the limit.
    await record(db, 'imei:352099006317065', 'received', '2026-11-20T08:00:00Z', { model: 'IP13' });
    // Handed out to SUF; the Intune file said unused (as did it of the one returned since).
    await db.devices.put(storedDevice(fleetDevice({ key: 'serial:PC1', serial: 'PC1', model: 'IP13', status: 'assigned', holder: held('E2', 'SUF'), handouts: 1 })));
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('sums the report rows: the shelf over the idle limit under its last department, the evidence’s devices still handed out', async () => {
    const before = await produceReport(db, { kind: 'unused', today: '2026-11-30', settings });
    if (before.kind !== 'unused') throw new Error(before.kind);
    expect(before.report.report.idle.map((d) => [d.deviceKey, d.department, d.kind, d.model, d.location, d.status, d.daysIdle])).toEqual([
      ['imei:354381079141772', 'BUF', 'phone', 'IP13', 'LAGER', 'returned', 152],
    ]);
    expect(before.report.report.evidence).toBeNull();

    await saveIntuneEvidence(db, { unused: ['serial:PC1', 'imei:354381079141772'], file: 'intune.csv', day: '2026-11-29' });
    const after = await produceReport(db, { kind: 'unused', today: '2026-11-30', settings });
    if (after.kind !== 'unused') throw new Error(after.kind);
    const { report, tables } = after.report;
    expect(report.unused).toEqual([{ deviceKey: 'serial:PC1', department: 'SUF', kind: 'phone', model: 'IP13', employeeId: 'E2' }]);
    expect(report.evidence).toEqual({ file: 'intune.csv', day: '2026-11-29', listed: 2, noLongerHandedOut: ['imei:354381079141772'] });
    expect(report.departments.map((d) => [d.department, d.idle, d.unused])).toEqual([
      ['BUF', 1, 0],
      ['SUF', 0, 1],
    ]);
    // The tables carry the names the page shows.
    expect(tables.summary.columns[0]?.values?.SUF?.da).toBe('Socialforvaltningen');
    expect(tables.idleDevices.columns.find((c) => c.key === 'model')?.values?.IP13?.da).toBe('Apple iPhone 13');
  });
});
