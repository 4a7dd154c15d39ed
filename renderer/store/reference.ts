import Dexie from 'dexie';
import { editableSchemas, type EditableTable, type ReferenceTable } from '../../shared/domain/reference';
import { isDeactivatable, namedByEvent, removeVerdict, type DeactivatableTable, type ReferenceUse, type RemoveVerdict } from '../../shared/domain/reference-use';
import type { z } from 'zod';
import type { KvikDb, StoredEvent } from './db';

export type ReferenceRow<T extends EditableTable> = z.infer<(typeof editableSchemas)[T]>;

function table<T extends EditableTable>(db: KvikDb, name: T) {
  return db.table<ReferenceRow<T>, string>(name);
}

/** Imports validated rows in one transaction: the whole file or nothing. Rows with a known id are updated. */
export async function importReferenceRows<T extends ReferenceTable>(db: KvikDb, name: T, rows: ReferenceRow<T>[]): Promise<number> {
  await db.transaction('rw', table(db, name), async () => {
    const existing = await table(db, name).bulkGet(rows.map((row) => row.id));
    await table(db, name).bulkPut(rows.map((row, i) => keepActive(existing[i], row)));
  });
  return rows.length;
}

/**
 * A row written over an existing one keeps its `active` flag unless it says otherwise: an edit
 * form or a CSV file without the flag never brings a deactivated row back into the pickers.
 */
function keepActive<R extends object>(existing: object | undefined, row: R): R {
  const had = existing && 'active' in existing ? existing.active : undefined;
  const says = 'active' in row && row.active !== undefined;
  return !says && typeof had === 'boolean' ? { ...row, active: had } : row;
}

/** A row checked against the table's schema, or the schema's complaint. */
export function validateReferenceRow<T extends EditableTable>(name: T, row: unknown): { ok: true; row: ReferenceRow<T> } | { ok: false; problem: string } {
  const parsed = editableSchemas[name].safeParse(row);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, row: parsed.data as ReferenceRow<T> };
}

/** Saves one row after checking it against the table's schema; returns the schema's complaint if any. */
export async function saveReferenceRow<T extends EditableTable>(db: KvikDb, name: T, row: unknown, replacing?: string): Promise<string | null> {
  const checked = validateReferenceRow(name, row);
  if (!checked.ok) return checked.problem;
  await db.transaction('rw', table(db, name), async () => {
    const existing = await table(db, name).get(replacing ?? checked.row.id);
    if (replacing && replacing !== checked.row.id) await table(db, name).delete(replacing);
    await table(db, name).put(keepActive(existing, checked.row));
  });
  return null;
}

/** Events read per transaction while counting: a scan is never held up behind the whole log. */
const EVENT_PAGE = 5_000;

/** The devices naming a row now, by their index. */
function devicesNaming(db: KvikDb, table: DeactivatableTable, id: string) {
  if (table === 'models') return db.devices.where('model').equals(id);
  if (table === 'departments') return db.devices.where('holder.department').equals(id);
  return db.devices.where('[location+status]').between([id, Dexie.minKey], [id, Dexie.maxKey]);
}

/**
 * How many devices name a model, location or department, by index; when none does, how many
 * events (history: a device voided or corrected since) — read in pages along the log, each page
 * a transaction of its own so the desk's scans go on meanwhile.
 */
export async function referenceUse(db: KvikDb, table: DeactivatableTable, id: string): Promise<ReferenceUse> {
  const devices = await devicesNaming(db, table, id).count();
  if (devices > 0) return { devices };
  let events = 0;
  let after: string | undefined;
  for (;;) {
    const page = (await (after === undefined ? db.events.orderBy(':id') : db.events.where(':id').above(after)).limit(EVENT_PAGE).toArray()) as StoredEvent[];
    for (const event of page) if (namedByEvent(table, event).includes(id)) events++;
    if (page.length < EVENT_PAGE) return { devices, events };
    after = page[page.length - 1]?.id;
  }
}

/**
 * Deletes a reference row, unless devices or events name it: then nothing is deleted and the
 * verdict says how much uses it, to offer deactivation instead. Employees are not counted.
 */
export async function removeReferenceRow(db: KvikDb, name: EditableTable, id: string): Promise<RemoveVerdict> {
  if (!isDeactivatable(name)) {
    await db.table(name).delete(id);
    return { kind: 'delete' };
  }
  const verdict = removeVerdict(await referenceUse(db, name, id));
  if (verdict.kind !== 'delete') return verdict;
  // A device may have taken the row while the log was read: checked again with the delete.
  return db.transaction('rw', [db.table(name), db.devices], async () => {
    const devices = await devicesNaming(db, name, id).count();
    if (devices > 0) return removeVerdict({ devices });
    await db.table(name).delete(id);
    return verdict;
  });
}
