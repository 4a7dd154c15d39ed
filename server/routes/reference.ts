import type { FastifyInstance } from 'fastify';
import { referenceSchemas, referenceTables, type ReferenceTable } from '../../shared/domain/reference';
import { referenceEditBodySchema, referenceQuerySchema, syncPaths, describeIssues, type ReferenceEditResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { operatorMay } from '../operators/operators';
import { readReference, readRevision } from '../reference/read';
import { writeReferenceRows } from '../reference/write';

export function referenceRoute(app: FastifyInstance, db: Database): void {
  app.get(syncPaths.reference, async (request, reply) => {
    const query = referenceQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad_request', describeIssues(query.error));
    return readReference(db, query.data.since);
  });

  // A team lead's edit from a desk. The same check as a pushed event's: once operators are set
  // up, only one whose role may edit reference data (prices are part of the models) is heard.
  app.put<{ Params: { table: string } }>(`${syncPaths.reference}/:table`, async (request, reply) => {
    const table = request.params.table as ReferenceTable;
    if (!referenceTables.includes(table)) return sendError(reply, 404, 'not_found', `no reference table ${request.params.table}`);
    const body = referenceEditBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad_request', describeIssues(body.error));
    if (!(await operatorMay(db, body.data.operator, table === 'models' ? ['reference.edit', 'prices.edit'] : ['reference.edit'])))
      return sendError(reply, 403, 'not_permitted', `operator ${body.data.operator} may not edit reference data`);
    // Every row is checked on its own: a bad one is answered with its reason, the good ones are kept.
    const { rows, refused } = checkRows(table, body.data.rows);
    const revision = rows.length > 0 ? await writeReferenceRows(db, table, rows) : await readRevision(db);
    request.log.info({ table, rows: rows.length, refused: refused.length, operator: body.data.operator, revision }, 'reference edited');
    return { revision, written: rows.length, refused } satisfies ReferenceEditResponse;
  });
}

/**
 * The rows that match the table's schema, and one reason (the first problem) for each that does
 * not. An id given twice keeps its first row: one statement cannot write a row twice, and which
 * one was meant is for a person.
 */
export function checkRows(table: ReferenceTable, raw: readonly unknown[]): { rows: Array<{ id: string }>; refused: ReferenceEditResponse['refused'] } {
  const rows: Array<{ id: string }> = [];
  const refused: ReferenceEditResponse['refused'] = [];
  const firstRow = new Map<string, number>();
  for (const [i, candidate] of raw.entries()) {
    const parsed = referenceSchemas[table].safeParse(candidate);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const id = idOf(candidate);
      refused.push({ row: i + 1, ...(id ? { id } : {}), reason: issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'not a row' });
      continue;
    }
    const first = firstRow.get(parsed.data.id);
    if (first !== undefined) {
      refused.push({ row: i + 1, id: parsed.data.id, reason: `id ${parsed.data.id} is already in row ${first}` });
      continue;
    }
    firstRow.set(parsed.data.id, i + 1);
    rows.push(parsed.data);
  }
  return { rows, refused };
}

function idOf(candidate: unknown): string | undefined {
  if (typeof candidate !== 'object' || candidate === null || !('id' in candidate) || typeof candidate.id !== 'string') return undefined;
  return candidate.id.slice(0, 200) || undefined;
}
