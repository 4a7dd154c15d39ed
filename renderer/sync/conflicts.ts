import type { CorrectionSet } from '../../shared/domain/event';
import type { ConflictRow, KvikDb, StoredEvent } from '../store/db';
import { recordEvent, type RecordResult } from '../store/record';
import { newEvent, type DeskContext } from '../desk/desk-context';

/** A refused event of this desk as the Conflicts screen lists it. */
export interface ConflictView {
  conflict: ConflictRow;
  event: StoredEvent | undefined;
  /** The correction (from any desk) that settled it. */
  resolvedBy: StoredEvent | undefined;
  /**
   * Settled without anyone acting: an undo of an event the server refused has nothing left to
   * undo, so its own refusal needs no correction.
   */
  settledBecause: 'undo_of_refused' | undefined;
}

export function isOpen(view: ConflictView): boolean {
  return !view.resolvedBy && !view.conflict.acknowledged && !view.settledBecause;
}

/** Every refused event of this desk, newest first, with how each was settled if it was. */
export async function listConflicts(db: KvikDb): Promise<ConflictView[]> {
  return db.transaction('r', [db.conflicts, db.events], async () => {
    const rows = await db.conflicts.orderBy('detectedAt').reverse().toArray();
    const events = await db.events.bulkGet(rows.map((row) => row.eventId));
    return Promise.all(
      rows.map(async (conflict, i): Promise<ConflictView> => {
        const event = events[i];
        const resolvedBy = await db.events.where('data.resolves').equals(conflict.eventId).first();
        let settledBecause: ConflictView['settledBecause'];
        if (event?.type === 'corrected' && event.data.undoes) {
          const target = await db.events.get(event.data.undoes);
          if (target?.sync === 'conflict' || target?.sync === 'invalid') settledBecause = 'undo_of_refused';
        }
        return { conflict, event, resolvedBy, settledBecause };
      }),
    );
  });
}

export interface Resolution {
  /** Why, in the person's words: kept on the correction. */
  reason: string;
  /** The status the person found the device in, if it differs from what the desk shows. */
  status?: NonNullable<CorrectionSet['status']>;
}

/**
 * Settles a conflict the only way anything is changed: by recording a corrective event
 * (`corrected` with `resolves`) through `recordEvent`, which syncs like any other. Refused when
 * the device does not exist (nothing to correct): then `acknowledgeConflict`.
 */
export async function resolveConflict(db: KvikDb, ctx: DeskContext, eventId: string, resolution: Resolution, now = new Date()): Promise<RecordResult> {
  const conflict = await db.conflicts.get(eventId);
  if (!conflict) throw new Error(`no conflict for event ${eventId}`);
  const data = {
    reason: resolution.reason,
    resolves: eventId,
    ...(resolution.status ? { set: { status: resolution.status } } : {}),
  };
  return recordEvent(db, newEvent(ctx, 'corrected', conflict.deviceKey, data, now));
}

/** A person saw a refused event that no correction can settle (its device does not exist). */
export async function acknowledgeConflict(db: KvikDb, eventId: string, operator: string, now = new Date()): Promise<void> {
  await db.conflicts.update(eventId, { acknowledged: { operator, at: now.toISOString() } });
}
