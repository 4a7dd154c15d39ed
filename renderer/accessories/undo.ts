import { deltaOf, isUndoable } from '../../shared/accessories/event';
import type { DeskContext } from '../desk/desk-context';
import type { KvikDb, StoredAccessoryEvent } from '../store/db';
import type { AccessoryFeedback } from './desk-actions';
import { batchAccessoryEvents, newAccessoryEvent, recordAccessoryEvent } from './store';

/** The batch's newest receive or issue still standing: what `KVIK:UNDO` takes back when it is newer than the batch's last device. */
export async function latestUndoable(db: KvikDb, deskId: string, startedAt: string): Promise<StoredAccessoryEvent | undefined> {
  const events = await batchAccessoryEvents(db, deskId, startedAt);
  return events.filter(isUndoable).at(-1);
}

/** Takes one receive or issue back: an `accessory_undone` with the opposite change, recorded like any action. */
export async function undoAccessory(db: KvikDb, ctx: DeskContext, event: StoredAccessoryEvent, now = new Date()): Promise<AccessoryFeedback> {
  await recordAccessoryEvent(db, newAccessoryEvent(ctx, 'accessory_undone', event.accessory, { undoes: event.id, delta: -deltaOf(event) }, now));
  const name = (await db.accessories.get(event.accessory))?.name ?? event.accessory;
  return { tone: 'warning', message: { key: 'accessories.feedback.undone', params: { count: Math.abs(deltaOf(event)), name } } };
}
