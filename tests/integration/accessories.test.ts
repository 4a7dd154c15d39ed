import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessoryPaths, accessoryPullPageSchema, accessoryPushResponseSchema } from '../../shared/accessories/protocol';
import { referenceEditResponseSchema, syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import { operatorCommand } from '../../server/cli/operator';
import type { Database } from '../../server/db/database';
import { readAccessoryStock } from '../../server/accessories/push';
import { apiClient } from './support/client';
import { backends, type OpenedDatabase } from './support/backends';

let n = 0;
const nextId = () => `0190b000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;

function accessoryEvent(type: string, data: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return { id: nextId(), type, at: '2026-12-01T09:00:00.000Z', deskId: 'desk-1', operator: 'D1', location: 'KVIK-RH', accessory: 'USBC', data, ...over };
}

describe.each(backends)('accessories on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const headers = (token = 'tok-desk-1') => ({ authorization: `Bearer ${token}` });
  const push = async (events: unknown[], token?: string) => {
    const res = await app.inject({ method: 'POST', url: accessoryPaths.push, headers: headers(token), payload: { events } });
    expect(res.statusCode).toBe(200);
    return accessoryPushResponseSchema.parse(res.json()).results;
  };
  const pull = async (after = 0, limit = 1000) => {
    const res = await app.inject({ method: 'GET', url: `${accessoryPaths.pull}?after=${after}&limit=${limit}`, headers: headers() });
    expect(res.statusCode).toBe(200);
    return accessoryPullPageSchema.parse(res.json());
  };
  const stockOf = async (location: string, accessory: string) => (await readAccessoryStock(db)).find((s) => s.location === location && s.accessory === accessory)?.count;

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    app = buildServer({ db, devTokens: parseDeskTokens('desk-1=tok-desk-1,desk-2=tok-desk-2'), logger: false });
    await operatorCommand(db, ['add', 'TL1', 'team_lead', 'Tove'], () => undefined, async () => '4711');
    await operatorCommand(db, ['add', 'D1', 'desk', 'Dan'], () => undefined, async () => '1234');
    const put = (table: string, rows: unknown[]) =>
      app.inject({ method: 'PUT', url: `${syncPaths.reference}/${table}`, headers: headers(), payload: { operator: 'TL1', rows } });
    expect((await put('locations', [{ id: 'KVIK-RH', name: 'Rådhuset', type: 'desk' }, { id: 'LAGER', name: 'Lager', type: 'warehouse' }])).statusCode).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it('keeps the catalogue as reference data: checked per row by a team lead, pulled by desks', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `${syncPaths.reference}/accessories`,
      headers: headers(),
      payload: {
        operator: 'TL1',
        rows: [
          { id: 'USBC', name: 'Oplader USB-C', kind: 'charger', gtin: '5712345000014', levels: 'KVIK-RH:9; *:2' },
          { id: 'BAD', name: 'Kabel', kind: 'cable', gtin: '5712345000015' },
        ],
      },
    });
    const answer = referenceEditResponseSchema.parse(res.json());
    expect(answer.written).toBe(1);
    expect(answer.refused).toEqual([{ row: 2, id: 'BAD', reason: expect.stringMatching(/gtin: 5712345000015 is not a GTIN/) }]);
    const { accessories } = await apiClient(app, 'tok-desk-1').reference();
    expect(accessories).toEqual([{ id: 'USBC', name: 'Oplader USB-C', kind: 'charger', gtin: '05712345000014', levels: '*:2; KVIK-RH:9' }]);
    const byDesk = await app.inject({ method: 'PUT', url: `${syncPaths.reference}/accessories`, headers: headers(), payload: { operator: 'D1', rows: [{ id: 'X', name: 'X', kind: 'other' }] } });
    expect(byDesk.statusCode).toBe(403);
  });

  it('stores good events with their own seq and the stock per location; bad ones are refused each with its reason', async () => {
    const box = accessoryEvent('accessory_received', { count: 10, gtin: '05712345000014' });
    const issued = accessoryEvent('accessory_issued', { count: 1, employeeId: 'E1001', requestNumber: 'RITM0012345' });
    const results = await push([
      box,
      accessoryEvent('accessory_received', { count: 0 }),
      issued,
      accessoryEvent('accessory_received', { count: 5 }, { location: 'NOWHERE' }),
      accessoryEvent('accessory_received', { count: 5 }, { accessory: 'NOPE' }),
      accessoryEvent('accessory_adjusted', { delta: -3, counted: 6, reason: 'Optalt' }),
      accessoryEvent('accessory_received', { count: 1 }, { operator: 'stranger' }),
      accessoryEvent('accessory_received', { count: 1 }, { deskId: 'desk-2' }),
      { junk: true },
    ]);
    expect(results.map((r) => (r.status === 'invalid' ? r.reasonCode : r.status))).toEqual([
      'accepted',
      'invalid_event',
      'accepted',
      'unknown_location',
      'unknown_accessory',
      'not_permitted',
      'not_permitted',
      'wrong_desk',
      'invalid_event',
    ]);
    expect(results[5]).toMatchObject({ reason: 'desk may not accessories.adjust' });
    expect(results[0]).toMatchObject({ seq: 1 });
    expect(results[2]).toMatchObject({ seq: 2 });
    expect(await stockOf('KVIK-RH', 'USBC')).toBe(9);
    // A team lead's count correction passes.
    const [lead] = await push([accessoryEvent('accessory_adjusted', { delta: -1, counted: 8, reason: 'Optalt' }, { operator: 'TL1' })]);
    expect(lead?.status).toBe('accepted');
    expect(await stockOf('KVIK-RH', 'USBC')).toBe(8);
  });

  it('answers a repeat as a duplicate with the first seq, and an id reused with other content or by another desk as id_conflict', async () => {
    const first = accessoryEvent('accessory_received', { count: 4 });
    const [stored] = await push([first]);
    const again = await push([first, { ...first, data: { count: 40 } }]);
    expect(again).toEqual([
      { id: first.id, status: 'duplicate', seq: stored && 'seq' in stored ? stored.seq : -1 },
      expect.objectContaining({ status: 'invalid', reasonCode: 'id_conflict' }),
    ]);
    const [other] = await push([{ ...first, deskId: 'desk-2' }], 'tok-desk-2');
    expect(other).toMatchObject({ status: 'invalid', reasonCode: 'id_conflict' });
    expect(await stockOf('KVIK-RH', 'USBC')).toBe(12);
  });

  it('gives every stored event by pull in seq order, in pages, never a refused one', async () => {
    const page = await pull(0, 2);
    expect(page.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(page.more).toBe(true);
    const rest = await pull(page.last);
    expect(rest.events.map((e) => e.seq)).toEqual([3, 4]);
    expect(rest.more).toBe(false);
    const all = [...page.events, ...rest.events].map((e) => e.event as { type: string; data: { count?: number; delta?: number } });
    expect(all.map((e) => e.type)).toEqual(['accessory_received', 'accessory_issued', 'accessory_adjusted', 'accessory_received']);
    // The stream sums to the projection.
    const sum = all.reduce((s, e) => s + (e.type === 'accessory_issued' ? -(e.data.count ?? 0) : (e.data.count ?? e.data.delta ?? 0)), 0);
    expect(sum).toBe(await stockOf('KVIK-RH', 'USBC'));
  });
});

describe.each(backends)('undoing an accessory event on $name', (backend) => {
  let opened: OpenedDatabase;
  let app: FastifyInstance;
  const push = async (events: unknown[]) => {
    const res = await app.inject({ method: 'POST', url: accessoryPaths.push, headers: { authorization: 'Bearer tok-desk-1' }, payload: { events } });
    return accessoryPushResponseSchema.parse(res.json()).results.map((r) => (r.status === 'invalid' ? `${r.reasonCode}: ${r.reason}` : r.status));
  };

  beforeAll(async () => {
    opened = await backend.open();
    app = buildServer({ db: opened.db, devTokens: parseDeskTokens('desk-1=tok-desk-1'), logger: false });
    const put = (table: string, rows: unknown[]) => app.inject({ method: 'PUT', url: `${syncPaths.reference}/${table}`, headers: { authorization: 'Bearer tok-desk-1' }, payload: { operator: 'x', rows } });
    await put('locations', [{ id: 'KVIK-RH', name: 'Rådhuset', type: 'desk' }]);
    await put('accessories', [{ id: 'USBC', name: 'Oplader USB-C', kind: 'charger' }]);
  });
  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it('takes back exactly one receive or issue of the same desk, once', async () => {
    const box = accessoryEvent('accessory_received', { count: 10 }, { operator: 'MK' });
    const issued = accessoryEvent('accessory_issued', { count: 1, employeeId: 'E1' }, { operator: 'MK' });
    const counted = accessoryEvent('accessory_adjusted', { delta: 2, reason: 'Optalt' }, { operator: 'MK' });
    const undo = (target: { id: string }, delta: number) => accessoryEvent('accessory_undone', { undoes: target.id, delta }, { operator: 'MK' });
    expect(await push([box, issued, counted])).toEqual(['accepted', 'accepted', 'accepted']);
    const results = await push([undo(issued, -1), undo(issued, 1), undo(issued, 1), undo(counted, -2), undo({ id: nextId() }, 1)]);
    expect(results[0]).toMatch(/bad_undo: .*changes the count by 1, not -1/);
    expect(results[1]).toBe('accepted');
    expect(results[2]).toMatch(/bad_undo: .*already undone/);
    expect(results[3]).toMatch(/bad_undo: a accessory_adjusted is not undone/);
    expect(results[4]).toMatch(/bad_undo: .*not stored/);
    expect((await readAccessoryStock(opened.db)).find((s) => s.accessory === 'USBC')?.count).toBe(12);
  });
});
