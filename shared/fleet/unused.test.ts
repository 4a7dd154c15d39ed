import { describe, expect, it } from 'vitest';
import { tableToCsv, type ReportTable } from '../reports/tables';
import { defaultReportSettings } from '../reports/settings';
import type { FleetDevice } from './fleet-device';
import { unusedDevices, type UnusedInputs } from './unused';
import { unusedTables } from './unused-tables';

const models = [
  { id: 'iphone-13', kind: 'phone' as const },
  { id: 'latitude', kind: 'pc' as const },
];
const fleet: FleetDevice[] = [
  { key: 'serial:S1', status: 'in_service', model: 'iphone-13', lastDepartment: 'BUF' },
  { key: 'serial:S2', status: 'in_service', model: 'latitude' },
  { key: 'serial:S3', status: 'in_service' },
  { key: 'serial:S4', status: 'in_service' },
  { key: 'serial:P1', status: 'assigned', model: 'latitude', holder: { employeeId: 'e2', department: 'SUF' } },
  { key: 'serial:P2', status: 'in_service', model: 'latitude' },
  { key: 'serial:P3', status: 'assigned', model: 'iphone-13', holder: { employeeId: 'e1', department: 'BUF' } },
];
const shelf = [
  // 1 September: 80 days by 20 November, over the 30-day limit.
  { deviceKey: 'serial:S1', location: 'KVIK-01', status: 'ready' as const, sinceMs: Date.parse('2026-09-01T10:00:00Z') },
  { deviceKey: 'serial:S2', location: 'LAGER', status: 'received' as const, sinceMs: Date.parse('2026-11-01T10:00:00Z') },
  // 23:30 UTC on 20 October is 21 October in Copenhagen: exactly 30 days, not over the limit.
  { deviceKey: 'serial:S3', location: 'LAGER', status: 'ready' as const, sinceMs: Date.parse('2026-10-20T23:30:00Z') },
  // Noon on 20 October: 31 days, over it; never handed out, and no model.
  { deviceKey: 'serial:S4', location: null, status: 'returned' as const, sinceMs: Date.parse('2026-10-20T12:00:00Z') },
  // Events but no projection (withdrawn): not in the register, so on no shelf.
  { deviceKey: 'serial:GONE', location: 'LAGER', status: 'ready' as const, sinceMs: Date.parse('2025-01-01T12:00:00Z') },
];
const inputs = (evidence: UnusedInputs['evidence']): UnusedInputs => ({ fleet, shelf, models, evidence });
const options = { today: '2026-11-20', settings: defaultReportSettings };
// P2 was handed back after the file was read; P1 is listed twice (re-enrolled).
const evidence = { unused: ['serial:P1', 'serial:P2', 'serial:P1'], file: 'intune.csv', day: '2026-11-18' };

describe('unused and idle devices', () => {
  it('list the shelf devices over the idle limit under the department that held them last, longest first', () => {
    const report = unusedDevices(inputs(null), options);
    expect(report.idle).toEqual([
      { deviceKey: 'serial:S1', department: 'BUF', kind: 'phone', model: 'iphone-13', location: 'KVIK-01', status: 'ready', sinceDay: '2026-09-01', daysIdle: 80 },
      { deviceKey: 'serial:S4', department: '', kind: '', model: '', location: '', status: 'returned', sinceDay: '2026-10-20', daysIdle: 31 },
    ]);
    expect(report.idleGroups.map((g) => [g.department, g.kind, g.model, g.count, g.longestDays])).toEqual([
      ['BUF', 'phone', 'iphone-13', 1, 80],
      ['', '', '', 1, 31],
    ]);
    expect(report.unused).toEqual([]);
    expect(report.evidence).toBeNull();
  });

  it('take the handed-out but unused devices from the Intune evidence, under their holder’s department now', () => {
    const report = unusedDevices(inputs(evidence), options);
    expect(report.unused).toEqual([{ deviceKey: 'serial:P1', department: 'SUF', kind: 'pc', model: 'latitude', employeeId: 'e2' }]);
    expect(report.unusedGroups).toEqual([{ department: 'SUF', kind: 'pc', model: 'latitude', count: 1, keys: ['serial:P1'], longestDays: 0 }]);
    expect(report.evidence).toEqual({ file: 'intune.csv', day: '2026-11-18', listed: 2, noLongerHandedOut: ['serial:P2'] });
    // Every department with either, the devices of none last; each count with exactly its devices.
    expect(report.departments).toEqual([
      { department: 'BUF', idle: 1, unused: 0, total: 1, idleKeys: ['serial:S1'], unusedKeys: [] },
      { department: 'SUF', idle: 0, unused: 1, total: 1, idleKeys: [], unusedKeys: ['serial:P1'] },
      { department: '', idle: 1, unused: 0, total: 1, idleKeys: ['serial:S4'], unusedKeys: [] },
    ]);
  });

  it('follow the idle limit of the settings', () => {
    const report = unusedDevices(inputs(null), { ...options, settings: { ...defaultReportSettings, idleDays: 10 } });
    expect(report.idle.map((d) => [d.deviceKey, d.daysIdle])).toEqual([
      ['serial:S1', 80],
      ['serial:S4', 31],
      ['serial:S3', 30],
      ['serial:S2', 19],
    ]);
  });

  it('show names and models, never keys, in the tables and their Danish CSV', () => {
    const tables = unusedTables(unusedDevices(inputs(evidence), options), {
      departments: [['BUF', 'Børn og Unge'], ['SUF', 'Socialforvaltningen']],
      models: [['iphone-13', 'Apple iPhone 13'], ['latitude', 'Dell Latitude 5440']],
      employees: [['e2', 'Åse Æbelø']],
      locations: [['KVIK-01', 'Kvikskranken Rådhuset']],
    });
    const csv = <Row,>(table: ReportTable<Row>) => tableToCsv(table, { language: 'da' });
    expect(csv(tables.summary)).toContain('Forvaltning;På lager over 30 dage;Udleveret, men ubrugt;I alt\r\nBørn og Unge;1;0;1\r\nSocialforvaltningen;0;1;1\r\n(aldrig udleveret);1;0;1');
    expect(csv(tables.idleDevices)).toContain('S1;Børn og Unge;Telefon;Apple iPhone 13;Kvikskranken Rådhuset;Klar til udlevering;2026-09-01;80');
    expect(csv(tables.idleDevices)).toContain('S4;(aldrig udleveret);(ukendt);(ukendt);(ukendt);');
    expect(csv(tables.unusedDevices)).toContain('P1;Socialforvaltningen;PC;Dell Latitude 5440;Åse Æbelø');
    expect(csv(tables.unusedGroups)).toContain('Forvaltning;Type;Model;Antal\r\nSocialforvaltningen;PC;Dell Latitude 5440;1');
    const all = [csv(tables.summary), csv(tables.idleGroups), csv(tables.unusedGroups), csv(tables.idleDevices), csv(tables.unusedDevices)];
    for (const text of all) expect(text).not.toMatch(/serial:|imei:/);
  });
});
