import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { importDevicesCommand } from '../../server/cli/import-devices';
import type { Database } from '../../server/db/database';
import { importDevices } from '../../server/import/devices';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { readDevices, readEvents } from '../../server/sync/read';
import { backends, type OpenedDatabase } from './support/backends';

const imei = (n: number) => {
  const body = `35${String(n).padStart(12, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};
const wrongCheckDigit = (value: string) => `${value.slice(0, 14)}${(Number(value[14]) + 1) % 10}`;

/** The municipality's export: BOM, `;`, Danish words, two good rows among five bad ones. */
const mixed = [
  '\uFEFFimei;serial;asset tag;model;kind;status;location;holder;department;purchase date;purchase price',
  `${imei(1)};;KK000001;IP13;;på lager;LAGER;;;2023-01-05;4.599,00`, // 2 good, in stock
  `${imei(2)};;KK000002;IP13;;udleveret;;E1001;;2023-02-01;4599`, //   3 good, handed out
  `${wrongCheckDigit(imei(3))};;;IP13;;;LAGER;;;;`, //                  4 bad IMEI
  `${imei(4)};;;Nokia 3310;phone;;LAGER;;;;`, //                        5 unknown model
  `;PF2AB12C;;T14;pc;klar;LAGER;;;;`, //                                6 duplicate serial
  `;PF2AB12C;;T14;pc;klar;LAGER;;;;`, //                                7 duplicate serial
  `${imei(7)};;;IP13;;;;E9999;;;`, //                                   8 holder not an employee
  `;PF9ZZ001;;T14;pc;i reparation;LAGER;;;;`, //                        9 good, in repair
].join('\r\n');

const intune =
  'Device name,Managed by,Ownership,Compliance,OS,OS version,Last check-in,Primary user UPN,Serial number,IMEI,Phone number,Manufacturer,Model,ICCID,Enrollment date,Primary user email address,Azure AD Device ID\n' +
  `KK-IP-9,Intune,Corporate,Compliant,iOS,17.5,2024-05-01 08:00:00,lars@kk.dk,F2LXK9ABCD,${imei(9)},+4512345678,Apple,iPhone 13,,2023-06-14 10:22:01,lars@kk.dk,aaa\n` +
  'KK-PC-8,Intune,Corporate,Compliant,Windows,10.0.22631,2024-05-01 08:00:00,,PF3XYZ88,,,Lenovo,ThinkPad T14,,2023-06-14 10:22:01,,bbb\n';

describe.each(backends)('device import on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let files: string;
  const head = async () => (await readEvents(db, 0, 100_000, 64 << 20)).events.length;
  const device = async (key: string) => (await readDevices(db, undefined, 1000, 64 << 20)).devices.find((i) => i.device.key === key)?.device;

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    files = await mkdtemp(join(tmpdir(), 'kvikdesk-fleet-'));
    await importReferenceCsv(db, 'models', 'id,name,kind\nIP13,iPhone 13,phone\nT14,Lenovo ThinkPad T14,pc\n');
    await importReferenceCsv(db, 'locations', 'id,name,type\nLAGER,Centrallager,warehouse\n');
    await importReferenceCsv(db, 'employees', 'id,name,department,email\nE1001,Mette Hansen,ØKF,mette@kk.dk\nE1002,Lars Holm,SOF,lars@kk.dk\n');
  });

  afterAll(async () => {
    await opened?.dispose();
    await rm(files, { recursive: true, force: true });
  });

  it('dry-runs a mixed file by line, and imports nothing while a row is refused', async () => {
    const dry = await importDevices(db, mixed, { source: 'fleet.csv', dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.plan.counts).toEqual({ create: 3, change: 0, unchanged: 0, refused: 5 });
    expect(dry.plan.lines.filter((l) => l.outcome === 'refused').map((l) => (l.outcome === 'refused' ? [l.line, l.refusal.code] : []))).toEqual([
      [4, 'imei_invalid'], [5, 'unknown_model'], [6, 'duplicate'], [7, 'duplicate'], [8, 'unknown_employee'],
    ]);
    const blocked = await importDevices(db, mixed, { source: 'fleet.csv' });
    expect(blocked.written).toBe(false);
    expect(await head()).toBe(0);
  });

  it('imports the good rows with --skip-invalid, each device one imported event in its real status, and writes the refused rows beside the file', async () => {
    const file = join(files, 'fleet.csv');
    await writeFile(file, mixed);
    const out: string[] = [];
    const progress: number[] = [];
    const code = await importDevicesCommand(db, [file, '--skip-invalid'], (line) => out.push(line), (done) => progress.push(done));
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Imported: 3 created, 0 changed, 0 unchanged, 5 refused/);
    expect(progress.at(-1)).toBe(3);
    const { events } = await readEvents(db, 0, 1000, 64 << 20);
    expect(events.map((e) => [(e.event as { type: string }).type, e.status])).toEqual([['imported', 'accepted'], ['imported', 'accepted'], ['imported', 'accepted']]);
    expect(await device(`imei:${imei(1)}`)).toMatchObject({ status: 'received', location: 'LAGER', model: 'IP13', assetTag: 'KK000001', purchasePrice: 459900 });
    expect(await device(`imei:${imei(2)}`)).toMatchObject({ status: 'assigned', holder: { employeeId: 'E1001', department: 'ØKF' }, handouts: 1 });
    expect(await device('serial:PF9ZZ001')).toMatchObject({ status: 'in_repair', kind: 'pc' });

    const refused = await readFile(join(files, 'fleet.refused.csv'), 'utf8');
    const lines = refused.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('imei;serial;asset tag;model;kind;status;location;holder;department;purchase date;purchase price;reason');
    expect(lines.slice(1).map((l) => l.split(';').at(-1))).toEqual([
      expect.stringMatching(/^line 4: IMEI .*check digit/),
      expect.stringMatching(/^line 5: model Nokia 3310/),
      expect.stringMatching(/^line 6: serial PF2AB12C is also on line 7/),
      expect.stringMatching(/^line 7: /),
      expect.stringMatching(/^line 8: holder E9999/),
    ]);
  });

  it('changes nothing when the same file is imported again, and corrects a device whose row changed', async () => {
    const before = await head();
    const again = await importDevices(db, mixed, { source: 'fleet.csv', skipInvalid: true });
    expect(again.plan.counts).toMatchObject({ create: 0, change: 0, unchanged: 3 });
    expect(await head()).toBe(before);

    const changed = mixed.replace(`${imei(1)};;KK000001;IP13;;på lager;LAGER`, `${imei(1)};;KK000001;IP13;;klar;LAGER`);
    const result = await importDevices(db, changed, { source: 'fleet-2.csv', skipInvalid: true });
    expect(result.plan.counts).toMatchObject({ create: 0, change: 1, unchanged: 2 });
    const { events } = await readEvents(db, before, 1000, 64 << 20);
    expect(events.map((e) => [(e.event as { type: string }).type, e.status])).toEqual([['corrected', 'accepted']]);
    expect(await device(`imei:${imei(1)}`)).toMatchObject({ status: 'ready' });
  });

  it('imports an Intune "All devices" export by its own column names', async () => {
    const result = await importDevices(db, intune, { source: 'intune.csv' });
    expect(result.file.columns.ignored).toContain('Azure AD Device ID');
    expect(result.plan.counts).toEqual({ create: 2, change: 0, unchanged: 0, refused: 0 });
    expect(result.written).toBe(true);
    expect(await device(`imei:${imei(9)}`)).toMatchObject({ status: 'assigned', model: 'IP13', serial: 'F2LXK9ABCD', holder: { employeeId: 'E1002', department: 'SOF' } });
    expect(await device('serial:PF3XYZ88')).toMatchObject({ status: 'received', kind: 'pc', model: 'T14' });
  });
});
