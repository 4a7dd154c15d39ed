import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../shared/auth/pin';
import { makeEvent } from '../../shared/testing/builders';
import { referenceEditResponseSchema, syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import { operatorCommand } from '../../server/cli/operator';
import type { Database } from '../../server/db/database';
import { apiClient, errorOf } from './support/client';
import { backends, type OpenedDatabase } from './support/backends';

describe.each(backends)('operators and roles on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const api = () => apiClient(app, 'tok-desk-1');
  /** A desk's edit of a reference table, as `operator`. */
  const putReference = (table: string, operator: string, rows: unknown[]) =>
    app.inject({ method: 'PUT', url: `${syncPaths.reference}/${table}`, headers: { authorization: 'Bearer tok-desk-1' }, payload: { operator, rows } });

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    app = buildServer({ db, devTokens: parseDeskTokens('desk-1=tok-desk-1'), logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it('takes any operator name while none is set up (a trial server)', async () => {
    const [result] = await api().push([makeEvent('received', 'imei:354381079141772', { deskId: 'desk-1', operator: 'whoever' })]);
    expect(result?.status).toBe('accepted');
  });

  it('adds operators from the command line with the PIN from stdin, stored only as a hash and synced to desks', async () => {
    const out: string[] = [];
    expect(await operatorCommand(db, ['add', 'TL1', 'team_lead', 'Tove', 'Lund', '--badge', 'B-TL1'], (l) => out.push(l), async () => '4711\n')).toBe(0);
    expect(await operatorCommand(db, ['add', 'D1', 'desk', 'Dan', 'Desk', '--badge', 'B-D1'], (l) => out.push(l), async () => '1234')).toBe(0);
    expect(await operatorCommand(db, ['add', 'D2', 'desk', 'Dora', '--badge', 'B-D1'], (l) => out.push(l), async () => '1234')).toBe(1);
    expect(await operatorCommand(db, ['add', 'D3', 'desk', 'Dina'], (l) => out.push(l), async () => '12')).toBe(1);
    expect(out.join('\n')).toMatch(/badge B-D1 belongs to operator D1/);
    expect(out.join('\n')).toMatch(/a PIN is 4–12 digits/);

    const { operators } = await api().reference();
    expect(operators.map((o) => [o.id, o.name, o.role, o.badge])).toEqual([['D1', 'Dan Desk', 'desk', 'B-D1'], ['TL1', 'Tove Lund', 'team_lead', 'B-TL1']]);
    const rows = await db.query('SELECT pin_hash FROM operators');
    expect(rows.map((r) => String(r.pin_hash)).join()).not.toMatch(/4711|1234/);
    expect(await verifyPin('4711', operators[1]?.pinHash ?? '')).toBe(true);
    expect(await verifyPin('1234', operators[1]?.pinHash ?? '')).toBe(false);
  });

  it("refuses a desk operator's team-lead action as not_permitted, and an unknown operator's anything; a team lead's passes", async () => {
    const key = 'imei:354381079141772';
    const byDesk = makeEvent('reported_lost', key, { deskId: 'desk-1', operator: 'D1' });
    const byStranger = makeEvent('note', key, { deskId: 'desk-1', operator: 'whoever' });
    const ordinary = makeEvent('note', key, { deskId: 'desk-1', operator: 'D1' });
    const byLead = makeEvent('reported_lost', key, { deskId: 'desk-1', operator: 'TL1' });
    const results = await api().push([byDesk, byStranger, ordinary, byLead]);
    expect(results.map((r) => [r.status, 'reasonCode' in r ? r.reasonCode : undefined])).toEqual([
      ['conflict', 'not_permitted'],
      ['conflict', 'not_permitted'],
      ['accepted', undefined],
      ['accepted', undefined],
    ]);
    expect(results[0] && 'reason' in results[0] ? results[0].reason : '').toMatch(/desk may not devices.writeOff/);
  });

  it('lets only a team lead edit reference data from a desk', async () => {
    const put = (operator: string) =>
      putReference('models', operator, [{ id: 'IP15', name: 'iPhone 15', kind: 'phone', price: 649900, tier: 'standard' }]);
    const refused = await put('D1');
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused.body).code).toBe('not_permitted');
    expect((await api().reference()).models).toEqual([]);
    const allowed = await put('TL1');
    expect(allowed.statusCode).toBe(200);
    expect((await api().reference()).models).toEqual([{ id: 'IP15', name: 'iPhone 15', kind: 'phone', price: 649900, tier: 'standard' }]);
  });

  it('deactivates a model through the same edit; a later edit without the flag keeps it; reactivates', async () => {
    const put = (row: object) =>
      app.inject({ method: 'PUT', url: `${syncPaths.reference}/models`, headers: { authorization: 'Bearer tok-desk-1' }, payload: { operator: 'TL1', rows: [row] } });
    const row = { id: 'IP15', name: 'iPhone 15', kind: 'phone', price: 649900, tier: 'standard' };
    const before = (await api().reference()).revision;
    expect((await put({ ...row, active: false })).statusCode).toBe(200);
    const changed = await api().reference(before);
    expect(changed.models).toEqual([{ ...row, active: false }]);
    // A price change from a desk (or a CSV import) that does not say never reactivates it.
    expect((await put({ ...row, price: 599900 })).statusCode).toBe(200);
    expect((await api().reference()).models).toEqual([{ ...row, price: 599900, active: false }]);
    // A flag that is not one is refused as that row's problem (the good rows of an edit are kept).
    const bad = await put({ ...row, active: 'nej' });
    expect(bad.statusCode).toBe(200);
    expect(referenceEditResponseSchema.parse(JSON.parse(bad.body))).toMatchObject({ written: 0, refused: [{ row: 1, id: 'IP15', reason: expect.stringMatching(/^active: /) }] });
    expect((await put({ ...row, active: true })).statusCode).toBe(200);
    expect((await api().reference()).models).toEqual([{ ...row, active: true }]);
  });

  it("checks every row of a team lead's edit on its own: one reason per bad row, the good rows kept", async () => {
    const before = (await api().reference()).revision;
    const res = await putReference('employees', 'TL1', [
      { id: 'E1', name: 'Mette Hansen', department: 'ØKF' },
      { id: 'E2', department: 'ØKF' },
      'not a row',
      { id: 'E1', name: 'Mette Jensen', department: 'ØKF' },
      { id: 'E3', name: 'Jens Berg', department: 'TMF', badge: 'x'.repeat(65) },
      { id: 'E4', name: 'Ida Holm', department: 'BUF', unknown: 'dropped' },
    ]);
    expect(res.statusCode).toBe(200);
    const answer = referenceEditResponseSchema.parse(JSON.parse(res.body));
    expect(answer.written).toBe(2);
    expect(answer.refused.map((r) => [r.row, r.id, r.reason.split(':')[0]])).toEqual([
      [2, 'E2', 'name'],
      [3, undefined, 'row'],
      [4, 'E1', 'id E1 is already in row 1'],
      [5, 'E3', 'badge'],
    ]);
    const changed = await api().reference(before);
    expect(changed.revision).toBe(answer.revision);
    expect(changed.employees).toEqual([
      { id: 'E1', name: 'Mette Hansen', department: 'ØKF' },
      { id: 'E4', name: 'Ida Holm', department: 'BUF' },
    ]);

    // Nothing good to write: refused, and the revision stays.
    const none = await putReference('locations', 'TL1', [{ id: 'X', name: 'Somewhere', type: 'shop' }]);
    expect(referenceEditResponseSchema.parse(JSON.parse(none.body))).toMatchObject({ revision: answer.revision, written: 0, refused: [{ row: 1, id: 'X' }] });
  });

  it("takes a team lead's operators from a desk with the PIN as a hash of this version's cost only, and a badge that is no one else's", async () => {
    const salt = new Uint8Array(16).fill(7);
    const good = await hashPin('2468', salt);
    const cheap = good.replace(`scrypt:${2 ** 15}:`, 'scrypt:1024:');
    const res = await putReference('operators', 'TL1', [
      { id: 'W1', name: 'Wilma Lager', role: 'warehouse', badge: 'B-W1', pinHash: good },
      { id: 'W2', name: 'Cheap Hash', role: 'warehouse', pinHash: cheap },
      { id: 'W3', name: 'Badge Thief', role: 'desk', badge: 'B-D1', pinHash: good },
      { id: 'W4', name: 'Badge Twin', role: 'desk', badge: 'B-W1', pinHash: good },
      { id: 'W5', name: 'Plain PIN', role: 'desk', pin: '1234' },
    ]);
    const answer = referenceEditResponseSchema.parse(JSON.parse(res.body));
    expect(answer.written).toBe(1);
    expect(answer.refused.map((r) => [r.row, r.reason])).toEqual([
      [2, 'pinHash: not made at this server’s scrypt cost'],
      [3, 'badge B-D1 belongs to operator D1'],
      [4, 'badge B-W1 belongs to operator W1'],
      [5, expect.stringMatching(/^pinHash: /)],
    ]);
    const { operators } = await api().reference();
    expect(operators.map((o) => o.id)).toEqual(['D1', 'TL1', 'W1']);
    expect(await verifyPin('2468', operators[2]?.pinHash ?? '')).toBe(true);

    // A desk operator may not add one.
    const refused = await putReference('operators', 'D1', [{ id: 'D1', name: 'Dan Desk', role: 'team_lead', pinHash: good }]);
    expect(refused.statusCode).toBe(403);
  });
});
