import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedMissing, sharedPath } from '../../tests/support/shared-dir';
import { reportFileLimits } from '../domain/limits';
import { fleetDevice, held } from './fleet.test-support';
import { readCheckInDay, readIntuneFile } from './intune-file';
import { reconcileWithIntune } from './reconcile';

const reference = {
  models: [
    { id: 'iphone-13', name: 'Apple iPhone 13', kind: 'phone' as const },
    { id: 'latitude', name: 'Latitude 5440', kind: 'pc' as const },
  ],
  employees: [
    { id: 'e1', name: 'Søren Ødegård', email: 'soeren@kommune.dk', department: 'BUF' },
    { id: 'e2', name: 'Åse Æbelø', email: 'aase@kommune.dk', department: 'SUF' },
  ],
} as const;

// Intune's own columns, the old "Azure AD Device ID", Danish letters in a name, a PC without IMEI.
const intuneCsv = [
  'Device name,Managed by,Ownership,OS,Last check-in,Primary user UPN,Serial number,IMEI,Manufacturer,Model,Azure AD Device ID',
  'Sørens iPhone,Intune,Corporate,iOS,2026-11-18 08:21:44.0000000,SOEREN@kommune.dk,F17XK1,35 438107 914177 2,Apple,iPhone 13,aa',
  'Åses iPhone,Intune,Corporate,iOS,2026-11-19 10:00:00.0000000,soeren@kommune.dk,F17XK2,354381079141780,Apple,iPhone 13,bb',
  'PC-ØST-1,Intune,Corporate,Windows,2026-06-01 07:00:00.0000000,aase@kommune.dk,5CG123,,Dell Inc.,Latitude 5440,cc',
  'PC-GAMMEL,Intune,Corporate,Windows,11/19/2026 8:00:00 AM,,SYSTEM SERIAL NUMBER,,Dell Inc.,Latitude 5440,dd',
  'Ukendt,Intune,Personal,Android,2026-11-19,kim@kommune.dk,R58N,356938035643809,Samsung,Galaxy A54,ee',
  'Bortskaffet,Intune,Corporate,iOS,i går,,F17XK9,,Apple,iPhone 13,ff',
  'for,få,celler',
].join('\r\n');

const devices = [
  fleetDevice({ key: 'imei:354381079141772', imei: '354381079141772', serial: 'F17XK1', model: 'iphone-13', status: 'assigned', holder: held('e1', 'BUF'), handouts: 1 }),
  fleetDevice({ key: 'imei:354381079141780', imei: '354381079141780', model: 'iphone-13', status: 'assigned', holder: held('e2', 'SUF'), handouts: 1 }),
  fleetDevice({ key: 'serial:5CG123', serial: '5CG123', kind: 'pc', model: 'latitude', status: 'assigned', holder: held('e2', 'SUF'), handouts: 1 }),
  fleetDevice({ key: 'serial:5CG999', serial: '5CG999', kind: 'pc', model: 'latitude', status: 'assigned', holder: held('e1', 'BUF'), handouts: 1 }),
  fleetDevice({ key: 'serial:F17XK9', serial: 'F17XK9', model: 'iphone-13', status: 'disposed', disposal: { method: 'recycled', certificate: 'C1', at: '2026-10-01T00:00:00.000Z' } }),
  fleetDevice({ key: 'serial:SHELF1', serial: 'SHELF1', model: 'iphone-13' }),
];

const now = Date.parse('2026-11-20T12:00:00.000Z');

describe('reading an Intune "All devices" export', () => {
  const file = readIntuneFile(`\uFEFF${intuneCsv}`);

  it('keeps the good lines, lists each bad one, and ignores the placeholder serial', () => {
    expect(file.rows.map((row) => row.line)).toEqual([2, 3, 4, 6, 7]);
    expect(file.problems).toEqual([
      { line: 5, code: 'no_identifier', text: expect.stringContaining('PC-GAMMEL'), kept: false },
      { line: 7, code: 'bad_check_in', text: 'i går', kept: true },
      { line: 8, code: 'cell_count', text: 'for, få, celler', kept: false },
    ]);
  });

  it('reads IMEIs written with spaces, Danish letters, and the check-in day', () => {
    expect(file.rows[0]).toEqual({
      line: 2, deviceName: 'Sørens iPhone', serial: 'F17XK1', imei: '354381079141772', user: 'SOEREN@kommune.dk', model: 'iPhone 13', manufacturer: 'Apple', lastCheckIn: '2026-11-18',
    });
    expect(file.rows[2]).toMatchObject({ deviceName: 'PC-ØST-1', serial: '5CG123', lastCheckIn: '2026-06-01' });
    expect(file.rows[2]!.imei).toBeUndefined();
  });

  it('refuses a file without identifier columns or larger than the limit, as one problem', () => {
    expect(readIntuneFile('Device name;Model\r\nx;y').problems).toEqual([{ line: 1, code: 'no_columns', text: 'Device name, Model', kept: false }]);
    expect(readIntuneFile('x'.repeat(reportFileLimits.maxChars + 1)).problems[0]).toMatchObject({ line: 0, code: 'too_large' });
  });
});

