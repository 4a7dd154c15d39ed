import { useTranslation } from 'react-i18next';
import type { EditableTable, ReferenceTable } from '../../shared/domain/reference';
import type { ReferenceEditResponse } from '../../shared/sync/protocol';
import { useServices } from '../app/services';
import { importReferenceRows, saveReferenceRow, validateReferenceRow, type ReferenceRow } from '../store/reference';
import { useSync } from '../sync/sync-context';
import { editProblem } from './edit-problem';

/** Rows per request: well under the server's 5,000 and its body limit, and a progress bar that moves. */
const CHUNK = 1000;

export type EditOutcome =
  | { ok: true; written: number; refused: ReferenceEditResponse['refused'] }
  | { ok: false; problem: string };

export interface ReferenceEdits {
  /** A server is configured: it owns the data, and edits go there (never into this desk's copy alone). */
  central: boolean;
  /** Central, and the server cannot be reached now: editing must wait for the connection. */
  offline: boolean;
  save(table: EditableTable, row: unknown, replacing?: string): Promise<EditOutcome>;
  /** Checked rows, sent in chunks; `progress(done, total)` after each. */
  importRows<T extends ReferenceTable>(table: T, rows: ReferenceRow<T>[], progress?: (done: number, total: number) => void): Promise<EditOutcome>;
}

/**
 * Where a team lead's reference edit goes. With a server configured the central inventory owns the
 * data: the edit is sent there (`PUT /v1/reference/<table>`, the role checked by the server) and
 * comes back to this desk, as to every desk, with the next reference pull, started at once.
 * Without a server (a trial desk) the desk's own copy is edited.
 */
export function useReferenceEdits(): ReferenceEdits {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const sync = useSync();
  const client = sync.client;
  const connection = sync.status.connection;

  if (!client)
    return {
      central: false,
      offline: false,
      async save(table, row, replacing) {
        const problem = await saveReferenceRow(db, table, row, replacing);
        return problem ? { ok: false, problem: t('reference.invalidRow', { message: problem }) } : { ok: true, written: 1, refused: [] };
      },
      async importRows(table, rows) {
        return { ok: true, written: await importReferenceRows(db, table, rows), refused: [] };
      },
    };

  const operator = session?.operator ?? '';
  const send = async (table: EditableTable, rows: readonly unknown[], progress?: (done: number, total: number) => void): Promise<EditOutcome> => {
    let written = 0;
    const refused: ReferenceEditResponse['refused'] = [];
    try {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const answer = await client.editReference(table, operator, rows.slice(i, i + CHUNK));
        written += answer.written;
        refused.push(...answer.refused.map((r) => ({ ...r, row: r.row + i })));
        progress?.(Math.min(i + CHUNK, rows.length), rows.length);
      }
    } catch (error) {
      const problem = editProblem(t, error);
      if (written > 0) void sync.syncNow();
      return { ok: false, problem: written > 0 ? t('reference.partlySent', { count: written, problem }) : problem };
    }
    // What was written comes back by the normal reference pull, to this desk as to the others;
    // the edit is done when this desk has it (the next scan may need the new employee).
    if (written > 0) await sync.syncNow();
    return { ok: true, written, refused };
  };

  return {
    central: true,
    offline: connection === 'offline' || connection === 'unreachable',
    async save(table, row) {
      const checked = validateReferenceRow(table, row);
      if (!checked.ok) return { ok: false, problem: t('reference.invalidRow', { message: checked.problem }) };
      return send(table, [checked.row]);
    },
    importRows: (table, rows, progress) => send(table, rows, progress),
  };
}
