import { describe, expect, it } from 'vitest';
import { fleetDevice, held } from './fleet.test-support';
import { residualReport } from './residual';

describe('residual value report', () => {
  const devices = [
    fleetDevice({ key: 'serial:B1', model: 'm', status: 'assigned', holder: held('e1', 'BUF'), handouts: 1, purchaseDate: '2025-01-01', purchasePrice: 480_000 }),
    fleetDevice({ key: 'serial:B2', model: 'm', status: 'assigned', holder: held('e2', 'BUF'), handouts: 1, purchaseDate: '2024-01-01', purchasePrice: 240_000 }),
    fleetDevice({ key: 'serial:B3', model: 'm', purchaseDate: '2020-01-01', purchasePrice: 100_000 }),
    fleetDevice({ key: 'serial:B4', model: 'm', purchaseDate: '2025-01-01' }),
    fleetDevice({ key: 'serial:B5', model: 'm', status: 'lost', purchaseDate: '2025-01-01', purchasePrice: 480_000 }),
  ];

  it('values every device in service on the day and totals them by department', () => {
    const report = residualReport(devices, '2026-01-01', { residualFloorPercent: 5 });
    expect(report.devices.map((d) => [d.deviceKey, d.residualOre, d.replacementDay])).toEqual([
      ['serial:B3', 5_000, '2024-01-01'],
      ['serial:B1', 360_000, '2029-01-01'],
      ['serial:B2', 120_000, '2028-01-01'],
    ]);
    expect(report.departments).toEqual([
      { department: '', count: 1, purchasePriceOre: 100_000, residualOre: 5_000, keys: ['serial:B3'] },
      { department: 'BUF', count: 2, purchasePriceOre: 720_000, residualOre: 480_000, keys: ['serial:B1', 'serial:B2'] },
    ]);
    expect(report.unpriced).toEqual(['serial:B4']);
  });
});
