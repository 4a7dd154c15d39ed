import { describe, expect, it } from 'vitest';
import type { Device } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { apply } from '../lifecycle/apply';
import { luhnCheckDigit } from '../scan/check-digits';
import { mapColumns } from './columns';
import type { ImportReference } from './device-row';
import { keysOf, planDeviceImport, readDeviceFile, type ImportEnvelope } from './plan';
import { readDate, readStatus } from './values';

const imei = (n: number) => {
  const body = `35${String(n).padStart(12, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};

const reference: ImportReference = {
  models: [
    { id: 'IP13', name: 'iPhone 13', kind: 'phone' },
    { id: 'T14', name: 'Lenovo ThinkPad T14', kind: 'pc' },
  ],
  locations: [{ id: 'LAGER', name: 'Centrallager', type: 'warehouse' }],
  employees: [{ id: 'E1001', name: 'Mette Hansen', department: 'ØKF', email: 'mette@kk.dk' }],
  departments: [{ id: 'ØKF', name: 'Økonomiforvaltningen' }, { id: 'SOF', name: 'Socialforvaltningen' }],
};

let ids = 0;
const envelope: ImportEnvelope = {
  at: '2026-12-01T08:00:00.000Z',
  deskId: 'central-import',
  operator: 'import',
  source: 'fleet.csv',
  newId: () => `0190a000-0000-7000-8000-${(++ids).toString(16).padStart(12, '0')}`,
};

function plan(text: string, existing = new Map<string, Device>()) {
  const file = readDeviceFile(text, reference);
  return { file, plan: planDeviceImport(file, existing, envelope) };
}

describe('device import columns', () => {
  it('maps Intune headers, old "Azure AD" and new "Microsoft Entra" alike, and names what it does not read', () => {
    const old = mapColumns(['Device name', 'Serial number', 'IMEI', 'Primary user UPN', 'Azure AD Device ID', 'Model', 'Manufacturer']);
    const current = mapColumns(['Device name', 'Serial number', 'IMEI', 'Primary user UPN', 'Microsoft Entra Device ID', 'Model', 'Manufacturer']);
    expect(old.fields).toEqual(current.fields);
    expect(old.fields).toMatchObject({ serial: [1], imei: [2], holderEmail: [3], model: [5], manufacturer: [6] });
    expect(old.ignored).toEqual(['Device name', 'Azure AD Device ID']);
  });

  it('reads the municipality export by its names, in any order and case', () => {
    expect(mapColumns(['Asset Tag', 'imei', 'PURCHASE DATE', 'holder', 'purchase_price']).fields).toEqual({
      assetTag: [0], imei: [1], purchaseDate: [2], holder: [3], purchasePrice: [4],
    });
  });
});

describe('device import values', () => {
  it('reads Danish and English statuses and dates', () => {
    expect(['på lager', 'Udleveret', 'i reparation', 'in_transit', ''].map(readStatus)).toEqual(['received', 'assigned', 'in_repair', null, undefined]);
    expect(['2023-06-14', '14-06-2023', '1.6.2023', '2023-06-14 10:22:01', '31-02-2023'].map(readDate)).toEqual([
      '2023-06-14', '2023-06-14', '2023-06-01', '2023-06-14', null,
    ]);
  });
});

describe('planDeviceImport', () => {
  const header = 'imei;serial;model;status;location;holder;purchase date;purchase price';

  it('plans every line: creates, and refuses a bad IMEI, an unknown model, a duplicate serial and a holder who is not an employee', () => {
    const bad = `${imei(2).slice(0, 14)}${(Number(imei(2)[14]) + 1) % 10}`;
    const text = [
      header,
      `${imei(1)};;IP13;på lager;LAGER;;2023-01-05;4.599,00`,
      `${imei(2)};;iPhone 13;;;E1001;;`,
      `${bad};;IP13;;LAGER;;;`,
      `${imei(4)};;Nokia 3310;;LAGER;;;`,
      `;PF2AB12C;T14;klar;LAGER;;;`,
      `;PF2AB12C;T14;klar;LAGER;;;`,
      `${imei(7)};;IP13;;;E9999;;`,
    ].join('\n');
    const { plan: result } = plan(text);
    expect(result.lines.map((l) => [l.line, l.outcome, l.outcome === 'refused' ? l.refusal.code : undefined])).toEqual([
      [2, 'create', undefined],
      [3, 'create', undefined],
      [4, 'refused', 'imei_invalid'],
      [5, 'refused', 'unknown_model'],
      [6, 'refused', 'duplicate'],
      [7, 'refused', 'duplicate'],
      [8, 'refused', 'unknown_employee'],
    ]);
    expect(result.counts).toEqual({ create: 2, change: 0, unchanged: 0, refused: 5 });
    const [stock, handedOut] = result.events;
    expect(stock).toMatchObject({
      type: 'imported',
      deviceKey: `imei:${imei(1)}`,
      location: 'LAGER',
      data: { kind: 'phone', model: 'IP13', status: 'received', purchaseDate: '2023-01-05', purchasePrice: 459900, source: 'fleet.csv:2' },
    });
    expect(handedOut).toMatchObject({ data: { status: 'assigned', holder: { employeeId: 'E1001', department: 'ØKF' } } });
    const refused = result.lines.filter((l) => l.outcome === 'refused');
    expect(refused.map((l) => (l.outcome === 'refused' ? l.refusal.message : ''))).toEqual([
      expect.stringMatching(/check digit/),
      expect.stringMatching(/Nokia 3310/),
      expect.stringMatching(/serial PF2AB12C is also on line 7/),
      expect.stringMatching(/serial PF2AB12C is also on line 6/),
      expect.stringMatching(/E9999/),
    ]);
    // What the file wrote, for a desk to show beside its own words for the reason.
    expect(refused.map((l) => (l.outcome === 'refused' ? l.refusal.value : ''))).toEqual([expect.stringMatching(/^\d{15}$/), 'Nokia 3310', '7', '6', 'E9999']);
  });

  it('changes nothing for a device the register already has as the row says, and corrects what differs', () => {
    const text = `${header}\n${imei(1)};;IP13;klar;LAGER;;;\n${imei(2)};;IP13;;;E1001;;\n`;
    const first = plan(text);
    const register = new Map<string, Device>();
    // The register after the first import: each event applied by the lifecycle.
    for (const line of first.plan.lines) if (line.outcome === 'create') register.set(line.key, deviceOf(line.event));
    expect(planDeviceImport(first.file, register, envelope).counts).toEqual({ create: 0, change: 0, unchanged: 2, refused: 0 });

    const moved = plan(`${header}\n${imei(1)};;IP13;i reparation;LAGER;;;\n${imei(2)};;IP13;på lager;;;;\n`, register).plan;
    expect(moved.lines[0]).toMatchObject({ outcome: 'change', fields: ['status'], event: { type: 'corrected', data: { set: { status: 'in_repair' } } } });
    // Handed out → in stock is not one step of the lifecycle: a person takes it back at a desk.
    expect(moved.lines[1]).toMatchObject({ outcome: 'refused', refusal: { code: 'lifecycle' } });
  });

  it('reads an Intune export by its own column names: the holder by address, the kind by model or OS, personal devices refused', () => {
    const text =
      '\uFEFFDevice name,Managed by,Ownership,OS,OS version,Last check-in,Primary user UPN,Serial number,IMEI,Phone number,Manufacturer,Model,ICCID,Enrollment date,Primary user email address,Microsoft Entra Device ID\r\n' +
      `KK-IP-1,Intune,Corporate,iOS,17.5,2024-05-01 08:00:00,Mette@KK.dk,F2LXK1ABCD,"${imei(11).replace(/(\d{2})(\d{6})(\d{6})(\d)/, '$1 $2 $3 $4')}",+4512345678,Apple,iPhone 13,8945000000000000001,2023-06-14 10:22:01,mette@kk.dk,abc\r\n` +
      'KK-PC-2,Intune,Corporate,Windows,10.0.22631,2024-05-01 08:00:00,,PF3XYZ99,,,Lenovo,ThinkPad T14,,2023-06-14 10:22:01,,def\r\n' +
      'PRIVAT,Intune,Personal,Android,14,2024-05-01 08:00:00,mette@kk.dk,R58N123ABC,,,Samsung,Galaxy S23,,2023-06-14 10:22:01,,ghi\r\n';
    const { file, plan: result } = plan(text);
    expect(file.columns.ignored).toContain('Microsoft Entra Device ID');
    expect(result.lines.map((l) => l.outcome)).toEqual(['create', 'create', 'refused']);
    expect(result.events[0]).toMatchObject({ deviceKey: `imei:${imei(11)}`, data: { kind: 'phone', model: 'IP13', serial: 'F2LXK1ABCD', status: 'assigned', holder: { employeeId: 'E1001' } } });
    expect(result.events[1]).toMatchObject({ deviceKey: 'serial:PF3XYZ99', data: { kind: 'pc', model: 'T14', status: 'received' } });
    expect(keysOf(file)).toEqual([`imei:${imei(11)}`, 'serial:PF3XYZ99']);
  });

  it('refuses a file with no identifier column as a whole', () => {
    expect(readDeviceFile('name,model\nx,IP13\n', reference).problem).toMatch(/no IMEI or serial/);
  });
});

function deviceOf(event: DeviceEvent): Device {
  const result = apply(null, event);
  if (!result.ok || !result.device) throw new Error('not applied');
  return result.device;
}
