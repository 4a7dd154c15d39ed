import type { KvikDb, StoredEvent } from '../store/db';
import { latestOf } from '../store/latest-event';
import { recordEvent, type RecordResult } from '../store/record';
import { newEvent, type DeskContext } from './desk-context';

export type UndoResult =
  | (Extract<RecordResult, { ok: true }> & { undone: StoredEvent })
  | Extract<RecordResult, { ok: false }>
  | { ok: false; nothing: true };

/**
 * Undoes this desk's last action by recording a correction that restores the device as it was
 * before — never by deleting anything. The last action is this desk's latest event; a correction
 * (an undo, a resolved conflict) is not undone in turn, and an event without the state before it
 * (one that arrived by sync) cannot be. Reading it and recording the correction happen in one
 * transaction, so two quick undos cannot both act on the same event.
 */
export async function undoLastAction(db: KvikDb, ctx: DeskContext, reason: string, now = new Date()): Promise<UndoResult> {
  return db.transaction('rw', [db.devices, db.events, db.outbox], async () => {
    const undone = await db.events.where('[deskId+at]').between([ctx.deskId, ''], [ctx.deskId, '\uffff']).last();
    if (!undone || undone.type === 'corrected' || undone.prior === undefined) return { ok: false, nothing: true } as const;
    const event = newEvent(ctx, 'corrected', undone.deviceKey, { reason, undoes: undone.id }, now);
    const result = await recordEvent(db, event, { latest: latestOf(undone) });
    return result.ok ? { ...result, undone } : result;
  });
}


