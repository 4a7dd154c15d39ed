import { editableSchemas, type EditableTable, type ReferenceTable } from '../../shared/domain/reference';
import type { z } from 'zod';
import type { KvikDb } from './db';

export type ReferenceRow<T extends EditableTable> = z.infer<(typeof editableSchemas)[T]>;

function table<T extends EditableTable>(db: KvikDb, name: T) {
  return db.table<ReferenceRow<T>, string>(name);
}

/** Imports validated rows in one transaction: the whole file or nothing. Rows with a known id are updated. */
export async function importReferenceRows<T extends ReferenceTable>(db: KvikDb, name: T, rows: ReferenceRow<T>[]): Promise<number> {
  await db.transaction('rw', table(db, name), async () => {
    await table(db, name).bulkPut(rows);
  });
  return rows.length;
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
    if (replacing && replacing !== checked.row.id) await table(db, name).delete(replacing);
    await table(db, name).put(checked.row);
  });
  return null;
}

export async function deleteReferenceRow(db: KvikDb, name: EditableTable, id: string): Promise<void> {
  await db.table(name).delete(id);
}
