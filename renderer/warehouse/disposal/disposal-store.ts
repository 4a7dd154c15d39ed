import type { Erasure } from '../../../shared/domain/event';
import type { WeeeCategory } from '../../../shared/domain/device';
import {
  batchItem,
  closeBatchSchema,
  disposalBatchSchema,
  disposedData,
  joinRefusal,
  type CloseBatch,
  type DisposalBatch,
  type JoinRefusal,
} from '../../../shared/warehouse/disposal';
import { warehouseId } from '../../../shared/warehouse/ids';
import { defaultTimeZone, localDayOf } from '../../../shared/reports/calendar';
import type { Refusal } from '../../../shared/lifecycle/refusal';
import { newEvent, type DeskContext } from '../../desk/desk-context';
import type { KvikDb, StoredDevice } from '../../store/db';
import { findDevice } from '../../store/lookup';
import { recordEvent } from '../../store/record';

export async function batchesWithStatus(db: KvikDb, status: DisposalBatch['status']): Promise<DisposalBatch[]> {
  return (await db.disposalBatches.where('status').equals(status).toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export async function createBatch(db: KvikDb, ctx: DeskContext, recycler: string, weeeCategory: WeeeCategory, now = new Date()): Promise<DisposalBatch> {
  const batch = disposalBatchSchema.parse({
    id: warehouseId('BP', ctx.location, now),
    recycler,
    weeeCategory,
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: ctx.operator,
    location: ctx.location,
    items: [],
  });
  await db.disposalBatches.add(batch);
  return batch;
}

export type JoinOutcome =
  | { ok: true; batch: DisposalBatch; device: StoredDevice }
  | { ok: false; refusal: JoinRefusal; device: StoredDevice }
  | { ok: false; unknown: true };

/** Scans a device into an open batch with its erasure evidence, in one transaction with the checks. */
export async function joinBatch(db: KvikDb, ctx: DeskContext, batchId: string, identifiers: readonly string[], erasure: Erasure, now = new Date()): Promise<JoinOutcome> {
  return db.transaction('rw', [db.disposalBatches, db.devices], async () => {
    const device = identifiers.length > 0 ? await findDevice(db, identifiers) : undefined;
    if (!device) return { ok: false, unknown: true };
    const batch = await db.disposalBatches.get(batchId);
    if (!batch) throw new Error(`no disposal batch ${batchId}`);
    const others = (await db.disposalBatches.where('status').equals('open').toArray()).filter((b) => b.id !== batchId);
    const refusal = joinRefusal(batch, device, erasure, localDayOf(now.getTime(), defaultTimeZone), others);
    if (refusal) return { ok: false, refusal, device };
    const next = { ...batch, items: [...batch.items, batchItem(device, erasure, ctx.operator, now.toISOString())] };
    await db.disposalBatches.put(next);
    return { ok: true, batch: next, device };
  });
}

/** Takes a device out of an open batch again (scanned by mistake). */
export async function leaveBatch(db: KvikDb, batchId: string, deviceKey: string): Promise<void> {
  await db.disposalBatches
    .where('id')
    .equals(batchId)
    .modify((batch) => {
      if (batch.status === 'open') batch.items = batch.items.filter((item) => item.deviceKey !== deviceKey);
    });
}

export type CloseOutcome = { ok: true; batch: DisposalBatch } | { ok: false; blocked: { deviceKey: string; refusal: Refusal }[] };

/**
 * Closes a batch (a team lead's action: the screen asks `useMay('disposal.close')`): every device
 * in it is disposed of with the certificate number, all or none — one device the lifecycle now
 * refuses (handed out since it joined) keeps the whole batch open, with the device named.
 */
export async function closeBatch(db: KvikDb, ctx: DeskContext, batchId: string, input: CloseBatch, now = new Date()): Promise<CloseOutcome> {
  const { certificate, weightKg } = closeBatchSchema.parse(input);
  const blocked: { deviceKey: string; refusal: Refusal }[] = [];
  try {
    return await db.transaction('rw', [db.disposalBatches, db.devices, db.events, db.outbox], async () => {
      const batch = await db.disposalBatches.get(batchId);
      if (!batch || batch.status !== 'open') throw new Error(`disposal batch ${batchId} is not open`);
      for (const item of batch.items) {
        const result = await recordEvent(db, newEvent(ctx, 'disposed', item.deviceKey, disposedData(batch, certificate, item), now));
        if (!result.ok) blocked.push({ deviceKey: item.deviceKey, refusal: result.refusal });
      }
      // Throwing aborts the transaction: the events already recorded in it are undone.
      if (blocked.length > 0) throw new BlockedClose();
      const closed: DisposalBatch = { ...batch, status: 'closed', certificate, ...(weightKg !== undefined ? { weightKg } : {}), closedAt: now.toISOString(), closedBy: ctx.operator };
      await db.disposalBatches.put(closed);
      return { ok: true as const, batch: closed };
    });
  } catch (error) {
    if (error instanceof BlockedClose) return { ok: false, blocked };
    throw error;
  }
}

class BlockedClose extends Error {}
