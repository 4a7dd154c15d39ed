import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralReport, centralReportQuerySchema } from '../../shared/reports/central';
import { fleetDeviceOf } from '../../shared/fleet/fleet-device';
import { projectDevices } from '../../shared/reports/history';
import { imei, keyOf, lifeOf, merge } from '../../shared/reports/scenario.test-support';
import { syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import { operatorCommand } from '../../server/cli/operator';
import type { Database } from '../../server/db/database';
import { operatorHeaders } from '../../server/routes/reports';
import { lockoutRules } from '../../shared/auth/lockout';
import { apiClient, errorOf } from './support/client';
import { backends, type OpenedDatabase } from './support/backends';

/**
 * The reports at the centre: pushed events in, the same figures out over HTTP as JSON and CSV,
 * role-checked; and the web build served at `/`. November 2026, worked out by hand.
 */

const phone = (n: number) => ({ kind: 'phone', model: 'IP13', imei: imei(n) }) as const;
const lives = [
  // Out new to BUF on the 3rd, back on the 10th, out again to SOF (reused) on the 20th.
  lifeOf(phone(1), [
    { type: 'received', at: '2026-10-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-03T10:00:00.000Z', data: { department: 'BUF', employeeId: 'E1' } },
    { type: 'returned', at: '2026-11-10T10:00:00.000Z' },
    { type: 'prepared', at: '2026-11-11T10:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-20T10:00:00.000Z', data: { department: 'SOF', employeeId: 'E2' } },
  ]),
  // Bought 1 November 2024 for 4.800 kr., held by BUF since 2 October, lost on 12 November 2026:
  // 24 of 48 months left, 2.400 kr. on BUF's statement.
  lifeOf(phone(2), [
    { type: 'received', at: '2026-10-01T08:00:00.000Z', data: { purchaseDate: '2024-11-01', purchasePrice: 480_000 } },
    { type: 'prepared', at: '2026-10-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2026-10-02T08:00:00.000Z', data: { department: 'BUF', employeeId: 'E1' } },
    { type: 'reported_lost', at: '2026-11-12T10:00:00.000Z' },
  ]),
  // Untouched since 2025: held by BUF all quarter, idle on the shelf, out for repair.
  lifeOf(phone(3), [
    { type: 'received', at: '2025-03-01T08:00:00.000Z' },
    { type: 'prepared', at: '2025-03-01T09:00:00.000Z' },
    { type: 'handed_out', at: '2025-03-02T08:00:00.000Z', data: { department: 'BUF', employeeId: 'E1' } },
  ]),
  lifeOf(phone(4), [
    { type: 'received', at: '2025-03-01T08:00:00.000Z' },
    { type: 'prepared', at: '2025-03-01T09:00:00.000Z' },
  ]),
  lifeOf(phone(5), [
    { type: 'received', at: '2025-03-01T08:00:00.000Z' },
    { type: 'sent_to_repair', at: '2025-03-01T09:00:00.000Z' },
  ]),
];
const events = merge(...lives);

describe.each(backends)('the reports over HTTP on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  let webRoot: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { authorization: 'Bearer tok-desk-1', ...headers } });

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    webRoot = await mkdtemp(join(tmpdir(), 'kvik-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Kvikdesk</title>');
    await writeFile(join(webRoot, 'assets', 'app-1.js'), 'console.log(1)');
    app = buildServer({ db, devTokens: parseDeskTokens('desk-1=tok-desk-1'), logger: false, webRoot });
    const results = await apiClient(app, 'tok-desk-1').push(events);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    const put = await app.inject({
      method: 'PUT',
      url: `${syncPaths.reference}/models`,
      headers: { authorization: 'Bearer tok-desk-1' },
      payload: { operator: 'AB', rows: [{ id: 'IP13', name: 'Apple iPhone 13', kind: 'phone', price: 450_000 }] },
    });
    expect(put.statusCode).toBe(200);
    const employees = await app.inject({
      method: 'PUT',
      url: `${syncPaths.reference}/employees`,
      headers: { authorization: 'Bearer tok-desk-1' },
      payload: { operator: 'AB', rows: [{ id: 'E1', name: 'Søren Ærø', department: 'BUF' }, { id: 'E2', name: 'Åse Lund', department: 'SOF' }] },
    });
    expect(employees.statusCode).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('answers the monthly summary as JSON, from the log in PostgreSQL', async () => {
    const res = await get('/v1/reports/monthly?month=2026-11&today=2026-12-05');
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({
      month: '2026-11',
      handouts: { count: 2, keys: [keyOf(phone(1))] },
      handoutsReused: { count: 1 },
      returns: { count: 1 },
      reuseShare: 0.5,
      reuseGoalMet: true,
      purchasesAvoidedOre: 450_000,
      co2eKg: 65,
      idle: { count: 1, keys: [keyOf(phone(4))] },
      inRepair: [expect.objectContaining({ deviceKey: keyOf(phone(5)), since: '2025-03-01' })],
    });
    expect(summary.billing.period).toBe('2026-Q4');
  });

  it('answers the department report, and its finance table as CSV with Danish headers in kroner', async () => {
    const json = (await get('/v1/reports/department?quarter=2026-Q4&today=2027-01-02')).json();
    const buf = json.departments.find((d: { department: string }) => d.department === 'BUF');
    // BUF: phone 2 from 2 October to the loss on 12 November (41 days), phone 1 from 3 to 10 November (7 days), phone 3 all 92.
    expect(buf).toMatchObject({ devicesHeld: 3, deviceDays: 140, devicesAtEnd: 1 });
    expect(json.employeeNames).toEqual({ E1: 'Søren Ærø', E2: 'Åse Lund' });
    const csv = await get('/v1/reports/department?quarter=2026-Q4&format=csv&table=finance&today=2027-01-02');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="department-2026-Q4-finance.csv"');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFPeriode;Fra dato;Til dato;Forvaltningskode;Forvaltning;Enhedstype;Fakturatekst;Enheder ved periodens slut;Enhedsdage;Pris pr. år (kr.);Beløb (kr.)');
    expect(csv.body).toContain(';BUF;Børne- og Ungdomsforvaltningen;phone;Abonnement telefoner, 4. kvartal 2026;1;140;400,00;');
  });

  it('answers a department statement with its residual-value charge, names and no raw keys in the CSV', async () => {
    const statement = (await get('/v1/reports/statement?quarter=2026-Q4&department=BUF&today=2027-01-02')).json();
    expect(statement.charges).toEqual([
      expect.objectContaining({ deviceKey: keyOf(phone(2)), reason: 'lost', day: '2026-11-12', model: 'Apple iPhone 13', residualOre: 240_000 }),
    ]);
    expect(statement.totalOre).toBe(statement.subscriptionOre + 240_000);
    const csv = (await get('/v1/reports/statement?quarter=2026-Q4&department=BUF&format=csv&table=statement-charges')).body;
    expect(csv).toContain(`${imei(2)};Apple iPhone 13;Søren Ærø;2026-11-12;Bortkommet;2024-11-01;4800,00;2400,00`);
    expect(csv).not.toContain('imei:');
  });

  it('reads only what each report needs: every report equals the same report over every device and the whole log', async () => {
    const reference = await apiClient(app, 'tok-desk-1').reference();
    const everything = { devices: projectDevices(events), events, models: reference.models, departments: reference.departments, employees: reference.employees };
    const questions = [
      'daily?location=KVIK-NORD&day=2026-11-20',
      'daily?location=KVIK-NORD&day=2026-11-12',
      'trend?location=KVIK-NORD&lastDay=2026-11-30',
      'trend?lastDay=2026-11-30&days=60',
      'department?quarter=2026-Q4',
      'monthly?month=2026-11',
      'monthly?month=2026-10',
      'statement?quarter=2026-Q4&department=BUF',
    ];
    for (const question of questions) {
      const url = `/v1/reports/${question}&today=2026-12-05`;
      const query = centralReportQuerySchema.parse({ ...Object.fromEntries(new URL(url, 'http://x').searchParams), report: question.split('?')[0] });
      const expected = JSON.parse(JSON.stringify(centralReport(query, everything, '2026-12-05').report));
      expect((await get(url)).json(), question).toEqual(expected);
    }
  });

  it('answers the fleet reports: the replacement plan, the idle and unused devices, and an Intune export reconciled', async () => {
    // Out to BUF in 2025, given back and on the shelf since: idle, under the department that gave it back.
    const sixth = lifeOf(phone(6), [
      { type: 'received', at: '2025-01-01T08:00:00.000Z', data: { purchaseDate: '2025-01-01', purchasePrice: 360_000 } },
      { type: 'prepared', at: '2025-01-02T08:00:00.000Z' },
      { type: 'handed_out', at: '2025-01-05T08:00:00.000Z', data: { department: 'BUF', employeeId: 'E1' } },
      { type: 'returned', at: '2025-06-01T08:00:00.000Z' },
      { type: 'prepared', at: '2025-06-02T08:00:00.000Z' },
    ]);
    expect((await apiClient(app, 'tok-desk-1').push(sixth)).every((r) => r.status === 'accepted')).toBe(true);
    const reference = await apiClient(app, 'tok-desk-1').reference();
    const fleet = { devices: projectDevices(merge(...lives, sixth)).map(fleetDeviceOf) };
    const everything = { devices: [], events: new Map(), models: reference.models, departments: reference.departments, employees: reference.employees, fleet };

    const replacement = await get('/v1/reports/replacement?on=2026-11-12&today=2026-12-05');
    expect(replacement.statusCode).toBe(200);
    const query = centralReportQuerySchema.parse({ report: 'replacement', on: '2026-11-12', today: '2026-12-05' });
    expect(replacement.json()).toEqual(JSON.parse(JSON.stringify(centralReport(query, everything, '2026-12-05').report)));
    // Phone 6, bought for 3.600 kr. on 1 January 2025: 22 months gone, 26 of 48 left on 12 November 2026.
    expect(replacement.json().residual.devices).toEqual([expect.objectContaining({ deviceKey: keyOf(phone(6)), department: '', residualOre: 195_000 })]);
    expect(replacement.json().residual.unpriced).toContain(keyOf(phone(3)));

    const unused = (await get('/v1/reports/unused?today=2026-12-05')).json();
    expect(unused.idle.map((d: { deviceKey: string; department: string }) => [d.deviceKey, d.department])).toEqual([
      [keyOf(phone(4)), ''],
      [keyOf(phone(6)), 'BUF'],
    ]);
    expect(unused.evidence).toBeNull();

    // Intune's own export: phone 1 seen two days ago, phone 2 lost but still enrolled, a PC the
    // register does not know, and a line with the firmware's placeholder serial and no IMEI.
    const seen = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const spaced = (n: number) => imei(n).replace(/^(\d{2})(\d{6})(\d{6})(\d)$/, '$1 $2 $3 $4');
    const csv = [
      'Device name,Managed by,Ownership,OS,Last check-in,Primary user UPN,Serial number,IMEI,Manufacturer,Model,Azure AD Device ID',
      `Åses iPhone,Intune,Corporate,iOS,${seen} 08:00:00,aase@kk.dk,,${spaced(1)},Apple,iPhone 13,a1`,
      `Sørens iPhone,Intune,Corporate,iOS,${seen} 08:00:00,soren@kk.dk,,${spaced(2)},Apple,iPhone 13,a2`,
      `PC-ØST-7,Intune,Corporate,Windows,${seen} 09:00:00,aase@kk.dk,PF3KVK12,,Lenovo,ThinkPad T14,a3`,
      `PC-UDEN,Intune,Corporate,Windows,${seen} 09:00:00,,System Serial Number,,Lenovo,ThinkPad T14,a4`,
    ].join('\r\n');
    const post = (report: string, body: string, contentType = 'text/csv', query = '') =>
      app.inject({ method: 'POST', url: `/v1/reports/${report}?file=intune-dec.csv&today=2026-12-05${query}`, headers: { authorization: 'Bearer tok-desk-1', 'content-type': contentType }, payload: body });

    const reconciled = await post('intune', csv);
    expect(reconciled.statusCode).toBe(200);
    const { reconciliation, problems, lines } = reconciled.json();
    expect(lines).toBe(3);
    expect(problems).toEqual([expect.objectContaining({ code: 'no_identifier' })]);
    expect(reconciliation.retiredButEnrolled).toEqual([expect.objectContaining({ key: keyOf(phone(2)), status: 'lost' })]);
    expect(reconciliation.onlyInIntune).toEqual([expect.objectContaining({ serial: 'PF3KVK12', deviceName: 'PC-ØST-7' })]);
    // Phone 3, out to BUF since 2025, is not in the export: handed out but unused.
    expect(reconciliation.unused).toEqual([expect.objectContaining({ key: keyOf(phone(3)), reason: 'absent' })]);

    // The posted export's evidence is kept, as on the desk: the unused devices and the monthly
    // summary count phone 3 without the file being sent again.
    const kept = (await get('/v1/reports/unused?today=2026-12-05')).json();
    expect(kept.unused).toEqual([expect.objectContaining({ deviceKey: keyOf(phone(3)), department: 'BUF', employeeId: 'E1' })]);
    expect(kept.evidence).toMatchObject({ file: 'intune-dec.csv', listed: 1, noLongerHandedOut: [] });
    const month = (await get('/v1/reports/monthly?month=2026-11&today=2026-12-05')).json();
    expect(month.intuneUnused).toEqual({ count: 1, keys: [keyOf(phone(3))] });
    expect(month.intuneSource).toMatchObject({ file: 'intune-dec.csv' });
    // A file of which no line could be read leaves no evidence: it would show every handed-out
    // device unused. The last export's stands.
    expect((await post('intune', 'Navn;Afdeling\r\nÅse;BUF', 'text/csv', '&file=afdelinger.csv')).statusCode).toBe(200);
    expect((await get('/v1/reports/unused?today=2026-12-05')).json().evidence).toMatchObject({ file: 'intune-dec.csv', listed: 1 });

    const findings = await post('intune', csv, 'text/csv', '&format=csv&table=intune-findings');
    expect(findings.statusCode, findings.body).toBe(200);
    expect(findings.body).toContain('PC-ØST-7');
    expect(findings.body).not.toContain('imei:');

    const withEvidence = (await post('unused', csv)).json();
    expect(withEvidence.unused).toEqual([expect.objectContaining({ deviceKey: keyOf(phone(3)), department: 'BUF', employeeId: 'E1' })]);
    expect(withEvidence.evidence).toMatchObject({ file: 'intune-dec.csv', listed: 1 });
    expect(withEvidence.departments.find((d: { department: string }) => d.department === 'BUF')).toMatchObject({ idle: 1, unused: 1, total: 2 });

    // The reconciliation needs its export; the other reports are read, not posted to.
    expect(errorOf((await get('/v1/reports/intune')).body).message).toMatch(/POST/);
    expect((await post('monthly', csv)).statusCode).toBe(400);
    expect((await post('intune', '')).statusCode).toBe(400);
    expect((await post('intune', '{"a":1}', 'application/json')).statusCode).toBe(400);
  });

  it('answers the daily report and says what is wrong with a bad question', async () => {
    const daily = (await get('/v1/reports/daily?location=KVIK-NORD&day=2026-11-20')).json();
    expect(daily.handouts).toMatchObject({ total: 1, reused: 1 });
    const bad = await get('/v1/reports/monthly?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).message).toMatch(/month/);
    expect((await get('/v1/reports/salaries')).statusCode).toBe(404);
    expect((await get('/v1/reports/department?format=csv&table=nope')).statusCode).toBe(404);
  });

  it('asks for a desk token, and once operators exist, for a team lead’s id and PIN', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/reports/monthly' })).statusCode).toBe(401);
    const quiet = () => {};
    expect(await operatorCommand(db, ['add', 'TL1', 'team_lead', 'Tove'], quiet, async () => '4711')).toBe(0);
    expect(await operatorCommand(db, ['add', 'D1', 'desk', 'Dan'], quiet, async () => '1234')).toBe(0);
    const as = (operator: string, pin: string) => get('/v1/reports/monthly?month=2026-11', { [operatorHeaders.operator]: operator, [operatorHeaders.pin]: pin });
    const nobody = await get('/v1/reports/monthly?month=2026-11');
    expect([nobody.statusCode, errorOf(nobody.body).code]).toEqual([403, 'not_permitted']);
    expect((await as('TL1', '0000')).statusCode).toBe(403);
    const desk = await as('D1', '1234');
    expect([desk.statusCode, errorOf(desk.body).message]).toEqual([403, 'operator D1 may not read the reports']);
    expect((await as('TL1', '4711')).statusCode).toBe(200);

    // Guessing: five wrong PINs lock the operator here too, the right one included, for a while.
    for (let i = 0; i < lockoutRules.attempts; i++) expect((await as('TL1', `99${i}9`)).statusCode).toBe(403);
    const locked = await as('TL1', '4711');
    expect([locked.statusCode, errorOf(locked.body).message]).toEqual([403, `operator TL1 is locked for a while after ${lockoutRules.attempts} wrong PINs`]);
  });

  it('serves the web build at / and nothing outside it', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect([page.statusCode, page.headers['content-type'], page.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>Kvikdesk</title>']);
    const script = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect([script.statusCode, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/', '/nothing.js', '/v1/nothing'])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
  });
});
