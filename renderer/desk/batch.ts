import { z } from 'zod';
import { conditionSchema, deviceKindSchema } from '../../shared/domain/device';
import { employeeSchema } from '../../shared/domain/reference';
import type { KvikDb, StoredEvent } from '../store/db';
import { defaultBatchParams, modeEvent, modes, type BatchParams, type Mode } from './modes';

/** The batch the desk is working on: its workflow, when it started and what was set once for it. */
export const batchSchema = z.object({
  mode: z.enum(modes),
  startedAt: z.string(),
  params: z.object({
    kind: deviceKindSchema,
    model: z.string().optional(),
    wiped: z.boolean(),
    enrolled: z.boolean(),
    employee: employeeSchema.optional(),
    condition: conditionSchema,
    reason: z.string(),
    vendor: z.string(),
    ticket: z.string(),
    outcome: z.enum(['fixed', 'unrepairable']),
    method: z.enum(['recycled', 'destroyed', 'resold']).optional(),
    certificate: z.string(),
  }) satisfies z.ZodType<BatchParams>,
});
export type Batch = z.infer<typeof batchSchema>;

const BATCH_KEY = 'batch';

export function newBatch(mode: Mode, params: BatchParams = defaultBatchParams, now = new Date()): Batch {
  return { mode, startedAt: now.toISOString(), params };
}

/** The batch survives a reload or a power cut: it is kept in the desk's store. */
export async function loadBatch(db: KvikDb): Promise<Batch> {
  const row = await db.settings.get(BATCH_KEY);
  const parsed = batchSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : newBatch('receive');
}

export async function saveBatch(db: KvikDb, batch: Batch): Promise<void> {
  await db.settings.put({ key: BATCH_KEY, value: batchSchema.parse(batch) });
}

/** This desk's events since the batch started, newest first: the running list on screen. */
export function batchEvents(db: KvikDb, deskId: string, startedAt: string): Promise<StoredEvent[]> {
  return db.events.where('[deskId+at]').between([deskId, startedAt], [deskId, '\uffff'], true, true).reverse().toArray();
}

/**
 * Devices already recorded in this batch's workflow and not undone since: scanning one of them
 * again is a duplicate, a warning, never a second record.
 */
export function batchKeys(events: readonly StoredEvent[], mode: Mode): Set<string> {
  const type = mode === 'lookup' ? undefined : modeEvent[mode];
  const latest = new Map<string, StoredEvent>();
  for (const event of [...events].reverse()) if (event.type === type || event.type === 'corrected') latest.set(event.deviceKey, event);
  return new Set([...latest].filter(([, event]) => event.type === type).map(([key]) => key));
}

/** The events of a batch that an undo took back: shown struck through, and not counted. */
export function undoneIds(events: readonly StoredEvent[]): Set<string> {
  return new Set(events.flatMap((event) => (event.type === 'corrected' && event.data.undoes ? [event.data.undoes] : [])));
}

/** How many devices the batch recorded: corrections are not devices, and what was undone is not counted. */
export function batchCount(events: readonly StoredEvent[]): number {
  const undone = undoneIds(events);
  return events.filter((event) => event.type !== 'corrected' && !undone.has(event.id)).length;
}
