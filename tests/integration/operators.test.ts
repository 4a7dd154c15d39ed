import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../shared/auth/pin';
import { makeEvent } from '../../shared/testing/builders';
import { syncPaths } from '../../shared/sync/protocol';
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
      app.inject({
        method: 'PUT',
        url: `${syncPaths.reference}/models`,
        headers: { authorization: 'Bearer tok-desk-1' },
        payload: { operator, rows: [{ id: 'IP15', name: 'iPhone 15', kind: 'phone', price: 649900, tier: 'standard' }] },
      });
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
    expect((await put({ ...row, active: 'nej' })).statusCode).toBe(400);
    expect((await put({ ...row, active: true })).statusCode).toBe(200);
    expect((await api().reference()).models).toEqual([{ ...row, active: true }]);
  });
});
