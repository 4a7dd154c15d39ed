import type { ReferenceTable } from '../../shared/domain/reference';
import type { Database } from '../db/database';
import { referenceColumns, type ReferenceColumn } from './tables';

/**
 * Rows into a reference table, inserted or updated by id, in one transaction that moves the
 * reference revision on; a row whose content did not change keeps its old revision, so desks
 * fetching `?since=` receive only what really changed. Returns the new revision. Table and column
 * names come from `tables.ts` only, never from input.
 */
export async function writeReferenceRows(db: Database, table: ReferenceTable | 'operators', records: readonly object[]): Promise<number> {
  const columns = table === 'operators' ? operatorColumns : referenceColumns[table];
  return db.transaction(async (tx) => {
    const [row] = await tx.query('UPDATE reference_revision SET revision = revision + 1 RETURNING revision');
    const revision = Number(row?.revision);
    const entries: Array<[string, ReferenceColumn]> = Object.entries(columns);
    const names = entries.map(([, c]) => c.column);
    const recordset = entries.map(([field, c]) => `"${field}" ${c.type}`).join(', ');
    // What an update sets each column to: the row's value, or the old one where the row is silent and the column keeps it.
    const updated = entries
      .filter(([, c]) => c.column !== 'id')
      .map(([, c]) => ({ column: c.column, value: c.keepWhenAbsent ? `COALESCE(EXCLUDED.${c.column}, ${table}.${c.column})` : `EXCLUDED.${c.column}` }));
    await tx.query(
      `INSERT INTO ${table} (${names.join(', ')}, revision)
       SELECT ${entries.map(([field]) => `"${field}"`).join(', ')}, $2 FROM jsonb_to_recordset($1::jsonb) AS r(${recordset})
       ON CONFLICT (id) DO UPDATE SET ${updated.map((u) => `${u.column} = ${u.value}`).join(', ')}, revision = EXCLUDED.revision
       WHERE (${updated.map((u) => `${table}.${u.column}`).join(', ')}) IS DISTINCT FROM (${updated.map((u) => u.value).join(', ')})`,
      [JSON.stringify(records), revision],
    );
    return revision;
  });
}

/** The operators table's fields and columns, as `referenceColumns` for the CSV tables. */
export const operatorColumns: Record<string, ReferenceColumn> = {
  id: { column: 'id', type: 'text', required: true },
  name: { column: 'name', type: 'text', required: true },
  role: { column: 'role', type: 'text', required: true },
  badge: { column: 'badge', type: 'text', required: false },
  pinHash: { column: 'pin_hash', type: 'text', required: true },
};
