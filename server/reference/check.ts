import { hasCurrentCost } from '../../shared/auth/pin';
import { editableSchemas, type EditableTable } from '../../shared/domain/reference';
import type { ReferenceEditResponse } from '../../shared/sync/protocol';

/** A desk's edit checked: the good rows with their place in the request (from 1), and the refused. */
export interface CheckedRows {
  rows: Array<{ row: number; data: { id: string; badge?: string } }>;
  refused: ReferenceEditResponse['refused'];
}

/**
 * The rows that match the table's schema, and one reason (the first problem) for each that does
 * not. An id given twice keeps its first row: one statement cannot write a row twice, and which
 * one was meant is for a person. An operator's PIN hash must be of this version's cost.
 */
export function checkRows(table: EditableTable, raw: readonly unknown[]): CheckedRows {
  const rows: CheckedRows['rows'] = [];
  const refused: CheckedRows['refused'] = [];
  const firstRow = new Map<string, number>();
  for (const [i, candidate] of raw.entries()) {
    const row = i + 1;
    const parsed = editableSchemas[table].safeParse(candidate);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const id = idOf(candidate);
      refused.push({ row, ...(id ? { id } : {}), reason: issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'not a row' });
      continue;
    }
    const { id } = parsed.data;
    if ('pinHash' in parsed.data && !hasCurrentCost(parsed.data.pinHash)) {
      refused.push({ row, id, reason: 'pinHash: not made at this server’s scrypt cost' });
      continue;
    }
    const first = firstRow.get(id);
    if (first !== undefined) {
      refused.push({ row, id, reason: `id ${id} is already in row ${first}` });
      continue;
    }
    firstRow.set(id, row);
    rows.push({ row, data: parsed.data });
  }
  return { rows, refused };
}

function idOf(candidate: unknown): string | undefined {
  if (typeof candidate !== 'object' || candidate === null || !('id' in candidate) || typeof candidate.id !== 'string') return undefined;
  return candidate.id.slice(0, 200) || undefined;
}
