import { lowStockLevel, type Accessory } from '../../shared/accessories/catalogue';
import { accessoryCountLimits } from '../../shared/accessories/event';
import { adjustmentDelta, issueVerdict } from '../../shared/accessories/stock';
import type { Employee } from '../../shared/domain/reference';
import type { Message } from '../desk/decide';
import type { DeskContext } from '../desk/desk-context';
import type { Tone } from '../desk/perform-scan';
import type { KvikDb } from '../store/db';
import { newAccessoryEvent, recordAccessoryEvent, stockAt } from './store';

export interface AccessoryFeedback {
  tone: Tone;
  message: Message;
}

/** The handout's settings an issue records: who it goes to, and the request they came with. */
export interface HandoutFor {
  employee: Employee | undefined;
  requestNumber?: string | undefined;
  batchStartedAt: string;
}

/**
 * One accessory given out with a handout, recorded at once (like every scan: in the store before
 * the screen confirms it), so nothing scanned is lost if the batch is never finished. Green, or
 * amber when the shelf is now low or the record had too few (`issueVerdict`: never refused).
 */
export async function issueAccessory(db: KvikDb, ctx: DeskContext, accessory: Accessory, handout: HandoutFor, now = new Date()): Promise<AccessoryFeedback> {
  const employee = handout.employee;
  if (!employee) return { tone: 'error', message: { key: 'feedback.needEmployee' } };
  const requestNumber = handout.requestNumber?.trim();
  const event = newAccessoryEvent(
    ctx,
    'accessory_issued',
    accessory.id,
    { count: 1, employeeId: employee.id, department: employee.department, ...(requestNumber ? { requestNumber } : {}), batchStartedAt: handout.batchStartedAt },
    now,
  );
  const { before } = await recordAccessoryEvent(db, event);
  const verdict = issueVerdict(before, 1, lowStockLevel(accessory, ctx.location));
  const params = { count: 1, name: accessory.name };
  if (verdict.kind === 'empty') return { tone: 'warning', message: { key: 'accessories.feedback.issuedEmpty', params: { ...params, before: verdict.before } } };
  if (verdict.kind === 'low') return { tone: 'warning', message: { key: 'accessories.feedback.issuedLow', params: { ...params, left: verdict.after, level: verdict.level } } };
  return { tone: 'good', message: { key: 'accessories.feedback.issued', params: { ...params, left: verdict.after } } };
}

/** A whole count for a box or a shelf, as typed: `null` when it is not one within the limits. */
export function readCount(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const count = Number(trimmed);
  return count >= min && count <= max ? count : null;
}

export const boxMax = accessoryCountLimits.receivedMax;

/** A box received: its count added to this location's stock. */
export async function receiveAccessory(db: KvikDb, ctx: DeskContext, accessory: Accessory, count: number, gtin: string | undefined, now = new Date()): Promise<AccessoryFeedback> {
  const event = newAccessoryEvent(ctx, 'accessory_received', accessory.id, { count, ...(gtin ? { gtin } : {}) }, now);
  const { after } = await recordAccessoryEvent(db, event);
  return { tone: 'good', message: { key: 'accessories.feedback.received', params: { count, name: accessory.name, stock: after } } };
}

/**
 * A team lead's count of the shelf: recorded as the change from what the record says now, so an
 * issue at another desk meanwhile still counts when both reach the centre. Nothing when equal.
 */
export async function adjustAccessory(db: KvikDb, ctx: DeskContext, accessory: Accessory, counted: number, reason: string, now = new Date()): Promise<AccessoryFeedback | null> {
  // Read and written in one transaction: nothing recorded between the two is lost from the change.
  const after = await db.transaction('rw', [db.accessoryEvents, db.accessoryStock, db.accessoryOutbox], async () => {
    const delta = adjustmentDelta(await stockAt(db, ctx.location, accessory.id), counted);
    if (delta === 0) return null;
    return (await recordAccessoryEvent(db, newAccessoryEvent(ctx, 'accessory_adjusted', accessory.id, { delta, counted, reason }, now))).after;
  });
  if (after === null) return null;
  return { tone: 'good', message: { key: 'accessories.feedback.adjusted', params: { name: accessory.name, stock: after } } };
}
