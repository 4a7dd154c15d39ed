import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceStatuses } from '../domain/device';
import { defaultReportSettings } from '../reports/settings';
import { fleetDeviceOf } from './fleet-device';
import { fleetDevice, held } from './fleet.test-support';
import { readIntuneFile } from './intune-file';
import { reconcileWithIntune } from './reconcile';
import { replacementPlan } from './replacement';
import { residualReport } from './residual';

/**
 * The fleet reports read a device reduced to what they tell apart (`fleetDeviceOf`), as the desk's
 * store keeps it; over random fleets every report equals the report over the full devices.
 */
const serials = ['C02A', 'C02B', 'C02C', 'C02D', 'C02E', 'C02F'];
const deviceArb = fc.record({
  n: fc.nat(serials.length - 1),
  status: fc.constantFrom(...deviceStatuses),
  held: fc.option(fc.record({ employee: fc.constantFrom('E1', 'E2'), department: fc.constantFrom('BUF', 'SUF') }), { nil: undefined }),
  model: fc.option(fc.constantFrom('IP13', 'LAT'), { nil: undefined }),
  purchaseDate: fc.option(fc.constantFrom('2022-01-15', '2022-12-31', '2023-02-28', '2026-06-01'), { nil: undefined }),
  purchasePrice: fc.option(fc.constantFrom(400_000, 512_350), { nil: undefined }),
});
const models = [
  { id: 'IP13', name: 'Apple iPhone 13', kind: 'phone' as const, price: 512_350 },
  { id: 'LAT', name: 'Dell Latitude', kind: 'pc' as const },
];
const intune = [
  'Device name;Serial number;Primary user UPN;Model;Manufacturer;Last check-in',
  'A;C02A;e1@kk.dk;iPhone 13;Apple;2026-11-20',
  'B;C02B;;Latitude;Dell;2026-05-20',
  'C;C02C;e2@kk.dk;;;2026-11-20',
  'E;C02E;;;;',
  'X;XYZ;;;;2026-11-20',
].join('\r\n');

describe('the fleet reports over the reduced devices', () => {
  it('equal the reports over the devices themselves', () => {
    fc.assert(
      fc.property(fc.uniqueArray(deviceArb, { selector: (d) => d.n, maxLength: serials.length }), fc.constantFrom(0, 25), (drawn, floor) => {
        const devices = drawn.map(({ n, status, held: holder, model, purchaseDate, purchasePrice }) =>
          fleetDevice({
            key: `serial:${serials[n]}`,
            serial: serials[n],
            status,
            ...(holder ? { holder: held(holder.employee, holder.department) } : {}),
            ...(model ? { model } : {}),
            ...(purchaseDate ? { purchaseDate } : {}),
            ...(purchasePrice ? { purchasePrice } : {}),
          }),
        );
        const reduced = devices.map(fleetDeviceOf);
        const settings = { ...defaultReportSettings, residualFloorPercent: floor };
        expect(replacementPlan(reduced, models, '2026-11-30')).toEqual(replacementPlan(devices, models, '2026-11-30'));
        expect(residualReport(reduced, '2026-11-30', settings)).toEqual(residualReport(devices, '2026-11-30', settings));
        const rows = readIntuneFile(intune).rows;
        const employees = [
          { id: 'E1', name: 'Ea', email: 'e1@kk.dk', department: 'BUF' },
          { id: 'E2', name: 'Eb', email: 'e2@kk.dk', department: 'SUF' },
        ];
        const at = Date.parse('2026-11-30T12:00:00Z');
        expect(reconcileWithIntune(reduced, rows, at, { models, employees }, settings)).toEqual(reconcileWithIntune(devices, rows, at, { models, employees }, settings));
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('tell apart only assigned, disposed and lost: a move between shelves and repair changes nothing they hold', () => {
    const device = fleetDevice({ key: 'serial:C02A', serial: 'C02A', status: 'ready', location: 'LAGER' });
    expect(fleetDeviceOf({ ...device, status: 'in_repair', location: 'KVIK-01' })).toEqual(fleetDeviceOf(device));
    expect(fleetDeviceOf({ ...device, status: 'lost' })).not.toEqual(fleetDeviceOf(device));
  });
});