describe.skipIf(!hasShared)(`Intune's own export (../shared/fixtures/import/intune-all-devices.sample.csv)${hasShared ? '' : `: ${sharedMissing}`}`, () => {
  it('reads its 48 quoted columns: serials, IMEIs, primary users, check-ins; the placeholder serial is a problem', () => {
    const file = readIntuneFile(readFileSync(sharedPath('fixtures/import/intune-all-devices.sample.csv'), 'utf8'));
    expect(file.rows.map((row) => row.deviceName)).toEqual(['KK-DEV-000', 'KK-DEV-001', 'KK-DEV-002', 'KK-DEV-003', 'KK-DEV-005']);
    expect(file.rows[0]).toEqual({
      line: 2,
      deviceName: 'KK-DEV-000',
      serial: 'EUUPHM2UQJ',
      imei: '359059298188478',
      user: 'lars.moeller@kk.example',
      model: 'iPhone 14',
      manufacturer: 'Apple',
      lastCheckIn: '2026-11-20',
    });
    // A phone without IMEI is found by its serial; a PC not seen since May keeps that day.
    expect(file.rows[2]).toMatchObject({ serial: 'R58NR0HXNZW', model: 'SM-A546B' });
    expect(file.rows[2]).not.toHaveProperty('imei');
    expect(file.rows[3]).toMatchObject({ serial: '5CGCN9ATXP', lastCheckIn: '2026-05-02' });
    expect(file.problems).toEqual([{ line: 6, code: 'no_identifier', text: 'KK-DEV-004, System Serial Number', kept: false }]);
  });
});

describe('the check-in day', () => {
  it('reads Intune’s, Excel’s US and Danish forms', () => {
    expect(readCheckInDay('2024-05-13 08:21:44.0000000')).toBe('2024-05-13');
    expect(readCheckInDay('2024-05-13T08:21:44Z')).toBe('2024-05-13');
    expect(readCheckInDay('5/13/2024 8:21 AM')).toBe('2024-05-13');
    expect(readCheckInDay('13-05-2024 08:21')).toBe('2024-05-13');
    expect(readCheckInDay('  ')).toBeUndefined();
  });

  it('knows the leap days and refuses days that do not exist', () => {
    expect(readCheckInDay('2024-02-29')).toBe('2024-02-29');
    expect(readCheckInDay('2000-02-29')).toBe('2000-02-29');
    expect(readCheckInDay('2023-02-29')).toBeNull();
    expect(readCheckInDay('1900-02-29')).toBeNull();
    expect(readCheckInDay('2024-04-31')).toBeNull();
    expect(readCheckInDay('2024-13-01')).toBeNull();
    expect(readCheckInDay('2024-00-10')).toBeNull();
    expect(readCheckInDay('0099-01-01')).toBeNull();
    expect(readCheckInDay('yesterday')).toBeNull();
  });
});

describe('reconcileWithIntune', () => {
  const result = reconcileWithIntune(devices, readIntuneFile(intuneCsv).rows, now, reference);

  it('lists what Intune manages that the register does not know', () => {
    expect(result.onlyInIntune.map((row) => row.deviceName)).toEqual(['Ukendt']);
    expect(result.matched).toBe(4);
  });

  it('lists handed-out devices absent from Intune or not checked in for 90 days', () => {
    expect(result.unused).toEqual([
      { key: 'serial:5CG123', reason: 'stale', daysSinceCheckIn: 172, intune: expect.objectContaining({ deviceName: 'PC-ØST-1' }) },
      { key: 'serial:5CG999', reason: 'absent' },
    ]);
    const lenient = reconcileWithIntune(devices, readIntuneFile(intuneCsv).rows, now, reference, { intuneCheckInDays: 200, timeZone: 'Europe/Copenhagen' });
    expect(lenient.unused.map((u) => u.key)).toEqual(['serial:5CG999']);
  });

  it('names a holder who differs from Intune’s primary user (addresses matched without case)', () => {
    expect(result.differing).toEqual([
      { key: 'imei:354381079141780', intune: expect.objectContaining({ line: 3 }), differences: [{ field: 'holder', register: 'e2', intune: 'e1' }] },
    ]);
  });

  it('names a model that differs, with Intune’s text when no model of ours matches it', () => {
    const other = reconcileWithIntune(devices.slice(0, 1), [{ line: 2, imei: '354381079141772', user: 'soeren@kommune.dk', model: 'Galaxy A54', manufacturer: 'Samsung', lastCheckIn: '2026-11-19' }], now, reference);
    expect(other.differing[0]!.differences).toEqual([{ field: 'model', register: 'iphone-13', intune: 'Galaxy A54' }]);
  });

  it('lists a disposed or lost device still enrolled', () => {
    expect(result.retiredButEnrolled).toEqual([{ key: 'serial:F17XK9', status: 'disposed', intune: expect.objectContaining({ deviceName: 'Bortskaffet' }) }]);
  });

  it('takes a re-enrolled device’s latest check-in', () => {
    const rows = [
      { line: 2, serial: '5CG123', lastCheckIn: '2026-11-19' },
      { line: 3, serial: '5CG123', lastCheckIn: '2026-01-01' },
    ];
    expect(reconcileWithIntune(devices.slice(2, 3), rows, now, reference).unused).toEqual([]);
  });
});
