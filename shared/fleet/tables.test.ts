import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../reports/tables';
import { fleetDevice, held } from './fleet.test-support';
import { reconcileWithIntune } from './reconcile';
import { replacementPlan } from './replacement';
import { residualReport } from './residual';
import { reconciliationTables, replacementTables } from './tables';

const names = { departments: [['BUF', 'Børn og Unge']] as const, models: [['iphone-13', 'iPhone 13']] as const, employees: [['e1', 'Søren Ødegård'], ['e2', 'Åse Æbelø']] as const };

describe('fleet report tables', () => {
  it('show the replacement plan in names and kroner, with Danish headers that say kroner', () => {
    const devices = [fleetDevice({ key: 'serial:A1', model: 'iphone-13', status: 'assigned', holder: held('e1', 'BUF'), handouts: 1, purchaseDate: '2022-11-03', purchasePrice: 500_000 })];
    const tables = replacementTables(replacementPlan(devices, [{ id: 'iphone-13', name: 'iPhone 13', kind: 'phone', price: 512_350 }], '2026-11-20'), residualReport(devices, '2026-11-20', { residualFloorPercent: 0 }), names);
    const csv = tableToCsv(tables.replacement, { language: 'da' });
    expect(csv).toContain('Periode;Forvaltning;Model;Antal;Budget (kr.);Uden modelpris');
    expect(csv).toContain('Dette kvartal;Børn og Unge;iPhone 13;1;5123,50;0');
    expect(tableToCsv(tables.residualDevices, { language: 'da' })).toContain('A1;Børn og Unge;iPhone 13;2022-11-03;5000,00;0,00;2026-11-03');
  });

  it('give every reconciliation finding its reason and the people’s names', () => {
    const devices = [
      fleetDevice({ key: 'serial:X1', serial: 'X1', model: 'iphone-13', status: 'assigned', holder: held('e2', 'BUF'), handouts: 1 }),
      fleetDevice({ key: 'serial:X2', serial: 'X2', model: 'iphone-13', status: 'lost' }),
    ];
    const rows = [
      { line: 2, serial: 'X1', user: 'e1', lastCheckIn: '2026-11-19' },
      { line: 3, serial: 'X2', deviceName: 'Tabt', lastCheckIn: '2026-11-19' },
      { line: 4, serial: 'r58n', user: 'kim@kk.dk', deviceName: 'Fremmed', lastCheckIn: '2026-11-19' },
    ];
    const reference = { models: [], employees: [{ id: 'e1', name: 'Søren Ødegård', department: 'BUF' }] };
    const { findings } = reconciliationTables(reconcileWithIntune(devices, rows, Date.parse('2026-11-20T12:00:00Z'), reference), [], names);
    const csv = tableToCsv(findings, { language: 'da' });
    expect(csv).toContain('Bortskaffet/bortkommet, stadig i Intune;X2;Bortkommet;;;Tabt;2026-11-19;;3');
    expect(csv).toContain('Anden bruger i Intune;X1;Udleveret;Åse Æbelø;Søren Ødegård;;2026-11-19;;2');
    // A device only Intune knows: its serial where the devices' identifiers stand, its user where Intune's word stands.
    expect(csv).toContain('I Intune, ikke i registret;R58N;;;kim@kk.dk;Fremmed;2026-11-19;;4');
  });
});
