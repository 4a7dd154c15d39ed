import type { FastifyInstance } from 'fastify';
import { editableTables, type EditableTable } from '../../shared/domain/reference';
import { referenceEditBodySchema, referenceQuerySchema, syncPaths, describeIssues, type ReferenceEditResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { sendError } from '../http/errors';
import { operatorMay, refuseTakenBadges } from '../operators/operators';
import { checkRows } from '../reference/check';
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
    const table = request.params.table as EditableTable;
    if (!editableTables.includes(table)) return sendError(reply, 404, 'not_found', `no reference table ${request.params.table}`);
    const body = referenceEditBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad_request', describeIssues(body.error));
    if (!(await operatorMay(db, body.data.operator, table === 'models' ? ['reference.edit', 'prices.edit'] : ['reference.edit'])))
      return sendError(reply, 403, 'not_permitted', `operator ${body.data.operator} may not edit reference data`);
    // Every row is checked on its own: a bad one is answered with its reason, the good ones are kept.
    const checked = checkRows(table, body.data.rows);
    // An operator's badge must say who it is: one taken by another operator is refused.
    const { rows, refused } = table === 'operators' ? await refuseTakenBadges(db, checked) : checked;
    const revision = rows.length > 0 ? await writeReferenceRows(db, table, rows.map((r) => r.data)) : await readRevision(db);
    request.log.info({ table, rows: rows.length, refused: refused.length, operator: body.data.operator, revision }, 'reference edited');
    return { revision, written: rows.length, refused } satisfies ReferenceEditResponse;
  });
}
