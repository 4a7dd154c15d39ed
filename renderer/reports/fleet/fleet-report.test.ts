import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fleetDevice, held } from '../../../shared/fleet/fleet.test-support';
import { reconcileWithIntune } from '../../../shared/fleet/reconcile';
import { replacementPlan } from '../../../shared/fleet/replacement';
import { residualReport } from '../../../shared/fleet/residual';
import { defaultReportSettings } from '../../../shared/reports/settings';
import { readIntuneFile } from '../../../shared/fleet/intune-file';
import { storedDevice, type KvikDb } from '../../store/db';
import { openDb } from '../../store/open';
import { produceReport } from '../produce-report';

const devices = [
  fleetDevice({ key: 'serial:C02OLD', serial: 'C02OLD', model: 'IP13', status: 'assigned', holder: held('E1', 'BUF'), purchaseDate: '2022-11-15', purchasePrice: 512_350 }),
  fleetDevice({ key: 'serial:C02NEW', serial: 'C02NEW', model: 'IP13', purchaseDate: '2026-01-10', purchasePrice: 512_350 }),
  fleetDevice({ key: 'serial:C02GONE', serial: 'C02GONE', status: 'disposed' }),
];
const model = { id: 'IP13', name: 'Apple iPhone 13', kind: 'phone' as const, price: 512_350 };
const intune = 'Device name;Serial number;Primary user UPN;Last check-in\r\nPC1;C02OLD;e1@kk.dk;2026-11-20\r\nPC2;C02GONE;;2026-11-20\r\nPC3;XYZ999;;2026-11-20\r\n';

describe('the fleet reports in the report worker', () => {
  let db: KvikDb;
  let n = 0;
  beforeEach(async () => {
    db = await openDb(`fleet-report-${++n}`);
    await db.devices.bulkPut(devices.map(storedDevice));
    await db.models.put(model);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('are the pure computations over every device the store holds', async () => {
    const settings = defaultReportSettings;
    const replacement = await produceReport(db, { kind: 'replacement', today: '2026-11-30', on: '2026-11-30', settings });
    if (replacement.kind !== 'replacement') throw new Error(replacement.kind);
    expect(replacement.timings.devices).toBe(3);
    const plan = replacementPlan(devices, [model], '2026-11-30');
    // The four-year-old phone is due.
    expect(replacement.report.replacement.rows.reduce((sum, r) => sum + r.count, 0)).toBe(plan.windows.reduce((sum, w) => sum + w.groups.reduce((g, group) => g + group.count, 0), 0));
    expect(replacement.report.replacement.rows.map((r) => r.model)).toContain('IP13');
    expect(replacement.report.residualDevices.rows).toHaveLength(residualReport(devices, '2026-11-30', settings).devices.length);

    const at = Date.parse('2026-11-30T12:00:00Z');
    const intuneResult = await produceReport(db, { kind: 'intune', file: intune, at, settings });
    if (intuneResult.kind !== 'intune') throw new Error(intuneResult.kind);
    const expected = reconcileWithIntune(devices, readIntuneFile(intune).rows, at, { models: [model], employees: [] }, settings);
    expect(intuneResult.report.reconciliation).toEqual(expected);
    expect(intuneResult.report.reconciliation.retiredButEnrolled.map((r) => r.key)).toEqual(['serial:C02GONE']);
    expect(intuneResult.report.lines).toBe(3);
  });
});
