import { describe, expect, it } from 'vitest';
import { deviceStatuses, type Device } from '../domain/device';
import { deviceEventSchema, type Erasure } from '../domain/event';
import { apply } from '../lifecycle/apply';
import { deviceIn, makeEvent } from '../testing/builders';
import { batchItem, closeBatchSchema, countsByKind, disposedData, joinRefusal, weeeCategoryOfKind, type DisposalBatch } from './disposal';

const TODAY = '2026-11-24';
const evidence: Erasure = { method: 'purge', tool: 'Blancco Mobile', toolVersion: '7.4', verified: true, verifiedBy: 'MK', date: '2026-11-20' };
const device = (status: Device['status'], n = 1, patch: Partial<Device> = {}): Device => ({ ...deviceIn(status, `35209901000000${n}`).device, ...patch });
const batch = (patch: Partial<DisposalBatch> = {}): DisposalBatch => ({
  id: 'BP-LAGER-20261124T090000',
  recycler: 'Stena Recycling',
  weeeCategory: 'small_it',
  status: 'open',
  createdAt: '2026-11-24T08:00:00.000Z',
  createdBy: 'MK',
  location: 'LAGER',
  items: [],
  ...patch,
});

describe('who may join a disposal batch', () => {
  it('takes only devices on a shelf: in stock, returned defective included', () => {
    const joins = deviceStatuses.filter((status) => status !== 'disposed' && joinRefusal(batch(), device(status), evidence, TODAY) === undefined);
    expect(joins).toEqual(['received', 'ready', 'returned']);
    expect(joinRefusal(batch(), device('returned', 1, { condition: 'defective' }), evidence, TODAY)).toBeUndefined();
    expect(joinRefusal(batch(), device('assigned'), evidence, TODAY)).toEqual({ code: 'not_in_stock', status: 'assigned' });
    expect(joinRefusal(batch(), device('in_repair'), evidence, TODAY)).toEqual({ code: 'not_in_stock', status: 'in_repair' });
  });

  it('refuses a device that was not wiped, or whose evidence lacks tool, verifier or date', () => {
    expect(joinRefusal(batch(), device('ready'), { ...evidence, verified: false }, TODAY)).toEqual({ code: 'not_wiped' });
    expect(joinRefusal(batch(), device('ready'), { ...evidence, tool: ' ' }, TODAY)).toEqual({ code: 'erasure_incomplete' });
    const { verifiedBy: _v, ...noVerifier } = evidence;
    expect(joinRefusal(batch(), device('ready'), noVerifier, TODAY)).toEqual({ code: 'erasure_incomplete' });
    const { date: _d, ...noDate } = evidence;
    expect(joinRefusal(batch(), device('ready'), noDate, TODAY)).toEqual({ code: 'erasure_incomplete' });
  });

  it('refuses an erasure dated on a day that cannot be: in the future, before 2000, or no day at all', () => {
    expect(joinRefusal(batch(), device('ready'), { ...evidence, date: '2026-11-25' }, TODAY)).toEqual({ code: 'erasure_date', date: '2026-11-25' });
    // What a scan into the focused date field leaves there.
    expect(joinRefusal(batch(), device('ready'), { ...evidence, date: '0003-03-05' }, TODAY)).toEqual({ code: 'erasure_date', date: '0003-03-05' });
    expect(joinRefusal(batch(), device('ready'), { ...evidence, date: '275760-03-05' }, TODAY)).toEqual({ code: 'erasure_incomplete' });
    expect(joinRefusal(batch(), device('ready'), { ...evidence, date: TODAY }, TODAY)).toBeUndefined();
  });

  it('keeps the WEEE categories apart: phones small IT, tablets and PCs screens', () => {
    expect(weeeCategoryOfKind).toEqual({ phone: 'small_it', tablet: 'screens', pc: 'screens' });
    expect(joinRefusal(batch(), device('ready', 1, { kind: 'tablet' }), evidence, TODAY)).toEqual({ code: 'wrong_category', category: 'screens' });
    expect(joinRefusal(batch({ weeeCategory: 'screens' }), device('ready', 1, { kind: 'pc' }), evidence, TODAY)).toBeUndefined();
  });

  it('takes a device once, in one open batch, and nothing into a closed one', () => {
    const d = device('ready');
    const item = batchItem(d, evidence, 'MK', '2026-11-24T09:00:00.000Z');
    expect(joinRefusal(batch({ items: [item] }), d, evidence, TODAY)).toEqual({ code: 'already_in_batch' });
    expect(joinRefusal(batch(), d, evidence, TODAY, [{ id: 'BP-OTHER', items: [item] }])).toEqual({ code: 'in_other_batch', batchId: 'BP-OTHER' });
    expect(joinRefusal(batch({ status: 'closed' }), d, evidence, TODAY)).toEqual({ code: 'batch_closed' });
  });
});

describe('closing a batch', () => {
  it('disposes of each device with the certificate, the batch and its evidence, as the lifecycle accepts', () => {
    const d = device('returned', 1, { model: 'IP15' });
    const item = batchItem(d, evidence, 'MK', '2026-11-24T09:00:00.000Z');
    const data = disposedData(batch(), ' CERT-77 ', item);
    expect(data).toEqual({ method: 'recycled', certificate: 'CERT-77', batchId: 'BP-LAGER-20261124T090000', recycler: 'Stena Recycling', weeeCategory: 'small_it', erasure: evidence });
    const event = deviceEventSchema.parse(makeEvent('disposed', d.key, { data }));
    const result = apply(d, event);
    expect(result.ok && result.device?.status).toBe('disposed');
    expect(result.ok && result.device?.disposal).toMatchObject({ certificate: 'CERT-77', batchId: 'BP-LAGER-20261124T090000' });
  });

  it('needs a certificate number; the weight is optional and never negative', () => {
    expect(closeBatchSchema.safeParse({ certificate: '  ' }).success).toBe(false);
    expect(closeBatchSchema.safeParse({ certificate: 'C-1' }).success).toBe(true);
    expect(closeBatchSchema.safeParse({ certificate: 'C-1', weightKg: -1 }).success).toBe(false);
  });

  it('counts the devices per kind, every kind listed', () => {
    const items = [device('ready', 1), device('ready', 2), device('ready', 3, { kind: 'pc' })].map((d) => batchItem(d, evidence, 'MK', '2026-11-24T09:00:00.000Z'));
    expect(countsByKind(items)).toEqual([
      { kind: 'phone', count: 2 },
      { kind: 'tablet', count: 0 },
      { kind: 'pc', count: 1 },
    ]);
  });
});
