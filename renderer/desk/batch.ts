import { z } from 'zod';
import type { KvikDb, StoredEvent } from '../store/db';
import { modes, type Mode } from './modes';
import { readBatchSettings, workflows, type BatchSettings } from './workflows';

/**
 * The batch the desk is working on: its workflow, when it started and what was set once for it
 * (every workflow's settings, each checked by its own schema in the registry).
 */
export const batchSchema = z.object({
  mode: z.enum(modes),
  startedAt: z.string(),
  settings: z.unknown().transform(readBatchSettings),
});
export type Batch = { mode: Mode; startedAt: string; settings: BatchSettings };

const BATCH_KEY = 'batch';

export function newBatch(mode: Mode, settings: BatchSettings = readBatchSettings({}), now = new Date()): Batch {
  return { mode, startedAt: now.toISOString(), settings };
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
  const type = mode === 'lookup' ? undefined : workflows[mode].event;
  const latest = new Map<string, StoredEvent>();
  // Undoing a SIM pairing leaves the handout in the batch.
  const pairings = new Set(events.filter((event) => addsNoDevice.has(event.type)).map((event) => event.id));
  const undoesPairing = (event: StoredEvent) => event.type === 'corrected' && event.data.undoes !== undefined && pairings.has(event.data.undoes);
  for (const event of [...events].reverse()) if (event.type === type || (event.type === 'corrected' && !undoesPairing(event))) latest.set(event.deviceKey, event);
  return new Set([...latest].filter(([, event]) => event.type === type).map(([key]) => key));
}

/** The events of a batch that an undo took back: shown struck through, and not counted. */
export function undoneIds(events: readonly StoredEvent[]): Set<string> {
  return new Set(events.flatMap((event) => (event.type === 'corrected' && event.data.undoes ? [event.data.undoes] : [])));
}

/** Events recorded on a device the batch already holds: a SIM card paired with a phone just handed out, a tag linked. */
export const addsNoDevice: ReadonlySet<string> = new Set(['sim_paired', 'tagged']);

/** How many devices the batch recorded: corrections and pairings are not devices, and what was undone is not counted. */
export function batchCount(events: readonly StoredEvent[]): number {
  const undone = undoneIds(events);
  return events.filter((event) => event.type !== 'corrected' && !addsNoDevice.has(event.type) && !undone.has(event.id)).length;
}
