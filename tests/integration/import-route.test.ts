import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { deviceImportResponseSchema, syncLimits, syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { saveOperator } from '../../server/operators/operators';
import { importReferenceCsv } from '../../server/reference/import-csv';
import { readDevices } from '../../server/sync/read';
import { apiClient, errorOf } from './support/client';
import { backends, type OpenedDatabase } from './support/backends';

const imei = (n: number) => {
  const body = `35${String(n).padStart(12, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};

/** Two good rows, an unknown model and a holder who is not an employee. */
const fleet = [
  '\uFEFFimei;model;status;location;holder',
  `${imei(1)};IP13;på lager;LAGER;`,
  `${imei(2)};IP13;udleveret;;E1001`,
  `${imei(3)};Nokia 3310;;LAGER;`,
  `${imei(4)};IP13;;;E9999`,
].join('\r\n');

describe.each(backends)('device import from a desk on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const post = (body: unknown) =>
    app.inject({ method: 'POST', url: syncPaths.importDevices, headers: { authorization: 'Bearer tok-desk-1' }, payload: body as Record<string, unknown> });
  const devices = async () => (await readDevices(db, undefined, 1000, 64 << 20)).devices.map((d) => d.device);

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    await importReferenceCsv(db, 'models', 'id,name,kind\nIP13,iPhone 13,phone\n');
    await importReferenceCsv(db, 'locations', 'id,name,type\nLAGER,Centrallager,warehouse\n');
    await importReferenceCsv(db, 'employees', 'id,name,department\nE1001,Mette Hansen,ØKF\n');
    await saveOperator(db, { id: 'TL1', name: 'Tove Lund', role: 'team_lead', pin: '4711' });
    await saveOperator(db, { id: 'D1', name: 'Dan Dahl', role: 'desk', pin: '1234' });
    app = buildServer({ db, devTokens: parseDeskTokens('desk-1=tok-desk-1'), logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it("refuses a desk operator's import as not_permitted, and writes nothing", async () => {
    const res = await post({ operator: 'D1', fileName: 'fleet.csv', csv: fleet, dryRun: false, skipInvalid: true });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res.body).code).toBe('not_permitted');
    expect(await devices()).toEqual([]);
  });

  it("dry-runs a team lead's file by line, then imports nothing while a row is refused, then the good rows with skipInvalid", async () => {
    const dry = deviceImportResponseSchema.parse((await post({ operator: 'TL1', fileName: 'fleet.csv', csv: fleet, dryRun: true })).json());
    expect(dry.written).toBe(false);
    expect(dry.counts).toEqual({ create: 2, change: 0, unchanged: 0, refused: 2 });
    expect(dry.lines.map((l) => [l.line, l.outcome, l.status ?? l.code])).toEqual([
      [2, 'create', 'received'],
      [3, 'create', 'assigned'],
      [4, 'refused', 'unknown_model'],
      [5, 'refused', 'unknown_employee'],
    ]);
    expect(await devices()).toEqual([]);

    const blocked = deviceImportResponseSchema.parse((await post({ operator: 'TL1', fileName: 'fleet.csv', csv: fleet, dryRun: false })).json());
    expect(blocked.written).toBe(false);
    expect(await devices()).toEqual([]);

    const done = deviceImportResponseSchema.parse((await post({ operator: 'TL1', fileName: 'fleet.csv', csv: fleet, dryRun: false, skipInvalid: true })).json());
    expect(done.written).toBe(true);
    const imported = await devices();
    expect(imported.map((d) => [d.imei, d.status]).sort()).toEqual([[imei(1), 'received'], [imei(2), 'assigned']]);
    // Desks receive them like any event, recorded by the team lead who imported them.
    const pulled = await apiClient(app, 'tok-desk-1').pullAll();
    expect(pulled.map((p) => [p.event.type, p.event.operator])).toEqual([['imported', 'TL1'], ['imported', 'TL1']]);

    // The same file again changes nothing.
    const again = deviceImportResponseSchema.parse((await post({ operator: 'TL1', fileName: 'fleet.csv', csv: fleet, dryRun: false, skipInvalid: true })).json());
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
  });

  it('says what is wrong with a file it cannot read, and refuses a body larger than the whole fleet', async () => {
    const noIds = deviceImportResponseSchema.parse((await post({ operator: 'TL1', fileName: 'x.csv', csv: 'name;model\nA;IP13\n', dryRun: true })).json());
    expect(noIds.problem).toMatch(/no IMEI or serial number column/);
    expect(noIds.written).toBe(false);
    const huge = await post({ operator: 'TL1', fileName: 'x.csv', csv: 'x'.repeat(syncLimits.importMaxBytes + 1), dryRun: true });
    expect(huge.statusCode).toBe(413);
  });
});
